"""The synthetic prose of the benchmark corpus: seeded, within the model's bounds, in the right
language, with a skewed word distribution and balanced rich text."""

import os
import random
import re
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bench.text import LANGUAGES, Writer
from practices.choices import LAC_COUNTRIES

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[^\W\d_]+")


def documents(language: str, count: int, seed: int = 1) -> list[str]:
    """`count` documents' worth of text, as the corpus builder asks for it."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        writer = Writer(language, rng)
        parts = [writer.title(), writer.summary(), writer.html(150), writer.html(80, 1), writer.html(400, 4)]
        out.append(" ".join(parts))
    return out


def sample(writer: Writer) -> list:
    return [
        writer.title(),
        writer.place(),
        writer.summary(),
        writer.sentence(),
        writer.paragraph(60),
        writer.html(120, 3),
        writer.organisation(),
        writer.outcome(),
        writer.result(),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_seed_gives_the_same_text(language):
    first, second, other = (Writer(language, random.Random(seed)) for seed in (7, 7, 8))
    runs = [[sample(writer) for _ in range(20)] for writer in (first, second, other)]
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]


def test_the_text_does_not_depend_on_string_hashing():
    """Same seed, different PYTHONHASHSEED (set and dict order of strings): same text."""
    script = (
        "import hashlib, random\n"
        "from bench.text import Writer\n"
        "rng = random.Random(3)\n"
        "writers = [Writer(lang, rng) for lang in ('es', 'pt', 'en')]\n"
        "text = ''.join(w.title() + w.html(200, 2) + w.organisation() for w in writers)\n"
        "print(hashlib.sha256(text.encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in ("0", "12345")
    }
    assert len(digests) == 1


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        Writer("fr", random.Random(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_lengths_stay_within_the_model_fields(language):
    rng = random.Random(11)
    for _ in range(400):
        writer = Writer(language, rng)
        title = writer.title()
        assert len(title) <= 255
        assert 4 <= len(title.split()) <= 14
        assert writer.place()[0] in title

        summary = writer.summary()
        assert 250 <= len(summary) <= 590
        assert "<" not in summary

        sentence = writer.sentence()
        assert 10 <= len(sentence.split()) <= 30
        assert sentence[0].isupper()
        assert sentence.endswith(".")

        assert len(writer.outcome()) <= 200
        assert writer.result().endswith(".")
        for words in (40, 80, 150, 400):
            assert 0.8 * words <= len(writer.paragraph(words).split()) <= 1.2 * words


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_markup_characters_in_generated_words(language):
    rng = random.Random(5)
    for _ in range(200):
        writer = Writer(language, rng)
        for text in [writer.title(), writer.summary(), writer.paragraph(100), writer.organisation()]:
            assert not re.search(r'[<>&"{}]', text), text
            assert "  " not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_html_is_balanced_paragraphs(language):
    writer = Writer(language, random.Random(2))
    for paragraphs in (1, 2, 4):
        html = writer.html(90 * paragraphs, paragraphs)
        assert re.fullmatch(r"(<p>[^<>&]+</p>)+", html)
        assert html.count("<p>") == html.count("</p>") == paragraphs
        words = len(re.sub(r"</?p>", " ", html).split())
        assert 0.8 * 90 * paragraphs <= words <= 1.2 * 90 * paragraphs


def test_each_language_has_its_own_vocabulary():
    text = {language: " ".join(documents(language, 40)).lower() for language in LANGUAGES}
    words = {language: Counter(WORD.findall(text[language])) for language in LANGUAGES}

    def share(language: str, pattern: str) -> float:
        counts = words[language]
        return sum(n for word, n in counts.items() if re.search(pattern, word)) / sum(counts.values())

    # Spanish: accented words, "-ción", Spanish articles and prepositions.
    assert share("es", "[áéíóúñ]") > 0.05
    assert share("es", "ción$") > 0.01
    assert share("es", "ção$") == 0
    assert words["es"]["del"] > 50
    # Portuguese: "-ção", "-ções", contractions.
    assert share("pt", "çã(o|es)$|ções$") > 0.01
    assert share("pt", "ción$") == 0
    assert words["pt"]["da"] > 50
    assert words["pt"]["não"] + words["pt"]["nas"] + words["pt"]["nos"] > 10
    # English: no Spanish or Portuguese function words.
    assert words["en"]["the"] > 200
    assert words["en"]["del"] == words["en"]["da"] == 0
    assert "prevención" in text["es"]
    assert "prevenção" in text["pt"]
    assert "prevention" in text["en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_word_frequencies_are_skewed(language):
    """A few content words are in nearly every document, the typical one in very few."""
    docs = documents(language, 300)
    frequency = Counter()
    for doc in docs:
        frequency.update({word for word in WORD.findall(doc.lower()) if len(word) >= 4})
    counts = sorted(frequency.values(), reverse=True)
    assert len(counts) > 1500
    assert counts[0] >= 0.9 * len(docs)
    assert statistics.median(counts) <= 0.02 * len(docs)
    assert counts[0] >= 50 * statistics.median(counts)


@pytest.mark.parametrize(
    ("language", "common", "rare"),
    [
        ("es", ["violencia juvenil", "homicidios", "alcohol", "puntos calientes"], ["justicia restaurativa"]),
        (
            "pt",
            ["violência juvenil", "homicídios", "álcool", "policiamento comunitário"],
            ["justiça restaurativa"],
        ),
        ("en", ["youth violence", "homicides", "alcohol", "hot spots policing"], ["restorative justice"]),
    ],
)
def test_theme_queries_match_a_realistic_share_of_documents(language, common, rare):
    docs = [doc.lower() for doc in documents(language, 500, seed=4)]

    def share(phrase: str) -> float:
        return sum(phrase in doc for doc in docs) / len(docs)

    for phrase in common:
        assert 0.03 < share(phrase) < 0.8, phrase
    for phrase in rare:
        assert 0 < share(phrase) < 0.15, phrase


def test_places_follow_the_language():
    codes = {code for code, _ in LAC_COUNTRIES}
    english = {"JM", "TT", "GY", "BZ", "BS", "BB", "LC", "KN", "VC", "GD", "AG", "DM"}
    spanish = codes - english - {"BR", "HT", "SR"}
    countries = {}
    for language in LANGUAGES:
        rng = random.Random(9)
        countries[language] = Counter(Writer(language, rng).place()[2] for _ in range(1000))
        assert set(countries[language]) <= codes
    assert countries["pt"]["BR"] > 800
    assert sum(countries["en"][code] for code in english) > 700
    assert sum(countries["es"][code] for code in spanish) > 900
    city, unit, _ = Writer("es", random.Random(1)).place()
    assert city
    assert unit


def test_title_starts_a_new_document_once_the_current_one_has_one():
    writer = Writer("es", random.Random(6))
    places = []
    for _ in range(30):
        title = writer.title()
        places.append(writer.place())
        assert writer.place()[0] in title
    assert len(set(places)) > 10
    writer.new_document()
    place = writer.place()
    assert place[0] in writer.title()
    assert writer.place() == place
