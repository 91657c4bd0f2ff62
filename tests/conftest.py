import shutil

from django.conf import settings

import pytest

from practices.site_tree import ensure_site_tree


@pytest.fixture
def site_tree(db):
    return ensure_site_tree()


@pytest.fixture
def site_roles(site_tree):
    """The site tree, the groups and the editorial workflow, as setup_site creates them."""
    from practices.models import CaseStudyIndexPage
    from practices.roles import ensure_roles

    return ensure_roles(site_tree, CaseStudyIndexPage.objects.get())


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; one test's attempts must not block the next."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True, scope="session")
def _clean_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
