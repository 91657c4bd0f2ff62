# The search backends' fixture, so that a published submission is checked on every engine.
from tests.search.conftest import search_setup  # noqa: F401
