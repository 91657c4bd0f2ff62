"""The demo trainer's public reading lists, loaded with the demo corpus. Idempotent: each list is
keyed on its owner and title and rebuilt from its file."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from knowledgebase.sanitiser import sanitise_html
from practices.models import CaseStudyPage
from reading_lists.models import Item, ReadingList, Section

DATA = Path(__file__).resolve().parent / "demo_data"


class ReadingListDataError(ValueError):
    pass


@transaction.atomic
def load_demo_lists(owner) -> list[str]:
    titles = []
    for path in sorted(DATA.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        reading_list, _ = ReadingList.objects.update_or_create(
            owner=owner,
            title=data["title"],
            defaults={
                "audience": data["audience"],
                "language": data["language"],
                "description": sanitise_html(data["description"]),
                "learning_objectives": sanitise_html(data["learning_objectives"]),
                "visibility": ReadingList.Visibility.PUBLIC,
            },
        )
        reading_list.items.all().delete()
        reading_list.sections.all().delete()
        for position, section_data in enumerate(data["sections"]):
            section = Section.objects.create(
                reading_list=reading_list, title=section_data["title"], position=position
            )
            for item_position, entry in enumerate(section_data["items"]):
                item = Item(reading_list=reading_list, section=section, position=item_position)
                item.note = sanitise_html(entry.get("note", ""))
                if "practice" in entry:
                    page = CaseStudyPage.objects.filter(slug=entry["practice"]).first()
                    if page is None:
                        raise ReadingListDataError(
                            f"{path.name}: no practice with slug {entry['practice']!r}"
                        )
                    item.kind, item.page = Item.Kind.PRACTICE, page
                else:
                    external = entry["external"]
                    item.kind = Item.Kind.EXTERNAL
                    item.external_title = external["title"]
                    item.external_author = external.get("author", "")
                    item.external_url = external.get("url", "")
                item.save()
        reading_list.bump()
        titles.append(reading_list.title)
    return titles
