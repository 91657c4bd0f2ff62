from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

RATING_VALIDATORS = [MinValueValidator(0), MaxValueValidator(3)]
RATING_CHOICES = [
    (0, _("0 — not addressed")),
    (1, _("1 — weak")),
    (2, _("2 — moderate")),
    (3, _("3 — strong")),
]


def _rating_field(label):
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, choices=RATING_CHOICES, validators=RATING_VALIDATORS
    )


def _justification_field():
    return models.CharField(_("justification"), max_length=255, blank=True)


CHALLENGES = [
    ("comprehensiveness", _("Comprehensiveness")),
    ("multisectoriality", _("Multisectoriality")),
    ("rigour", _("Rigour")),
    ("sustainability", _("Sustainability & scalability")),
]
CHALLENGE_QUESTIONS = {
    "comprehensiveness": _("Does it balance prevention and control and address several causes?"),
    "multisectoriality": _("Does it join several sectors and levels of government?"),
    "rigour": _("Is it based on diagnosis and data, and is it evaluated?"),
    "sustainability": _("Has it lasted beyond one administration, and can it be scaled or replicated?"),
}


class InstitutionalChallengesMixin(models.Model):
    """The four institutional challenges of the region's reform agenda, each rated 0–3 by an editor."""

    CHALLENGES = CHALLENGES
    CHALLENGE_QUESTIONS = CHALLENGE_QUESTIONS

    comprehensiveness_rating = _rating_field(_("comprehensiveness"))
    comprehensiveness_justification = _justification_field()
    multisectoriality_rating = _rating_field(_("multisectoriality"))
    multisectoriality_justification = _justification_field()
    rigour_rating = _rating_field(_("rigour"))
    rigour_justification = _justification_field()
    sustainability_rating = _rating_field(_("sustainability & scalability"))
    sustainability_justification = _justification_field()

    challenge_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel(f"{key}_rating"), FieldPanel(f"{key}_justification")],
                    heading=label,
                    help_text=CHALLENGE_QUESTIONS[key],
                )
                for key, label in CHALLENGES
            ],
            heading=_("The four institutional challenges (editor's rating, 0–3)"),
        )
    ]

    class Meta:
        abstract = True

    def challenge_profile(self) -> list[dict]:
        return [
            {
                "key": key,
                "label": label,
                "question": self.CHALLENGE_QUESTIONS[key],
                "rating": getattr(self, f"{key}_rating"),
                "justification": getattr(self, f"{key}_justification"),
            }
            for key, label in self.CHALLENGES
        ]

    @property
    def has_challenge_ratings(self) -> bool:
        return any(item["rating"] is not None for item in self.challenge_profile())
