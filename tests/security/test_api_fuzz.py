"""Schemathesis fuzzes every public API endpoint from its OpenAPI schema, with valid and with
invalid input: no 5xx, every response matches the schema, bad input gets a 4xx with a message.

The strategies are driven with Hypothesis directly: schemathesis's pytest plugin does not load
under the pytest this project pins."""

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_schema(site_tree):
    CaseStudyPageFactory(title="Plan Cuadrante", country="CL", sectors=["policing"])
    CaseStudyPageFactory(title="Fica Vivo", country="BR", levels=["state"], evidence_strength=4)
    # Requests go through the real WSGI handler, whose request signals would close the test's
    # database connection (and its transaction); Django's own test client unhooks them the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def operations(schema):
    found = [result.ok() for result in schema.get_all_operations()]
    assert {operation.path for operation in found} == {"/api/search/", "/api/search/autocomplete/"}
    return found


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
def test_every_endpoint_answers_within_its_schema(api_schema, mode):
    for operation in operations(api_schema):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=75, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            response = case.call()
            assert response.status_code < 500, (case.query, response.text[:500])
            if mode is GenerationMode.POSITIVE:
                case.validate_response(response)
            elif response.status_code >= 400:
                assert response.json()["error"], case.query

        run()


def test_the_schema_is_served_and_names_every_facet(client, site_tree):
    from search.facets import FACETS

    response = client.get("/api/schema/")
    assert response.status_code == 200
    data = response.json()
    assert data["openapi"].startswith("3.")
    names = {parameter["name"] for parameter in data["paths"]["/api/search/"]["get"]["parameters"]}
    assert {facet.name for facet in FACETS} <= names
    assert client.post("/api/search/").status_code in (403, 405)
