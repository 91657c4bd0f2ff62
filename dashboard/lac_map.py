"""A choropleth of practices per country in Latin America and the Caribbean, rendered on the server.

The SVG is plain markup: no scripts and no style attributes, so it works under a strict Content
Security Policy and without JavaScript. Shapes come from data/lac_countries.json, built by
scripts/build-lac-map from Natural Earth; nothing is fetched at run time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from django.utils.translation import gettext, ngettext

from practices.choices import LAC_COUNTRIES

DATA_FILE = Path(__file__).resolve().parent / "data" / "lac_countries.json"

NONE_FILL = "#e3e3e3"
CONTEXT_FILL = "#f3f3f3"
# ColorBrewer "Blues" (colour-blind safe, and ordered in lightness so it also survives greyscale
# printing). Its palest shade is skipped because it is barely distinguishable from NONE_FILL.
STEP_FILLS = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
BORDER = "#ffffff"
MARKER_STROKE = "#3d3d3d"
TEXT_FILL = "#1f1f1f"
# Countries smaller than this (viewBox units², about 14,000 km²) are a few pixels across at
# dashboard sizes, or scattered over islets like the Bahamas, so they also get a marker big enough to
# see and click. El Salvador, the smallest mainland country, stays just above it.
MARKER_AREA = 200.0
# Keeps the Saint Lucia and Saint Vincent markers, the closest pair, from overlapping.
MARKER_RADIUS = 4.0
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


@dataclass
class MapCountry:
    code: str
    name: str
    count: int
    path: str
    centroid: tuple[float, float]
    fill: str
    url: str | None


@dataclass(frozen=True)
class LegendStep:
    fill: str
    low: int
    high: int | None  # None for the open-ended top step
    label: str


@cache
def load_shapes() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return json.load(handle)


def legend_steps(max_count: int) -> list[LegendStep]:
    """The grey "none" step and five blue steps of equal width, the last one open-ended.

    The width adapts to the largest count so the darkest blue always means "the most practices"; it
    never goes below one, so with few practices each step is a single count and the legend stays put
    as the first case studies come in.
    """
    width = max(1, (max_count - 1) // 4)
    steps = [LegendStep(NONE_FILL, 0, 0, gettext("No practices yet"))]
    for index, fill in enumerate(STEP_FILLS):
        low = 1 + index * width
        high = None if index == len(STEP_FILLS) - 1 else low + width - 1
        if high is None:
            label = f"{low}+"
        elif high == low:
            label = str(low)
        else:
            label = f"{low}–{high}"
        steps.append(LegendStep(fill, low, high, label))
    return steps


def fill_for(count: int, steps: list[LegendStep]) -> str:
    for step in reversed(steps):
        if count >= step.low:
            return step.fill
    return NONE_FILL


def describe(name: str, count: int) -> str:
    if count == 0:
        return gettext("%(name)s: no practices yet") % {"name": name}
    return ngettext("%(name)s: %(count)d practice", "%(name)s: %(count)d practices", count) % {
        "name": name,
        "count": count,
    }


def map_countries(
    counts: Mapping[str, int], *, url_for: Callable[[str], str] | None = None
) -> list[MapCountry]:
    """All 33 countries in LAC_COUNTRIES order (which is also the keyboard order of the links).

    Codes in `counts` that are not LAC countries are ignored; missing codes count as zero.
    """
    shapes = load_shapes()["countries"]
    lac_counts = {code: max(0, int(counts.get(code, 0))) for code, _ in LAC_COUNTRIES}
    # Scaled on the LAC counts only, so a stray code or negative number cannot shift the colours.
    steps = legend_steps(max(lac_counts.values()))
    countries = []
    for code, name in LAC_COUNTRIES:
        count = lac_counts[code]
        shape = shapes[code]
        countries.append(
            MapCountry(
                code=code,
                name=str(name),
                count=count,
                path=shape["path"],
                centroid=(shape["centroid"][0], shape["centroid"][1]),
                fill=fill_for(count, steps),
                url=url_for(code) if url_for is not None and count > 0 else None,
            )
        )
    return countries


def _attrs(**attributes: object) -> str:
    """Attributes in the given order, escaped; underscores become hyphens (data_count → data-count)."""
    return "".join(
        f' {key.rstrip("_").replace("_", "-")}="{escape(str(value), quote=True)}"'
        for key, value in attributes.items()
        if value is not None
    )


def _country_markup(country: MapCountry, area: float) -> str:
    label = escape(describe(country.name, country.count))
    attributes = _attrs(
        d=country.path, fill=country.fill, data_country=country.code, data_count=country.count
    )
    parts = [f"<path{attributes}><title>{label}</title></path>"]
    if area < MARKER_AREA:
        cx, cy = country.centroid
        # Hidden from assistive technology because the path right before it already names the country.
        parts.append(
            f"<circle{_attrs(class_='lac-map__marker', cx=cx, cy=cy, r=MARKER_RADIUS, fill=country.fill)}"
            f' stroke="{MARKER_STROKE}" stroke-width="1" aria-hidden="true"><title>{label}</title></circle>'
        )
    inner = "".join(parts)
    if country.url:
        return f"<a{_attrs(href=country.url, class_='lac-map__link')}>{inner}</a>"
    return inner


def _legend_markup(steps: list[LegendStep], height: float) -> str:
    row, swatch, font_size, padding = 30, 22, 19, 14
    box_width, box_height = 250, padding * 2 + 34 + row * len(steps)
    x, y = 16, height - 16 - box_height
    lines = [
        f'<g class="lac-map__legend"{_attrs(transform=f"translate({x} {y:g})")}'
        f' font-family="{escape(FONT)}" font-size="{font_size}" fill="{TEXT_FILL}">',
        f'<rect width="{box_width}" height="{box_height}" rx="6" fill="#ffffff" fill-opacity="0.9"'
        f' stroke="#d0d0d0"/>',
        f'<text x="{padding}" y="{padding + font_size}" font-weight="600">'
        f"{escape(gettext('Practices per country'))}</text>",
    ]
    for index, step in enumerate(steps):
        top = padding + 34 + index * row
        lines.append(
            f'<rect x="{padding}" y="{top}" width="{swatch}" height="{swatch - 6}" fill="{step.fill}"'
            f' stroke="#9a9a9a" stroke-width="0.75"/>'
            f'<text x="{padding + swatch + 10}" y="{top + swatch - 8}">{escape(step.label)}</text>'
        )
    lines.append("</g>")
    return "".join(lines)


def render_lac_map(
    counts: Mapping[str, int],
    *,
    url_for: Callable[[str], str] | None = None,
    title: str | None = None,
    id_prefix: str = "lac-map",
) -> str:
    """A standalone, accessible SVG document mapping `counts` (alpha-2 code → practices).

    `url_for(code)` gives the link for a country with practices (e.g. the search page filtered to
    it); without it no country is a link. `title` defaults to a translated generic one; `id_prefix`
    keeps the ids of the <title> and <desc> unique when a page shows more than one map.
    """
    shapes = load_shapes()
    countries = map_countries(counts, url_for=url_for)
    steps = legend_steps(max(country.count for country in countries))
    title_text = str(title) if title is not None else gettext("Practices in Latin America and the Caribbean")
    with_practices = sorted(
        (country for country in countries if country.count > 0),
        key=lambda country: (-country.count, country.name),
    )
    if with_practices:
        desc = "; ".join(describe(country.name, country.count) for country in with_practices) + "."
    else:
        desc = gettext("No country has practices yet.")

    view_box = shapes["viewBox"]
    height = float(view_box.split()[3])
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg"{_attrs(viewBox=view_box)} role="img"'
        f"{_attrs(aria_labelledby=f'{title_id} {desc_id}', class_='lac-map')}>",
        f"<title{_attrs(id=title_id)}>{escape(title_text)}</title>",
        f"<desc{_attrs(id=desc_id)}>{escape(desc)}</desc>",
        f'<g class="lac-map__context" fill="{CONTEXT_FILL}" aria-hidden="true">',
        *(f"<path{_attrs(d=path)}/>" for path in shapes["context"]),
        "</g>",
        # evenodd so the rare holes punch through whatever winding order the source rings have.
        f'<g class="lac-map__countries" stroke="{BORDER}" stroke-width="0.5" stroke-linejoin="round"'
        ' fill-rule="evenodd">',
        *(_country_markup(country, shapes["countries"][country.code]["area"]) for country in countries),
        "</g>",
        _legend_markup(steps, height),
        "</svg>",
    ]
    return "\n".join(parts)
