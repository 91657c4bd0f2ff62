"""Tables (Markdown, readable in a terminal too) and a small growth plot from bench-results.json.

    python -m bench.report bench-results.json [more.json …] [--svg docs/performance-growth.svg]

Several result files merge by corpus size, so a 100,000-practice run made separately joins the others.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from bench import KINDS

REFERENCE = "opensearch"


def merge(files: list[Path]) -> dict:
    merged: dict = {"machine": {}, "plan": {}, "sizes": {}}
    for path in files:
        data = json.loads(path.read_text())
        merged["machine"] = merged["machine"] or data.get("machine", {})
        merged["plan"] = merged["plan"] or data.get("plan", {})
        for size, report in data["sizes"].items():
            target = merged["sizes"].setdefault(size, {"corpus": {}, "backends": {}})
            target["corpus"].update(report["corpus"])
            # Part by part: a later run made with --reuse-index adds its timings to an earlier rebuild.
            for backend, parts in report["backends"].items():
                target["backends"].setdefault(backend, {}).update(parts)
    merged["sizes"] = dict(sorted(merged["sizes"].items(), key=lambda item: int(item[0])))
    return merged


def _stored_bytes(index: dict) -> int:
    """The engine's index, or for the database backend the whole database."""
    return index["index_bytes"] if index["index_bytes"] is not None else index["database_bytes"]


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _ms(row: dict | None) -> str:
    if not row:
        return "not run"
    return f"{row['p50_ms']:,.0f} / {row['p95_ms']:,.0f} / {row['p99_ms']:,.0f}"


def size_tables(size: str, report: dict, load_seconds: int = 20) -> str:
    backends = list(report["backends"])
    parts = [f"### {int(size):,} practices"]
    corpus = [
        [name, f"{c['created']:,}", f"{c['seconds']}", f"{c['per_second']:,.0f}", c["fixtree"]]
        for name, c in report["corpus"].items()
    ]
    parts.append(_table(["corpus database", "created", "seconds", "practices/s", "fixtree"], corpus))
    indexing = []
    for backend, row in report["backends"].items():
        index = row.get("index")
        if not index:
            indexing.append([backend, "not run", "", "", ""])
            continue
        size_mb = _stored_bytes(index) / 1e6
        edits = ", ".join(f"{value:.2f}" for value in index["edit_to_search_seconds"])
        indexing.append(
            [
                backend,
                f"{index['rebuild_seconds']:,.1f}",
                f"{index['rebuild_per_second']:,.0f}",
                edits,
                f"{size_mb:,.0f}",
            ]
        )
    parts.append(
        _table(
            [
                "backend",
                "full rebuild s",
                "practices/s",
                "published edit → found, s (3 edits)",
                "index (or database) MB",
            ],
            indexing,
        )
    )
    for label, key in (("Inside the search layer", "search"), ("Through HTTP, one client at a time", "http")):
        rows = [[kind] + [_ms(report["backends"][b][key].get(kind)) for b in backends] for kind in KINDS]
        parts.append(f"{label}, p50 / p95 / p99 ms:\n\n" + _table(["request", *backends], rows))
    if REFERENCE in backends and len(backends) > 1:
        rows = []
        for kind in KINDS:
            reference = report["backends"][REFERENCE]["search"][kind]["p95_ms"] or 0.1
            cells = [f"{report['backends'][b]['search'][kind]['p95_ms'] / reference:,.1f}×" for b in backends]
            rows.append([kind, *cells])
        parts.append(
            f"p95 in the search layer relative to {REFERENCE}:\n\n" + _table(["request", *backends], rows)
        )
    rows = []
    for clients in ("1", "8", "32"):
        cells = []
        for backend in backends:
            row = report["backends"][backend]["load"][clients]
            page = row["search_page"].get("p95_ms", 0)
            cells.append(
                f"{row['per_second']:.1f}/s, p95 {row['p95_ms']:,.0f} (search page {page:,.0f}), "
                f"{row['errors']} errors"
            )
        rows.append([clients, *cells])
    parts.append(
        f"Under load (gunicorn, 2 workers × 4 threads), {load_seconds} s per level:\n\n"
        + _table(["clients", *backends], rows)
    )
    return "\n\n".join(parts)


def growth_table(results: dict, kind: str = "text_facets") -> str:
    sizes = list(results["sizes"])
    backends = sorted({b for report in results["sizes"].values() for b in report["backends"]})
    rows = []
    for backend in backends:
        cells = []
        for size in sizes:
            row = results["sizes"][size]["backends"].get(backend)
            if not row:
                cells.append("not run")
                continue
            index = row.get("index")
            size = f", {_stored_bytes(index) / 1e6:,.0f} MB" if index else ""
            cells.append(f"{row['search'][kind]['p95_ms']:,.0f} ms{size}")
        rows.append([backend, *cells])
    return _table(["backend", *(f"{int(size):,}" for size in sizes)], rows)


def growth_svg(results: dict, kind: str = "text_facets") -> str:
    """p95 of one kind of request against corpus size, log–log, one line per backend."""
    width, height, left, bottom, top, right = 520, 300, 60, 40, 20, 150
    sizes = [int(size) for size in results["sizes"]]
    backends = sorted({b for report in results["sizes"].values() for b in report["backends"]})
    points = {
        backend: [
            (int(size), report["backends"][backend]["search"][kind]["p95_ms"])
            for size, report in results["sizes"].items()
            if backend in report["backends"]
        ]
        for backend in backends
    }
    values = [ms for series in points.values() for _size, ms in series if ms > 0] or [1.0]
    low, high = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    high = max(high, low + 1)
    xs = (
        math.log10(min(sizes)),
        math.log10(max(sizes)) if max(sizes) > min(sizes) else math.log10(min(sizes)) + 1,
    )

    def x(size: int) -> float:
        return left + (math.log10(size) - xs[0]) / (xs[1] - xs[0]) * (width - left - right)

    def y(ms: float) -> float:
        return height - bottom - (math.log10(max(ms, 0.1)) - low) / (high - low) * (height - top - bottom)

    colours = ["#440154", "#31688e", "#35b779", "#e6a100", "#b5367a"]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="11">',
        "<title>p95 of a text and facets search against corpus size, per backend</title>",
    ]
    for exponent in range(low, high + 1):
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(10**exponent):.1f}" '
            f'y2="{y(10**exponent):.1f}" stroke="#ddd"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y(10**exponent) + 4:.1f}" text-anchor="end">{10**exponent:g} ms</text>'
        )
    for size in sizes:
        out.append(f'<text x="{x(size):.1f}" y="{height - bottom + 16}" text-anchor="middle">{size:,}</text>')
    out.append(
        f'<text x="{(left + width - right) / 2:.0f}" y="{height - 6}" '
        'text-anchor="middle">practices (log scale)</text>'
    )
    for number, (backend, series) in enumerate(points.items()):
        colour = colours[number % len(colours)]
        path = " ".join(f"{x(size):.1f},{y(ms):.1f}" for size, ms in series)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for size, ms in series:
            out.append(f'<circle cx="{x(size):.1f}" cy="{y(ms):.1f}" r="3" fill="{colour}"/>')
        out.append(
            f'<text x="{width - right + 10}" y="{top + 16 * number + 10}" fill="{colour}">{backend}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def render(results: dict) -> str:
    machine = results.get("machine", {})
    parts = [
        f"Machine: {machine.get('cpus')} CPUs, {machine.get('memory')}, Python {machine.get('python')}, "
        f"{machine.get('platform')}; run {machine.get('date')}.",
        "How p95 of a text + facets search and the index grow with the corpus:\n\n" + growth_table(results),
    ]
    seconds = results.get("plan", {}).get("load_seconds", 20)
    parts += [size_tables(size, report, seconds) for size, report in results["sizes"].items()]
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--svg", type=Path, help="Also draw the growth plot into this file.")
    options = parser.parse_args(argv)
    results = merge(options.files)
    print(render(results))
    if options.svg:
        options.svg.write_text(growth_svg(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
