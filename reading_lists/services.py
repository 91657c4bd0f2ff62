"""Every change to a reading list, in one place: each checks what it must, runs in a transaction
and bumps the list's version, so that a change made from a stale browser tab is noticed."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from practices.models import CaseStudyPage
from reading_lists.models import Item, ReadingList, Section

MAX_ITEMS = 200
MAX_SECTIONS = 40


class ListError(ValueError):
    """A change that cannot be made, with a message for the person making it."""


class StaleListError(ListError):
    def __init__(self):
        super().__init__(
            _(
                "This list was changed in another tab or by someone else since you opened it. "
                "It has been reloaded: check it and make your change again."
            )
        )


def _locked(reading_list: ReadingList) -> ReadingList:
    return ReadingList.objects.select_for_update().get(pk=reading_list.pk)


def _check_version(current: ReadingList, version: int | None) -> None:
    if version is not None and version != current.version:
        raise StaleListError


def _next_position(reading_list: ReadingList, section: Section | None) -> int:
    last = reading_list.items.filter(section=section).aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def _check_room(reading_list: ReadingList) -> None:
    if reading_list.items.count() >= MAX_ITEMS:
        raise ListError(_("A reading list holds at most %(max)d readings.") % {"max": MAX_ITEMS})


def _section(reading_list: ReadingList, section_id) -> Section | None:
    if section_id in (None, ""):
        return None
    section = reading_list.sections.filter(pk=section_id).first()
    if section is None:
        raise ListError(_("That section is not in this list any more."))
    return section


@transaction.atomic
def add_practice(reading_list: ReadingList, page: CaseStudyPage, section_id=None, note: str = "") -> Item:
    current = _locked(reading_list)
    if not page.live or page.get_view_restrictions().exists():
        raise ListError(_("Only published practices can be added to a reading list."))
    if current.items.filter(page=page).exists():
        raise ListError(_("“%(title)s” is already in this list.") % {"title": page.title})
    _check_room(current)
    section = _section(current, section_id)
    item = Item.objects.create(
        reading_list=current,
        kind=Item.Kind.PRACTICE,
        page=page,
        section=section,
        position=_next_position(current, section),
        note=note,
    )
    current.bump()
    return item


@transaction.atomic
def add_external(
    reading_list: ReadingList, *, title: str, author: str, url: str, note: str, section_id=None
) -> Item:
    current = _locked(reading_list)
    _check_room(current)
    section = _section(current, section_id)
    item = Item.objects.create(
        reading_list=current,
        kind=Item.Kind.EXTERNAL,
        external_title=title,
        external_author=author,
        external_url=url,
        note=note,
        section=section,
        position=_next_position(current, section),
    )
    current.bump()
    return item


@transaction.atomic
def add_section(reading_list: ReadingList, title: str) -> Section:
    current = _locked(reading_list)
    if current.sections.count() >= MAX_SECTIONS:
        raise ListError(_("A reading list has at most %(max)d sections.") % {"max": MAX_SECTIONS})
    last = current.sections.aggregate(last=Max("position"))["last"]
    section = Section.objects.create(
        reading_list=current, title=title, position=0 if last is None else last + 1
    )
    current.bump()
    return section


@transaction.atomic
def delete_section(reading_list: ReadingList, section_id) -> None:
    """The section goes; its readings stay, at the top of the list."""
    current = _locked(reading_list)
    section = _section(current, section_id)
    if section is not None:
        start = _next_position(current, None)
        for offset, item in enumerate(section.items.order_by("position", "pk")):
            item.section, item.position = None, start + offset
            item.save(update_fields=["section", "position"])
        section.delete()
        current.bump()


@transaction.atomic
def update_note(item: Item, note: str) -> None:
    Item.objects.filter(pk=item.pk).update(note=note)
    _locked(item.reading_list).bump()


@transaction.atomic
def remove_item(reading_list: ReadingList, item_id) -> None:
    current = _locked(reading_list)
    current.items.filter(pk=item_id).delete()
    current.bump()


def _flattened(current: ReadingList) -> list[tuple[Section | None, Item]]:
    return [(section, item) for section, items in current.grouped() for item in items]


@transaction.atomic
def move(reading_list: ReadingList, item_id, direction: str, version: int | None) -> None:
    """One step up or down in reading order. At the edge of a section the reading crosses into the
    neighbouring section, so sections can be filled with the keyboard alone."""
    current = _locked(reading_list)
    _check_version(current, version)
    groups = current.grouped()
    for index, (section, items) in enumerate(groups):
        ids = [item.pk for item in items]
        if int(item_id) not in ids:
            continue
        at = ids.index(int(item_id))
        item = items[at]
        step = -1 if direction == "up" else 1
        if 0 <= at + step < len(items):
            items[at], items[at + step] = items[at + step], items[at]
            _renumber(items, section)
        else:
            neighbour = index + step
            if not 0 <= neighbour < len(groups):
                return  # already first or last: nothing to do
            target_section, target_items = groups[neighbour]
            items.pop(at)
            _renumber(items, section)
            target_items = [item, *target_items] if step == 1 else [*target_items, item]
            _renumber(target_items, target_section)
        current.bump()
        return
    raise StaleListError


@transaction.atomic
def reorder(reading_list: ReadingList, order: list[tuple[int, int | None]], version: int | None) -> None:
    """A whole new order from drag and drop: (item id, section id or None) in reading order. It must
    name exactly the readings the list has now, or it was made from a stale copy and is refused."""
    current = _locked(reading_list)
    _check_version(current, version)
    existing = set(current.items.values_list("pk", flat=True))
    sections = {section.pk: section for section in current.sections.all()}
    named = [item_id for item_id, _section_id in order]
    if set(named) != existing or len(named) != len(existing):
        raise StaleListError
    if any(section_id is not None and section_id not in sections for _item_id, section_id in order):
        raise StaleListError
    items = {item.pk: item for item in current.items.all()}
    positions: dict[int | None, int] = {}
    for item_id, section_id in order:
        item = items[item_id]
        item.section = sections.get(section_id)
        item.position = positions.get(section_id, 0)
        positions[section_id] = item.position + 1
        item.save(update_fields=["section", "position"])
    current.bump()


def _renumber(items: list[Item], section: Section | None) -> None:
    for position, item in enumerate(items):
        if item.position != position or item.section_id != (section.pk if section else None):
            item.position, item.section = position, section
            item.save(update_fields=["position", "section"])


@transaction.atomic
def duplicate(reading_list: ReadingList, owner) -> ReadingList:
    """A private copy, with its sections, readings and notes, as the start of a new course."""
    copy = ReadingList.objects.create(
        owner=owner,
        title=_("Copy of %(title)s") % {"title": reading_list.title},
        description=reading_list.description,
        audience=reading_list.audience,
        learning_objectives=reading_list.learning_objectives,
        language=reading_list.language,
        duplicated_from=reading_list,
    )
    sections = {}
    for section in reading_list.sections.all():
        sections[section.pk] = Section.objects.create(
            reading_list=copy, title=section.title, position=section.position
        )
    for item in reading_list.items.all():
        if item.is_practice and not item.is_available:
            continue  # an unpublished practice is not copied into someone else's list
        Item.objects.create(
            reading_list=copy,
            kind=item.kind,
            page=item.page,
            section=sections.get(item.section_id),
            position=item.position,
            external_title=item.external_title,
            external_author=item.external_author,
            external_url=item.external_url,
            note=item.note,
        )
    return copy
