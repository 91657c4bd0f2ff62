from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts import two_factor
from organisations.models import Organisation
from practices.choices import LAC_COUNTRIES


class SignupForm(UserCreationForm):
    """A contributor account. The organisation is a request: an editor approves the membership."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"), help_text=_("We send a link to this address to confirm it is yours.")
    )
    organisation = forms.ModelChoiceField(
        label=_("Your organisation"),
        queryset=Organisation.objects.filter(verified=True),
        required=False,
        help_text=_("The organisation you will publish for. An editor confirms that you belong to it."),
    )
    new_organisation = forms.CharField(
        label=_("…or, if it is not listed, its name"), max_length=255, required=False
    )
    new_organisation_kind = forms.ChoiceField(
        label=_("Type of organisation"), choices=[("", "—"), *Organisation.Kind.choices], required=False
    )
    new_organisation_country = forms.ChoiceField(
        label=_("Country"), choices=[("", "—"), *LAC_COUNTRIES], required=False
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("first_name", "last_name", "username", "email")

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account already uses this address. Log in, or reset your password if you forgot it.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        new_name = (cleaned.get("new_organisation") or "").strip()
        if cleaned.get("organisation") and new_name:
            self.add_error("new_organisation", _("Choose a listed organisation or name a new one, not both."))
        if new_name:
            if not cleaned.get("new_organisation_kind"):
                self.add_error("new_organisation_kind", _("Say what type of organisation it is."))
            existing = Organisation.objects.filter(name__iexact=new_name).first()
            if existing or Organisation.objects.filter(slug=slugify(new_name)).exists():
                self.add_error("new_organisation", _("This organisation is already listed: choose it above."))
            if not slugify(new_name):
                self.add_error("new_organisation", _("Give the organisation's name in letters."))
        return cleaned


class LoginForm(AuthenticationForm):
    username = forms.CharField(label=_("Username or email address"), max_length=254)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ("first_name", "last_name")


class JoinOrganisationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Ask to join an organisation"), queryset=Organisation.objects.filter(verified=True)
    )


class ResendVerificationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))


class TwoFactorCodeForm(forms.Form):
    """One code, checked against the person's device when the form is cleaned. `device` narrows the
    check to one device (the app being enrolled) and then only its six digits are accepted."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        error_messages={"max_length": _("That is longer than any code we send.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, user, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device
        self.accepted_device = None
        if device is not None:
            self.fields["code"].label = _("The 6-digit code your app shows")
            self.fields["code"].widget.attrs["inputmode"] = "numeric"
        else:
            self.fields["code"].help_text = _(
                "The 6-digit code from your authenticator app, or one of your backup codes."
            )

    def clean_code(self):
        code = two_factor.normalise_code(self.cleaned_data["code"])
        looks_right = two_factor.TOTP_CODE.fullmatch(code) or (
            self.device is None and two_factor.BACKUP_CODE.fullmatch(code)
        )
        if not looks_right:
            if self.device is not None:
                raise forms.ValidationError(_("Enter the 6 digits your app shows, without letters."))
            raise forms.ValidationError(
                _("Enter the 6 digits from your authenticator app, or a backup code of 8 letters and digits.")
            )
        self.accepted_device, refusal = two_factor.check_code(self.user, code, self.device)
        if refusal:
            raise forms.ValidationError(refusal)
        return code
