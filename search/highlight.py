"""A small highlighter for the database backend: the first passage that contains a query word."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape

FRAGMENT = 180


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping one character per character so offsets still line up."""
    return "".join((unicodedata.normalize("NFD", char.lower()) or char)[0] for char in text)


def query_words(text: str) -> list[str]:
    return [word for word in re.findall(r"\w+", fold(text)) if len(word) > 2]


def highlight(text: str, query: str) -> str:
    words = query_words(query)
    if not words or not text:
        return ""
    folded = fold(text)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\w*")
    first = pattern.search(folded)
    if not first:
        return ""
    start = max(0, first.start() - FRAGMENT // 3)
    if start:
        # Begin at a word boundary, never inside the word before the match.
        space = text.find(" ", start, first.start())
        start = space + 1 if space != -1 else first.start()
    end = min(len(text), start + FRAGMENT)
    if end < len(text):
        space = text.rfind(" ", first.end(), end)
        end = space if space != -1 else end
    pieces, cursor = [], start
    for match in pattern.finditer(folded, start, end):
        pieces.append(escape(text[cursor : match.start()]))
        pieces.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        cursor = match.end()
    pieces.append(escape(text[cursor:end]))
    return ("…" if start else "") + "".join(pieces) + ("…" if end < len(text) else "")
