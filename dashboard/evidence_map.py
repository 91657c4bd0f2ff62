"""The evidence & gap map: how many practices exist for each pair of classifications, and how strong
their evidence is. Empty cells are the gaps."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from practices.evidence import EVIDENCE_LEVELS
from search.facets import FACETS_BY_NAME
from search.service import run_evidence_matrix

ROW_AXES = {"policy_area": _("Policy area"), "sector": _("Sector")}
COLUMN_AXES = {"theme": _("Theme"), "population": _("Target population")}
# The filters offered on the map; any search facet works in the URL.
MAP_FILTERS = ("country", "level")
MAX_BUBBLE_RADIUS = 18
MIN_BUBBLE_RADIUS = 5


@dataclass
class Cell:
    row: str
    row_label: str
    col: str
    col_label: str
    by_evidence: dict[int, int]
    url: str = ""
    radius: float = 0.0

    @property
    def count(self) -> int:
        return sum(self.by_evidence.values())

    @property
    def is_gap(self) -> bool:
        return self.count == 0

    @property
    def strongest(self) -> int:
        return max(self.by_evidence) if self.by_evidence else 0

    @property
    def strongest_label(self) -> str:
        level = EVIDENCE_LEVELS.get(self.strongest)
        return str(level.label) if level else ""

    @property
    def distribution(self) -> list[tuple[int, int]]:
        return [(level, self.by_evidence.get(level, 0)) for level in range(1, 6)]


@dataclass
class EvidenceMap:
    rows_axis: str
    cols_axis: str
    rows: list[tuple[str, str]]
    cols: list[tuple[str, str]]
    grid: list[list[Cell]]
    total: int
    backend: str
    notice: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def gaps(self) -> int:
        return sum(cell.is_gap for line in self.grid for cell in line)

    @property
    def covered(self) -> int:
        return sum(not cell.is_gap for line in self.grid for cell in line)


def search_url(filters: dict[str, tuple[str, ...]], **cell: str) -> str:
    params = [(name, value) for name, values in filters.items() for value in values]
    params.extend(cell.items())
    return reverse("search:search") + "?" + urlencode(params)


def build_map(rows_axis: str, cols_axis: str, filters: dict[str, tuple[str, ...]]) -> EvidenceMap:
    answer = run_evidence_matrix(rows_axis, cols_axis, filters)
    matrix, total = answer.value
    rows = [(str(value), str(label)) for value, label in FACETS_BY_NAME[rows_axis].values()]
    cols = [(str(value), str(label)) for value, label in FACETS_BY_NAME[cols_axis].values()]
    largest = max((sum(counts.values()) for counts in matrix.values()), default=0)
    grid = []
    for row, row_label in rows:
        line = []
        for col, col_label in cols:
            cell = Cell(row, row_label, col, col_label, dict(matrix.get((row, col), {})))
            if cell.count:
                # Area, not radius, proportional to the count, so big cells do not overstate.
                share = math.sqrt(cell.count / largest)
                cell.radius = round(MIN_BUBBLE_RADIUS + (MAX_BUBBLE_RADIUS - MIN_BUBBLE_RADIUS) * share, 1)
            cell.url = search_url(filters, **{rows_axis: row, cols_axis: col})
            line.append(cell)
        grid.append(line)
    return EvidenceMap(rows_axis, cols_axis, rows, cols, grid, total, answer.backend, answer.notice, filters)
