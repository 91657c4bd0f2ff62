"""What the index holds for one case study, and how a result is shown, from either backend."""

from __future__ import annotations

import re

from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation

from elasticsearch_dsl import Boolean, Date, Float, Index, Integer, Keyword, Mapping, Object, Text

from languages.urls import url_in_language
from practices.choices import LAC_COUNTRIES
from practices.evidence import evidence_level
from practices.models import CaseStudyPage
from search.backends.base import Hit

COUNTRY_NAMES = dict(LAC_COUNTRIES)


def indexable_pages() -> QuerySet[CaseStudyPage]:
    """Live, public case studies: exactly what the index must hold."""
    return (
        CaseStudyPage.objects.live()
        .public()
        .select_related("contributing_organisation")
        .prefetch_related(
            "sectors",
            "levels_of_government",
            "policy_areas",
            "themes",
            "target_populations",
            "evaluations",
            "actors",
        )
        .order_by("pk")
    )


# What a result shows of a page beyond its own fields: hit_from_page needs only these prefetched.
RESULT_RELATIONS = ("levels_of_government", "sectors")


# Rich text reaches us from Wagtail's editor or the sanitiser: well formed, with every literal "<"
# escaped, so dropping tags needs no HTML parser (strip_tags cost 0.7 ms per practice in a rebuild).
_TAG = re.compile(r"<[^>]*>")


def plain_text(html: str) -> str:
    # Tags become spaces, which keeps the words of adjacent paragraphs apart.
    return " ".join(_TAG.sub(" ", html or "").split())


def _stream_text(stream) -> str:
    parts = []
    for block in stream:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(plain_text(value.source))
        elif block.block_type in ("quote", "key_figure"):
            parts.extend(str(v) for k, v in value.items() if k != "image")
        elif block.block_type == "image":
            parts.append(value.get("caption") or "")
        elif block.block_type == "table":
            parts.extend(str(cell) for row in value.get("data", []) for cell in row if cell)
    return " ".join(part for part in parts if part)


def page_url(page: CaseStudyPage) -> str:
    """The page's address in the default language, whichever language the indexing request was in
    (an editor publishing from a Spanish admin, say): the same page always gives the same document."""
    with translation.override(settings.LANGUAGE_CODE):
        return page.get_url() or page.url_path


def localised_url(url: str) -> str:
    """A stored address in the reader's language: /en/practices/x/ becomes /es/practices/x/."""
    return url_in_language(url, translation.get_language() or settings.LANGUAGE_CODE)


def _result_fields(page: CaseStudyPage, terms: dict[str, list] | None = None) -> dict:
    """The part of a page's document that a result shows: every field hit_from_document reads."""
    if terms is None:
        terms = {name: list(getattr(page, name).all()) for name in RESULT_RELATIONS}
    return {
        "id": page.pk,
        "title": page.title,
        "summary": page.summary,
        "url": page_url(page),
        "country": page.country,
        "place": page.place,
        "period": str(page.period),
        "levels": [term.slug for term in terms["levels_of_government"]],
        "sectors": [term.slug for term in terms["sectors"]],
        "evidence_strength": page.evidence_strength,
        "effect": page.effect_direction,
    }


TAXONOMY_RELATIONS = ("sectors", "levels_of_government", "policy_areas", "themes", "target_populations")


def build_document(page: CaseStudyPage) -> dict:
    """The index document for one page (flattened taxonomies, labels for text search, plain text)."""
    budget_usd = float(page.budget_usd) if page.budget_usd is not None else None
    # Each relation read once: every .all() on a page's relation builds a new queryset (75 µs).
    terms = {name: list(getattr(page, name).all()) for name in TAXONOMY_RELATIONS}
    evaluations = page.evaluations.all()
    return {
        **_result_fields(page, terms),
        "problem": plain_text(page.problem),
        "objectives": plain_text(page.objectives),
        "intervention": _stream_text(page.intervention),
        "lessons": plain_text(page.lessons_learned),
        "evaluations": " ".join(f"{e.outcome_measured} {e.result} {e.evaluators}" for e in evaluations),
        "actors": " ".join(actor.name for actor in page.actors.all()),
        "taxonomy_text": " ".join(
            label for name in TAXONOMY_RELATIONS for term in terms[name] for label in term.all_names()
        ),
        "policy_areas": [term.slug for term in terms["policy_areas"]],
        "themes": [term.slug for term in terms["themes"]],
        "populations": [term.slug for term in terms["target_populations"]],
        "evidence": str(page.evidence_strength),
        "status": page.status,
        "language": page.original_language,
        "start_year": page.start_year,
        "end_year": page.end_year,
        "ongoing": page.ongoing,
        "budget_usd": budget_usd,
        "challenges": {item["key"]: item["rating"] for item in page.challenge_profile()},
        "published_at": (page.first_published_at or page.last_published_at).isoformat()
        if (page.first_published_at or page.last_published_at)
        else None,
    }


def hit_from_page(page: CaseStudyPage, highlight: str = "") -> Hit:
    """The result for a page, as hit_from_document shows its document, without building the whole
    document: fetched with RESULT_RELATIONS prefetched, a page costs no further query."""
    return hit_from_document(_result_fields(page), highlight)


def hit_from_document(source: dict, highlight: str = "") -> Hit:
    level = evidence_level(source["evidence_strength"])
    return Hit(
        id=source["id"],
        title=source["title"],
        url=localised_url(source["url"]),
        summary=source["summary"],
        country=source["country"],
        country_name=str(COUNTRY_NAMES.get(source["country"], source["country"])),
        place=source["place"],
        period=source["period"],
        levels=list(source["levels"]),
        sectors=list(source["sectors"]),
        evidence_strength=source["evidence_strength"],
        evidence_label=str(level.label) if level else "",
        effect_direction=source["effect"],
        highlight=highlight,
    )


TEXT_FIELDS = {
    # field: boost in free-text queries
    "title": 4.0,
    "summary": 2.5,
    "taxonomy_text": 2.0,
    "place": 2.0,
    "problem": 1.5,
    "objectives": 1.2,
    "intervention": 1.0,
    "evaluations": 1.0,
    "lessons": 0.8,
    "actors": 0.8,
}
HIGHLIGHTED_FIELDS = ("summary", "problem", "intervention", "evaluations", "lessons")
KEYWORD_FIELDS = (
    "country",
    "sectors",
    "levels",
    "policy_areas",
    "themes",
    "populations",
    "evidence",
    "effect",
    "status",
    "language",
)


def index_definition(name: str, analysis) -> Index:
    """Settings and mappings of the case-study index, for one engine's analysis capabilities."""

    mapping = Mapping()
    for field_name in TEXT_FIELDS:
        # Stored offsets let the highlighter read positions instead of re-analysing long texts.
        options = {"index_options": "offsets"} if field_name in HIGHLIGHTED_FIELDS else {}
        subfields = {
            language: Text(analyzer=analysis.languages[language], **options)
            for language in analysis.languages
        }
        if field_name == "title" and analysis.autocomplete:
            subfields["autocomplete"] = Text(
                analyzer=analysis.autocomplete, search_analyzer=analysis.autocomplete_search
            )
        mapping.field(field_name, Text(analyzer=analysis.folded, fields=subfields, **options))
    for field_name in KEYWORD_FIELDS:
        mapping.field(field_name, Keyword())
    mapping.field("id", Integer())
    mapping.field("url", Keyword(index=False))
    mapping.field("period", Keyword(index=False))
    mapping.field("evidence_strength", Integer())
    mapping.field("start_year", Integer())
    mapping.field("end_year", Integer())
    mapping.field("ongoing", Boolean())
    mapping.field("budget_usd", Float())
    mapping.field(
        "challenges",
        Object(
            properties={
                key: Integer()
                for key in ("comprehensiveness", "multisectoriality", "rigour", "sustainability")
            }
        ),
    )
    mapping.field("published_at", Date())
    mapping.meta("_meta", {"analysis": analysis.name})

    index = Index(name)
    # One shard holds the whole corpus; replicas need as many more nodes (SEARCH_INDEX_REPLICAS).
    index.settings(number_of_shards=1, number_of_replicas=getattr(settings, "SEARCH_INDEX_REPLICAS", 0))
    index.mapping(mapping)
    return index
