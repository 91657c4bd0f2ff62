"""A reader arrives with a Spanish, Portuguese or English browser, lands in that language, and
switches language on a case study without losing the page."""

import pytest

from practices.demo import load_demo
from practices.models import CaseStudyPage
from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = [
    # the browser's language, the prefix it lands on, the main navigation's "Practices"
    ("es-CO", "es", "Prácticas"),
    ("pt-BR", "pt-br", "Práticas"),
    ("en-JM", "en", "Practices"),
]


@pytest.fixture
def browser_in(browser):
    """A page in a browser set to one language, as a reader's own browser is."""
    contexts = []

    def open_page(locale: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def screenshot(page, name: str, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


@pytest.fixture
def demo_corpus():
    load_demo(with_accounts=False)
    return CaseStudyPage.objects.live()


@pytest.mark.parametrize(("accept", "code", "practices"), LANGUAGES)
def test_home_search_and_case_study_in_the_browsers_language(
    live_server, browser_in, demo_corpus, accept, code, practices
):
    page = browser_in(accept)
    page.goto(live_server.url)
    page.wait_for_url(f"**/{code}/")
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("nav.site-nav").get_by_role("link", name=practices, exact=True).is_visible()
    screenshot(page, f"home-{code}")

    page.goto(f"{live_server.url}/{code}/search/?q=homicide&sector=policing")
    facets = page.locator("#facet-sector")
    assert facets.is_visible()
    screenshot(page, f"search-{code}", full_page=False)

    practice = demo_corpus.get(slug="medellin-integral-urban-projects")
    page.goto(f"{live_server.url}/{code}/practices/{practice.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == practice.title
    screenshot(page, f"case-study-{code}")


def test_switching_language_keeps_the_case_study_and_is_remembered(live_server, browser_in, demo_corpus):
    practice = demo_corpus.get(slug="belo-horizonte-fica-vivo")
    page = browser_in("es-MX")
    page.goto(f"{live_server.url}/es/practices/{practice.slug}/")
    switcher = page.locator("nav.language-switcher")
    assert switcher.locator("[aria-current]").inner_text() == "Español"

    switcher.get_by_role("link", name="Português").click()
    page.wait_for_url(f"**/pt-br/practices/{practice.slug}/")
    assert page.locator("html").get_attribute("lang") == "pt-br"
    assert page.get_by_role("heading", level=1).inner_text() == practice.title

    # The choice outlives the browser's preference: the bare address now opens in Portuguese.
    page.goto(live_server.url)
    page.wait_for_url("**/pt-br/")
