from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts import two_factor
from accounts.contributors import make_contributor
from accounts.forms import JoinOrganisationForm, LoginForm, ProfileForm, ResendVerificationForm, SignupForm
from accounts.ratelimit import client_ip, rate_limit
from accounts.verification import send_verification, user_for_token
from organisations.models import Membership, Organisation

HOUR = 3600


@require_http_methods(["GET", "POST"])
@rate_limit("signup", limit=5, window=HOUR)
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save(commit=False)
            user.is_active = False  # until the address is confirmed
            user.save()
            organisation = form.cleaned_data.get("organisation")
            new_name = (form.cleaned_data.get("new_organisation") or "").strip()
            if new_name:
                organisation = Organisation.objects.create(
                    name=new_name,
                    slug=slugify(new_name)[:255],
                    kind=form.cleaned_data["new_organisation_kind"],
                    country=form.cleaned_data.get("new_organisation_country") or "",
                    verified=False,
                )
            if organisation:
                Membership.objects.create(user=user, organisation=organisation)
        send_verification(request, user)  # after the commit: the link must find the user
        return render(request, "accounts/signup_done.html", {"email": user.email})
    return render(request, "accounts/signup.html", {"form": form})


@require_http_methods(["GET", "POST"])
@rate_limit("verify", limit=20, window=HOUR)
def verify(request, token: str):
    user = user_for_token(token)
    if user is None:
        return render(request, "accounts/verify_failed.html", {"form": ResendVerificationForm()}, status=400)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        make_contributor(user)
    login(request, user, backend="accounts.backends.EmailOrUsernameBackend")
    messages.success(request, _("Your email address is confirmed. Welcome to Practice Exchange."))
    return redirect("accounts:profile")


@require_http_methods(["GET", "POST"])
@rate_limit("resend-verification", limit=5, window=HOUR)
def resend_verification(request):
    form = ResendVerificationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = (
            get_user_model()
            .objects.filter(email__iexact=form.cleaned_data["email"], is_active=False, last_login=None)
            .first()
        )
        if user:
            send_verification(request, user)
        # The same answer either way, so the form does not reveal who has an account.
        return render(request, "accounts/signup_done.html", {"email": form.cleaned_data["email"]})
    return render(request, "accounts/verify_failed.html", {"form": form})


def _login_key(request) -> str:
    return f"{client_ip(request)}:{request.POST.get('username', '').strip().lower()}"


@method_decorator(rate_limit("login-ip", limit=30, window=15 * 60), name="dispatch")
@method_decorator(rate_limit("login", limit=8, window=15 * 60, key=_login_key), name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_success_url(self):
        url = super().get_success_url()
        # The password is only the first step for anyone with a device or who must have one: send
        # them on to the code (or the enrolment) at once, carrying where they were going.
        step = two_factor.pending_step(self.request.user)
        if step is None:
            return url
        return f"{reverse(step)}?{urlencode({'next': url})}"


class LogoutView(auth_views.LogoutView):
    next_page = "/"


@method_decorator(rate_limit("password-reset", limit=5, window=HOUR), name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_form.html"
    extra_context = {"heading": gettext_lazy("Reset your password")}
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_form.html"
    extra_context = {"heading": gettext_lazy("Choose a new password")}
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_form.html"
    extra_context = {"heading": gettext_lazy("Change your password")}
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password was changed."))
        return super().form_valid(form)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    profile_form = ProfileForm(instance=request.user)
    join_form = JoinOrganisationForm()
    if request.method == "POST":
        if "join" in request.POST:
            join_form = JoinOrganisationForm(request.POST)
            if join_form.is_valid():
                organisation = join_form.cleaned_data["organisation"]
                _membership, created = Membership.objects.get_or_create(
                    user=request.user, organisation=organisation
                )
                if created:
                    messages.success(
                        request, _("Asked to join %(name)s: an editor will confirm.") % {"name": organisation}
                    )
                else:
                    messages.info(request, _("You already asked to join %(name)s.") % {"name": organisation})
                return redirect("accounts:profile")
        else:
            profile_form = ProfileForm(request.POST, instance=request.user)
            if profile_form.is_valid():
                profile_form.save()
                messages.success(request, _("Your profile was saved."))
                return redirect("accounts:profile")
    context = {
        "profile_form": profile_form,
        "join_form": join_form,
        "memberships": request.user.memberships.select_related("organisation").order_by("organisation__name"),
        "roles": request.user.groups.order_by("name").values_list("name", flat=True),
    }
    return render(request, "accounts/profile.html", context)
