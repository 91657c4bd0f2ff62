"""Administrators' side of two-factor authentication, in the Wagtail admin: who has it, and a reset for
someone who lost their phone and their backup codes. Registered in accounts/wagtail_hooks.py."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from accounts.roles import EDITOR_GROUPS

# Resetting someone's second factor is managing people, which only administrators do.
MANAGE_PERMISSION = "auth.change_user"


def can_manage(user) -> bool:
    return user.has_perm(MANAGE_PERMISSION)


class ManageMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_manage(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def people_with_two_factor():
    """Everyone who must use it or has a device, with what they have."""
    codes = (
        StaticToken.objects.filter(device__user=OuterRef("pk"), device__confirmed=True)
        .order_by()
        .values("device__user")
        .annotate(count=Count("pk"))
        .values("count")
    )
    app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True)
            | Q(is_staff=True)
            | Q(groups__name__in=EDITOR_GROUPS)
            | Q(pk__in=TOTPDevice.objects.values("user"))
            | Q(pk__in=StaticDevice.objects.values("user"))
        )
        .distinct()
        .annotate(
            enrolled=Exists(app),
            last_used=Subquery(app.order_by("pk").values("last_used_at")[:1]),
            codes_left=Coalesce(Subquery(codes, output_field=IntegerField()), Value(0)),
        )
        .prefetch_related("groups")
        .order_by("username")
    )


class TwoFactorIndexView(ManageMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Two-factor authentication")
    header_icon = "key"
    template_name = "accounts/two_factor/admin_index.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "people": people_with_two_factor()}


class TwoFactorResetView(ManageMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Reset two-factor authentication")
    header_icon = "key"
    template_name = "accounts/two_factor/admin_reset.html"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("accounts_two_factor_admin"), "label": _("Two-factor authentication")},
            {"url": "", "label": self.page_title},
        ]

    @cached_property
    def person(self):
        # Looked up after ManageMixin's check, so nobody else learns which accounts exist.
        return get_object_or_404(get_user_model(), pk=self.kwargs["user_id"])

    def get_page_subtitle(self):
        return self.person.get_username()

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "person": self.person,
            "enrolled": two_factor.app_device(self.person) is not None,
            "codes_left": two_factor.backup_codes_left(self.person),
        }

    def post(self, request, *args, **kwargs):
        removed = two_factor.reset(self.person, by=request.user)
        if removed:
            messages.success(
                request,
                _("Two-factor authentication reset for %(name)s: they set it up again at their next sign-in.")
                % {"name": self.person.get_username()},
            )
        else:
            messages.info(
                request, _("%(name)s had no two-factor devices.") % {"name": self.person.get_username()}
            )
        return redirect("accounts_two_factor_admin")
