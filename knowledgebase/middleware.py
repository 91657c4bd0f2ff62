"""Security headers on every response: a Content-Security-Policy without inline scripts for the
public site, and a looser one for the Wagtail admin, whose editor needs inline scripts and styles."""

from __future__ import annotations

from django.conf import settings

PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "media-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
# Wagtail's admin (and Django's) run inline scripts and styles and preview pages in frames.
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "frame-src": "'self'",
}
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def render_policy(policy: dict[str, str], upgrade: bool) -> str:
    directives = [f"{name} {value}" for name, value in policy.items()]
    if upgrade:
        directives.append("upgrade-insecure-requests")
    return "; ".join(directives)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        upgrade = getattr(settings, "CSP_UPGRADE_INSECURE_REQUESTS", False)
        self.public = render_policy(PUBLIC_POLICY, upgrade)
        self.admin = render_policy(ADMIN_POLICY, upgrade)

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path.startswith(ADMIN_PREFIXES)
        response.headers.setdefault("Content-Security-Policy", self.admin if admin else self.public)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
