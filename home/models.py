from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from practices.blocks import RICH_TEXT_FEATURES
from practices.models import CaseStudyIndexPage, CaseStudyPage, EvidenceScalePage


class HomePage(Page):
    """The front door: what the knowledge base is, entry points for each audience, notable practices."""

    tagline = models.CharField(_("tagline"), max_length=255)
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("tagline"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["practices.CaseStudyIndexPage", "practices.EvidenceScalePage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        practices = (
            CaseStudyPage.objects.live()
            .public()
            .select_related("hero_image")
            .prefetch_related("levels_of_government", "sectors")
        )
        context["latest"] = practices.order_by("-first_published_at", "title")[:4]
        context["best_evidenced"] = practices.order_by("-evidence_strength", "title")[:4]
        context["stats"] = {
            "practices": practices.count(),
            "countries": practices.values("country").distinct().count(),
            "evaluated": practices.filter(evidence_strength__gte=3).count(),
        }
        context["by_evidence"] = dict(
            practices.values_list("evidence_strength").annotate(n=Count("id")).order_by()
        )
        context["index_page"] = CaseStudyIndexPage.objects.live().first()
        context["evidence_page"] = EvidenceScalePage.objects.live().first()
        return context
