"""The person's side of two-factor authentication: enrol an authenticator app, enter a code after the
password, see and renew backup codes, and (for those not required to use it) turn it off."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

import django_otp

from accounts import two_factor
from accounts.forms import TwoFactorCodeForm
from accounts.ratelimit import rate_limit

WINDOW = 15 * 60
# Backup codes travel from the POST that makes them to the one page that shows them, then are gone.
SESSION_CODES = "two_factor_new_backup_codes"
SESSION_NEXT = "two_factor_next"
FEW_CODES_LEFT = 3


def _per_person(request) -> str:
    # Per account, not per address: someone who has the password may try from many addresses.
    return str(request.user.pk)


def _default_next(user) -> str:
    if two_factor.requires_two_factor(user):
        return reverse("wagtailadmin_home")
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return _default_next(request.user)


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def _mark_verified(request, device) -> None:
    django_otp.login(request, device)
    # More rights than a moment ago: a new session key, so an identifier seen before is worth nothing.
    request.session.cycle_key()


def _data(request):
    return request.POST if request.method == "POST" else None


@never_cache
@login_required
def overview(request):
    user = request.user
    context = {
        "enrolled": two_factor.app_device(user) is not None,
        "required": two_factor.requires_two_factor(user),
        "verified": two_factor.is_verified(user),
        "codes_left": two_factor.backup_codes_left(user),
    }
    return render(request, "accounts/two_factor/overview.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limit("two-factor-enrol", limit=10, window=WINDOW, key=_per_person)
def enrol(request):
    user = request.user
    next_url = _next_url(request)
    verified = two_factor.is_verified(user)
    if two_factor.has_device(user) and not verified:
        # Replacing a device takes the current one: a password alone must not be enough to swap it.
        return redirect(_with_next("accounts:two_factor_verify", next_url))
    device = two_factor.pending_app_device(user)
    form = TwoFactorCodeForm(user, _data(request), device=device)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_app_device(form.accepted_device)
        _mark_verified(request, form.accepted_device)
        request.session[SESSION_CODES] = codes
        request.session[SESSION_NEXT] = next_url
        messages.success(request, _("Two-factor authentication is on for your account."))
        return redirect("accounts:two_factor_backup_codes")
    context = {
        "form": form,
        "qr_svg": two_factor.qr_svg(device),
        "secret": two_factor.secret_for_display(device),
        "replacing": two_factor.app_device(user) is not None,
        "next": next_url,
    }
    return render(request, "accounts/two_factor/enrol.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limit("two-factor-verify", limit=10, window=WINDOW, key=_per_person)
def verify(request):
    user = request.user
    next_url = _next_url(request)
    if two_factor.is_verified(user):
        return redirect(next_url)
    if not two_factor.has_device(user):
        if two_factor.requires_two_factor(user):
            return redirect(_with_next("accounts:two_factor_enrol", next_url))
        return redirect(next_url)
    form = TwoFactorCodeForm(user, _data(request))
    if request.method == "POST" and form.is_valid():
        _mark_verified(request, form.accepted_device)
        if two_factor.is_backup_device(form.accepted_device):
            left = two_factor.backup_codes_left(user)
            message = ngettext(
                "You used a backup code. %(count)d is left.",
                "You used a backup code. %(count)d are left.",
                left,
            ) % {"count": left}
            if left <= FEW_CODES_LEFT:
                message += " " + _("Make new ones on your two-factor page before you run out.")
            messages.warning(request, message)
        return redirect(next_url)
    return render(request, "accounts/two_factor/verify.html", {"form": form, "next": next_url})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def backup_codes(request):
    user = request.user
    if not two_factor.is_verified(user):
        step = two_factor.pending_step(user)
        if step is None:
            return redirect("accounts:two_factor")
        return redirect(_with_next(step, reverse("accounts:two_factor_backup_codes")))
    if request.method == "POST":
        request.session[SESSION_CODES] = two_factor.new_backup_codes(user)
        messages.success(request, _("New backup codes made. The old ones no longer work."))
        return redirect("accounts:two_factor_backup_codes")
    context = {
        "codes": request.session.pop(SESSION_CODES, None),
        "next": request.session.pop(SESSION_NEXT, None) or reverse("accounts:two_factor"),
        "codes_left": two_factor.backup_codes_left(user),
    }
    return render(request, "accounts/two_factor/backup_codes.html", context)


@never_cache
@login_required
@require_POST
def disable(request):
    user = request.user
    if two_factor.requires_two_factor(user):
        messages.error(request, _("Editors and administrators must keep two-factor authentication on."))
        return redirect("accounts:two_factor")
    if not two_factor.is_verified(user):
        return redirect(_with_next("accounts:two_factor_verify", reverse("accounts:two_factor")))
    two_factor.reset(user, by=user)
    messages.success(request, _("Two-factor authentication is off for your account."))
    return redirect("accounts:two_factor")
