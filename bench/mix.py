"""The fixed, seeded request mix: what officials actually send (a few words, a few facets, sorting by
evidence, paging deep, typing a title, opening a case study, reading the evidence map), drawn from the
corpus in the database so that every request can match something. Each request runs inside the search
layer (`run`) or through HTTP (`path`), so the two measurements use the same requests."""

from __future__ import annotations

import random
import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from django.http import QueryDict

from bench import KINDS, MIN_SAMPLES
from practices.models import CaseStudyPage
from reliability.loadgen import percentile
from search.facets import FACETS_BY_NAME
from search.params import parse
from search.service import run_autocomplete, run_evidence_matrix, run_search, run_similar

FILTER_FACETS = ("country", "sector", "level", "evidence", "theme", "policy_area", "population")
MAP_AXES = (
    ("policy_area", "theme"),
    ("sector", "population"),
    ("policy_area", "population"),
    ("sector", "theme"),
)
# Queries an official types whatever the corpus: common domain words in the three languages.
DOMAIN_QUERIES = (
    "violencia juvenil",
    "homicidios",
    "policía comunitaria",
    "prevenção da violência",
    "homicídios",
    "youth violence",
    "hot spots policing",
    "alcohol",
    "violencia doméstica",
    "reinserción",
)
WORD = re.compile(r"[^\W\d_]{5,}")


@dataclass(frozen=True)
class Request:
    kind: str
    query: str = ""  # the URL query string (autocomplete: the prefix)
    page_id: int = 0  # similar experiences: the practice whose page is opened
    page_url: str = ""

    @property
    def path(self) -> str:
        if self.kind == "autocomplete":
            return "/api/search/autocomplete/?" + urllib.parse.urlencode({"q": self.query})
        if self.kind == "similar":
            return self.page_url
        if self.kind == "evidence_map":
            return "/en/evidence-map/?" + self.query
        return "/en/search/?" + self.query

    def run(self) -> str:
        """Send the request to the search layer; returns the name of the backend that answered."""
        if self.kind == "autocomplete":
            run_autocomplete(self.query)
            return ""
        if self.kind == "similar":
            # As the case-study page does: the page reads its own document, then asks for neighbours.
            return run_similar(CaseStudyPage(pk=self.page_id)).backend
        params = QueryDict(self.query)
        if self.kind == "evidence_map":
            return run_evidence_matrix(params["rows"], params["cols"], parse(params).query.filters).backend
        return run_search(parse(params).query).backend


def _facet_values(name: str) -> list[str]:
    return [value for value, _label in FACETS_BY_NAME[name].values()]


def build_mix(per_kind: int = 20, seed: int = 8) -> list[Request]:
    """`per_kind` requests of each kind, the same ones for every backend at a given corpus."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible request mix, not security
    ids = list(CaseStudyPage.objects.live().order_by("pk").values_list("pk", flat=True))
    sample = rng.sample(ids, min(len(ids), per_kind * 4))
    pages = {page.pk: page for page in CaseStudyPage.objects.filter(pk__in=sample)}
    titles = [pages[pk].title for pk in sample]
    facet_values = {name: _facet_values(name) for name in FILTER_FACETS}

    def words() -> str:
        if rng.random() < 0.4:
            return rng.choice(DOMAIN_QUERIES)
        title_words = WORD.findall(rng.choice(titles)) or ["violencia"]
        return " ".join(rng.sample(title_words, min(len(title_words), rng.randint(1, 2))))

    def facets(count: int) -> list[tuple[str, str]]:
        chosen = rng.sample(FILTER_FACETS, count)
        return [(name, rng.choice(facet_values[name])) for name in chosen]

    def encoded(pairs) -> str:
        return urllib.parse.urlencode(pairs)

    makers: dict[str, Callable[[], Request]] = {
        "text": lambda: Request("text", encoded([("q", words())])),
        "text_facets": lambda: Request("text_facets", encoded([("q", words()), *facets(rng.randint(1, 3))])),
        "facets": lambda: Request("facets", encoded(facets(rng.randint(1, 3)))),
        "sort_evidence": lambda: Request(
            "sort_evidence", encoded([*facets(rng.randint(0, 2)), ("sort", "evidence")])
        ),
        "deep_page": lambda: Request(
            "deep_page", encoded([("q", rng.choice(DOMAIN_QUERIES)), ("page", rng.randint(10, 40))])
        ),
        "autocomplete": lambda: Request(
            "autocomplete", (WORD.findall(rng.choice(titles)) or ["viol"])[0][:5]
        ),
        "similar": lambda: _similar(rng, pages, sample),
        "evidence_map": lambda: _map(rng, facet_values),
    }
    return [makers[kind]() for kind in KINDS for _ in range(per_kind)]


def _similar(rng: random.Random, pages: dict, sample: list[int]) -> Request:
    page = pages[rng.choice(sample)]
    return Request("similar", page_id=page.pk, page_url=page.get_url())


def _map(rng: random.Random, facet_values: dict[str, list[str]]) -> Request:
    rows, cols = rng.choice(MAP_AXES)
    pairs = [("rows", rows), ("cols", cols)]
    if rng.random() < 0.5:
        name = rng.choice(("country", "level"))
        pairs.append((name, rng.choice(facet_values[name])))
    return Request("evidence_map", urllib.parse.urlencode(pairs))


def summary(timings: list[float]) -> dict:
    return {
        "n": len(timings),
        "p50_ms": round(percentile(timings, 50), 1),
        "p95_ms": round(percentile(timings, 95), 1),
        "p99_ms": round(percentile(timings, 99), 1),
        "max_ms": round(max(timings, default=0.0), 1),
    }


TIMED_OUT = "timed out"


def measure(
    requests: list[Request],
    send: Callable[[Request], str],
    rounds: int = 3,
    budget_seconds: float = 90,
) -> dict[str, dict]:
    """Time every request `rounds` times, kind by kind. A kind stops early once it has used its time
    budget and has at least MIN_SAMPLES timings, so a backend that takes minutes per request still
    finishes. `send` returns the backend that answered (a fallback to the database shows here), or
    TIMED_OUT; a timed-out request counts at the time it was given up."""
    by_kind: dict[str, list[Request]] = {}
    for request in requests:
        by_kind.setdefault(request.kind, []).append(request)
    results = {}
    for kind, batch in by_kind.items():
        timings: list[float] = []
        answered: dict[str, int] = {}
        started = time.perf_counter()
        for request in batch * rounds:
            if len(timings) >= MIN_SAMPLES and time.perf_counter() - started > budget_seconds:
                break
            began = time.perf_counter()
            backend = send(request)
            timings.append((time.perf_counter() - began) * 1000)
            if backend:
                answered[backend] = answered.get(backend, 0) + 1
        results[kind] = {**summary(timings), "backends": answered}
    return results
