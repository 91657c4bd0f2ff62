import pytest

from practices.models import CaseStudyPage
from tests.factories import demo_corpus_rolled_back


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo corpus, loaded once per module and rolled back afterwards."""
    with demo_corpus_rolled_back(django_db_blocker):
        yield {page.slug: page for page in CaseStudyPage.objects.live()}
