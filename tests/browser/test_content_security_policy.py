"""The strict Content-Security-Policy breaks nothing: the pages and their scripts run with no
violation, for a visitor and for a trainer editing a list."""

import pytest

from practices.demo import load_demo
from practices.models import CaseStudyPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RECORD = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation', "
    "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def test_no_page_violates_the_policy(live_server, browser, settings):
    settings.ALLOW_DEMO_ACCOUNTS = True
    load_demo()
    ids = ",".join(str(pk) for pk in CaseStudyPage.objects.live().values_list("pk", flat=True)[:3])
    context = browser.new_context()
    context.add_init_script(RECORD)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    visitor_pages = [
        "/",
        "/en/practices/",
        "/en/search/?q=violencia",
        CaseStudyPage.objects.live().first().url,
        f"/en/compare/?ids={ids}",
        "/en/evidence-map/",
        "/en/dashboard/",
        "/en/reading-lists/1/",
        "/en/accounts/signup/",
    ]
    for path in visitor_pages:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [], path
    # The search box's autocomplete fetches from the API under connect-src 'self'.
    page.goto(live_server.url + "/en/search/")
    page.fill("#search-q", "medel")
    page.wait_for_timeout(600)
    assert page.evaluate("window.__csp") == []

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "trainer")
    page.fill("#id_password", "trainer-demo-2026")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    for path in ("/en/reading-lists/1/edit/", "/en/reading-lists/1/", "/en/submissions/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [], path
    assert not [text for text in console if "Content Security Policy" in text]

    # The recorder does see violations: an injected inline handler is blocked and reported.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.__ran=1\">')")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__ran") is None
    assert any(entry.startswith("script-src") for entry in page.evaluate("window.__csp"))
    context.close()
