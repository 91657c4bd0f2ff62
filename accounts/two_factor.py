"""Two-factor authentication: who must use it, which paths need a verified session, and the devices
(an authenticator app and a set of one-time backup codes, both from django-otp) behind it.

The middleware, the views, the Wagtail admin screen and `manage.py reset_two_factor` all ask here.
"""

from __future__ import annotations

import math
import re
from base64 import b32encode

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.log_actions import log

import segno
from django_otp import user_has_device
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import is_editor
from languages.urls import without_language

APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10
RESET_LOG_ACTION = "accounts.two_factor_reset"

# Everything an editor can do that a reader cannot lives under these paths (see knowledgebase/urls.py):
# the admins, the review queue and other people's submissions, every reading list (editors may open
# and edit anyone's), and the account's own settings. tests/accounts/test_two_factor.py checks that
# the named URLs still fall under them.
GUARDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/submissions/",
    "/reading-lists/",
    "/accounts/profile/",
    "/accounts/password/change/",
)
# Leaving must always work, and a secret share link is for anyone who has it.
OPEN_PREFIXES = ("/admin/logout/", "/django-admin/logout/", "/reading-lists/shared/")

TOTP_CODE = re.compile(r"[0-9]{6}")
# StaticToken.random_token(): eight characters of lower-case base32; django-otp stores up to 16.
BACKUP_CODE = re.compile(r"[a-z0-9]{8,16}")


def requires_two_factor(user) -> bool:
    """Anyone who can reach an admin or act as an editor: editors, administrators, superusers, staff."""
    if not user.is_authenticated:
        return False
    return user.is_staff or is_editor(user) or user.has_perm("wagtailadmin.access_admin")


def is_guarded(path: str) -> bool:
    # Readers' pages carry a language prefix (/es/submissions/); the guard is the same in every language.
    path = without_language(path)
    return path.startswith(GUARDED_PREFIXES) and not path.startswith(OPEN_PREFIXES)


def is_verified(user) -> bool:
    """OTPMiddleware adds is_verified(); a user object that did not pass through it is not verified."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def has_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_step(user) -> str | None:
    """Where a signed-in but unverified person goes next: the URL name of the code form, of the
    enrolment, or None when nothing is asked of them."""
    if not user.is_authenticated or is_verified(user):
        return None
    if has_device(user):
        return "accounts:two_factor_verify"
    if requires_two_factor(user):
        return "accounts:two_factor_enrol"
    return None


def app_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def backup_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def is_backup_device(device) -> bool:
    return isinstance(device, StaticDevice)


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def pending_app_device(user) -> TOTPDevice:
    """The unconfirmed device being enrolled: the same one on every reload, so a secret already
    scanned keeps working until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_for_display(device: TOTPDevice) -> str:
    """The key in base32, as apps ask for it when typed in, in groups of four for reading aloud."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// link as inline SVG markup: no script, no style attribute, no data: URI, so the
    strict Content-Security-Policy has nothing to block. segno escapes the title."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=4, light="#fff", title=_("QR code to scan with your authenticator app")
    )


@transaction.atomic
def confirm_app_device(device: TOTPDevice) -> list[str]:
    """Make `device` the person's only authenticator app and give them fresh backup codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.name = APP_DEVICE_NAME
    device.save(update_fields=["confirmed", "name"])
    return new_backup_codes(device.user)


@transaction.atomic
def new_backup_codes(user) -> list[str]:
    """Replace every backup code with BACKUP_CODE_COUNT new ones; old ones stop working at once."""
    device = backup_device(user)
    if device is None:
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def reset(user, by=None) -> int:
    """Remove every device, confirmed or not, and record who did it in Wagtail's site history.
    Sessions verified with them stop counting as verified (OTPMiddleware finds the device gone) and
    the next admin visit asks to enrol again."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        count, _by_model = model.objects.filter(user=user).delete()
        removed += count
    if removed:
        log(instance=user, action=RESET_LOG_ACTION, user=by)
    return removed


def normalise_code(value: str) -> str:
    """People copy codes with spaces or dashes, and type backup codes in capitals."""
    return re.sub(r"[\s-]", "", value or "").lower()


def _throttled(device) -> str | None:
    """django-otp's own back-off (1, 2, 4, 8… seconds after successive wrong codes), in words."""
    allowed, info = device.verify_is_allowed()
    if allowed:
        return None
    locked_until = (info or {}).get("locked_until")
    if locked_until is None:
        return _("Too many wrong codes. Wait a moment before you try again.")
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return ngettext(
        "Too many wrong codes. Wait %(seconds)d second before you try again.",
        "Too many wrong codes. Wait %(seconds)d seconds before you try again.",
        seconds,
    ) % {"seconds": seconds}


def check_code(user, code: str, device=None) -> tuple[object | None, str | None]:
    """Check a normalised code: six digits against the authenticator app (or `device`, during
    enrolment), anything else against the backup codes. Only one device is asked, so a mistyped app
    code does not also slow down the backup codes. Returns (the device that accepted the code, None)
    or (None, why not)."""
    if device is None:
        device = app_device(user) if TOTP_CODE.fullmatch(code) else backup_device(user)
    if device is None:
        return None, _("That code is not right.")
    refusal = _throttled(device)
    if refusal:
        return None, refusal
    # django-otp's verify_token locks the device's row, so two requests cannot both spend one code.
    verified = otp_verify_token(user, device.persistent_id, code)
    if verified is None:
        return None, _("That code is not right. Check the time on your phone, or use a backup code.")
    return verified, None
