"""/en/compare/: the side-by-side table, its exports and every kind of bad request, on demo practices."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as ET
from pypdf import PdfReader

pytestmark = pytest.mark.django_db

FICA_VIVO = "belo-horizonte-fica-vivo"
BOGOTA = "bogota-hot-spots-policing-experiment"
PADO = "uruguay-pado-hot-spot-policing"


@pytest.fixture
def trio(demo):
    return [demo[FICA_VIVO], demo[BOGOTA], demo[PADO]]


def ids(pages):
    return ",".join(str(page.pk) for page in pages)


def rows(soup):
    """{row key: (differs, [cell text per practice])}"""
    found = {}
    for tr in soup.select("tr[data-row]"):
        cells = [" ".join(td.get_text(" ", strip=True).split()) for td in tr.select("td")]
        found[tr["data-row"]] = ("differs" in (tr.get("class") or []), cells)
    return found


def test_three_practices_side_by_side_with_differences_marked(client, trio):
    response = client.get(f"/en/compare/?ids={ids(trio)}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    headers = [th.select_one("a").get_text(strip=True) for th in soup.select("thead th[scope=col]")]
    assert headers == [page.title for page in trio]

    table = rows(soup)
    assert table["country"] == (True, ["Brazil", "Colombia", "Uruguay"])
    assert table["evidence_strength"] == (
        True,
        ["3 · Quasi-experimental", "4 · Randomised controlled trial", "3 · Quasi-experimental"],
    )
    assert table["effect_direction"][1] == ["Positive", "No effect", "Positive"]
    assert table["comprehensiveness"] == (True, ["3 — strong", "2 — moderate", "1 — weak"])
    assert table["budget"] == (False, ["Not reported"] * 3)
    assert "-69 % change in mean number of homicides (first six months)" in table["effect_sizes"][1][0]
    assert table["effect_sizes"][1][1] == "Not reported"
    assert "Policing" in table["sectors"][1][0] and "Policing" in table["sectors"][1][2]
    # Actor rows appear only for the types some practice has.
    assert "actors_private_sector" not in table
    assert "Monitoring" in table["policy_cycle_stages"][1][2]
    assert "Monitoring" not in table["policy_cycle_stages"][1][0]


def test_differences_only_hides_identical_rows_and_keeps_the_url_shareable(client, trio):
    soup = BeautifulSoup(client.get(f"/en/compare/?ids={ids(trio)}").content, "html.parser")
    every = rows(soup)
    toggle = soup.select_one("[data-differences-toggle]")
    assert toggle["aria-pressed"] == "false"

    only = client.get(toggle["href"])
    soup = BeautifulSoup(only.content, "html.parser")
    kept = rows(soup)
    assert set(kept) == {key for key, (differs, _cells) in every.items() if differs}
    assert "budget" not in kept and "country" in kept
    assert soup.select_one("[data-differences-toggle]")["aria-pressed"] == "true"
    assert soup.select_one(".share input")["value"] == f"http://testserver/en/compare/?ids={ids(trio)}"


def test_radar_charts_are_well_formed_svg_carrying_the_ratings(client, trio):
    soup = BeautifulSoup(client.get(f"/en/compare/?ids={ids(trio)}").content, "html.parser")
    overlay = ET.fromstring(str(soup.select_one(".compare-overlay svg")))
    ns = {"svg": "http://www.w3.org/2000/svg"}
    series = overlay.findall("svg:g", ns)
    assert [g.get("data-values") for g in series] == ["3 2 2 3", "2 2 3 1", "1 1 3 2"]
    description = overlay.find("svg:desc", ns).text
    assert "Rigour 3 of 3" in description and trio[0].title in description
    per_practice = soup.select(".compare-table__chart svg")
    assert len(per_practice) == 3
    for svg in per_practice:
        ET.fromstring(str(svg))


def test_csv_export_has_one_row_per_practice_with_the_table_values(client, trio):
    response = client.get(f"/en/compare/?ids={ids(trio)}&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="comparison-{ids(trio).replace(",", "-")}.csv"' in response["Content-Disposition"]
    reader = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["title"] for row in reader] == [page.title for page in trio]
    assert reader[0]["url"] == f"http://testserver{trio[0].url}"
    assert [row["country"] for row in reader] == ["Brazil", "Colombia", "Uruguay"]
    assert [row["rigour"] for row in reader] == ["2 — moderate", "3 — strong", "3 — strong"]
    # A leading minus would make a spreadsheet read the cell as a formula: it is quoted.
    assert reader[2]["effect_sizes"].startswith("'-23 % change in robbery rate")
    assert reader[1]["budget"] == ""
    for column in (
        "evidence_strength",
        "effect_direction",
        "budget_usd",
        "cost_per_beneficiary",
        "lessons_learned",
    ):
        assert column in reader[0]


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, trio):
    page = trio[0]
    page.title = '=HYPERLINK("https://evil.example")'
    page.save_revision().publish()
    response = client.get(f"/en/compare/?ids={ids(trio)}&format=csv")
    row = next(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["title"].startswith("'=")


def test_pdf_export_is_a_valid_pdf_with_the_titles(client, trio):
    response = client.get(f"/en/compare/?ids={ids(trio)}&format=pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 2
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Comparison of 3 practices" in text
    for title in ("Stay Alive! homicide control programme", "Bogotá hot-spots policing", "PADO"):
        assert title in text
    assert "Quasi-experimental" in text and "Randomised controlled trial" in text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("ids=", "at least 2"),
        ("ids={first}", "at least 2"),
        ("ids=abc,xyz", "not practice numbers"),
        ("ids=999998,999999", "No published practices have the numbers 999998, 999999"),
        ("ids={first},{second},{third},{fourth},{fifth}", "at most 4"),
        ("ids=" + ",".join(["1"] * 60), "between 2 and 4"),
        ("ids={first},{first}", "at least 2"),
    ],
)
def test_bad_selections_get_a_clear_message_not_an_error(client, demo, query, message):
    pages = list(demo.values())
    values = {name: pages[i].pk for i, name in enumerate(["first", "second", "third", "fourth", "fifth"])}
    for output in ("", "&format=csv", "&format=pdf"):
        response = client.get("/en/compare/?" + query.format(**values) + output)
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")
        assert message in response.content.decode()


def test_bad_ids_among_good_ones_are_dropped_with_a_notice(client, trio):
    response = client.get(f"/en/compare/?ids={ids(trio)},{trio[0].pk},abc,999999")
    assert response.status_code == 200
    text = response.content.decode()
    assert "“abc” is not a practice number" in text
    assert "listed twice are compared once" in text
    assert "No published practice has the number 999999" in text
    assert len(BeautifulSoup(response.content, "html.parser").select("thead th[scope=col]")) == 3


def test_an_unpublished_practice_never_appears_in_a_comparison_or_its_exports(client, trio):
    hidden = trio[2]
    hidden.unpublish()
    for output in ("", "&format=csv", "&format=pdf"):
        response = client.get(f"/en/compare/?ids={ids(trio)}{output}")
        assert response.status_code == 200
        body = response.content if output == "&format=pdf" else response.content.decode()
        if output == "&format=pdf":
            body = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
        assert "PADO" not in body
    assert (
        "No published practice has the number" in client.get(f"/en/compare/?ids={ids(trio)}").content.decode()
    )


def test_without_ids_the_tray_is_compared_or_the_page_explains_how(client, trio):
    response = client.get("/en/compare/")
    assert response.status_code == 200
    assert "+ Compare" in response.content.decode()
    for page in trio[:2]:
        client.post("/en/compare/tray/add/", {"page": page.pk, "next": "/"})
    response = client.get("/en/compare/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/compare/?ids={ids(trio[:2])}"


def test_an_unknown_format_shows_the_page_with_a_notice(client, trio):
    response = client.get(f"/en/compare/?ids={ids(trio)}&format=xlsx")
    assert response.status_code == 200
    assert "Unknown export format" in response.content.decode()


def test_the_comparison_page_costs_a_fixed_number_of_queries(client, trio, django_assert_max_num_queries):
    client.get(f"/en/compare/?ids={ids(trio[:2])}")
    with django_assert_max_num_queries(20) as two:
        client.get(f"/en/compare/?ids={ids(trio[:2])}")
    with django_assert_max_num_queries(len(two.captured_queries)):
        client.get(f"/en/compare/?ids={ids(trio)}")
