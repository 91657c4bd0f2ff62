"""Fixed vocabularies of the case study. Slugs are stable: URLs, filters and the demo corpus use them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The 33 sovereign states of Latin America and the Caribbean (ISO 3166-1 alpha-2).
LAC_COUNTRIES = [
    ("AG", _("Antigua and Barbuda")),
    ("AR", _("Argentina")),
    ("BS", _("Bahamas")),
    ("BB", _("Barbados")),
    ("BZ", _("Belize")),
    ("BO", _("Bolivia")),
    ("BR", _("Brazil")),
    ("CL", _("Chile")),
    ("CO", _("Colombia")),
    ("CR", _("Costa Rica")),
    ("CU", _("Cuba")),
    ("DM", _("Dominica")),
    ("DO", _("Dominican Republic")),
    ("EC", _("Ecuador")),
    ("SV", _("El Salvador")),
    ("GD", _("Grenada")),
    ("GT", _("Guatemala")),
    ("GY", _("Guyana")),
    ("HT", _("Haiti")),
    ("HN", _("Honduras")),
    ("JM", _("Jamaica")),
    ("MX", _("Mexico")),
    ("NI", _("Nicaragua")),
    ("PA", _("Panama")),
    ("PY", _("Paraguay")),
    ("PE", _("Peru")),
    ("KN", _("Saint Kitts and Nevis")),
    ("LC", _("Saint Lucia")),
    ("VC", _("Saint Vincent and the Grenadines")),
    ("SR", _("Suriname")),
    ("TT", _("Trinidad and Tobago")),
    ("UY", _("Uruguay")),
    ("VE", _("Venezuela")),
]

# ISO 4217 codes of the region's currencies, plus the two that international funders report in.
CURRENCIES = [
    ("USD", "USD — US dollar"),
    ("EUR", "EUR — euro"),
    ("ARS", "ARS — Argentine peso"),
    ("BBD", "BBD — Barbados dollar"),
    ("BOB", "BOB — boliviano"),
    ("BRL", "BRL — Brazilian real"),
    ("BSD", "BSD — Bahamian dollar"),
    ("BZD", "BZD — Belize dollar"),
    ("CLP", "CLP — Chilean peso"),
    ("COP", "COP — Colombian peso"),
    ("CRC", "CRC — Costa Rican colón"),
    ("CUP", "CUP — Cuban peso"),
    ("DOP", "DOP — Dominican peso"),
    ("GTQ", "GTQ — quetzal"),
    ("GYD", "GYD — Guyanese dollar"),
    ("HNL", "HNL — lempira"),
    ("HTG", "HTG — gourde"),
    ("JMD", "JMD — Jamaican dollar"),
    ("MXN", "MXN — Mexican peso"),
    ("NIO", "NIO — córdoba"),
    ("PAB", "PAB — balboa"),
    ("PEN", "PEN — sol"),
    ("PYG", "PYG — guaraní"),
    ("SRD", "SRD — Surinamese dollar"),
    ("TTD", "TTD — Trinidad and Tobago dollar"),
    ("UYU", "UYU — Uruguayan peso"),
    ("VES", "VES — bolívar"),
    ("XCD", "XCD — East Caribbean dollar"),
]


class EffectDirection(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    MIXED = "mixed", _("Mixed")
    NO_EFFECT = "no-effect", _("No effect")
    NEGATIVE = "negative", _("Negative or harmful")
    NOT_YET_KNOWN = "not-yet-known", _("Not yet known")


class Status(models.TextChoices):
    PILOT = "pilot", _("Pilot")
    ACTIVE = "active", _("Active")
    SCALED_UP = "scaled-up", _("Scaled up")
    DISCONTINUED = "discontinued", _("Discontinued")


class EvaluationDesign(models.TextChoices):
    RCT = "rct", _("Randomised controlled trial")
    QUASI_EXPERIMENTAL = "quasi-experimental", _("Quasi-experimental with comparison group")
    BEFORE_AFTER = "before-after", _("Before/after without comparison group")
    DESCRIPTIVE = "descriptive", _("Descriptive or monitoring data")
    QUALITATIVE = "qualitative", _("Qualitative or process evaluation")
    SYSTEMATIC_REVIEW = "systematic-review", _("Systematic review or meta-analysis")
    COST_BENEFIT = "cost-benefit", _("Cost-benefit or cost-effectiveness analysis")


class ActorType(models.TextChoices):
    NATIONAL_GOVERNMENT = "national-government", _("National government")
    SUBNATIONAL_GOVERNMENT = "subnational-government", _("Subnational government")
    CIVIL_SOCIETY = "civil-society", _("Civil society")
    ACADEMIA = "academia", _("Academia")
    PRIVATE_SECTOR = "private-sector", _("Private sector")
    INTERNATIONAL = "international-organisation", _("International organisation")


class ActorRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    PARTNER = "partner", _("Partner")
    FUNDER = "funder", _("Funder")


class PolicyCycleStage(models.TextChoices):
    DESIGN = "design", _("Design")
    IMPLEMENTATION = "implementation", _("Implementation")
    MONITORING = "monitoring", _("Monitoring")
    EVALUATION = "evaluation", _("Evaluation")
    SCALE_UP = "scale-up", _("Scale-up")


class Language(models.TextChoices):
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
