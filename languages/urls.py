"""Addresses in another language."""

from urllib.parse import urlsplit

from django.urls import translate_url
from django.utils import translation


def url_in_language(url: str, code: str) -> str:
    """The same address in the language `code`: /en/search/?q=x becomes /es/search/?q=x.

    Django resolves a prefixed path only in the language that is active, so the address is resolved
    in its own language before being reversed in the new one. Addresses without a language prefix, or
    that do not resolve, come back unchanged.
    """
    source = translation.get_language_from_path(urlsplit(url).path)
    if source is None or source == code:
        return url
    with translation.override(source):
        return translate_url(url, code)
