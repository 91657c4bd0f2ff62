from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from languages.urls import url_in_language


def switch_language(request: HttpRequest, code: str) -> HttpResponseRedirect:
    """The language switcher: the same page in another language, remembered for the next visit.

    A plain link rather than Django's POST-only set_language, so that the switcher needs no form, no
    CSRF cookie on every anonymous page, and works without JavaScript. Changing one's own interface
    language is all a forged link could do.
    """
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    if code not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(next_url)
    response = HttpResponseRedirect(url_in_language(next_url, code) if next_url != "/" else f"/{code}/")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=request.is_secure(),
        httponly=True,
    )
    return response
