"""Every page a reader can open renders in Spanish, Portuguese and English, with no interface string
left in English, and with dates and money written as each language writes them."""

import json
import re
from decimal import Decimal

from django.conf import settings
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from languages.formatting import money
from practices.models import CaseStudyPage, Sector
from reading_lists.models import ReadingList
from tests.factories import CaseStudyPageFactory, demo_corpus_rolled_back

pytestmark = pytest.mark.django_db

LOCALE = settings.BASE_DIR / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|[<>{}]")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo corpus with its accounts and reading lists, rolled back after the module."""
    with demo_corpus_rolled_back(django_db_blocker, with_accounts=True):
        yield


def reader_paths() -> list[str]:
    practice = CaseStudyPage.objects.live().get(slug="medellin-integral-urban-projects")
    trio = ",".join(
        str(pk) for pk in CaseStudyPage.objects.live().order_by("pk").values_list("pk", flat=True)[:3]
    )
    reading_list = ReadingList.objects.filter(visibility="public").first() or ReadingList.objects.first()
    organisation = practice.contributing_organisation
    return [
        "/",
        "/practices/",
        neutral_path(practice),
        "/evidence-scale/",
        "/search/?q=homicide&sector=policing",
        "/search/?q=zzzzqqq",
        f"/compare/?ids={trio}",
        "/evidence-map/",
        "/dashboard/",
        "/reading-lists/",
        f"/reading-lists/{reading_list.pk}/",
        "/organisations/",
        f"/organisations/{organisation.slug}/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
    ]


def neutral_path(page) -> str:
    """The page's path after the language prefix (a request in another language may still be active)."""
    with translation.override("en"):
        return page.get_url().removeprefix("/en")


def english_interface_strings(language: str) -> set[str]:
    """The English of every catalogue entry whose translation differs, long enough to be unambiguous
    and not also a phrase of the content (the demo corpus and the starter pages are in English)."""
    po = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    content = [settings.BASE_DIR / "practices" / "site_tree.py"] + [
        path
        for folder in ("practices/demo_data", "reading_lists/demo_data")
        for path in (settings.BASE_DIR / folder).rglob("*.json")
    ]
    corpus = " ".join(path.read_text(encoding="utf-8") for path in content).lower()
    corpus = re.sub(r"<[^>]+>", "", corpus)
    strings = set()
    for msgid, msgstr in re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', po, re.M):
        msgid = json.loads(f'"{msgid}"')
        if (
            len(msgid) >= 12
            and " " in msgid
            and msgid != json.loads(f'"{msgstr}"')
            and not PLACEHOLDER.search(msgid)
            and msgid.lower() not in corpus
        ):
            strings.add(msgid)
    return strings


def visible_text(html: BeautifulSoup) -> str:
    for hidden in html(["script", "style"]):
        hidden.decompose()
    return " ".join(html.get_text(" ").split())


@pytest.mark.parametrize(("language", "catalogue"), [("es", "es"), ("pt-br", "pt_BR")])
def test_every_reader_page_is_in_the_language_of_its_address(client, demo, language, catalogue):
    english = english_interface_strings(catalogue)
    assert len(english) > 200  # the check has something to look for
    left_in_english = {}
    for path in reader_paths():
        response = client.get(f"/{language}{path}")
        assert response.status_code == 200, path
        html = BeautifulSoup(response.content, "html.parser")
        assert html.html["lang"] == language, path
        text = visible_text(html)
        found = sorted(s for s in english if s in text)
        if found:
            left_in_english[path] = found
    assert not left_in_english, f"English interface text on {language} pages: {left_in_english}"


def test_english_pages_render_too(client, demo):
    for path in reader_paths():
        response = client.get(f"/en{path}")
        assert response.status_code == 200, path


def test_a_missing_page_says_so_in_the_readers_language(client, site_tree):
    response = client.get("/pt-br/nao-existe/")
    assert response.status_code == 404
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "pt-br"


def test_taxonomy_terms_are_named_and_defined_in_each_language(site_tree):
    health = Sector.objects.get(slug="health")
    with translation.override("es"):
        assert (str(health), health.label) == ("Salud", "Salud") and health.definition
    with translation.override("pt-br"):
        assert health.label == "Saúde" and health.definition != health.description
    with translation.override("en"):
        assert health.label == "Health" and health.definition == health.description
    # A term an editor added without translations keeps its English name in every language.
    added = Sector.objects.create(name="Sport", slug="sport")
    with translation.override("es"):
        assert added.label == "Sport"


@pytest.mark.parametrize(
    ("language", "budget", "cost"),
    [
        ("en", "$1,250,000", "COP1,234.50"),
        ("es", "1.250.000\xa0US$", "1.234,50\xa0COP"),
        ("pt-br", "US$\xa01.250.000", "COP\xa01.234,50"),
    ],
)
def test_money_is_written_as_each_language_writes_it(language, budget, cost):
    with translation.override(language):
        assert money(Decimal("1250000.40"), "USD", whole=True) == budget
        assert money(Decimal("1234.5"), "COP") == cost
        assert money(None, "USD") == ""


def test_a_case_study_shows_dates_and_money_in_the_readers_language(client, site_tree):
    page = CaseStudyPageFactory(
        title="Programa de prueba",
        budget_amount=Decimal("2500000"),
        budget_currency="BRL",
        budget_year=2012,
        last_reviewed="2026-03-05",
    )
    path = neutral_path(page)
    text = {
        code: visible_text(BeautifulSoup(client.get(f"/{code}{path}").content, "html.parser"))
        for code in ("en", "es", "pt-br")
    }
    assert "R$2,500,000 (2012)" in text["en"] and "5 March 2026" in text["en"]
    assert "2.500.000 BRL (2012)" in text["es"] and "5 de marzo de 2026" in text["es"]
    assert "R$ 2.500.000 (2012)" in text["pt-br"] and "5 de Março de 2026" in text["pt-br"]
