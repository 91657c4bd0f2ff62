"""An official opens the site, finds a practice and reads its key facts, as a person would."""

import pytest

from practices.demo import load_demo
from practices.models import CaseStudyPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo_corpus():
    load_demo(with_accounts=False)
    return CaseStudyPage.objects.live()


def test_home_to_case_study_key_facts(live_server, page, screenshot, demo_corpus):
    practice = demo_corpus.get(slug="diadema-alcohol-hours-law")

    page.goto(live_server.url)
    assert page.title() == "Practice Exchange"
    assert page.locator(".stats li").first.inner_text().split()[0] == str(demo_corpus.count())
    screenshot("home")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Practices").click()
    page.wait_for_url("**/practices/**")
    screenshot("practices-index", full_page=False)
    page.get_by_label("Sort by").select_option("title")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**sort=title**")

    # Page through the index until the practice shows up, as a reader would.
    link = page.get_by_role("link", name=practice.title, exact=True)
    while link.count() == 0:
        page.get_by_role("link", name="Next →").click()
        page.wait_for_load_state()
    link.click()
    page.wait_for_url(f"**{practice.url}")

    assert page.get_by_role("heading", level=1).inner_text() == practice.title
    facts = page.locator(".key-facts")
    assert "Diadema" in facts.locator("dt:has-text('Where') + dd").inner_text()
    assert "Municipal" in facts.locator("dt:has-text('Level of government') + dd").inner_text()
    badge = facts.locator(".evidence-badge").inner_text()
    assert f"Evidence {practice.evidence_strength}/5" in badge
    assert page.locator("ol.sources li").count() == practice.sources.count()
    screenshot("case-study")


def test_case_study_reads_on_a_phone(live_server, page, screenshot, demo_corpus):
    practice = demo_corpus.get(slug="belo-horizonte-fica-vivo")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + practice.url)
    # The key facts panel stacks above the text; nothing overflows the viewport sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator(".key-facts").is_visible()
    screenshot("case-study-phone")


def test_keyboard_user_can_skip_to_content_and_search(live_server, page, demo_corpus):
    page.goto(live_server.url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Skip to content"
    page.get_by_role("searchbox").first.fill("alcohol")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=alcohol**")
    assert page.locator(".result").count() >= 1
