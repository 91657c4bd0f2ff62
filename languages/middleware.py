from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

# Addresses that have no language prefix (knowledgebase/urls.py).
UNPREFIXED = ("/admin/", "/django-admin/", "/api/", "/documents/", "/language/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a missing address outside the readers' pages stays a 404.

    Django redirects a 404 without a language prefix to the same path under one whenever that path
    would resolve, and Wagtail's page route resolves every path: a missing admin screen or API
    address would become a redirect to /en/admin/… instead of a 404.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
