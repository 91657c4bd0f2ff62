from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from dashboard.charts import EVIDENCE_COLOURS, Bar, bar_chart_svg, column_chart_svg
from dashboard.evidence_map import COLUMN_AXES, MAP_FILTERS, ROW_AXES, build_map, search_url
from dashboard.lac_map import render_lac_map
from practices.choices import LAC_COUNTRIES
from practices.evidence import EVIDENCE_LEVELS
from search.facets import FACETS_BY_NAME
from search.params import parse
from search.service import run_overview


def _filter_choices(filters: dict[str, tuple[str, ...]], names=MAP_FILTERS) -> list[dict]:
    return [
        {
            "name": name,
            "label": FACETS_BY_NAME[name].label,
            "options": [
                {"value": value, "label": label, "selected": value in filters.get(name, ())}
                for value, label in FACETS_BY_NAME[name].values()
            ],
        }
        for name in names
    ]


def _axis(request, name: str, axes: dict, default: str, errors: list[str]) -> str:
    value = request.GET.get(name, default)
    if value not in axes:
        errors.append(
            _("Unknown axis “%(value)s”: showing %(axis)s.") % {"value": value[:30], "axis": axes[default]}
        )
        return default
    return value


@require_GET
def evidence_map(request):
    """Practices per (policy area or sector) × (theme or population), with the strongest evidence
    in each cell; all state in the URL so a map can be shared."""
    parsed = parse(request.GET)
    errors = list(parsed.errors)
    rows_axis = _axis(request, "rows", ROW_AXES, "policy_area", errors)
    cols_axis = _axis(request, "cols", COLUMN_AXES, "theme", errors)
    filters = {
        name: values for name, values in parsed.query.filters.items() if name not in (rows_axis, cols_axis)
    }
    result = build_map(rows_axis, cols_axis, filters)
    legend = [
        {"value": level.value, "label": level.label, "colour": EVIDENCE_COLOURS[level.value]}
        for level in EVIDENCE_LEVELS.values()
    ]
    context = {
        "map": result,
        "rows_label": ROW_AXES[rows_axis],
        "cols_label": COLUMN_AXES[cols_axis],
        "errors": errors,
        "row_axes": ROW_AXES.items(),
        "col_axes": COLUMN_AXES.items(),
        "filter_choices": _filter_choices(filters),
        "legend": legend,
        "colours": EVIDENCE_COLOURS,
    }
    return render(request, "dashboard/evidence_map.html", context, status=400 if errors else 200)


@require_GET
def dashboard(request):
    """The region at a glance: practices by country, evidence level, policy area and start year."""
    parsed = parse(request.GET)
    filters = {name: values for name, values in parsed.query.filters.items() if name == "level"}
    answer = run_overview(filters)
    counts = answer.value
    countries = counts.get("country", {})
    country_names = dict(LAC_COUNTRIES)

    def url(**cell: str) -> str:
        return search_url(filters, **cell)

    lac_map = render_lac_map(
        countries,
        url_for=lambda code: url(country=code),
        title=_("Practices by country in Latin America and the Caribbean"),
    )
    by_evidence = [
        Bar(
            f"{level.value} · {level.label}",
            counts.get("evidence", {}).get(str(level.value), 0),
            url(evidence=str(level.value)),
            EVIDENCE_COLOURS[level.value],
        )
        for level in reversed(EVIDENCE_LEVELS.values())
    ]
    by_area = [
        Bar(str(label), counts.get("policy_area", {}).get(value, 0), url(policy_area=value))
        for value, label in FACETS_BY_NAME["policy_area"].values()
    ]
    years = {int(year): n for year, n in counts.get("start_year", {}).items()}
    by_year = (
        [Bar(str(year), years.get(year, 0)) for year in range(min(years), max(years) + 1)] if years else []
    )
    country_rows = sorted(
        (
            {"code": code, "name": country_names.get(code, code), "count": n, "url": url(country=code)}
            for code, n in countries.items()
        ),
        key=lambda row: (-row["count"], str(row["name"])),
    )
    context = {
        "backend": answer.backend,
        "notice": answer.notice,
        "errors": parsed.errors,
        "total": sum(countries.values()),
        "countries_with_practices": len(countries),
        "lac_map": lac_map,
        "country_rows": country_rows,
        "evidence_chart": bar_chart_svg(
            by_evidence, _("Practices by strength of evidence"), chart_id="by-evidence"
        ),
        "evidence_bars": by_evidence,
        "area_chart": bar_chart_svg(by_area, _("Practices by policy area"), chart_id="by-area"),
        "area_bars": by_area,
        "year_chart": column_chart_svg(by_year, _("Practices by the year they started"), chart_id="by-year"),
        "year_bars": [bar for bar in by_year if bar.count],
        "filter_choices": _filter_choices(filters, names=("level",)),
    }
    return render(request, "dashboard/dashboard.html", context)
