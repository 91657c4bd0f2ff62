"""Two-factor authentication: editors and administrators cannot reach the admins or any editor-only
page without a confirmed authenticator app and a verified session; enrolment, the code after the
password, backup codes, throttling and rate limits, redirects, the reset by an administrator."""

import re
from base64 import b32decode
from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest
from bs4 import BeautifulSoup
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from practices.models import Sector
from tests.factories import UserFactory, contributor, totp_code, totp_device, verified_login

pytestmark = pytest.mark.django_db
PASSWORD = "una-clave-segura-2026"
ENROL = "/en/accounts/two-factor/enrol/"
VERIFY = "/en/accounts/two-factor/verify/"
BACKUP_CODES = "/en/accounts/two-factor/backup-codes/"

GUARDED_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/3/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/snippets/",
    "/admin/snippets/practices/sector/",
    "/admin/images/",
    "/admin/reports/site-history/",
    "/admin/two-factor/",
    "/admin/login/",
    "/django-admin/",
    "/django-admin/otp_totp/totpdevice/",
    "/en/submissions/",
    "/en/submissions/review-queue/",
    "/en/reading-lists/",
    "/en/reading-lists/new/",
    "/en/accounts/profile/",
    "/en/accounts/password/change/",
]


def person(kind):
    if kind == "superuser":
        return get_user_model().objects.create_superuser("raiz", "raiz@example.org", PASSWORD)
    return UserFactory(roles=[kind])


def password_login(client, user, next_url=None):
    data = {"username": user.get_username(), "password": PASSWORD}
    url = "/en/accounts/login/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, {**data, **({"next": next_url} if next_url else {})})


def errors(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(error.get_text() for error in soup.select(".field__error, .message--error"))


def secret_on(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("[data-secret]").get_text().replace(" ", "")


def backup_codes_on(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [code.get_text() for code in soup.select("[data-backup-codes] code")]


def forget_failures(device):
    """django-otp's back-off counts from the last wrong code: move that moment into the past, as if the
    person had waited, instead of sleeping in the test."""
    device.refresh_from_db()
    device.throttling_failure_timestamp -= timedelta(hours=1)
    device.save(update_fields=["throttling_failure_timestamp"])


def enrol(client, user):
    """The real enrolment, reading the secret off the page as a person types it into their app."""
    page = client.get(ENROL)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert b32decode(secret_on(page)) == device.bin_key
    response = client.post(ENROL, {"code": totp_code(device)})
    assert response.status_code == 302 and response["Location"] == BACKUP_CODES
    return backup_codes_on(client.get(BACKUP_CODES))


# Who is asked, and where.


@pytest.mark.parametrize("kind", ["Editor", "Administrator", "superuser"])
def test_an_unenrolled_editor_reaches_no_guarded_page_only_the_enrolment(client, site_roles, kind):
    client.force_login(person(kind))
    for url in GUARDED_URLS:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{ENROL}?next={url.replace('/', '%2F')}"
        assert response.content == b"", url
    response = client.get("/admin/pages/?q=x&p=2")
    assert response["Location"] == f"{ENROL}?next=%2Fadmin%2Fpages%2F%3Fq%3Dx%26p%3D2"


@pytest.mark.parametrize("kind", ["Editor", "Administrator", "superuser"])
def test_an_enrolled_editor_is_asked_for_a_code_everywhere_guarded(client, site_roles, kind):
    user = person(kind)
    totp_device(user)
    client.force_login(user)
    for url in GUARDED_URLS:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{VERIFY}?next="), url


def test_nothing_guarded_changes_on_a_post_without_the_second_step(client, site_roles):
    client.force_login(UserFactory(roles=["Administrator"]))
    response = client.post(
        "/admin/snippets/practices/sector/add/",
        {"name": "Transporte", "slug": "transporte", "description": "", "sort_order": "100"},
    )
    assert response.status_code == 302 and response["Location"].startswith(ENROL)
    assert not Sector.objects.filter(slug="transporte").exists()


def test_wagtails_own_login_page_leads_to_the_second_step(client, site_roles):
    user = UserFactory(roles=["Editor"])
    totp_device(user)
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"


def test_leaving_the_admin_and_the_public_site_stay_open(client, site_roles):
    client.force_login(UserFactory(roles=["Editor"]))
    assert client.get("/en/").status_code == 200
    assert client.get("/en/practices/").status_code == 200
    assert client.get("/en/accounts/two-factor/").status_code == 200
    response = client.post("/admin/logout/")
    assert response.status_code == 302 and not response["Location"].startswith(ENROL)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_the_guarded_paths_cover_the_named_urls():
    for name in ("wagtailadmin_home", "admin:index", "submissions:queue", "reading_lists:create"):
        assert two_factor.is_guarded(reverse(name)), name
    assert two_factor.is_guarded(reverse("submissions:detail", args=[1]))
    assert two_factor.is_guarded(reverse("reading_lists:edit", args=[1]))
    for name in (
        "accounts:two_factor_verify",
        "accounts:two_factor_enrol",
        "accounts:login",
        "wagtailadmin_logout",
    ):
        assert not two_factor.is_guarded(reverse(name)), name
    assert not two_factor.is_guarded(reverse("reading_lists:shared", args=["secret-token"]))


@pytest.mark.parametrize("role", ["Contributor", "Trainer"])
def test_contributors_and_trainers_are_not_asked_and_still_have_no_admin(client, site_roles, role):
    user = contributor() if role == "Contributor" else UserFactory(roles=[role])
    response = password_login(client, user)
    assert response.status_code == 302 and response["Location"] == "/en/submissions/"
    assert client.get("/en/submissions/").status_code == 200
    assert client.get("/en/accounts/profile/").status_code == 200
    if role == "Trainer":
        assert client.get("/en/reading-lists/new/").status_code == 200
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get("/django-admin/").status_code == 302
    assert not TOTPDevice.objects.exists()


# Enrolment.


def test_enrolment_shows_a_qr_code_and_the_secret_and_confirms_only_a_right_code(client, site_roles):
    user = UserFactory(username="elena", roles=["Editor"])
    password_login(client, user)
    response = client.get(ENROL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    soup = BeautifulSoup(response.content, "html.parser")
    svg = soup.select_one(".panel svg")
    assert svg is not None and svg.find("path") and svg.find("title")
    assert not soup.select(".panel script, .panel [style], .panel img")
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    assert b32decode(secret_on(response)) == device.bin_key
    assert "Practice%20Exchange" in device.config_url and "elena" in device.config_url
    # Reloading keeps the secret already scanned.
    assert secret_on(client.get(ENROL)) == secret_on(response)
    assert TOTPDevice.objects.filter(user=user).count() == 1

    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(ENROL, {"code": wrong})
    assert response.status_code == 200
    assert "not right" in errors(response)
    device.refresh_from_db()
    assert not device.confirmed and device.throttling_failure_count == 1
    assert client.get("/admin/")["Location"].startswith(ENROL)

    forget_failures(device)
    response = client.post(ENROL, {"code": totp_code(device)})
    assert response.status_code == 302 and response["Location"] == BACKUP_CODES
    device.refresh_from_db()
    assert device.confirmed
    codes = backup_codes_on(client.get(BACKUP_CODES))
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(re.fullmatch(r"[a-z2-7]{8}", code) for code in codes)
    # Shown once: the next visit gives only the count.
    again = client.get(BACKUP_CODES)
    assert backup_codes_on(again) == [] and "10 unused backup codes" in again.content.decode()
    response = client.get("/admin/")
    assert response.status_code == 200 and "wagtail" in response.content.decode().lower()
    assert client.get("/en/submissions/review-queue/").status_code == 200


def test_enrolment_goes_on_to_where_the_editor_was_going(client, site_roles):
    user = UserFactory(roles=["Editor"])
    response = password_login(client, user, next_url="/admin/pages/")
    assert response["Location"] == f"{ENROL}?next=%2Fadmin%2Fpages%2F"
    page = client.get(response["Location"])
    device = TOTPDevice.objects.get(user=user)
    response = client.post(ENROL, {"code": totp_code(device), "next": "/admin/pages/"})
    codes_page = client.get(response["Location"])
    link = BeautifulSoup(codes_page.content, "html.parser").find("a", string=re.compile("continue"))
    assert link["href"] == "/admin/pages/"
    assert page.status_code == 200


@pytest.mark.parametrize(
    "code", ["abcdef", "12345", "1234567", "12 34 5x", "", " ", "9" * 33, "<script>", "１２３４５６"]
)
def test_malformed_codes_get_a_message_and_do_not_count_against_the_device(client, site_roles, code):
    user = UserFactory(roles=["Editor"])
    client.force_login(user)
    client.get(ENROL)
    response = client.post(ENROL, {"code": code})
    assert response.status_code == 200
    assert errors(response)
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed and device.throttling_failure_count == 0


def test_codes_are_accepted_with_spaces_and_dashes(client, site_roles):
    user = UserFactory(roles=["Editor"])
    client.force_login(user)
    client.get(ENROL)
    code = totp_code(TOTPDevice.objects.get(user=user))
    response = client.post(ENROL, {"code": f" {code[:3]} {code[3:]} "})
    assert response.status_code == 302


def test_a_post_without_a_code_field_is_no_error(client, site_roles):
    user = UserFactory(roles=["Editor"])
    totp_device(user)
    client.force_login(user)
    assert client.post(VERIFY, {}).status_code == 200
    assert client.post(VERIFY, {"code": ["1", "2"]}).status_code == 200


def test_a_device_cannot_be_replaced_with_the_password_alone(client, site_roles):
    user = UserFactory(roles=["Editor"])
    original = totp_device(user)
    client.force_login(user)
    response = client.get(ENROL)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert list(TOTPDevice.objects.filter(user=user)) == [original]


def test_a_verified_editor_moves_to_a_new_phone(client, site_roles):
    user = UserFactory(roles=["Editor"])
    original = verified_login(client, user)
    old_codes = enrol(client, user)
    new = TOTPDevice.objects.get(user=user)
    assert new.pk != original.pk and new.confirmed
    assert len(old_codes) == 10


# The code after the password.


def test_verify_at_login_refuses_wrong_codes_throttles_and_accepts_the_right_one(client, site_roles):
    user = UserFactory(roles=["Editor"])
    device = totp_device(user)
    response = password_login(client, user, next_url="/admin/pages/")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    url = response["Location"]
    assert client.get(url).status_code == 200

    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(url, {"code": wrong, "next": "/admin/pages/"})
    assert response.status_code == 200 and "not right" in errors(response)
    # django-otp's back-off: even the right code waits after a wrong one.
    response = client.post(url, {"code": totp_code(device), "next": "/admin/pages/"})
    assert "Too many wrong codes" in errors(response)
    assert client.get("/admin/")["Location"].startswith(VERIFY)

    forget_failures(device)
    session_key = client.session.session_key
    response = client.post(url, {"code": totp_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.session.session_key != session_key
    assert client.get("/admin/pages/", follow=True).status_code == 200
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_a_code_is_never_accepted_twice(client, site_roles):
    user = UserFactory(roles=["Editor"])
    device = totp_device(user)
    client.force_login(user)
    code = totp_code(device)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.logout()
    client.force_login(user)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200 and "not right" in errors(response)


def test_code_attempts_are_rate_limited(client, site_roles):
    user = UserFactory(roles=["Editor"])
    device = totp_device(user)
    client.force_login(user)
    statuses = [client.post(VERIFY, {"code": "000000"}).status_code for _ in range(12)]
    assert statuses[:10] == [200] * 10 and statuses[10:] == [429, 429]
    forget_failures(device)
    response = client.post(VERIFY, {"code": totp_code(device)})
    assert response.status_code == 429 and "Too many attempts" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_backup_code_works_once_instead_of_the_app(client, site_roles):
    user = UserFactory(roles=["Editor"])
    client.force_login(user)
    codes = enrol(client, user)
    client.logout()

    password_login(client, user)
    response = client.post(VERIFY, {"code": codes[0].upper()})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "9 are left" in client.get("/admin/").content.decode()
    client.logout()

    password_login(client, user)
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 200 and "not right" in errors(response)
    forget_failures(StaticDevice.objects.get(user=user))
    assert client.post(VERIFY, {"code": codes[1]}).status_code == 302
    assert StaticToken.objects.filter(device__user=user).count() == 8


def test_new_backup_codes_replace_the_old_ones(client, site_roles):
    user = UserFactory(roles=["Editor"])
    client.force_login(user)
    old = enrol(client, user)
    response = client.post(BACKUP_CODES)
    assert response.status_code == 302
    new = backup_codes_on(client.get(BACKUP_CODES))
    assert len(new) == 10 and not set(new) & set(old)
    client.logout()
    client.force_login(user)
    assert client.post(VERIFY, {"code": old[0]}).status_code == 200
    forget_failures(StaticDevice.objects.get(user=user))
    assert client.post(VERIFY, {"code": new[0]}).status_code == 302


def test_backup_codes_need_a_verified_session(client, site_roles):
    user = UserFactory(roles=["Editor"])
    totp_device(user)
    client.force_login(user)
    response = client.post(BACKUP_CODES)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert not StaticDevice.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/admin/",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
    ],
)
def test_next_never_leads_off_the_site(client, site_roles, next_url):
    user = UserFactory(roles=["Editor"])
    device = totp_device(user)
    client.force_login(user)
    page = client.get(VERIFY, {"next": next_url})
    assert "evil" not in BeautifulSoup(page.content, "html.parser").select_one("input[name=next]")["value"]
    response = client.post(f"{VERIFY}?next={next_url}", {"code": totp_code(device), "next": next_url})
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_an_unknown_or_anonymous_visitor_is_sent_to_log_in(client, site_roles):
    for url in (ENROL, VERIFY, BACKUP_CODES, "/en/accounts/two-factor/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/"), url
    assert client.post("/en/accounts/two-factor/disable/").status_code == 302


# Optional for everyone else.


def test_a_trainer_may_enrol_is_then_asked_at_login_and_may_turn_it_off(client, site_roles):
    trainer = UserFactory(roles=["Trainer"])
    client.force_login(trainer)
    assert "Optional" in client.get("/en/accounts/two-factor/").content.decode()
    enrol(client, trainer)
    client.logout()

    response = password_login(client, trainer)
    assert response["Location"] == f"{VERIFY}?next=%2Fen%2Fsubmissions%2F"
    assert client.get("/en/reading-lists/new/")["Location"].startswith(VERIFY)
    response = client.post(VERIFY, {"code": totp_code(totp_device(trainer))})
    assert response["Location"] == "/en/submissions/"
    assert client.get("/en/reading-lists/new/").status_code == 200

    response = client.post("/en/accounts/two-factor/disable/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=trainer).exists()
    assert not StaticDevice.objects.filter(user=trainer).exists()


def test_editors_cannot_turn_it_off_themselves(client, site_roles):
    user = UserFactory(roles=["Editor"])
    verified_login(client, user)
    response = client.post("/en/accounts/two-factor/disable/", follow=True)
    assert "must keep two-factor authentication on" in response.content.decode()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


# Resetting someone who lost their phone.


def test_reset_two_factor_removes_every_device_and_ends_verified_sessions(client, site_roles):
    user = UserFactory(username="elena", email="elena@example.org", roles=["Editor"])
    client.force_login(user)
    enrol(client, user)
    assert client.get("/admin/").status_code == 200
    out = StringIO()
    call_command("reset_two_factor", "elena@example.org", stdout=out)
    assert "reset for elena" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.exists()
    assert client.get("/admin/")["Location"].startswith(ENROL)
    assert ModelLogEntry.objects.filter(action="accounts.two_factor_reset").count() == 1

    out = StringIO()
    call_command("reset_two_factor", "elena", stdout=out)
    assert "had no two-factor devices" in out.getvalue()
    assert ModelLogEntry.objects.filter(action="accounts.two_factor_reset").count() == 1
    with pytest.raises(CommandError, match="No account"):
        call_command("reset_two_factor", "nadie")


def test_an_administrator_resets_an_editor_in_the_wagtail_admin(client, site_roles):
    editor = UserFactory(username="elena", roles=["Editor"])
    totp_device(editor)
    administrator = UserFactory(username="ana", roles=["Administrator"])
    verified_login(client, administrator)
    assert "/admin/two-factor/" in client.get("/admin/").content.decode()  # in the Settings menu
    listing = client.get("/admin/two-factor/")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "elena" in text and "ana" in text
    assert f"/admin/two-factor/{editor.pk}/reset/" in client.get("/admin/users/").content.decode()
    confirm = client.get(f"/admin/two-factor/{editor.pk}/reset/")
    assert confirm.status_code == 200 and "elena" in confirm.content.decode()
    response = client.post(f"/admin/two-factor/{editor.pk}/reset/")
    assert response.status_code == 302 and response["Location"] == "/admin/two-factor/"
    assert not TOTPDevice.objects.filter(user=editor).exists()
    entry = ModelLogEntry.objects.get(action="accounts.two_factor_reset")
    assert entry.user_id == administrator.pk and entry.object_id == str(editor.pk)
    assert "Two-factor authentication reset" in client.get("/admin/reports/site-history/").content.decode()
    assert client.get("/admin/two-factor/999999/reset/").status_code == 404


def test_editors_cannot_reset_anyone(client, site_roles):
    other = UserFactory(roles=["Editor"])
    totp_device(other)
    verified_login(client, UserFactory(roles=["Editor"]))
    # Wagtail turns a refusal into a redirect to the dashboard with a message.
    for response in (
        client.get("/admin/two-factor/"),
        client.post(f"/admin/two-factor/{other.pk}/reset/"),
        client.get("/admin/two-factor/999999/reset/"),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(user=other).exists()
    assert "/admin/two-factor/" not in client.get("/admin/").content.decode()
