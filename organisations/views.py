from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from organisations.models import Membership, Organisation
from practices.models import CaseStudyPage


def organisation_list(request):
    organisations = (
        Organisation.objects.filter(verified=True)
        .annotate(
            published=Count(
                "case_studies",
                filter=Q(case_studies__live=True, case_studies__view_restrictions__isnull=True),
                distinct=True,
            )
        )
        .select_related("logo")
        .order_by("name")
    )
    return render(request, "organisations/organisation_list.html", {"organisations": organisations})


def organisation_detail(request, slug: str):
    """An organisation's public profile: who it is and the case studies it has published."""
    organisation = get_object_or_404(Organisation.objects.select_related("logo"), slug=slug, verified=True)
    case_studies = (
        CaseStudyPage.objects.live()
        .public()
        .filter(contributing_organisation=organisation)
        .prefetch_related("levels_of_government", "sectors")
        .order_by("-evidence_strength", "title")
    )
    members = (
        Membership.objects.approved()
        .filter(organisation=organisation, user__is_active=True)
        .select_related("user")
        .order_by("user__first_name", "user__last_name")
    )
    context = {"organisation": organisation, "case_studies": case_studies, "members": members}
    return render(request, "organisations/organisation_detail.html", context)
