"""Loads the demo corpus (practices/demo_data) and the demo accounts.

Idempotent: keyed on slugs and usernames.
"""

import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction

from organisations.models import Organisation
from practices.models import (
    TAXONOMY_FIELDS,
    CaseStudyIndexPage,
    CaseStudyPage,
    Evaluation,
    ImplementingActor,
    Source,
)
from practices.roles import CONTRIBUTOR, EDITOR, TRAINER, ensure_roles
from practices.site_tree import ensure_site_tree

DEMO_DIR = Path(__file__).resolve().parent / "demo_data" / "practices"
EDITORIAL_TEAM = "Practice Exchange editorial team"

# Local-only accounts; the README lists them. Never created unless settings.ALLOW_DEMO_ACCOUNTS.
DEMO_ACCOUNTS = [
    ("editor", "editor-demo-2026", EDITOR, "Elena", "Editor"),
    ("contributor", "contributor-demo-2026", CONTRIBUTOR, "Carlos", "Contributor"),
    ("trainer", "trainer-demo-2026", TRAINER, "Teresa", "Trainer"),
]


class DemoDataError(Exception):
    pass


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)
    reading_lists: list[str] = field(default_factory=list)


def read_practices(directory: Path | None = None) -> list[dict]:
    directory = directory or DEMO_DIR
    practices = []
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise DemoDataError(f"{path.name}: not valid JSON ({exc})") from exc
        if data.get("slug") != path.stem:
            raise DemoDataError(f"{path.name}: slug {data.get('slug')!r} does not match the file name")
        practices.append(data)
    return practices


def _terms(model, slugs: list[str], source: str):
    terms = list(model.objects.filter(slug__in=slugs))
    missing = set(slugs) - {term.slug for term in terms}
    if missing:
        raise DemoDataError(f"{source}: unknown {model._meta.verbose_name} slug(s) {sorted(missing)}")
    return terms


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _apply(page: CaseStudyPage, data: dict, organisation: Organisation) -> None:
    source = f"{data['slug']}.json"
    page.title = data["title"]
    page.slug = data["slug"]
    page.summary = data["summary"]
    page.original_language = data.get("original_language", "es")
    page.contributing_organisation = organisation
    page.last_reviewed = date.fromisoformat(data["last_reviewed"]) if data.get("last_reviewed") else None
    page.problem = data["problem"]
    page.objectives = data["objectives"]
    # Stable block ids, so reloading the corpus leaves the stream (and its revisions) unchanged.
    page.intervention = [
        {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{data['slug']}/intervention/{n}")), **block}
        for n, block in enumerate(data["intervention"])
    ]
    page.country = data["country"]
    page.subnational_unit = data.get("subnational_unit", "")
    page.city = data.get("city", "")
    page.latitude = _decimal(data.get("latitude"))
    page.longitude = _decimal(data.get("longitude"))
    page.evidence_strength = data["evidence_strength"]
    page.effect_direction = data["effect_direction"]
    page.start_year = data["start_year"]
    page.end_year = data.get("end_year")
    page.ongoing = bool(data.get("ongoing"))
    page.status = data["status"]
    page.budget_amount = _decimal(data.get("budget_amount"))
    page.budget_currency = data.get("budget_currency") or ""
    page.budget_year = data.get("budget_year")
    page.budget_usd_equivalent = _decimal(data.get("budget_usd_equivalent"))
    page.cost_per_beneficiary = _decimal(data.get("cost_per_beneficiary"))
    page.people_reached = data.get("people_reached")
    page.scale = data.get("scale", "")
    page.funding_sources = data.get("funding_sources", "")
    page.policy_cycle_stages = data.get("policy_cycle_stages", [])
    page.lessons_learned = data.get("lessons_learned", "")
    contact = data.get("contact") or {}
    page.contact_organisation = contact.get("organisation", "")
    page.contact_role = contact.get("role", "")
    page.contact_email = contact.get("email", "")
    for key, item in (data.get("challenges") or {}).items():
        key = "sustainability" if key == "sustainability_scalability" else key
        setattr(page, f"{key}_rating", item.get("rating"))
        setattr(page, f"{key}_justification", item.get("justification", ""))
    for field_name, model in TAXONOMY_FIELDS.items():
        setattr(page, field_name, _terms(model, data.get(field_name, []), source))
    # Explicit sort_order: the order of evaluations, actors and sources is part of the content.
    page.evaluations = [
        Evaluation(
            sort_order=n,
            design=item["design"],
            year=item.get("year"),
            evaluators=item["evaluators"],
            outcome_measured=item["outcome"],
            result=item["result"],
            effect_size=_decimal(item.get("effect_size")),
            effect_size_unit=item.get("effect_size_unit", ""),
            link=item.get("url", ""),
        )
        for n, item in enumerate(data.get("evaluations", []))
    ]
    page.actors = [
        ImplementingActor(sort_order=n, name=item["name"], actor_type=item["type"], role=item["role"])
        for n, item in enumerate(data.get("actors", []))
    ]
    page.sources = [
        Source(
            sort_order=n,
            title=item["title"],
            authors=item.get("authors", ""),
            year=item.get("year"),
            url=item.get("url", ""),
        )
        for n, item in enumerate(data["sources"])
    ]


def _validate(page: CaseStudyPage, data: dict) -> None:
    try:
        page.full_clean()
        for child in [*page.evaluations.all(), *page.actors.all(), *page.sources.all()]:
            child.full_clean(exclude=["page"])
    except ValidationError as exc:
        raise DemoDataError(
            f"{data['slug']}.json: {exc.message_dict if hasattr(exc, 'error_dict') else exc.messages}"
        ) from exc


def ensure_demo_accounts(organisation: Organisation | None = None) -> list[str]:
    if not getattr(settings, "ALLOW_DEMO_ACCOUNTS", False):
        raise ImproperlyConfigured(
            "Demo accounts are disabled in these settings (ALLOW_DEMO_ACCOUNTS is off)."
        )
    from django.contrib.auth.models import Group

    user_model = get_user_model()
    names = []
    for username, password, group_name, first_name, last_name in DEMO_ACCOUNTS:
        user, _ = user_model.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "first_name": first_name, "last_name": last_name},
        )
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=group_name)])
        if group_name == CONTRIBUTOR and organisation is not None:
            from accounts.contributors import make_contributor
            from organisations.models import Membership

            make_contributor(user)
            Membership.objects.update_or_create(
                user=user, organisation=organisation, defaults={"status": Membership.Status.APPROVED}
            )
        names.append(username)
    return names


@transaction.atomic
def load_demo(directory: Path | None = None, with_accounts: bool = True) -> LoadReport:
    report = LoadReport()
    home = ensure_site_tree()
    index = CaseStudyIndexPage.objects.get()
    ensure_roles(home, index)
    organisation, _ = Organisation.objects.update_or_create(
        slug="practice-exchange-editorial-team",
        defaults={
            "name": EDITORIAL_TEAM,
            "kind": Organisation.Kind.CIVIL_SOCIETY,
            "description": "Writes and reviews the demo case studies from published sources.",
        },
    )
    practices = read_practices(directory)
    pages = {}
    for data in practices:
        page = CaseStudyPage.objects.filter(slug=data["slug"]).first()
        is_new = page is None
        page = page or CaseStudyPage()
        _apply(page, data, organisation)
        if is_new:
            page.live = False
            index.add_child(instance=page)
            report.created.append(data["slug"])
        else:
            report.updated.append(data["slug"])
        pages[data["slug"]] = page
    # A second pass: lineage can point at a practice later in the alphabet.
    for data in practices:
        page = pages[data["slug"]]
        target = data.get("adapted_from")
        if target and target not in pages:
            raise DemoDataError(f"{data['slug']}.json: adapted_from {target!r} is not in the corpus")
        page.adapted_from = pages[target] if target else None
        _validate(page, data)
        page.save_revision().publish()
    if with_accounts:
        report.accounts = ensure_demo_accounts(organisation)
        from reading_lists.demo import load_demo_lists

        report.reading_lists = load_demo_lists(get_user_model().objects.get(username="trainer"))
    return report
