from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from accounts.admin_views import TwoFactorIndexView, TwoFactorResetView, can_manage
from accounts.two_factor import RESET_LOG_ACTION


@hooks.register("register_admin_urls")
def two_factor_admin_urls():
    return [
        path("two-factor/", TwoFactorIndexView.as_view(), name="accounts_two_factor_admin"),
        path(
            "two-factor/<int:user_id>/reset/",
            TwoFactorResetView.as_view(),
            name="accounts_two_factor_admin_reset",
        ),
    ]


class TwoFactorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage(request.user)


@hooks.register("register_settings_menu_item")
def two_factor_menu_item():
    return TwoFactorMenuItem(
        _("Two-factor authentication"),
        reverse("accounts_two_factor_admin"),
        name="two-factor",
        icon_name="key",
        order=610,
    )


@hooks.register("register_user_listing_buttons")
def two_factor_user_button(user, request_user):
    if can_manage(request_user):
        yield Button(
            _("Reset two-factor authentication"),
            reverse("accounts_two_factor_admin_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def two_factor_log_actions(actions):
    actions.register_action(
        RESET_LOG_ACTION, _("Reset two-factor authentication"), _("Two-factor authentication reset")
    )
