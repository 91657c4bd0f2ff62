from django import forms
from django.utils.translation import gettext_lazy as _

from knowledgebase.sanitiser import PlainTextField, SanitisedHTMLField
from reading_lists.models import ReadingList

NOTE_MAX_LENGTH = 5_000


class ReadingListForm(forms.ModelForm):
    title = PlainTextField(label=_("Title"), max_length=200)
    description = SanitisedHTMLField(label=_("Description"), max_length=5_000, required=False)
    audience = PlainTextField(
        label=_("Audience"),
        max_length=255,
        required=False,
        help_text=_("Who the course is for, e.g. “municipal security secretaries, first module”."),
    )
    learning_objectives = SanitisedHTMLField(
        label=_("Learning objectives"),
        max_length=5_000,
        required=False,
        help_text=_("What participants should be able to do afterwards; a list works well."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ReadingList
        fields = ["title", "description", "audience", "learning_objectives", "language", "visibility"]
        widgets = {"visibility": forms.RadioSelect}


class NoteForm(forms.Form):
    note = SanitisedHTMLField(
        label=_("Note"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        help_text=_("Why read it, what to look for, questions for discussion."),
    )


class SectionForm(forms.Form):
    title = PlainTextField(
        label=_("New section"), max_length=200, help_text=_("e.g. “Week 1 — hot-spot policing”")
    )


class ExternalReadingForm(forms.Form):
    title = PlainTextField(label=_("Title"), max_length=300)
    author = PlainTextField(label=_("Author or publisher"), max_length=300, required=False)
    url = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    note = SanitisedHTMLField(label=_("Note"), max_length=NOTE_MAX_LENGTH, required=False)
    section = forms.TypedChoiceField(label=_("Section"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("No section"))] + [(s.pk, s.title) for s in sections]
