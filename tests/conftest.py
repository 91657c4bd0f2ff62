import shutil

from django.conf import settings

import pytest

from practices.site_tree import ensure_site_tree


@pytest.fixture
def site_tree(db):
    return ensure_site_tree()


@pytest.fixture(autouse=True, scope="session")
def _clean_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
