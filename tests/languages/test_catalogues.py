"""The interface is complete in every language: every template string is marked, every marked string
is translated, and the compiled catalogues are the ones the sources give."""

import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

import pytest

from languages.catalogues import MAKEMESSAGES_OPTIONS, TRANSLATED

TEMPLATES = settings.BASE_DIR / "templates"
LOCALE = settings.BASE_DIR / "locale"

TEMPLATE_SYNTAX = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
UNSHOWN = re.compile(
    r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|<script.*?</script>|<style.*?</style>"
    r"|{%\s*blocktranslate.*?endblocktranslate\s*%}",
    re.S,
)
SHOWN_ATTRIBUTE = re.compile(r'\b(?:aria-label|title|placeholder|alt|data-copied)="([^"]*)"')
HTML_TAG = re.compile(r"<[^>]*>", re.S)
WORD = re.compile(r"[A-Za-z]{2,}")
# Text that is the same in every language: the brand, file formats, CSS hooks in body_class blocks.
SAME_IN_EVERY_LANGUAGE = re.compile(r"^(?:·\s*)?Practice Exchange$|^PX$|^PDF$|^CSV$|^page-[\w-]+$")

gettext_tools = pytest.mark.skipif(
    not shutil.which("msgfmt") or not shutil.which("xgettext"),
    reason="GNU gettext is not installed (CI installs it)",
)


def unmarked_text(path: Path) -> list[str]:
    source = TEMPLATE_SYNTAX.sub(" ", UNSHOWN.sub(" ", path.read_text(encoding="utf-8")))
    found = [value.strip() for value in SHOWN_ATTRIBUTE.findall(source) if WORD.search(value)]
    found += [chunk.strip() for chunk in HTML_TAG.sub("\n", source).split("\n") if WORD.search(chunk)]
    return [text for text in found if not SAME_IN_EVERY_LANGUAGE.match(text)]


def test_every_template_string_is_marked_for_translation():
    unmarked = {
        str(path.relative_to(TEMPLATES)): text
        for path in sorted(TEMPLATES.rglob("*"))
        if path.suffix in {".html", ".txt"} and (text := unmarked_text(path))
    }
    assert not unmarked, f"wrap these in {{% translate %}} or {{% blocktranslate %}}: {unmarked}"


def test_the_check_finds_an_unmarked_string(tmp_path):
    template = tmp_path / "t.html"
    template.write_text('<p title="Open it">{% translate "Marked" %} Not marked</p>{{ value }}')
    assert unmarked_text(template) == ["Open it", "Not marked"]


def gettext_tool(name: str, *args: str) -> str:
    """Runs one of GNU gettext's tools on our own catalogue files and returns what it prints."""
    return subprocess.run(  # noqa: S603 - a fixed tool on files of this repository
        [shutil.which(name), *args], capture_output=True, text=True, check=True
    ).stdout


@gettext_tools
def test_every_marked_string_is_translated_and_the_catalogues_are_current(tmp_path, monkeypatch):
    """Extracts the strings afresh (as `makemessages` does) into a copy of the catalogues: a string
    added to the code but not to the catalogues, or left untranslated or fuzzy, fails here."""
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy)
    monkeypatch.chdir(settings.BASE_DIR)
    with override_settings(LOCALE_PATHS=[copy]):
        call_command("makemessages", locale=TRANSLATED, verbosity=0, **MAKEMESSAGES_OPTIONS)
    for language in TRANSLATED:
        po = copy / language / "LC_MESSAGES" / "django.po"
        untranslated = gettext_tool("msgattrib", "--untranslated", "--no-obsolete", str(po))
        fuzzy = gettext_tool("msgattrib", "--only-fuzzy", "--no-obsolete", str(po))
        missing = re.findall(r'^msgid "(.+)"', untranslated, re.M) + re.findall(r'^msgid "(.+)"', fuzzy, re.M)
        assert not missing, f"{language}: translate these (then `make catalogues`): {missing[:20]}"
        committed = LOCALE / language / "LC_MESSAGES" / "django.po"
        assert _msgids(po) == _msgids(committed), (
            f"{language}: run `make catalogues` and commit the catalogue"
        )


@gettext_tools
@pytest.mark.parametrize("language", ["en", *TRANSLATED])
def test_the_compiled_catalogues_match_their_sources(tmp_path, language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    compiled = tmp_path / "django.mo"
    gettext_tool("msgfmt", "--check", "-o", str(compiled), str(po))
    assert compiled.read_bytes() == (po.with_suffix(".mo")).read_bytes(), "run `make catalogues` and commit"


def _msgids(po: Path) -> set[str]:
    output = gettext_tool("msgattrib", "--no-obsolete", "--no-location", "--no-wrap", str(po))
    return set(re.findall(r'^(?:msgctxt "(?:.*)"\n)?msgid "(.*)"', output, re.M))
