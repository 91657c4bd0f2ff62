from practices.models.inlines import CaseStudyDocument, Evaluation, ImplementingActor, Source
from practices.models.pages import CaseStudyIndexPage, CaseStudyPage, EvidenceScalePage
from practices.models.snippets import GovernmentLevel, PolicyArea, Sector, TargetPopulation, Theme

__all__ = [
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
