"""An official narrows the practices with facets, sees the counts change and goes back."""

import pytest

from practices.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def count_of(page, facet, value):
    return int(page.locator(f"#facet-{facet} input[value='{value}'] ~ .facet__count").inner_text())


def total(page):
    return int(page.locator(".results-count").inner_text().split()[0])


def test_ticking_facets_updates_counts_and_url_and_back_returns(live_server, page, screenshot):
    load_demo(with_accounts=False)
    page.goto(f"{live_server.url}/search/")
    everything = total(page)
    municipal = count_of(page, "level", "municipal")
    assert 0 < municipal < everything

    page.locator("#facet-level input[value='municipal']").check()
    page.wait_for_url("**level=municipal**")
    assert total(page) == municipal
    # Other facets now count within municipal practices; the level facet still offers the others.
    assert count_of(page, "level", "national") > 0
    rct = count_of(page, "evidence", "4")

    page.locator("#facet-evidence input[value='4']").check()
    page.wait_for_url("**evidence=4**")
    assert "level=municipal" in page.url
    assert total(page) == rct
    screenshot("search-facets")

    page.go_back()
    page.wait_for_url(lambda url: "evidence=4" not in url)
    assert total(page) == municipal
    assert page.locator("#facet-level input[value='municipal']").is_checked()

    page.get_by_role("link", name="Clear all filters").click()
    page.wait_for_url(lambda url: "level=" not in url)
    assert total(page) == everything


def test_facets_work_without_javascript(live_server, browser):
    load_demo(with_accounts=False)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/search/?q=violence")
    page.locator("#facet-country input[value='BR']").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**country=BR**")
    assert "q=violence" in page.url
    assert page.locator(".selected-filters").inner_text().startswith("Country: Brazil")
    context.close()
