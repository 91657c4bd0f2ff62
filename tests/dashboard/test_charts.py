"""The dashboard's and comparison's SVG charts: well-formed, described in text, carrying the values."""

from defusedxml import ElementTree as ET

from compare.charts import Series, radar_svg
from dashboard.charts import Bar, bar_chart_svg, column_chart_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_bar_chart_links_non_empty_bars_and_describes_every_bar():
    svg = ET.fromstring(
        bar_chart_svg(
            [
                Bar("Social prevention", 17, "/en/search/?policy_area=social&x=1"),
                Bar("Justice", 0, "/en/search/?j"),
            ],
            "By policy area",
            chart_id="t",
        )
    )
    assert svg.find(f"{SVG}title").text == "By policy area"
    assert svg.find(f"{SVG}desc").text == "Social prevention: 17; Justice: 0"
    links = svg.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == ["/en/search/?policy_area=social&x=1"]
    assert [g.get("data-label") for g in svg.findall(f"{SVG}g")] == ["Justice"]


def test_bar_lengths_are_proportional_to_counts():
    svg = ET.fromstring(bar_chart_svg([Bar("a", 10), Bar("b", 5)], "t", chart_id="t"))
    widths = [float(rect.get("width")) for rect in svg.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1]


def test_column_chart_escapes_labels_and_handles_no_data():
    svg = ET.fromstring(column_chart_svg([Bar("<2001>", 3), Bar("2002", 0)], "Years & starts", chart_id="y"))
    assert svg.find(f"{SVG}title").text == "Years & starts"
    assert "<2001>: 3" in svg.find(f"{SVG}desc").text
    ET.fromstring(column_chart_svg([], "Nothing", chart_id="n"))


def test_radar_draws_one_polygon_per_series_with_unrated_challenges_said_in_words():
    svg = ET.fromstring(
        radar_svg(
            [
                Series(
                    "Fica Vivo",
                    {"comprehensiveness": 3, "multisectoriality": 2, "rigour": 2, "sustainability": 3},
                ),
                Series("Nuevo & <raro>", {"comprehensiveness": None, "multisectoriality": 0}),
            ],
            "Two practices",
        )
    )
    groups = svg.findall(f"{SVG}g")
    assert [g.get("data-values") for g in groups] == ["3 2 2 3", "None 0 None None"]
    description = svg.find(f"{SVG}desc").text
    assert "Fica Vivo: Comprehensiveness 3 of 3, Multisectoriality 2 of 3" in description
    assert "Nuevo & <raro>: Comprehensiveness not rated" in description
    # The top vertex of a rating of 3 sits on the outer ring; an unrated axis collapses to the centre.
    first = [tuple(map(float, p.split(","))) for p in groups[0].find(f"{SVG}polygon").get("points").split()]
    second = [tuple(map(float, p.split(","))) for p in groups[1].find(f"{SVG}polygon").get("points").split()]
    outer = [tuple(map(float, p.split(","))) for p in svg.find(f"{SVG}polygon").get("points").split()]
    assert first[0][1] < outer[0][1]  # rating 3 reaches beyond ring 1
    assert second[0] == second[1] == second[2]
