from practices.models.inlines import CaseStudyDocument, Evaluation, ImplementingActor, Source
from practices.models.pages import CaseStudyIndexPage, CaseStudyPage, EvidenceScalePage
from practices.models.snippets import (
    TAXONOMY_FIELDS,
    GovernmentLevel,
    PolicyArea,
    Sector,
    TargetPopulation,
    Theme,
)

__all__ = [
    "TAXONOMY_FIELDS",
    "CaseStudyDocument",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "Evaluation",
    "EvidenceScalePage",
    "GovernmentLevel",
    "ImplementingActor",
    "PolicyArea",
    "Sector",
    "Source",
    "TargetPopulation",
    "Theme",
]
