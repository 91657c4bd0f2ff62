"""The synthetic corpus: N case studies with realistic text and taxonomy distributions, written straight
into the page tree in batches.

Saving 100,000 Wagtail pages one by one costs several queries, signals and a revision each (hours).
Here each batch is one multi-row INSERT into wagtailcore_page, one into the case-study table (Django's
bulk_create refuses multi-table inheritance, so the child rows go through the same insert Django itself
uses for them), and one per many-to-many and inline table. Tree paths are computed exactly as treebeard
computes them for appended children, and `check_tree` runs Wagtail's `fixtree` check afterwards.

The data can only go into a benchmark database and index (`ensure_bench_target`), never the demo site.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.utils.text import slugify

from wagtail.models import Page

from bench.text import Writer
from organisations.models import Organisation
from practices.choices import (
    ActorRole,
    ActorType,
    EffectDirection,
    EvaluationDesign,
    PolicyCycleStage,
    Status,
)
from practices.models import (
    TAXONOMY_FIELDS,
    CaseStudyIndexPage,
    CaseStudyPage,
    Evaluation,
    ImplementingActor,
    Source,
)

BATCH_SIZE = 1_000
SLUG_PREFIX = "synthetic-"
# Original languages as the region's registries hold them: mostly Spanish, then Portuguese, some English.
LANGUAGES = (("es", 60), ("pt", 28), ("en", 12))
# Most practices have no evaluation or a descriptive one; few have randomised trials (as in the region).
EVIDENCE = ((1, 38), (2, 30), (3, 18), (4, 9), (5, 5))
EFFECTS = {
    1: ((EffectDirection.NOT_YET_KNOWN, 1),),
    2: ((EffectDirection.POSITIVE, 5), (EffectDirection.MIXED, 3), (EffectDirection.NOT_YET_KNOWN, 2)),
}
RIGOROUS_EFFECTS = (
    (EffectDirection.POSITIVE, 5),
    (EffectDirection.MIXED, 3),
    (EffectDirection.NO_EFFECT, 2),
    (EffectDirection.NEGATIVE, 1),
)
DESIGNS = {
    2: (EvaluationDesign.BEFORE_AFTER, EvaluationDesign.DESCRIPTIVE, EvaluationDesign.QUALITATIVE),
    3: (EvaluationDesign.QUASI_EXPERIMENTAL, EvaluationDesign.COST_BENEFIT),
    4: (EvaluationDesign.RCT,),
    5: (EvaluationDesign.RCT, EvaluationDesign.QUASI_EXPERIMENTAL, EvaluationDesign.SYSTEMATIC_REVIEW),
}
# How many terms a practice carries in each taxonomy (weights for 0, 1, 2, 3 terms).
TERM_COUNTS = {
    "levels_of_government": (0, 60, 32, 8),
    "sectors": (0, 35, 40, 25),
    "policy_areas": (0, 70, 30, 0),
    "themes": (5, 45, 35, 15),
    "target_populations": (20, 50, 25, 5),
}


class NotABenchTarget(Exception):
    pass


def database_label() -> str:
    name = connection.settings_dict["NAME"]
    return Path(str(name)).name if connection.vendor == "sqlite" else str(name)


def ensure_bench_target() -> None:
    """Refuse to write synthetic practices anywhere but a benchmark database and index."""
    if "bench" not in database_label():
        raise NotABenchTarget(
            f"the database {database_label()!r} is not a benchmark database (its name must contain "
            "'bench'); synthetic practices never go into a real site"
        )
    index = getattr(settings, "SEARCH_INDEX", "")
    if getattr(settings, "SEARCH_URL", "") and "bench" not in index:
        raise NotABenchTarget(
            f"the search index {index!r} is not a benchmark index (its name must contain 'bench')"
        )
    if CaseStudyPage.objects.exclude(slug__startswith=SLUG_PREFIX).exists():
        raise NotABenchTarget("this database holds real case studies; the benchmark needs its own database")


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


@dataclass
class Vocabulary:
    """Taxonomy ids per field with Zipf-like weights, so a few terms are common and most are rare."""

    terms: dict[str, tuple[list[int], list[float]]]

    @classmethod
    def load(cls) -> Vocabulary:
        terms = {}
        for field, model in TAXONOMY_FIELDS.items():
            ids = list(model.objects.order_by("sort_order", "pk").values_list("pk", flat=True))
            terms[field] = (ids, [1 / (rank + 1) for rank in range(len(ids))])
        return cls(terms)

    def pick(self, rng: random.Random, field: str) -> list[int]:
        ids, weights = self.terms[field]
        count = rng.choices(range(4), TERM_COUNTS[field])[0]
        chosen: set[int] = set()
        while ids and len(chosen) < min(count, len(ids)):
            chosen.add(rng.choices(ids, weights)[0])
        return sorted(chosen)


@dataclass
class CorpusReport:
    created: int
    total: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.created / self.seconds if self.seconds else 0.0


class CorpusBuilder:
    def __init__(self, seed: int = 2026):
        self.rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not security
        self.index = CaseStudyIndexPage.objects.get()
        self.content_type = ContentType.objects.get_for_model(CaseStudyPage)
        self.vocabulary = Vocabulary.load()
        self.organisations = self._organisations()
        last = self.index.get_last_child()
        self.next_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        self.serial = CaseStudyPage.objects.count()
        self.children = self.index.numchild
        self.now = datetime(2026, 11, 1, tzinfo=UTC)

    def _organisations(self) -> list[int]:
        existing = list(
            Organisation.objects.filter(slug__startswith=SLUG_PREFIX).values_list("pk", flat=True)
        )
        if existing:
            return existing
        rows = []
        for number in range(300):
            language = _weighted(self.rng, LANGUAGES)
            writer = Writer(language, self.rng)
            name = f"{writer.organisation()} {number + 1}"
            rows.append(
                Organisation(
                    name=name[:255],
                    slug=f"{SLUG_PREFIX}{number + 1}",
                    kind=self.rng.choice(Organisation.Kind.values),
                    country=writer.place()[2],
                    description=writer.sentence(),
                )
            )
        Organisation.objects.bulk_create(rows)
        return list(Organisation.objects.filter(slug__startswith=SLUG_PREFIX).values_list("pk", flat=True))

    def _page(self) -> tuple[CaseStudyPage, dict]:
        rng = self.rng
        self.serial += 1
        language = _weighted(rng, LANGUAGES)
        writer = Writer(language, rng)
        title = writer.title()[:250]
        city, unit, country = writer.place()
        evidence = _weighted(rng, EVIDENCE)
        effect = _weighted(rng, EFFECTS.get(evidence, RIGOROUS_EFFECTS))
        start = rng.randint(1995, 2025)
        ongoing = rng.random() < 0.45
        end = None if ongoing or rng.random() < 0.2 else min(2026, start + rng.randint(0, 9))
        published = self.now - timedelta(days=rng.randint(0, 3650), seconds=rng.randint(0, 86_399))
        slug = f"{SLUG_PREFIX}{self.serial}-{slugify(title)[:60]}".rstrip("-")
        budget = rng.random() < 0.4
        intervention = [
            {"type": "paragraph", "value": writer.html(rng.randint(90, 160), 1), "id": str(self._uuid())}
            for _ in range(rng.randint(2, 4))
        ]
        page = CaseStudyPage(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=self.content_type,
            locale_id=self.index.locale_id,
            translation_key=self._uuid(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            path=Page._get_path(self.index.path, self.index.depth + 1, self.next_step),
            depth=self.index.depth + 1,
            numchild=0,
            url_path=f"{self.index.url_path}{slug}/",
            summary=writer.summary()[:600],
            original_language=language,
            contributing_organisation_id=rng.choice(self.organisations) if rng.random() < 0.7 else None,
            problem=writer.html(rng.randint(110, 190)),
            objectives=writer.html(rng.randint(50, 110), 1),
            country=country,
            subnational_unit=unit,
            city=city,
            intervention=json.dumps(intervention),
            evidence_strength=evidence,
            effect_direction=effect,
            start_year=start,
            end_year=end,
            ongoing=ongoing,
            status=rng.choice(Status.values),
            budget_amount=rng.randint(50, 50_000) * 1_000 if budget else None,
            budget_currency=rng.choice(["USD", "BRL", "COP", "MXN"]) if budget else "",
            budget_year=start if budget else None,
            people_reached=rng.randint(100, 500_000) if rng.random() < 0.5 else None,
            scale=writer.sentence()[:500],
            funding_sources=writer.organisation()[:500],
            policy_cycle_stages=sorted(rng.sample(PolicyCycleStage.values, rng.randint(1, 4))),
            lessons_learned=writer.html(rng.randint(60, 140), 1),
            contact_organisation=writer.organisation()[:255],
            **{
                f"{key}_rating": rng.choice([None, 0, 1, 2, 3])
                for key in ("comprehensiveness", "multisectoriality", "rigour", "sustainability")
            },
        )
        self.next_step += 1
        related = {
            "terms": {field: self.vocabulary.pick(rng, field) for field in TAXONOMY_FIELDS},
            "evaluations": [
                Evaluation(
                    design=rng.choice(DESIGNS[evidence]),
                    year=min(2026, start + rng.randint(1, 6)),
                    evaluators=writer.organisation()[:255],
                    outcome_measured=writer.outcome()[:255],
                    result=writer.result(),
                    sort_order=order,
                )
                for order in range(0 if evidence == 1 else rng.randint(1, 3))
            ],
            "actors": [
                ImplementingActor(
                    name=writer.organisation()[:255],
                    actor_type=rng.choice(ActorType.values),
                    role=ActorRole.LEAD if order == 0 else rng.choice(ActorRole.values),
                    sort_order=order,
                )
                for order in range(rng.randint(1, 4))
            ],
            "sources": [
                Source(
                    title=writer.title()[:500],
                    authors=writer.organisation()[:500],
                    year=min(2026, start + rng.randint(0, 8)),
                    sort_order=order,
                )
                for order in range(rng.randint(1, 3))
            ],
        }
        return page, related

    def _uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    @transaction.atomic
    def add_batch(self, count: int) -> None:
        built = [self._page() for _ in range(count)]
        pages = [page for page, _related in built]
        page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
        parents = Page.objects.bulk_create(
            [Page(**{field.attname: getattr(page, field.attname) for field in page_fields}) for page in pages]
        )
        for page, parent in zip(pages, parents, strict=True):
            page.page_ptr_id = page.pk = parent.pk
        # The child table's rows, through the insert Django uses for each parent-linked row on save.
        CaseStudyPage._base_manager._insert(pages, fields=CaseStudyPage._meta.local_concrete_fields, raw=True)
        for field, _model in TAXONOMY_FIELDS.items():
            relation = CaseStudyPage._meta.get_field(field)
            through = relation.remote_field.through
            source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
            through.objects.bulk_create(
                through(**{f"{source}_id": page.pk, f"{target}_id": term})
                for page, related in built
                for term in related["terms"][field]
            )
        for name, model in (("evaluations", Evaluation), ("actors", ImplementingActor), ("sources", Source)):
            rows = []
            for page, related in built:
                for row in related[name]:
                    row.page_id = page.pk
                    rows.append(row)
            model.objects.bulk_create(rows)
        self.children += count
        Page.objects.filter(pk=self.index.pk).update(numchild=self.children)

    def build(self, count: int, progress: Callable[[int], None] | None = None) -> CorpusReport:
        started = time.perf_counter()
        done = 0
        while done < count:
            size = min(BATCH_SIZE, count - done)
            self.add_batch(size)
            done += size
            if progress:
                progress(done)
        return CorpusReport(done, CaseStudyPage.objects.count(), time.perf_counter() - started)


def check_tree() -> str:
    """Wagtail's own tree check; returns its output, raises if it found anything."""
    out = StringIO()
    call_command("fixtree", interactive=False, stdout=out)
    text = out.getvalue()
    if "No problems found" not in text:
        raise AssertionError(f"fixtree found problems in the page tree:\n{text}")
    return text
