import pytest

from practices.demo import load_demo
from practices.models import CaseStudyPage


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo corpus, loaded once per module and rolled back afterwards."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo(with_accounts=False)
            yield {page.slug: page for page in CaseStudyPage.objects.live()}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
