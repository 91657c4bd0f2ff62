"""An editor's first visit to the admin walks through two-factor enrolment in a real browser: the QR
code and the typed-in key, a code from the "app", backup codes shown once; the next sign-in, through
Wagtail's own login page, asks for a code. No step breaks the Content-Security-Policy."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from practices.models import CaseStudyIndexPage
from practices.roles import ensure_roles
from practices.site_tree import ensure_site_tree
from tests.factories import UserFactory, totp_code, totp_device

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "una-clave-segura-2026"
RECORD = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation', "
    "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def test_an_editor_enrols_on_the_first_admin_visit_and_is_asked_for_a_code_next_time(
    live_server, page, screenshot
):
    ensure_roles(ensure_site_tree(), CaseStudyIndexPage.objects.get())
    UserFactory(username="elena", first_name="Elena", roles=["Editor"])
    context = page.context
    context.add_init_script(RECORD)

    page.goto(f"{live_server.url}/admin/")
    page.wait_for_url("**/admin/login/**")
    page.goto(f"{live_server.url}/accounts/login/?next=/admin/")
    page.fill("#id_username", "elena")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/accounts/two-factor/enrol/**")
    assert page.locator(".panel svg path").count() >= 1
    assert page.evaluate("window.__csp") == []
    screenshot("two-factor-enrol")

    # What a person types into their app when they cannot scan: the key shown on the page.
    secret = page.locator("[data-secret]").inner_text().replace(" ", "")
    page.fill("#id_code", "123")
    page.get_by_role("button", name="Confirm and turn on").click()
    page.wait_for_selector(".field__error")
    page.fill("#id_code", f"{totp(b32decode(secret)):06d}")
    page.get_by_role("button", name="Confirm and turn on").click()
    page.wait_for_url("**/accounts/two-factor/backup-codes/")
    codes = page.locator("[data-backup-codes] code").all_inner_texts()
    assert len(codes) == 10
    screenshot("two-factor-backup-codes")
    page.get_by_role("link", name="I have kept them — continue").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.reload()
    assert page.locator("[data-backup-codes]").count() == 0

    # Out, and back in through Wagtail's own login page: the password alone does not open the admin.
    context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "elena")
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/accounts/two-factor/verify/**")
    assert page.evaluate("window.__csp") == []
    screenshot("two-factor-verify")
    page.fill("#id_code", totp_code(TOTPDevice.objects.get(user__username="elena")))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.get_by_role("heading", level=1).count() >= 1

    # A backup code instead of the app, once.
    context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/?next=/en/submissions/review-queue/")
    page.fill("#id_username", "elena")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/accounts/two-factor/verify/**")
    page.fill("#id_code", codes[0])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/submissions/review-queue/")
    assert "9 are left" in page.locator(".messages").inner_text()


def test_an_administrator_resets_an_editor_in_the_wagtail_admin(live_server, page, screenshot):
    ensure_roles(ensure_site_tree(), CaseStudyIndexPage.objects.get())
    editor = UserFactory(username="elena", first_name="Elena", roles=["Editor"])
    totp_device(editor)
    administrator = UserFactory(username="ana", first_name="Ana", roles=["Administrator"])
    device = totp_device(administrator)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "ana")
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/accounts/two-factor/verify/**")
    page.fill("#id_code", totp_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/two-factor/")
    row = page.locator("tr", has_text="elena")
    assert "Set up" in row.inner_text()
    screenshot("two-factor-admin")
    row.get_by_role("link", name="Reset").click()
    page.get_by_role("button", name="Reset two-factor authentication").click()
    page.wait_for_url(f"{live_server.url}/admin/two-factor/")
    assert "reset for elena" in page.content()
    assert "Not set up" in page.locator("tr", has_text="elena").inner_text()
    assert not TOTPDevice.objects.filter(user=editor).exists()
