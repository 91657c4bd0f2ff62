"""The database backend's "did you mean": the closest words of the corpus's own vocabulary. (The engines
answer from their index's dictionary, see EngineBackend.suggest.)"""

from __future__ import annotations

import difflib
import re

from django.core.cache import cache

from practices.models import CaseStudyPage, GovernmentLevel, PolicyArea, Sector, TargetPopulation, Theme
from search.highlight import fold

CACHE_KEY = "search:vocabulary"
CACHE_SECONDS = 300


def vocabulary() -> set[str]:
    words = cache.get(CACHE_KEY)
    if words is None:
        # Public pages only: a word from a password-protected page must not come back as a suggestion.
        texts = list(
            CaseStudyPage.objects.live().public().values_list("title", "summary", "city", "subnational_unit")
        )
        for model in (Sector, PolicyArea, Theme, TargetPopulation, GovernmentLevel):
            texts.extend(model.objects.values_list("name"))
        words = {word for row in texts for text in row for word in re.findall(r"\w{3,}", fold(text or ""))}
        cache.set(CACHE_KEY, words, CACHE_SECONDS)
    return words


def forget_vocabulary() -> None:
    cache.delete(CACHE_KEY)


def did_you_mean(text: str) -> str:
    known = vocabulary()
    words = re.findall(r"\w+", fold(text))
    if not words:
        return ""
    corrected = []
    for word in words:
        if len(word) < 4 or word in known:
            corrected.append(word)
            continue
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
        corrected.append(close[0] if close else word)
    suggestion = " ".join(corrected)
    return suggestion if suggestion != " ".join(words) else ""
