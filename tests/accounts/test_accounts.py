"""Sign-up with email verification, login by username or email, password reset, profile and
organisation membership requests, and the rate limits on all of them."""

import re

from django.contrib.auth import get_user_model
from django.core import mail

import pytest
from bs4 import BeautifulSoup

from organisations.models import Membership, Organisation
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "una-clave-segura-2026"


def signup(client, **overrides):
    data = {
        "first_name": "Lucía",
        "last_name": "Gómez",
        "username": "lucia",
        "email": "lucia@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post("/en/accounts/signup/", data)


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).replace("http://testserver", "")


def test_sign_up_verify_and_become_a_contributor_with_a_pending_membership(client, site_roles):
    organisation = OrganisationFactory(name="Fundación Paz Urbana")
    response = signup(client, organisation=organisation.pk)
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    user = get_user_model().objects.get(username="lucia")
    assert not user.is_active
    assert client.post("/en/accounts/login/", {"username": "lucia", "password": PASSWORD}).status_code == 200

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lucia@example.org"]
    response = client.get(link_in(mail.outbox[0]), follow=True)
    user.refresh_from_db()
    assert user.is_active
    assert list(user.groups.values_list("name", flat=True)) == ["Contributor"]
    assert response.redirect_chain[-1][0] == "/en/accounts/profile/"
    text = response.content.decode()
    assert "Fundación Paz Urbana" in text and "Pending approval" in text
    assert Membership.objects.get(user=user).status == Membership.Status.PENDING


def test_a_new_organisation_named_at_sign_up_stays_private_until_verified(client, site_roles):
    signup(client, new_organisation="Red Ciudadana de Rosario", new_organisation_kind="civil-society")
    organisation = Organisation.objects.get(name="Red Ciudadana de Rosario")
    assert not organisation.verified
    assert client.get(f"/en/organisations/{organisation.slug}/").status_code == 404
    assert "Red Ciudadana" not in client.get("/en/organisations/").content.decode()
    organisation.verified = True
    organisation.save()
    assert client.get(f"/en/organisations/{organisation.slug}/").status_code == 200


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "valid email"),
        ({"password2": "different-2026-x"}, "password2", "didn’t match"),
        ({"password1": "123", "password2": "123"}, "password2", "too short"),
        ({"username": ""}, "username", "required"),
        ({"new_organisation": "Nueva", "new_organisation_kind": ""}, "new_organisation_kind", "type"),
    ],
)
def test_bad_sign_ups_are_refused_field_by_field_and_create_nothing(
    client, site_roles, overrides, field, message
):
    response = signup(client, **overrides)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    error = soup.select_one(f"#id_{field}").find_parent(class_="field").select_one(".field__error")
    assert message in error.get_text()
    assert not get_user_model().objects.exists()
    assert not mail.outbox


def test_an_address_can_only_have_one_account(client, site_roles):
    UserFactory(email="Lucia@Example.org")
    response = signup(client)
    assert "already uses this address" in response.content.decode()


def test_a_tampered_or_expired_verification_link_is_refused(client, site_roles, settings):
    signup(client)
    link = link_in(mail.outbox[0])
    response = client.get(link[:-3] + "xyz/")
    assert response.status_code == 400
    assert "does not work any more" in response.content.decode()
    assert not get_user_model().objects.get(username="lucia").is_active

    from accounts import verification

    original = verification.MAX_AGE
    verification.MAX_AGE = -1
    try:
        assert client.get(link).status_code == 400
    finally:
        verification.MAX_AGE = original


def test_resending_the_link_says_the_same_for_unknown_addresses(client, site_roles):
    signup(client)
    mail.outbox.clear()
    known = client.post("/en/accounts/verify/resend/", {"email": "lucia@example.org"})
    unknown = client.post("/en/accounts/verify/resend/", {"email": "nadie@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert "Check your email" in unknown.content.decode()
    assert [message.to for message in mail.outbox] == [["lucia@example.org"]]


def test_log_in_with_username_or_email_and_log_out(client, site_roles):
    UserFactory(username="carmen", email="carmen@example.org")
    response = client.post("/en/accounts/login/", {"username": "carmen@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/accounts/profile/").status_code == 200
    client.post("/en/accounts/logout/")
    assert client.get("/en/accounts/profile/").status_code == 302
    response = client.post("/en/accounts/login/", {"username": "carmen", "password": "wrong-password"})
    assert "Please enter a correct" in response.content.decode()


def test_password_reset_by_email(client, site_roles):
    UserFactory(username="carmen", email="carmen@example.org")
    client.post("/en/accounts/password/reset/", {"email": "carmen@example.org"})
    link = link_in(mail.outbox[0])
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "otra-clave-2026-x", "new_password2": "otra-clave-2026-x"}
    )
    assert response.status_code == 302
    assert client.login(username="carmen", password="otra-clave-2026-x")


def test_login_attempts_are_rate_limited(client, site_roles):
    UserFactory(username="carmen")
    statuses = [
        client.post("/en/accounts/login/", {"username": "carmen", "password": f"guess-{i}"}).status_code
        for i in range(10)
    ]
    assert statuses[:8] == [200] * 8
    assert statuses[8:] == [429, 429]
    response = client.post("/en/accounts/login/", {"username": "carmen", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert response["Retry-After"]


def test_sign_up_and_password_reset_are_rate_limited(client, site_roles):
    statuses = [signup(client, username=f"u{i}", email=f"u{i}@example.org").status_code for i in range(6)]
    assert statuses[-1] == 429
    assert get_user_model().objects.count() == 5
    statuses = [
        client.post("/en/accounts/password/reset/", {"email": "x@example.org"}).status_code for _ in range(6)
    ]
    assert statuses[-1] == 429


def test_profile_edits_name_and_asks_to_join_an_organisation(client, site_roles):
    user = UserFactory()
    client.force_login(user)
    organisation = OrganisationFactory(name="Observatorio de Cali")
    client.post("/en/accounts/profile/", {"first_name": "Ana María", "last_name": "Rojas"})
    user.refresh_from_db()
    assert user.get_full_name() == "Ana María Rojas"
    client.post("/en/accounts/profile/", {"join": "1", "organisation": organisation.pk})
    client.post("/en/accounts/profile/", {"join": "1", "organisation": organisation.pk})
    assert Membership.objects.filter(user=user, organisation=organisation, status="pending").count() == 1


def test_every_account_form_needs_csrf(site_roles):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    for url in ("/en/accounts/signup/", "/en/accounts/login/", "/en/accounts/password/reset/"):
        assert client.post(url, {}).status_code == 403, url
