"""Security headers on every kind of response, and a CSP that allows no inline script."""

import pytest

from tests.factories import CaseStudyPageFactory, UserFactory, verified_login

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/",
    "/en/practices/",
    "/en/search/?q=programa",
    "/api/search/",
    "/api/schema/",
    "/en/compare/",
    "/en/evidence-map/",
    "/en/dashboard/",
    "/en/reading-lists/",
    "/en/organisations/",
    "/en/accounts/login/",
    "/en/accounts/signup/",
    "/no-such-page/",
    "/api/search/?page=abc",
]


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_responses_carry_the_security_headers(client, site_tree, url):
    CaseStudyPageFactory()
    response = client.get(url)
    policy = directives(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"  # no inline scripts, no eval
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert policy["base-uri"] == "'self'" and policy["form-action"] == "'self'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_admin_gets_the_looser_policy_it_needs(client, site_roles):
    verified_login(client, UserFactory(roles=["Editor"]))
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == "'self'" and policy["object-src"] == "'none'"


def test_production_adds_hsts_and_upgrades_requests(settings):
    from django.test import override_settings

    from knowledgebase.middleware import SecurityHeadersMiddleware

    with override_settings(CSP_UPGRADE_INSECURE_REQUESTS=True):
        middleware = SecurityHeadersMiddleware(lambda request: None)
    assert middleware.public.endswith("upgrade-insecure-requests")


def test_production_settings_send_hsts():
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "knowledgebase.settings.production",
        "SECRET_KEY": "x" * 60,
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.CSP_UPGRADE_INSECURE_REQUESTS)"
    )
    output = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)  # noqa: S603
    assert output.stdout.split() == ["31536000", "True", "True"]
