"""The text an index document holds for rich text: the words, never the markup."""

from django.utils.html import strip_tags

import pytest

from search.documents import plain_text

RICH_TEXT = [
    "<p>Prevención <b>situacional</b></p><p>en Medellín</p>",
    '<p>Ver <a href="/practicas/fica-vivo/" data-x="1">Fica Vivo</a> &amp; más</p>',
    "<ul><li>uno</li><li>dos</li></ul><h2>Resultados</h2><p>3 &lt; 5</p>",
    "<p>antes<br/>después</p><!-- nota del editor --><p>fin</p>",
    "",
]


@pytest.mark.parametrize("html", RICH_TEXT)
def test_plain_text_keeps_the_words_that_strip_tags_keeps(html):
    # The parser-free version must give the same words, so fingerprints do not change.
    assert plain_text(html) == " ".join(strip_tags(html.replace("<", " <")).split())


def test_adjacent_paragraphs_stay_separate_words():
    assert plain_text("<p>violencia</p><p>juvenil</p>") == "violencia juvenil"


def test_none_is_empty():
    assert plain_text(None) == ""
