from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.ratelimit import rate_limit
from accounts.roles import can_curate
from practices.models import CaseStudyPage
from reading_lists import services
from reading_lists.exports import reading_list_csv, reading_list_pdf
from reading_lists.forms import ExternalReadingForm, NoteForm, ReadingListForm, SectionForm
from reading_lists.models import ReadingList

HOUR = 3600


def _user_key(request) -> str:
    return f"user:{request.user.pk}"


def _editable(request, pk: int) -> ReadingList:
    """Someone else's list is a 404 to them: its existence is not theirs to know."""
    return get_object_or_404(ReadingList.objects.editable_by(request.user), pk=pk)


def _back(request, fallback: str) -> HttpResponseRedirect:
    target = request.POST.get("next") or fallback
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = fallback
    return HttpResponseRedirect(target)


def index(request):
    context = {
        "public_lists": ReadingList.objects.public().select_related("owner").order_by("title"),
        "own_lists": ReadingList.objects.filter(owner=request.user) if request.user.is_authenticated else [],
        "can_curate": can_curate(request.user),
    }
    return render(request, "reading_lists/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@rate_limit("reading-list-create", limit=60, window=HOUR, key=_user_key)
def create(request):
    if not can_curate(request.user):
        raise PermissionDenied
    form = ReadingListForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reading_list = form.save(commit=False)
        reading_list.owner = request.user
        reading_list.save()
        messages.success(
            request, _("Reading list created. Add practices from the search or a practice’s page.")
        )
        return redirect("reading_lists:edit", pk=reading_list.pk)
    return render(request, "reading_lists/form.html", {"form": form}, status=400 if form.errors else 200)


def _render_list(request, reading_list: ReadingList, *, shared: bool = False):
    output = request.GET.get("format", "html")
    share_url = request.build_absolute_uri(reading_list.get_share_url())
    if output == "csv":
        response = HttpResponse(
            reading_list_csv(reading_list, request), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="reading-list-{reading_list.pk}.csv"'
        return response
    if output == "pdf":
        response = HttpResponse(reading_list_pdf(reading_list, share_url), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="reading-list-{reading_list.pk}.pdf"'
        return response
    items = reading_list.ordered_items()
    context = {
        "reading_list": reading_list,
        "groups": reading_list.grouped(items),
        "minutes": reading_list.reading_minutes(items),
        "share_url": share_url,
        "shared": shared,
        "can_edit": ReadingList.objects.editable_by(request.user).filter(pk=reading_list.pk).exists(),
        "can_curate": can_curate(request.user),
        "export_base": request.path,
    }
    return render(request, "reading_lists/detail.html", context)


def detail(request, pk: int):
    """Public lists, and one's own. An unlisted list is reached only through its secret link."""
    reading_list = get_object_or_404(
        ReadingList.objects.readable_by(request.user).select_related("owner"), pk=pk
    )
    return _render_list(request, reading_list)


def shared(request, token: str):
    reading_list = get_object_or_404(ReadingList.objects.select_related("owner"), share_token=token)
    if reading_list.visibility == ReadingList.Visibility.PRIVATE and not (
        ReadingList.objects.editable_by(request.user).filter(pk=reading_list.pk).exists()
    ):
        raise Http404
    return _render_list(request, reading_list, shared=True)


@login_required
@require_http_methods(["GET", "POST"])
@rate_limit("reading-list-edit", limit=600, window=HOUR, key=_user_key)
def edit(request, pk: int):
    reading_list = _editable(request, pk)
    forms = {
        "meta": ReadingListForm(instance=reading_list, initial={"version": reading_list.version}),
        "section": SectionForm(),
        "external": ExternalReadingForm(sections=reading_list.sections.all()),
    }
    note_errors: dict[int, list[str]] = {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        version = _int(request.POST.get("version"))
        try:
            outcome = _apply(request, reading_list, action, version, forms, note_errors)
        except services.StaleListError as exc:
            messages.error(request, str(exc))
            return redirect("reading_lists:edit", pk=reading_list.pk)
        except services.ListError as exc:
            messages.error(request, str(exc))
            outcome = None
        if outcome is not None:
            if request.headers.get("Accept") == "application/json":
                reading_list.refresh_from_db()
                return HttpResponse(
                    json.dumps({"ok": True, "version": reading_list.version}), content_type="application/json"
                )
            return redirect(outcome)
        reading_list.refresh_from_db()
    ordered = reading_list.ordered_items()
    groups = reading_list.grouped(ordered)
    for _section, items in groups:
        for item in items:
            # A note that failed validation comes back with what was typed, so nothing is lost.
            item.note_errors = note_errors.get(item.pk, [])
            item.note_draft = request.POST.get("note") if item.note_errors else None
    context = {
        "reading_list": reading_list,
        "groups": groups,
        "sections": reading_list.sections.all(),
        "forms": forms,
        "note_errors": note_errors,
        "minutes": reading_list.reading_minutes(ordered),
        "share_url": request.build_absolute_uri(reading_list.get_share_url()),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "reading_lists/edit.html", context, status=status)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _apply(request, reading_list, action, version, forms, note_errors) -> str | None:
    """Run one editing action; the URL to go to on success, None to show the page with errors."""
    here = f"{request.path}"
    post = request.POST
    if action == "meta":
        form = ReadingListForm(post, instance=reading_list)
        forms["meta"] = form
        if version is not None and version != reading_list.version:
            raise services.StaleListError
        if form.is_valid():
            form.save()
            reading_list.bump()
            messages.success(request, _("Saved."))
            return here
        return None
    if action == "add-section":
        form = SectionForm(post)
        forms["section"] = form
        if form.is_valid():
            services.add_section(reading_list, form.cleaned_data["title"])
            return here + "#sections"
        return None
    if action == "delete-section":
        services.delete_section(reading_list, _int(post.get("section")))
        return here
    if action == "add-external":
        form = ExternalReadingForm(post, sections=reading_list.sections.all())
        forms["external"] = form
        if form.is_valid():
            data = form.cleaned_data
            services.add_external(
                reading_list,
                title=data["title"],
                author=data["author"],
                url=data["url"],
                note=data["note"],
                section_id=data["section"],
            )
            return here
        return None
    if action in ("note", "move", "remove"):
        item = reading_list.items.filter(pk=_int(post.get("item"))).first()
        if item is None:
            raise services.StaleListError
        if action == "note":
            form = NoteForm(post)
            if form.is_valid():
                services.update_note(item, form.cleaned_data["note"])
                messages.success(request, _("Note saved."))
                return f"{here}#item-{item.pk}"
            note_errors[item.pk] = [error for errors in form.errors.values() for error in errors]
            return None
        if action == "move":
            services.move(reading_list, item.pk, "up" if post.get("direction") == "up" else "down", version)
            return f"{here}#item-{item.pk}"
        services.remove_item(reading_list, item.pk)
        return here
    if action == "reorder":
        try:
            order = [
                (int(entry["item"]), _int(entry.get("section")))
                for entry in json.loads(post.get("order", ""))
            ]
        except (ValueError, TypeError, KeyError, json.JSONDecodeError):
            raise services.ListError(_("The new order could not be read; nothing was changed.")) from None
        services.reorder(reading_list, order, version)
        return here
    raise services.ListError(_("Unknown action."))


@login_required
@require_POST
@rate_limit("reading-list-add", limit=300, window=HOUR, key=_user_key)
def add(request):
    """ "Add to reading list" from a practice's page, a search result or the comparison."""
    if not can_curate(request.user):
        raise PermissionDenied
    pages = (
        CaseStudyPage.objects.live().public().filter(pk__in=[_int(v) for v in request.POST.getlist("page")])
    )
    if not pages:
        messages.error(request, _("That practice is not published, so it cannot be added."))
        return _back(request, "/")
    list_value = request.POST.get("reading_list", "")
    if list_value == "new":
        reading_list = ReadingList.objects.create(owner=request.user, title=_("New reading list"))
    else:
        reading_list = ReadingList.objects.editable_by(request.user).filter(pk=_int(list_value)).first()
        if reading_list is None:
            messages.error(request, _("Choose one of your reading lists."))
            return _back(request, "/")
    added = []
    for page in pages:
        try:
            services.add_practice(reading_list, page)
            added.append(page.title)
        except services.ListError as exc:
            messages.warning(request, str(exc))
    if added:
        messages.success(
            request,
            _("Added to “%(list)s”: %(titles)s.") % {"list": reading_list.title, "titles": "; ".join(added)},
        )
    return _back(request, reading_list.get_absolute_url())


@login_required
@require_POST
def duplicate(request, pk: int):
    if not can_curate(request.user):
        raise PermissionDenied
    original = get_object_or_404(ReadingList.objects.readable_by(request.user), pk=pk)
    copy = services.duplicate(original, request.user)
    messages.success(request, _("Copied. This copy is private until you share it."))
    return redirect("reading_lists:edit", pk=copy.pk)
