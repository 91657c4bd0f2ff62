"""The four-challenge radar chart as standalone SVG: readable without JavaScript, described in text."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from django.utils.translation import gettext as _

from practices.models.mixins import CHALLENGES

MAX_RATING = 3
LABEL_SPACE = 96
# Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; each series also
# gets its own dash pattern and marker so the chart survives greyscale printing.
SERIES_STYLES = [
    ("#0072B2", "", "circle"),
    ("#D55E00", "6 3", "square"),
    ("#009E73", "2 3", "diamond"),
    ("#CC79A7", "8 3 2 3", "triangle"),
]


@dataclass
class Series:
    label: str
    ratings: dict[str, int | None]  # challenge key → 0–3, or None when not rated


def series_for(page) -> Series:
    return Series(page.title, {item["key"]: item["rating"] for item in page.challenge_profile()})


def _point(cx: float, cy: float, radius: float, axis: int, value: float) -> tuple[float, float]:
    # Axes clockwise from the top.
    angle = -math.pi / 2 + axis * 2 * math.pi / len(CHALLENGES)
    distance = radius * value / MAX_RATING
    return round(cx + distance * math.cos(angle), 1), round(cy + distance * math.sin(angle), 1)


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 3.5}" y="{y - 3.5}" width="7" height="7" fill="{colour}"/>'
    if shape == "diamond":
        return f'<path d="M{x} {y - 4.5}L{x + 4.5} {y}L{x} {y + 4.5}L{x - 4.5} {y}Z" fill="{colour}"/>'
    if shape == "triangle":
        return f'<path d="M{x} {y - 4.5}L{x + 4.5} {y + 3.5}L{x - 4.5} {y + 3.5}Z" fill="{colour}"/>'
    return f'<circle cx="{x}" cy="{y}" r="3.5" fill="{colour}"/>'


def _wrap(label: str, width: int = 16) -> list[str]:
    """Axis labels on up to two lines, split at the space nearest the middle."""
    if len(label) <= width or " " not in label:
        return [label]
    middle = len(label) // 2
    split = min((i for i, char in enumerate(label) if char == " "), key=lambda i: abs(i - middle))
    return [label[:split], label[split + 1 :]]


def _describe(series: Series) -> str:
    parts = []
    for key, label in CHALLENGES:
        rating = series.ratings.get(key)
        value = (
            _("not rated")
            if rating is None
            else _("%(rating)d of %(max)d") % {"rating": rating, "max": MAX_RATING}
        )
        parts.append(f"{label} {value}")
    return f"{series.label}: " + ", ".join(parts)


def radar_svg(
    series: list[Series], title: str, *, size: int = 320, chart_id: str = "radar", first_style: int = 0
) -> str:
    """One polygon per series on four axes (the institutional challenges), rings at 1, 2 and 3.
    An unrated challenge is drawn at 0 and said to be unrated in the description."""
    # Room at the sides for the longest axis labels ("Sustainability & scalability").
    width = size + 2 * LABEL_SPACE
    cx, cy = width / 2, size / 2
    radius = size / 2 - 30
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {size}" '
        f'width="{width}" height="{size}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="radar">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape("; ".join(_describe(item) for item in series))}</desc>',
    ]
    for ring in range(1, MAX_RATING + 1):
        points = " ".join(f"{x},{y}" for x, y in (_point(cx, cy, radius, axis, ring) for axis in range(4)))
        out.append(f'<polygon points="{points}" fill="none" stroke="#c9ccd1" stroke-width="1"/>')
        x, y = _point(cx, cy, radius, 0, ring)
        out.append(f'<text x="{x + 4}" y="{y + 4}" font-size="10" fill="#5b6270">{ring}</text>')
    for axis, (_key, label) in enumerate(CHALLENGES):
        x, y = _point(cx, cy, radius, axis, MAX_RATING)
        out.append(f'<line x1="{cx}" y1="{cy}" x2="{x}" y2="{y}" stroke="#9aa0a8" stroke-width="1"/>')
        lx, ly = _point(cx, cy, radius + 10, axis, MAX_RATING)
        anchor = "middle" if axis in (0, 2) else ("start" if axis == 1 else "end")
        lines = _wrap(str(label))
        top = {0: ly - 3 - 12 * (len(lines) - 1), 2: ly + 12}.get(axis, ly + 4 - 6 * (len(lines) - 1))
        spans = "".join(
            f'<tspan x="{lx}" y="{round(top + 12 * i, 1)}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        out.append(f'<text text-anchor="{anchor}" font-size="11" fill="#1f2933">{spans}</text>')
    for index, item in enumerate(series):
        colour, dash, shape = SERIES_STYLES[(first_style + index) % len(SERIES_STYLES)]
        points = [
            _point(cx, cy, radius, axis, item.ratings.get(key) or 0)
            for axis, (key, _label) in enumerate(CHALLENGES)
        ]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        values = " ".join(str(item.ratings.get(key)) for key, _label in CHALLENGES)
        out.append(f'<g class="radar__series" data-series="{index}" data-values="{escape(values)}">')
        out.append(f"<title>{escape(_describe(item))}</title>")
        out.append(
            f'<polygon points="{" ".join(f"{x},{y}" for x, y in points)}" fill="{colour}" '
            f'fill-opacity="0.12" '
            f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        out.extend(_marker(shape, x, y, colour) for x, y in points)
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def legend(series: list[Series]) -> list[dict]:
    return [
        {"label": item.label, "colour": SERIES_STYLES[i % 4][0], "shape": SERIES_STYLES[i % 4][2]}
        for i, item in enumerate(series)
    ]
