"""Small server-rendered SVG charts for the dashboard, each with a text description."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django.utils.translation import gettext

# Viridis steps for evidence strength 1–5: ordered in lightness, safe for colour-vision deficiencies.
EVIDENCE_COLOURS = {1: "#fde725", 2: "#5ec962", 3: "#21918c", 4: "#3b528b", 5: "#440154"}
BAR_COLOUR = "#14406b"


@dataclass
class Bar:
    label: str
    count: int
    url: str = ""
    colour: str = BAR_COLOUR


def _open(width: int, height: int, chart_id: str, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart-svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def describe(bars: list[Bar]) -> str:
    return "; ".join(f"{bar.label}: {bar.count}" for bar in bars) or gettext("no practices")


def bar_chart_svg(
    bars: list[Bar], title: str, *, chart_id: str, width: int = 520, label_width: int = 210
) -> str:
    """Horizontal bars, one per label, the count written at the end of each bar."""
    row = 26
    height = row * len(bars) + 10
    largest = max((bar.count for bar in bars), default=0) or 1
    span = width - label_width - 40
    out = _open(width, height, chart_id, title, describe(bars))
    for index, bar in enumerate(bars):
        y = 5 + index * row
        length = round(span * bar.count / largest, 1)
        item = [
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" font-size="12" fill="#1b2430">'
            f"{escape(bar.label)}</text>",
            f'<rect x="{label_width}" y="{y + 4}" width="{max(length, 1)}" height="16" '
            f'fill="{bar.colour}" rx="2"/>',
            f'<text x="{label_width + length + 6}" y="{y + 16}" font-size="12" fill="#1b2430">'
            f"{bar.count}</text>",
        ]
        body = f"<title>{escape(bar.label)}: {bar.count}</title>" + "".join(item)
        if bar.url and bar.count:
            out.append(f'<a href="{escape(bar.url)}" data-label="{escape(bar.label)}">{body}</a>')
        else:
            out.append(f'<g data-label="{escape(bar.label)}">{body}</g>')
    out.append("</svg>")
    return "".join(out)


def column_chart_svg(
    bars: list[Bar], title: str, *, chart_id: str, width: int = 620, height: int = 220
) -> str:
    """Vertical columns in order (years), labelled every few columns so the axis stays legible."""
    bottom, top = height - 28, 16
    count = max(len(bars), 1)
    step = (width - 40) / count
    largest = max((bar.count for bar in bars), default=0) or 1
    every = max(1, round(count / 10))
    out = _open(width, height, chart_id, title, describe([bar for bar in bars if bar.count]))
    out.append(f'<line x1="30" y1="{bottom}" x2="{width - 8}" y2="{bottom}" stroke="#9aa0a8"/>')
    out.append(f'<text x="26" y="{top + 4}" text-anchor="end" font-size="11" fill="#56606d">{largest}</text>')
    for index, bar in enumerate(bars):
        x = 34 + index * step
        h = round((bottom - top) * bar.count / largest, 1)
        out.append(
            f'<g data-label="{escape(bar.label)}"><title>{escape(bar.label)}: {bar.count}</title>'
            f'<rect x="{round(x, 1)}" y="{round(bottom - h, 1)}" width="{round(max(step - 2, 1), 1)}" '
            f'height="{h}" fill="{bar.colour}"/></g>'
        )
        if index % every == 0:
            out.append(
                f'<text x="{round(x + step / 2, 1)}" y="{bottom + 16}" text-anchor="middle" font-size="11" '
                f'fill="#56606d">{escape(bar.label)}</text>'
            )
    out.append("</svg>")
    return "".join(out)
