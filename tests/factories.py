"""Builders for test data. Pages are added under the real site tree and published."""

import io
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images.models import Image

import factory
from PIL import Image as PILImage

from organisations.models import Organisation
from practices.models import (
    CaseStudyDocument,
    CaseStudyIndexPage,
    CaseStudyPage,
    Evaluation,
    ImplementingActor,
    Source,
)
from practices.site_tree import ensure_site_tree


def case_study_index() -> CaseStudyIndexPage:
    ensure_site_tree()
    return CaseStudyIndexPage.objects.get()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Observatorio Ciudadano {n}")
    slug = factory.Sequence(lambda n: f"observatorio-ciudadano-{n}")
    kind = Organisation.Kind.CIVIL_SOCIETY
    country = "CO"


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Photo {n}")

    @factory.lazy_attribute
    def file(self):
        buffer = io.BytesIO()
        PILImage.new("RGB", (800, 450), (20, 64, 107)).save(buffer, format="PNG")
        return ImageFile(buffer, name="photo.png")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Informe de evaluación {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4\n%%EOF\n", name="informe.pdf"))


class CaseStudyPageFactory(factory.django.DjangoModelFactory):
    """A valid, published case study. Pass `sectors=["policing"]` etc. as slugs of seeded terms."""

    class Meta:
        model = CaseStudyPage

    title = factory.Sequence(lambda n: f"Programa municipal de prevención {n}")
    slug = factory.Sequence(lambda n: f"programa-prevencion-{n}")
    summary = "A municipal programme that combined youth outreach with targeted patrols."
    problem = "<p>Homicides concentrated among young men in a few neighbourhoods.</p>"
    objectives = "<ul><li>Reduce youth homicides.</li></ul>"
    intervention = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Outreach workers and police coordinated weekly.</p>"}]
    )
    country = "CO"
    city = "Medellín"
    subnational_unit = "Antioquia"
    start_year = 2010
    status = "active"
    ongoing = True
    evidence_strength = 3
    effect_direction = "positive"
    policy_cycle_stages = factory.LazyFunction(lambda: ["design", "implementation"])

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        parent=None,
        levels=("municipal",),
        sectors=("policing",),
        policy_areas=("social-prevention",),
        themes=("homicide",),
        populations=("youth",),
        sources=1,
        evaluations=0,
        actors=0,
        documents=0,
        publish=True,
        **kwargs,
    ):
        from practices.models import GovernmentLevel, PolicyArea, Sector, TargetPopulation, Theme

        page = model_class(*args, **kwargs)
        page.levels_of_government = list(GovernmentLevel.objects.filter(slug__in=levels))
        page.sectors = list(Sector.objects.filter(slug__in=sectors))
        page.policy_areas = list(PolicyArea.objects.filter(slug__in=policy_areas))
        page.themes = list(Theme.objects.filter(slug__in=themes))
        page.target_populations = list(TargetPopulation.objects.filter(slug__in=populations))
        page.sources = [
            Source(title=f"Evaluation report {i}", authors="Ministry of the Interior", year=2015)
            for i in range(sources)
        ]
        page.evaluations = [
            Evaluation(
                design="quasi-experimental",
                year=2014,
                evaluators="University team",
                outcome_measured="Homicide rate",
                result="Homicides fell in treated areas.",
            )
            for _ in range(evaluations)
        ]
        page.actors = [
            ImplementingActor(name=f"Alcaldía {i}", actor_type="subnational-government", role="lead")
            for i in range(actors)
        ]
        page.documents = [
            CaseStudyDocument(document=DocumentFactory(), description=f"Annex {i}") for i in range(documents)
        ]
        (parent or case_study_index()).add_child(instance=page)
        if publish:
            page.save_revision().publish()
        else:
            page.unpublish()
        page.refresh_from_db()
        return page


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"persona{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Ana"
    last_name = factory.Sequence(lambda n: f"Pérez {n}")
    password = factory.django.Password("una-clave-segura-2026")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """`roles=["Editor"]`: the site's groups, created by ensure_roles (use the site_roles fixture)."""
        from django.contrib.auth.models import Group

        for name in extracted or []:
            self.groups.add(Group.objects.get(name=name))


def contributor(organisation=None, **kwargs):
    """An active contributor with an approved membership of `organisation` (a new one by default)."""
    from accounts.contributors import make_contributor
    from organisations.models import Membership

    user = UserFactory(**kwargs)
    make_contributor(user)
    Membership.objects.create(
        user=user, organisation=organisation or OrganisationFactory(), status=Membership.Status.APPROVED
    )
    return user


def totp_device(user):
    """`user`'s confirmed authenticator-app device, made on first use, as enrolment leaves it."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.two_factor import APP_DEVICE_NAME

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=True)


def totp_code(device) -> str:
    """The code an authenticator app would show now, computed from the device's key. The device never
    takes the same time step twice, so after a code was spent this half-minute, it is the next step's
    (within the device's tolerance of one step)."""
    from django_otp.oath import TOTP

    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    ahead = device.last_t + 1 - totp.t()
    if ahead > device.tolerance:
        raise AssertionError("more than two codes in one half-minute: log in once per test and user")
    totp.drift += max(0, ahead)
    return f"{totp.token():0{device.digits}d}"


def verified_login(client, user):
    """Log `user` in and pass the real second step with a valid code, as a person with the app would:
    the way to a session that may use the admin and every editor-only page."""
    from django.urls import reverse

    device = totp_device(user)
    client.force_login(user)
    response = client.post(reverse("accounts:two_factor_verify"), {"code": totp_code(device)})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "two-factor" not in response["Location"], response["Location"]
    return device


@contextmanager
def demo_corpus_rolled_back(django_db_blocker, with_accounts: bool = False):
    """The demo corpus in the database for a whole module, rolled back afterwards: loading it once
    per module rather than per test keeps these suites fast."""
    from practices.demo import load_demo

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo(with_accounts=with_accounts)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
