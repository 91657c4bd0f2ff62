"""Email verification links: signed, expiring, and useless once the address or account changes."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

SALT = "accounts.verify-email"
MAX_AGE = 3 * 24 * 3600


def make_token(user) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=SALT)


def user_for_token(token: str):
    """The inactive user the token was made for, or None if it is bad, expired or already used."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("user"), email=data.get("email")).first()
    return user


def send_verification(request, user) -> None:
    link = request.build_absolute_uri(reverse("accounts:verify", args=[make_token(user)]))
    context = {"user": user, "link": link, "days": MAX_AGE // 86400}
    send_mail(
        render_to_string("accounts/email/verify_subject.txt", context).strip(),
        render_to_string("accounts/email/verify_body.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )
