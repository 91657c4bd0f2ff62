"""Creates the pages every installation needs: home, the case-study index and the evidence-scale page."""

from django.db import transaction

from wagtail.models import Page, Site

from home.models import HomePage
from practices.models import CaseStudyIndexPage, EvidenceScalePage

HOME_TAGLINE = (
    "What works in citizen security in Latin America and the Caribbean, with the evidence behind it."
)
HOME_INTRO = (
    "<p>Practice Exchange is an open knowledge base of citizen-security practices from the region: "
    "what cities, states and countries tried, how it was run, what it cost, how rigorously it was "
    "evaluated and what happened when others adapted it. It is written for the people who choose and "
    "run these policies: mayors' and governors' security teams, civil-society organisations and the "
    "trainers who prepare them.</p>"
)
INDEX_INTRO = (
    "<p>Every case study follows the same structure: the problem, the intervention, who implemented "
    "it, what it cost, the evaluations and their results, and an editor's rating of the four "
    "institutional challenges.</p>"
)
EVIDENCE_INTRO = (
    "<p>Each practice is rated on one five-level scale according to the strongest evaluation design "
    "behind it, mapped to the Maryland Scientific Methods Scale. The scale says how far we can trust "
    "that the practice caused the results reported, not whether the results were good: that is the "
    "separate <em>effect direction</em>.</p>"
)


@transaction.atomic
def ensure_site_tree() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's own welcome page holds the "home" slug; replace it if it is still the untouched default.
        for page in root.get_children().filter(slug="home"):
            if page.specific_class is Page and page.numchild == 0:
                page.delete()
        root.refresh_from_db()
        home = root.add_child(
            instance=HomePage(title="Practice Exchange", slug="home", tagline=HOME_TAGLINE, intro=HOME_INTRO)
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Practice Exchange"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Practice Exchange"
        site.save()
    if not CaseStudyIndexPage.objects.exists():
        home.add_child(instance=CaseStudyIndexPage(title="Practices", slug="practices", intro=INDEX_INTRO))
    if not EvidenceScalePage.objects.exists():
        home.add_child(
            instance=EvidenceScalePage(
                title="About the evidence scale", slug="evidence-scale", intro=EVIDENCE_INTRO
            )
        )
    return home
