"""The engine-outage drill end to end (reliability/outage.py): gunicorn under load while the search engine
is stopped and started again. Runs where engines run (CI sets SEARCH_URL_OPENSEARCH); it starts its own
engine instance on another port, so the shared ones used by other tests are never stopped."""

import os

import pytest

from reliability.outage import print_report, run

pytestmark = pytest.mark.drill


@pytest.fixture
def drill_allowed():
    problem = ""
    if not os.environ.get("SEARCH_URL_OPENSEARCH"):
        problem = "SEARCH_URL_OPENSEARCH is not set (engines are not provisioned here)"
    elif os.geteuid() != 0:
        problem = "the drill starts a search engine as its own user, which needs root"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"the outage drill is required in CI: {problem}")
        pytest.skip(problem)


def test_searches_survive_an_engine_outage_and_nothing_published_meanwhile_is_lost(drill_allowed, capsys):
    report = run("opensearch", clients=8, warm=8, outage=15)
    with capsys.disabled():
        print()
        print_report(report)
    stopped = report["phases"]["engine stopped"]
    # No 5xx and no dropped connection, from the first request to the last.
    assert report["all"]["errors"] == 0, report["all"]["statuses"]
    # While the engine is down every search is answered by the database, with the notice.
    assert stopped["requests"] > 0
    assert set(stopped["backends"]) == {"database"}
    assert stopped["notices"] >= stopped["backends"]["database"]
    # An edit and an unpublish made during the outage were queued, then sent by catch-up.
    assert report["queued_during_outage"] == 2
    assert report["queued_after"] == 0
    assert report["marker_found"] and report["marker_backend"] == "opensearch"
    assert report["withdrawn_absent"]
    assert report["verify_clean"], report["verify"]
    # Once caught up, the engine answers again.
    assert "opensearch" in report["phases"]["after catch-up"]["backends"]
