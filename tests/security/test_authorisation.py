"""Who may open what: every URL pattern of the project against the five roles.

The matrix below names every route outside the two admins, with what each role gets: anonymous
readers, a contributor (an approved member of an organisation), a trainer, an editor and an
administrator. `test_every_route_is_in_the_matrix` walks the real URL configuration, so a new
route without a row fails until someone decides who may open it.

Both admins are swept in full: every route, built from its pattern, must refuse anonymous readers,
contributors and trainers (a login redirect, 403, 404 or 405, never admin content). Whether editors and
administrators get in depends on two-factor authentication, whose own tests cover it; here their
answer in the admins is deliberately not asserted (UNCHECKED).

Data is built once per module in a transaction that is rolled back at the end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlparse

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RegexPattern, RoutePattern

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from accounts.roles import is_editor
from organisations.models import Organisation
from practices.models import CaseStudyIndexPage, CaseStudyPage
from practices.roles import ensure_roles
from practices.site_tree import ensure_site_tree
from reading_lists import services
from reading_lists.models import ReadingList
from submissions.models import Submission
from tests.factories import CaseStudyPageFactory, OrganisationFactory, UserFactory, contributor

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "contributor", "trainer", "editor", "administrator")
READERS = ("anonymous", "contributor", "trainer")  # nobody here may see either admin
ADMIN_PREFIXES = ("admin/", "django-admin/")


# --- Expected outcomes -------------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    status: int | None  # None: any answer but a server error
    to: str = ""  # for redirects: the path the Location must start with

    def problem(self, response) -> str:
        if self.status is None:
            return f"server error {response.status_code}" if response.status_code >= 500 else ""
        if response.status_code != self.status:
            where = f" -> {response.get('Location')}" if response.status_code in (301, 302) else ""
            return f"expected {self}, got {response.status_code}{where}"
        if self.to and not urlparse(response["Location"]).path.startswith(self.to):
            return f"expected a redirect to {self.to}, got one to {response['Location']}"
        return ""

    def __str__(self) -> str:
        return f"{self.status}{'→' + self.to if self.to else ''}"


OK = Expect(200)
BAD_REQUEST = Expect(400)
FORBIDDEN = Expect(403)
NOT_FOUND = Expect(404)
NOT_ALLOWED = Expect(405)
LOGIN = Expect(302, "/en/accounts/login/")
ADMIN_LOGIN = Expect(302, "/admin/login/")
# Editors and administrators in the admins: two-factor authentication decides, and its tests check it.
UNCHECKED = None
# The two-factor screens answer signed-in people according to their enrolment, which
# tests/accounts checks; here only that they answer without a server error.
ANSWERS = Expect(None)


def redirect(to: str) -> Expect:
    return Expect(302, to)


def everyone(outcome: Expect) -> dict[str, Expect]:
    return dict.fromkeys(ROLES, outcome)


def signed_in(outcome: Expect, **by_role: Expect) -> dict[str, Expect]:
    """Anonymous readers are sent to log in; signed-in people get `outcome` unless named."""
    return {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], outcome), **by_role}


def owner_and_editors(
    outcome: Expect, denied: Expect = NOT_FOUND, owner: str = "trainer"
) -> dict[str, Expect]:
    """Something one person owns: the owner and editors get `outcome`, everyone else `denied`."""
    return {role: outcome if role in (owner, "editor", "administrator") else denied for role in ROLES}


def admin_only(denied: Expect = ADMIN_LOGIN) -> dict[str, Expect | None]:
    return {**dict.fromkeys(READERS, denied), "editor": UNCHECKED, "administrator": UNCHECKED}


# --- The data ---------------------------------------------------------------------------------


@dataclass
class World:
    people: dict[str, object]
    live: list[CaseStudyPage]
    draft: CaseStudyPage
    restricted: CaseStudyPage
    page_restriction: PageViewRestriction
    submission: Submission
    organisation: Organisation
    unverified: Organisation
    lists: dict[str, ReadingList]
    document: object
    collection_restriction: CollectionViewRestriction
    sessions: dict[str, str] = field(default_factory=dict)  # role: session key


@contextmanager
def rolled_back(django_db_blocker) -> Iterator[None]:
    """Module-wide data: one transaction around the module's tests, rolled back at the end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def build_world() -> World:
    home = ensure_site_tree()
    ensure_roles(home, CaseStudyIndexPage.objects.get())
    organisation = OrganisationFactory(name="Fundación Norte", slug="fundacion-norte")
    unverified = OrganisationFactory(
        name="Colectivo sin verificar", slug="colectivo-sin-verificar", verified=False
    )
    people = {
        "anonymous": None,
        "contributor": contributor(organisation, username="autora"),
        "trainer": UserFactory(username="formadora", roles=["Trainer"]),
        "editor": UserFactory(username="editora", roles=["Editor"]),
        "administrator": UserFactory(username="administradora", roles=["Administrator"]),
    }
    live = [
        CaseStudyPageFactory(title="Plan Cuadrante", slug="plan-cuadrante", country="CL"),
        CaseStudyPageFactory(title="Fica Vivo", slug="fica-vivo", country="BR"),
    ]
    draft = CaseStudyPageFactory(
        title="Borrador nunca publicado", slug="borrador-nunca-publicado", publish=False
    )
    restricted = CaseStudyPageFactory(title="Práctica con contraseña", slug="practica-con-contrasena")
    page_restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="clave-secreta"
    )
    submission = Submission.objects.create(
        author=people["contributor"], organisation=organisation, title="Borrador de la autora"
    )
    trainer = people["trainer"]
    lists = {
        visibility: ReadingList.objects.create(
            owner=trainer, title=f"Lista {visibility}", visibility=visibility
        )
        for visibility in ("public", "unlisted", "private")
    }
    for reading_list in lists.values():
        services.add_practice(reading_list, live[0])
    root = Collection.get_first_root_node()
    document = get_document_model().objects.create(
        title="Informe", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="informe.pdf"), collection=root
    )
    private_collection = root.add_child(name="Solo con contraseña")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.PASSWORD, password="clave"
    )
    return World(
        people=people,
        live=live,
        draft=draft,
        restricted=restricted,
        page_restriction=page_restriction,
        submission=submission,
        organisation=organisation,
        unverified=unverified,
        lists=lists,
        document=document,
        collection_restriction=collection_restriction,
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    # The document's file goes to a directory of this module's own: any other test run that ends
    # meanwhile empties the shared test MEDIA_ROOT.
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, rolled_back(django_db_blocker):
        world = build_world()
        world.sessions = {role: open_session(user) for role, user in world.people.items() if user}
        yield world


def open_session(user) -> str:
    """A signed-in session, made once per module. Editors and administrators must pass a second
    factor (django-otp) where it is installed: their session is marked verified with a confirmed
    device, as a correct code would, so what is tested here is the role and not the enrolment."""
    client = Client()
    client.force_login(user)
    if apps.is_installed("django_otp") and is_editor(user):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_static.models import StaticDevice

        device = StaticDevice.objects.create(user=user, name="test device", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def sign_in(client: Client, world: World, role: str) -> None:
    client.cookies.pop(settings.SESSION_COOKIE_NAME, None)
    if role != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]


# --- The matrix -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    route: str  # the URL name (namespace:name), or the route itself when it has no name
    url: Callable[[World], str]
    expect: dict[str, Expect | None]
    method: str = "get"
    data: Callable[[World], dict] | None = None
    label: str = ""

    @property
    def id(self) -> str:
        return f"{self.route}[{self.label}]" if self.label else self.route


def page_path(page) -> str:
    return page.get_url() or page.url_path


def submission_url(name: str, **kwargs) -> Callable[[World], str]:
    return lambda w: reverse(f"submissions:{name}", kwargs={"pk": w.submission.pk, **kwargs})


def list_url(name: str, visibility: str, suffix: str = "") -> Callable[[World], str]:
    return lambda w: reverse(f"reading_lists:{name}", args=[w.lists[visibility].pk]) + suffix


def shared_url(visibility: str) -> Callable[[World], str]:
    return lambda w: reverse("reading_lists:shared", args=[w.lists[visibility].share_token])


SIGNED_IN_REDIRECT = redirect("/en/submissions/")  # LOGIN_REDIRECT_URL
CURATORS = {"contributor": FORBIDDEN}  # can_curate: trainers, editors, administrators

MATRIX: list[Case] = [
    # Search and its JSON API: public, and the same for everybody.
    Case("search:search", lambda w: "/en/search/?q=programa", everyone(OK)),
    Case("search_api:search", lambda w: "/api/search/?q=programa", everyone(OK)),
    Case("search_api:search", lambda w: "/api/search/", everyone(NOT_ALLOWED), method="post", label="post"),
    Case("search_api:autocomplete", lambda w: "/api/search/autocomplete/?q=pla", everyone(OK)),
    Case("search_api:schema", lambda w: "/api/schema/", everyone(OK)),
    # Comparison: public; a draft's id never makes a comparison, whoever asks.
    Case("compare:compare", lambda w: "/en/compare/", everyone(OK)),
    Case(
        "compare:compare",
        lambda w: f"/en/compare/?ids={w.live[0].pk},{w.live[1].pk}",
        everyone(OK),
        label="ids",
    ),
    Case(
        "compare:compare",
        lambda w: f"/en/compare/?ids={w.live[0].pk},{w.draft.pk}",
        everyone(BAD_REQUEST),
        label="with-a-draft",
    ),
    Case(
        "compare:compare",
        lambda w: f"/en/compare/?ids={w.live[0].pk},{w.restricted.pk}&format=csv",
        everyone(BAD_REQUEST),
        label="with-a-private-page",
    ),
    Case("compare:tray_add", lambda w: "/en/compare/tray/add/", everyone(NOT_ALLOWED), label="get"),
    Case(
        "compare:tray_add",
        lambda w: "/en/compare/tray/add/",
        everyone(redirect("/")),
        method="post",
        data=lambda w: {"page": w.live[0].pk},
    ),
    Case("compare:tray_remove", lambda w: "/en/compare/tray/remove/", everyone(redirect("/")), method="post"),
    Case("compare:tray_clear", lambda w: "/en/compare/tray/clear/", everyone(redirect("/")), method="post"),
    # Evidence map and dashboard.
    Case("dashboard:evidence_map", lambda w: "/en/evidence-map/", everyone(OK)),
    Case("dashboard:dashboard", lambda w: "/en/dashboard/", everyone(OK)),
    # Accounts.
    Case(
        "accounts:signup",
        lambda w: "/en/accounts/signup/",
        {**everyone(redirect("/en/accounts/profile/")), "anonymous": OK},
    ),
    Case("accounts:resend_verification", lambda w: "/en/accounts/verify/resend/", everyone(OK)),
    Case("accounts:verify", lambda w: "/en/accounts/verify/not-a-real-token/", everyone(BAD_REQUEST)),
    Case(
        "accounts:login", lambda w: "/en/accounts/login/", {**everyone(SIGNED_IN_REDIRECT), "anonymous": OK}
    ),
    Case("accounts:logout", lambda w: "/en/accounts/logout/", everyone(NOT_ALLOWED), label="get"),
    Case("accounts:logout", lambda w: "/en/accounts/logout/", everyone(redirect("/")), method="post"),
    Case("accounts:profile", lambda w: "/en/accounts/profile/", signed_in(OK)),
    Case("accounts:password_change", lambda w: "/en/accounts/password/change/", signed_in(OK)),
    Case("accounts:password_reset", lambda w: "/en/accounts/password/reset/", everyone(OK)),
    Case("accounts:password_reset_done", lambda w: "/en/accounts/password/reset/sent/", everyone(OK)),
    Case(
        "accounts:password_reset_confirm", lambda w: "/en/accounts/password/reset/MQ/bad-token/", everyone(OK)
    ),
    Case("accounts:password_reset_complete", lambda w: "/en/accounts/password/reset/done/", everyone(OK)),
    # Two-factor authentication: for signed-in people only.
    Case("accounts:two_factor", lambda w: "/en/accounts/two-factor/", signed_in(ANSWERS)),
    Case("accounts:two_factor_enrol", lambda w: "/en/accounts/two-factor/enrol/", signed_in(ANSWERS)),
    Case("accounts:two_factor_verify", lambda w: "/en/accounts/two-factor/verify/", signed_in(ANSWERS)),
    Case(
        "accounts:two_factor_backup_codes",
        lambda w: "/en/accounts/two-factor/backup-codes/",
        signed_in(ANSWERS),
    ),
    Case(
        "accounts:two_factor_disable",
        lambda w: "/en/accounts/two-factor/disable/",
        signed_in(ANSWERS),
        method="post",
    ),
    # Submissions: a contributor's own work; editors read every submission but edit none on the
    # public form (they review in the admin); someone else's submission is a 404.
    Case("submissions:list", lambda w: "/en/submissions/", signed_in(OK)),
    Case("submissions:new", lambda w: "/en/submissions/new/", signed_in(NOT_ALLOWED), label="get"),
    Case(
        "submissions:new",
        lambda w: "/en/submissions/new/",
        signed_in(redirect("/en/accounts/profile/"), contributor=redirect("/en/submissions/")),
        method="post",
    ),
    Case(
        "submissions:queue",
        lambda w: "/en/submissions/review-queue/",
        signed_in(OK, contributor=FORBIDDEN, trainer=FORBIDDEN),
    ),
    Case("submissions:detail", submission_url("detail"), signed_in(OK, trainer=NOT_FOUND)),
    Case(
        "submissions:review",
        submission_url("review"),
        signed_in(NOT_FOUND, contributor=OK),
    ),
    Case(
        "submissions:review",
        submission_url("review"),
        signed_in(NOT_FOUND, contributor=BAD_REQUEST),  # the author's incomplete draft: "still missing"
        method="post",
        label="submit",
    ),
    Case("submissions:step", submission_url("step", step="basics"), signed_in(NOT_FOUND, contributor=OK)),
    Case(
        "submissions:step",
        submission_url("step", step="context"),
        signed_in(NOT_FOUND, contributor=redirect("/en/submissions/")),
        method="post",
        data=lambda w: {"problem": "<p>Cambiado</p>", "action": "draft"},
        label="save",
    ),
    # Organisations: verified ones are public; one proposed at sign-up stays hidden from everybody.
    Case("organisations:list", lambda w: "/en/organisations/", everyone(OK)),
    Case("organisations:detail", lambda w: w.organisation.get_absolute_url(), everyone(OK)),
    Case(
        "organisations:detail",
        lambda w: f"/en/organisations/{w.unverified.slug}/",
        everyone(NOT_FOUND),
        label="unverified",
    ),
    # Reading lists: public ones for all; private and unlisted ones for their owner (the trainer)
    # and editors; an unlisted list through its secret link for anyone.
    Case("reading_lists:index", lambda w: "/en/reading-lists/", everyone(OK)),
    Case("reading_lists:create", lambda w: "/en/reading-lists/new/", signed_in(OK, **CURATORS)),
    Case(
        "reading_lists:add",
        lambda w: "/en/reading-lists/add/",
        signed_in(redirect("/en/reading-lists/"), **CURATORS),
        method="post",
        data=lambda w: {"page": w.live[1].pk, "reading_list": "new"},
    ),
    Case("reading_lists:shared", shared_url("unlisted"), everyone(OK)),
    Case("reading_lists:shared", shared_url("public"), everyone(OK), label="public"),
    Case("reading_lists:shared", shared_url("private"), owner_and_editors(OK), label="private"),
    Case("reading_lists:detail", list_url("detail", "public"), everyone(OK)),
    Case(
        "reading_lists:detail", list_url("detail", "public", "?format=pdf"), everyone(OK), label="public-pdf"
    ),
    Case("reading_lists:detail", list_url("detail", "private"), owner_and_editors(OK), label="private"),
    Case(
        "reading_lists:detail",
        list_url("detail", "private", "?format=csv"),
        owner_and_editors(OK),
        label="private-csv",
    ),
    Case(
        "reading_lists:detail",
        list_url("detail", "private", "?format=pdf"),
        owner_and_editors(OK),
        label="private-pdf",
    ),
    Case("reading_lists:detail", list_url("detail", "unlisted"), owner_and_editors(OK), label="unlisted"),
    Case(
        "reading_lists:detail",
        list_url("detail", "unlisted", "?format=csv"),
        owner_and_editors(OK),
        label="unlisted-csv",
    ),
    Case("reading_lists:edit", list_url("edit", "private"), signed_in(OK, contributor=NOT_FOUND)),
    Case(
        "reading_lists:edit",
        list_url("edit", "public"),
        signed_in(redirect("/en/reading-lists/"), contributor=NOT_FOUND),
        method="post",
        data=lambda w: {"action": "add-section", "title": "Sección"},
        label="post",
    ),
    Case(
        "reading_lists:duplicate",
        list_url("duplicate", "public"),
        signed_in(redirect("/en/reading-lists/"), **CURATORS),
        method="post",
    ),
    Case(
        "reading_lists:duplicate",
        list_url("duplicate", "private"),
        signed_in(redirect("/en/reading-lists/"), **CURATORS),
        method="post",
        label="private",
    ),
    # Pages served by Wagtail: live pages for all; a draft for nobody (editors preview in the admin).
    Case("wagtail_serve", lambda w: "/en/", everyone(OK)),
    Case("wagtail_serve", lambda w: "/en/practices/", everyone(OK), label="index"),
    Case("wagtail_serve", lambda w: page_path(w.live[0]), everyone(OK), label="practice"),
    Case(
        "wagtail_serve",
        lambda w: "/en/practices/borrador-nunca-publicado/",
        everyone(NOT_FOUND),
        label="draft",
    ),
    Case("wagtail_serve", lambda w: "/en/no-such-page/", everyone(NOT_FOUND), label="missing"),
    # The language switcher: anyone, back to the same page in the chosen language.
    Case("switch_language", lambda w: "/language/es/?next=/en/search/", everyone(redirect("/es/search/"))),
    Case("wagtail_serve", lambda w: page_path(w.restricted), everyone(OK), label="password-form"),
    Case(
        "wagtailcore_authenticate_with_password",
        lambda w: f"/en/_util/authenticate_with_password/{w.page_restriction.pk}/{w.restricted.pk}/",
        everyone(OK),
    ),
    Case("wagtailcore_login", lambda w: "/en/_util/login/", everyone(OK)),
    # Documents: served by their random file name; a guessed id with another name is a 404.
    Case("wagtaildocs_serve", lambda w: w.document.url, everyone(OK)),
    Case(
        "wagtaildocs_serve",
        lambda w: f"/documents/{w.document.pk}/guessed.pdf",
        everyone(NOT_FOUND),
        label="wrong-name",
    ),
    Case(
        "wagtaildocs_authenticate_with_password",
        lambda w: f"/documents/authenticate_with_password/{w.collection_restriction.pk}/",
        everyone(OK),
    ),
]

# A sample of the admins with the objects that matter: drafts, their revisions and preview, the
# admin API (which lists drafts), people and memberships. The sweep below covers every admin route.
ADMIN_SAMPLE: list[Case] = [
    Case("wagtailadmin_home", lambda w: "/admin/", admin_only()),
    Case("wagtailadmin_explore", lambda w: f"/admin/pages/{w.draft.get_parent().pk}/", admin_only()),
    Case("wagtailadmin_pages:edit", lambda w: f"/admin/pages/{w.draft.pk}/edit/", admin_only()),
    Case("wagtailadmin_pages:view_draft", lambda w: f"/admin/pages/{w.draft.pk}/view_draft/", admin_only()),
    Case(
        "wagtailadmin_pages:preview_on_edit",
        lambda w: f"/admin/pages/{w.draft.pk}/edit/preview/",
        admin_only(),
    ),
    Case(
        "wagtailadmin_pages:revisions_index", lambda w: f"/admin/pages/{w.draft.pk}/revisions/", admin_only()
    ),
    Case("wagtailadmin_pages:history", lambda w: f"/admin/pages/{w.draft.pk}/history/", admin_only()),
    Case("wagtailadmin_pages:search", lambda w: "/admin/pages/search/?q=borrador", admin_only()),
    Case("wagtailadmin_api:pages:listing", lambda w: "/admin/api/main/pages/?fields=title", admin_only()),
    Case("wagtailadmin_api:pages:detail", lambda w: f"/admin/api/main/pages/{w.draft.pk}/", admin_only()),
    Case("wagtailadmin_choose_page_search", lambda w: "/admin/choose-page/search/?q=borrador", admin_only()),
    Case("wagtailadmin_reports:workflow", lambda w: "/admin/reports/workflow/", admin_only()),
    Case("wagtailadmin_reports:site_history", lambda w: "/admin/reports/site-history/", admin_only()),
    Case("wagtailusers_users:index", lambda w: "/admin/users/", admin_only()),
    Case(
        "wagtailusers_users:edit", lambda w: f"/admin/users/edit/{w.people['contributor'].pk}/", admin_only()
    ),
    Case(
        "wagtailsnippets_organisations_membership:list",
        lambda w: "/admin/snippets/organisations/membership/",
        admin_only(),
    ),
    Case("wagtaildocs:index", lambda w: "/admin/documents/", admin_only()),
    Case("wagtailimages:index", lambda w: "/admin/images/", admin_only()),
    Case("wagtailadmin_account", lambda w: "/admin/account/", admin_only()),
    Case(
        "wagtailadmin_pages:unpublish",
        lambda w: f"/admin/pages/{w.live[0].pk}/unpublish/",
        admin_only(),
        method="post",
        label="post",
    ),
    Case(
        "wagtailadmin_pages:delete",
        lambda w: f"/admin/pages/{w.live[1].pk}/delete/",
        admin_only(),
        method="post",
        label="post",
    ),
    Case("admin:index", lambda w: "/django-admin/", admin_only(redirect("/django-admin/login/"))),
    Case(
        "admin:auth_user_changelist",
        lambda w: "/django-admin/auth/user/",
        admin_only(redirect("/django-admin/login/")),
    ),
]


def request(client: Client, case: Case, world: World):
    url = case.url(world)
    data = case.data(world) if case.data else {}
    return client.post(url, data) if case.method == "post" else client.get(url, data)


CHECKS = [
    pytest.param(case, role, id=f"{case.id}-{role}")
    for case in MATRIX + ADMIN_SAMPLE
    for role in ROLES
    if case.expect[role] is not UNCHECKED
]


@pytest.mark.parametrize(("case", "role"), CHECKS)
def test_route_answers_each_role_as_the_matrix_says(client, world, case, role):
    expected = case.expect[role]
    sign_in(client, world, role)
    response = request(client, case, world)
    assert not expected.problem(response), f"{case.id} as {role}: {expected.problem(response)}"


def test_the_matrix_names_every_role_for_every_case():
    for case in MATRIX + ADMIN_SAMPLE:
        assert set(case.expect) == set(ROLES), case.id


def test_admin_posts_from_readers_change_nothing(client, world):
    """The POST samples above were refused; the pages are exactly as they were."""
    for role in READERS:
        sign_in(client, world, role)
        client.post(f"/admin/pages/{world.live[0].pk}/unpublish/")
        client.post(f"/admin/pages/{world.live[1].pk}/delete/")
        client.post(
            f"/admin/pages/{world.draft.pk}/edit/",
            {"title": "Publicado por quien no debe", "action-publish": "1"},
        )
    assert CaseStudyPage.objects.filter(pk__in=[p.pk for p in world.live], live=True).count() == 2
    world.draft.refresh_from_db()
    assert not world.draft.live and world.draft.title == "Borrador nunca publicado"


# --- Every route of the project -----------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    route: str  # as ResolverMatch.route spells it
    name: str  # namespace:name, or "" when the pattern has none
    parts: tuple  # the pattern objects from the root down

    @property
    def key(self) -> str:
        return self.name or self.route

    @property
    def in_admin(self) -> bool:
        return self.route.startswith(ADMIN_PREFIXES)


def _join(first: str, second: str) -> str:
    # How django.urls.resolvers.URLResolver joins routes for ResolverMatch.route.
    return first + (second[1:] if second.startswith("^") else second)


def all_routes(patterns=None, route="", namespace="", parts=()) -> Iterator[Route]:
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        here = _join(route, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}"
                if namespace and pattern.namespace
                else namespace or pattern.namespace or ""
            )
            yield from all_routes(pattern.url_patterns, here, inner, (*parts, pattern.pattern))
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name or ""
            yield Route(here, name, (*parts, pattern.pattern))


ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
SAMPLE_BY_CONVERTER = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000001"}
# Regular-expression patterns cannot be filled in generically; each known one has a sample here.
SAMPLE_BY_REGEX = {
    r"^((?:[\w\-]+/)*)$": "practices/",
    r"^(\d+)/(.*)$": "1/informe.pdf",
    r"^.*/$": "no-such-screen/",
    r"(?P<url>.*)$": "no-such-screen/",
    r"^documents/": "documents/",
    r"^images/": "images/",
    r"^pages/": "pages/",
    (
        r"^(?P<pk>\d+)/revisions/compare/"
        r"(?P<revision_id_a>live|earliest|\d+)\.\.\.(?P<revision_id_b>live|latest|\d+)/$"
    ): "1/revisions/compare/earliest...latest/",
}
APP_INDEX = re.compile(r"^\^\(\?P<app_label>(?P<first>\w+)(\|\w+)*\)/\$$")


def sample_path(route: Route) -> str:
    """A concrete URL for a pattern, with sample values for its parameters."""
    path = ""
    for part in route.parts:
        text = str(part)
        if isinstance(part, RoutePattern):
            path += ROUTE_PARAMETER.sub(lambda m: SAMPLE_BY_CONVERTER.get(m["converter"] or "str", "x"), text)
        elif isinstance(part, RegexPattern) and APP_INDEX.match(text):
            path += APP_INDEX.match(text)["first"] + "/"
        elif isinstance(part, RegexPattern):
            assert text in SAMPLE_BY_REGEX, f"add a sample path for the pattern {text!r} ({route.key})"
            path += SAMPLE_BY_REGEX[text]
        else:  # pragma: no cover - Django has only the two kinds
            raise AssertionError(f"unknown pattern kind {part!r}")
    return "/" + path


def test_every_route_is_in_the_matrix():
    """Fails when a URL pattern is added (or renamed) without a row saying who may open it."""
    routes = list(all_routes())
    public = {route.key for route in routes if not route.in_admin}
    in_matrix = {case.route for case in MATRIX}
    assert not public - in_matrix, f"routes without a row in MATRIX: {sorted(public - in_matrix)}"
    assert not in_matrix - public, f"rows for routes that no longer exist: {sorted(in_matrix - public)}"
    admin_names = {route.key for route in routes if route.in_admin}
    sampled = {case.route for case in ADMIN_SAMPLE}
    assert not sampled - admin_names, f"admin samples that no longer exist: {sorted(sampled - admin_names)}"
    # The walk really reaches into every part of the site.
    for prefix in (
        "admin/",
        "django-admin/",
        "accounts/",
        "organisations/",
        "submissions/",
        "reading-lists/",
        "compare/",
        "dashboard/",
        "search/",
        "api/search/",
        "documents/",
    ):
        # Pages for readers sit under the language prefix ("en/search/"); the API and the admins do not.
        assert any(route.route.removeprefix("en/").startswith(prefix) for route in routes), prefix


def test_matrix_urls_resolve_to_the_route_they_stand_for(world):
    for case in MATRIX + ADMIN_SAMPLE:
        match = resolve(urlparse(case.url(world)).path)
        assert case.route in (match.view_name, match.route), (case.id, match.view_name, match.route)


def test_every_sample_path_resolves_to_its_own_pattern():
    for route in all_routes():
        if route.in_admin:
            assert resolve(sample_path(route)).route == route.route, route.key


# Routes of the admins that anyone may open, because they are how one gets in or out: login,
# logout, password reset, the icon sprite and the JavaScript translations. None shows content.
ADMIN_DOORS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "admin:login",
    "admin:logout",
}
LOGIN_PAGES = ("/admin/login/", "/django-admin/login/", "/en/accounts/login/")


def refused(response) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and urlparse(response["Location"]).path.startswith(LOGIN_PAGES)


@pytest.mark.parametrize("role", READERS)
def test_no_admin_route_lets_readers_in(client, world, role):
    """Every route under /admin/ and /django-admin/, with sample parameters. A route that refuses
    GET with 405 is tried with POST as well: it might act without showing anything."""
    sign_in(client, world, role)
    leaks = []
    for route in all_routes():
        if not route.in_admin or route.key in ADMIN_DOORS:
            continue
        path = sample_path(route)
        response = client.get(path)
        if response.status_code == 405:
            response = client.post(path)
        if not refused(response):
            leaks.append(f"{path} ({route.key}): {response.status_code} {response.get('Location', '')}")
    assert not leaks, "\n".join(leaks)


def test_the_admin_doors_show_no_content(client, world):
    """The routes that answer everyone are login, logout and password-reset screens, or send
    readers back to a login page."""
    routes = {route.key: route for route in all_routes() if route.in_admin}
    assert set(routes) >= ADMIN_DOORS, ADMIN_DOORS - set(routes)
    for role in READERS:
        sign_in(client, world, role)
        for name in sorted(ADMIN_DOORS):
            response = client.get(sample_path(routes[name]))
            assert response.status_code < 500, name
            if response.status_code == 302:
                target = urlparse(response["Location"]).path
                assert target.startswith(LOGIN_PAGES) or target == "/django-admin/", (name, role, target)
            body = response.content.decode(errors="replace")
            for private in ("Borrador nunca publicado", "Borrador de la autora", "autora@example.org"):
                assert private not in body, (name, role, private)
