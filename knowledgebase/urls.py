from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from languages.views import switch_language

# Addresses without a language: the admin (in each editor's own language), files, the JSON API (which
# takes ?lang=) and the language switcher's form.
urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("search.api_urls")),
    path("language/<str:code>/", switch_language, name="switch_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything a reader sees lives under /es/, /pt-br/ or /en/.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("compare/", include("compare.urls")),
    path("accounts/", include("accounts.urls")),
    path("submissions/", include("submissions.urls")),
    path("organisations/", include("organisations.urls")),
    path("reading-lists/", include("reading_lists.urls")),
    path("", include("dashboard.urls")),
    path("", include(wagtail_urls)),
)
