"""The practices map is a standalone, accessible SVG drawn from bundled shapes: every LAC country is
there, colours and links follow the counts, and nothing the caller passes in can break the markup."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from dashboard.lac_map import (
    DATA_FILE,
    MARKER_AREA,
    NONE_FILL,
    STEP_FILLS,
    legend_steps,
    load_shapes,
    map_countries,
    render_lac_map,
)
from practices.choices import LAC_COUNTRIES

SVG = "{http://www.w3.org/2000/svg}"
CODES = [code for code, _ in LAC_COUNTRIES]
COUNTS = {"BR": 5, "CO": 4, "MX": 3, "BB": 1, "JM": 2}


def url_for(code):
    return f"/en/practices/?country={code}&view=map"


def parse(svg):
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def country_paths(root):
    return {path.get("data-country"): path for path in root.iter(f"{SVG}path") if path.get("data-country")}


def linked_codes(root):
    return {
        path.get("data-country"): link.get("href")
        for link in root.iter(f"{SVG}a")
        for path in link.iter(f"{SVG}path")
    }


@pytest.fixture
def root():
    return parse(render_lac_map(COUNTS, url_for=url_for))


def test_svg_is_a_standalone_accessible_image(root):
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == load_shapes()["viewBox"]
    labelled_by = root.get("aria-labelledby").split()
    ids = {element.get("id"): element for element in root.iter() if element.get("id")}
    assert [ids[ref].tag for ref in labelled_by] == [f"{SVG}title", f"{SVG}desc"]
    assert ids[labelled_by[0]].text == "Practices in Latin America and the Caribbean"


def test_desc_lists_countries_with_practices_most_first(root):
    desc = root.find(f"{SVG}desc").text
    assert desc == (
        "Brazil: 5 practices; Colombia: 4 practices; Mexico: 3 practices; Jamaica: 2 practices; "
        "Barbados: 1 practice."
    )


def test_desc_without_practices():
    desc = parse(render_lac_map({})).find(f"{SVG}desc").text
    assert desc == "No country has practices yet."


def test_every_lac_country_has_a_path(root):
    paths = country_paths(root)
    assert sorted(paths) == sorted(CODES)
    assert len(CODES) == 33


def test_counts_and_titles(root):
    paths = country_paths(root)
    names = {code: str(name) for code, name in LAC_COUNTRIES}
    for code in CODES:
        count = COUNTS.get(code, 0)
        assert paths[code].get("data-count") == str(count)
        title = paths[code].find(f"{SVG}title").text
        if count:
            assert title == f"{names[code]}: {count} practice{'s' if count != 1 else ''}"
        else:
            assert title == f"{names[code]}: no practices yet"


def test_zero_count_countries_are_grey_and_not_links(root):
    paths = country_paths(root)
    links = linked_codes(root)
    for code in set(CODES) - COUNTS.keys():
        assert paths[code].get("fill") == NONE_FILL
        assert code not in links
    for code in COUNTS:
        assert paths[code].get("fill") in STEP_FILLS


def test_links_use_url_for(root):
    assert linked_codes(root) == {code: url_for(code) for code in COUNTS}


def test_no_links_without_url_for():
    root = parse(render_lac_map(COUNTS))
    assert list(root.iter(f"{SVG}a")) == []


def test_darker_blue_for_more_practices(root):
    paths = country_paths(root)
    assert paths["BR"].get("fill") == STEP_FILLS[-1]
    ranks = [STEP_FILLS.index(paths[code].get("fill")) for code in ("BB", "JM", "MX", "CO", "BR")]
    assert ranks == sorted(ranks)


def test_small_countries_get_a_marker(root):
    areas = {code: shape["area"] for code, shape in load_shapes()["countries"].items()}
    small = {code for code, area in areas.items() if area < MARKER_AREA}
    assert {"AG", "BB", "DM", "GD", "KN", "LC", "VC"} <= small
    markers = [circle for circle in root.iter(f"{SVG}circle") if circle.get("class") == "lac-map__marker"]
    assert len(markers) == len(small)
    # Barbados has practices: its marker shares the country's colour and link.
    barbados_link = next(link for link in root.iter(f"{SVG}a") if link.get("href") == url_for("BB"))
    marker = barbados_link.find(f"{SVG}circle")
    assert marker is not None
    assert marker.get("fill") == country_paths(root)["BB"].get("fill")


def test_legend_present(root):
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "lac-map__legend")
    labels = [text.text for text in legend.iter(f"{SVG}text")]
    assert labels == ["Practices per country", "No practices yet", "1", "2", "3", "4", "5+"]
    swatches = [rect.get("fill") for rect in legend.iter(f"{SVG}rect")][1:]
    assert swatches == [NONE_FILL, *STEP_FILLS]


def test_legend_steps_keep_the_largest_count_in_the_darkest_step():
    for max_count in (1, 4, 5, 9, 12, 37, 250):
        steps = legend_steps(max_count)
        assert len(steps) == 6
        assert steps[-1].high is None
        if max_count >= 5:
            assert steps[-1].low <= max_count
        else:
            assert all(step.low == step.high for step in steps[:-1])
        lows = [step.low for step in steps]
        assert lows == sorted(set(lows))
    assert [step.label for step in legend_steps(12)[1:]] == ["1–2", "3–4", "5–6", "7–8", "9+"]


def test_text_and_attributes_are_escaped():
    svg = render_lac_map(
        COUNTS,
        url_for=lambda code: f'/en/search/?country={code}&q="<x>"',
        title="Practices & <projects>",
        id_prefix='map"1',
    )
    root = parse(svg)
    assert root.find(f"{SVG}title").text == "Practices & <projects>"
    assert linked_codes(root)["BR"] == '/en/search/?country=BR&q="<x>"'
    assert "&amp;" in svg
    assert "<projects>" not in svg


def test_unknown_codes_and_negative_counts_are_ignored():
    countries = map_countries({"US": 90, "BR": -3, "CO": 2})
    assert [country.code for country in countries] == CODES
    by_code = {country.code: country for country in countries}
    assert by_code["BR"].count == 0
    assert by_code["BR"].fill == NONE_FILL
    assert by_code["CO"].count == 2
    # The legend is scaled to the LAC counts, not to the stray 90.
    assert by_code["CO"].fill == STEP_FILLS[1]


def test_no_scripts_or_inline_styles(root):
    for element in root.iter():
        assert element.tag != f"{SVG}script"
        assert "style" not in element.attrib
        assert not any(name.startswith("on") for name in element.attrib)


def test_bundled_shapes_are_small_and_well_formed():
    assert DATA_FILE.stat().st_size < 400 * 1024
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    assert data["source"].startswith("Natural Earth")
    assert sorted(data["countries"]) == sorted(CODES)
    assert data["context"]
    path_syntax = re.compile(r"M[MmLlHhVvZz0-9.\s,-]*")
    for path in [shape["path"] for shape in data["countries"].values()] + data["context"]:
        assert path.startswith("M")
        assert path_syntax.fullmatch(path)
    _, _, width, height = map(float, data["viewBox"].split())
    for shape in data["countries"].values():
        x, y = shape["centroid"]
        assert 0 <= x <= width
        assert 0 <= y <= height
        assert shape["area"] > 0
