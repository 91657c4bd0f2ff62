"""Project-wide guarantees: migrations are complete and production settings pass Django's deploy checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_migrations_are_complete():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def clean_environment() -> dict[str, str]:
    # Only the browser tests lift Django's async guard; a deploy check must see a real environment.
    return {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}}


def run_manage(*args, **env):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_environment(), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="knowledgebase.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="knowledgebase.settings.production")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_settings_never_allow_demo_accounts():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.ALLOW_DEMO_ACCOUNTS, settings.DEBUG)",
        DJANGO_SETTINGS_MODULE="knowledgebase.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert result.stdout.strip().splitlines()[-1] == "False False", result.stderr


@pytest.mark.django_db
def test_no_template_syntax_leaks_into_pages(client, site_roles):
    """A multi-line {# comment #} is not a comment in Django: it would be printed on the page."""
    from tests.factories import CaseStudyPageFactory, UserFactory

    pages = [CaseStudyPageFactory(), CaseStudyPageFactory()]
    client.force_login(UserFactory(roles=["Trainer"]))
    client.post("/en/compare/tray/add/", {"page": pages[0].pk})
    urls = [
        "/",
        "/en/practices/",
        pages[0].url,
        "/en/search/?q=programa",
        f"/en/compare/?ids={pages[0].pk},{pages[1].pk}",
        "/en/evidence-map/",
        "/en/dashboard/",
        "/en/reading-lists/",
        "/en/reading-lists/new/",
        "/en/organisations/",
        "/en/submissions/",
        "/en/accounts/profile/",
    ]
    for url in urls:
        html = client.get(url).content.decode()
        for marker in ("{#", "#}", "{%", "%}", "{{", "}}"):
            assert marker not in html, (url, marker)
