"""An official puts three practices from the search in the comparison tray, compares them, keeps
only the differences, exports a CSV, then looks at the evidence map and the dashboard."""

import csv
import io
import re
from pathlib import Path

import pytest

from practices.demo import load_demo

ADD = re.compile(r"^Add .+ to the comparison$")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_compare_three_practices_from_search(live_server, page, screenshot):
    load_demo(with_accounts=False)
    page.goto(f"{live_server.url}/search/?q=hot+spots")
    results = page.locator(".result")
    titles = [results.nth(i).locator(".card__title a").inner_text() for i in range(2)]
    for i in range(2):
        results.nth(i).get_by_role("button", name=ADD).click()
        page.wait_for_load_state()
    page.goto(f"{live_server.url}/search/?q=homicide")
    added = page.locator(".result").filter(has=page.get_by_role("button", name=ADD)).first
    titles.append(added.locator(".card__title a").inner_text())
    added.get_by_role("button", name=ADD).click()
    page.wait_for_load_state()

    tray = page.locator(".tray")
    assert tray.locator("[data-tray-count]").inner_text() == "3"
    assert page.locator(".site-nav .nav-count").inner_text() == "3"
    tray.get_by_role("link", name="Compare side by side").click()
    page.wait_for_url("**/compare/?ids=**")
    headers = page.locator("thead th[scope=col] > a:first-child").all_inner_texts()
    assert headers == titles
    all_rows = page.locator("tr[data-row]").count()
    differing = page.locator("tr[data-row].differs").count()
    assert 0 < differing < all_rows
    screenshot("compare")

    page.get_by_role("link", name="Show differences only").click()
    page.wait_for_url("**differences=1**")
    assert page.locator("tr[data-row]").count() == differing
    assert page.locator("tr[data-row]:not(.differs)").count() == 0

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("comparison-") and download.suggested_filename.endswith(
        ".csv"
    )
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert [row["title"] for row in rows] == titles

    page.get_by_role("link", name="Evidence map").first.click()
    page.wait_for_url("**/evidence-map/")
    assert page.locator("td.map-cell--gap").count() > 0
    screenshot("evidence-map")
    page.select_option("select[name=rows]", "sector")
    page.select_option("select[name=country]", ["BR"])
    page.get_by_role("button", name="Update map").click()
    page.wait_for_url("**rows=sector**")
    assert "country=BR" in page.url
    first_cell = page.locator("td.map-cell:not(.map-cell--gap) a").first
    count = first_cell.locator(".map-cell__count").inner_text()
    first_cell.click()
    page.wait_for_url("**/search/?**")
    assert page.locator(".results-count").inner_text().startswith(f"{count} practice")

    page.goto(f"{live_server.url}/dashboard/")
    assert page.locator(".chart--map path[data-country=BR]").get_attribute("data-count") == "8"
    screenshot("dashboard")


def test_comparison_map_and_dashboard_fit_a_phone(live_server, page):
    load_demo(with_accounts=False)
    from practices.models import CaseStudyPage

    ids = ",".join(str(pk) for pk in CaseStudyPage.objects.live().values_list("pk", flat=True)[:4])
    page.set_viewport_size({"width": 390, "height": 844})
    for path in (f"/en/compare/?ids={ids}", "/en/evidence-map/", "/en/dashboard/"):
        page.goto(live_server.url + path)
        # Wide tables scroll inside their own box; the page itself never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
