"""The one place two-factor authentication is enforced. It sits after django-otp's OTPMiddleware, before
any view: Wagtail's admin (its own login page included), Django's admin and the editor-only views on
the public site never see a signed-in editor whose session has not passed the second step."""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from accounts import two_factor


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path test first: it is free, and the device and group look-ups are not.
        if two_factor.is_guarded(request.path_info):
            step = two_factor.pending_step(request.user)
            if step is not None:
                return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
