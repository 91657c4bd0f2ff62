"""Reading lists: every editing action, every visibility rule, exports and bad input."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from reading_lists.models import Item, ReadingList
from tests.factories import CaseStudyPageFactory, UserFactory, contributor, verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(site_roles):
    return UserFactory(username="teresa", first_name="Teresa", last_name="Formadora", roles=["Trainer"])


@pytest.fixture
def practices(site_roles):
    return [
        CaseStudyPageFactory(title=f"Práctica {letter}", summary=f"Resumen {letter}.") for letter in "ABCD"
    ]


def make_list(client, **fields):
    data = {"title": "Curso de gestión de la seguridad", "language": "es", "visibility": "private", **fields}
    response = client.post("/en/reading-lists/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ReadingList.objects.latest("pk")


def add(client, reading_list, *pages, next_url="/"):
    return client.post(
        "/en/reading-lists/add/",
        {"page": [page.pk for page in pages], "reading_list": reading_list.pk, "next": next_url},
        follow=True,
    )


def edit(client, reading_list, **data):
    reading_list.refresh_from_db()
    data.setdefault("version", reading_list.version)
    return client.post(f"/en/reading-lists/{reading_list.pk}/edit/", data, follow=True)


def order(reading_list):
    return [
        (item.section.title if item.section else None, item.title) for item in reading_list.ordered_items()
    ]


def test_only_trainers_and_editors_make_lists(client, site_roles):
    assert client.get("/en/reading-lists/new/").status_code == 302  # to login
    client.force_login(contributor())
    assert client.get("/en/reading-lists/new/").status_code == 403
    verified_login(client, UserFactory(roles=["Editor"]))
    assert client.get("/en/reading-lists/new/").status_code == 200


def test_build_a_list_with_sections_notes_and_an_outside_reading(client, trainer, practices):
    client.force_login(trainer)
    reading_list = make_list(
        client, audience="Secretarías municipales", learning_objectives="<ul><li>Comparar</li></ul>"
    )
    response = add(client, reading_list, practices[0], practices[1])
    assert "Added to" in response.content.decode()
    edit(client, reading_list, action="add-section", title="Semana 1 — puntos calientes")
    section = reading_list.sections.get()
    edit(
        client,
        reading_list,
        action="add-external",
        title="Hot spots policing review",
        author="Braga et al.",
        url="https://example.org/review",
        note="<p>Leer el resumen.</p>",
        section=section.pk,
    )
    item = reading_list.items.get(page=practices[0])
    edit(
        client, reading_list, action="note", item=item.pk, note="<p>¿Qué diseño?</p><script>alert(1)</script>"
    )
    item.refresh_from_db()
    assert item.note == "<p>¿Qué diseño?</p>"
    assert order(reading_list) == [
        (None, "Práctica A"),
        (None, "Práctica B"),
        ("Semana 1 — puntos calientes", "Hot spots policing review"),
    ]
    # Moving down at the end of the unsectioned part crosses into the section.
    edit(
        client,
        reading_list,
        action="move",
        item=reading_list.items.get(page=practices[1]).pk,
        direction="down",
    )
    assert order(reading_list)[1:] == [
        ("Semana 1 — puntos calientes", "Práctica B"),
        ("Semana 1 — puntos calientes", "Hot spots policing review"),
    ]
    edit(
        client, reading_list, action="move", item=reading_list.items.get(page=practices[0]).pk, direction="up"
    )
    assert order(reading_list)[0] == (None, "Práctica A")  # already first: unchanged
    assert reading_list.reading_minutes() >= 20


def test_duplicates_drafts_and_unknown_lists_are_refused_with_messages(client, trainer, practices):
    client.force_login(trainer)
    reading_list = make_list(client)
    add(client, reading_list, practices[0])
    response = add(client, reading_list, practices[0])
    assert "already in this list" in response.content.decode()
    assert reading_list.items.count() == 1
    draft = CaseStudyPageFactory(publish=False, title="Borrador secreto")
    response = add(client, reading_list, draft)
    assert "not published" in response.content.decode()
    someone_else = ReadingList.objects.create(owner=UserFactory(roles=["Trainer"]), title="Ajena")
    response = add(client, someone_else, practices[1])
    assert "Choose one of your reading lists" in response.content.decode()
    assert not someone_else.items.exists()


def test_adding_to_a_new_list_from_a_practice_page(client, trainer, practices):
    client.force_login(trainer)
    soup = BeautifulSoup(client.get(practices[0].url).content, "html.parser")
    form = soup.select_one("form.add-to-list")
    assert form is not None and form.select_one("option[value=new]")
    client.post(
        "/en/reading-lists/add/", {"page": practices[0].pk, "reading_list": "new", "next": practices[0].url}
    )
    assert ReadingList.objects.get(owner=trainer).items.get().page_id == practices[0].pk


def test_an_oversized_note_is_refused_and_what_was_typed_is_kept(client, trainer, practices):
    client.force_login(trainer)
    reading_list = make_list(client)
    add(client, reading_list, practices[0])
    item = reading_list.items.get()
    long_note = "<p>" + "palabra " * 1200 + "</p>"
    response = edit(client, reading_list, action="note", item=item.pk, note=long_note)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f"#item-{item.pk} .field__error")
    assert "palabra palabra" in soup.select_one(f"#note-{item.pk}").get_text()
    item.refresh_from_db()
    assert item.note == ""


def test_a_stale_tab_cannot_reorder_or_drop_what_another_tab_added(client, trainer, practices):
    client.force_login(trainer)
    reading_list = make_list(client)
    add(client, reading_list, practices[0], practices[1])
    reading_list.refresh_from_db()
    stale_version = reading_list.version
    first, second = reading_list.ordered_items()
    # Tab 2 adds a practice; tab 1 then submits an order made before it.
    add(client, reading_list, practices[2])
    import json

    response = edit(
        client,
        reading_list,
        action="reorder",
        version=stale_version,
        order=json.dumps([{"item": second.pk, "section": None}, {"item": first.pk, "section": None}]),
    )
    assert "changed in another tab" in response.content.decode()
    assert [title for _s, title in order(reading_list)] == ["Práctica A", "Práctica B", "Práctica C"]
    response = edit(
        client, reading_list, action="move", item=first.pk, direction="down", version=stale_version
    )
    assert "changed in another tab" in response.content.decode()
    # With the current version, the same kinds of change go through.
    third = reading_list.items.get(page=practices[2])
    edit(
        client,
        reading_list,
        action="reorder",
        order=json.dumps(
            [
                {"item": third.pk, "section": None},
                {"item": first.pk, "section": None},
                {"item": second.pk, "section": None},
            ]
        ),
    )
    assert [title for _s, title in order(reading_list)] == ["Práctica C", "Práctica A", "Práctica B"]
    response = edit(client, reading_list, action="reorder", order="not json")
    assert "could not be read" in response.content.decode()


@pytest.mark.parametrize(
    ("visibility", "by_pk", "by_link", "listed"),
    [("private", False, False, False), ("unlisted", False, True, False), ("public", True, True, True)],
)
def test_visibility_rules_for_other_people(client, trainer, practices, visibility, by_pk, by_link, listed):
    client.force_login(trainer)
    reading_list = make_list(client, title=f"Lista {visibility}", visibility=visibility)
    add(client, reading_list, practices[0])
    practice_page = practices[0].url
    for who in (None, contributor(), UserFactory(roles=["Trainer"])):
        client.logout()
        if who:
            client.force_login(who)
        assert (client.get(f"/en/reading-lists/{reading_list.pk}/").status_code == 200) is by_pk
        assert (client.get(reading_list.get_share_url()).status_code == 200) is by_link
        assert (client.get(f"/en/reading-lists/{reading_list.pk}/?format=csv").status_code == 200) is by_pk
        assert (f"Lista {visibility}" in client.get("/en/reading-lists/").content.decode()) is listed
        assert client.get(f"/en/reading-lists/{reading_list.pk}/edit/").status_code in (302, 404)
        used = "Used in 1 public course" in client.get(practice_page).content.decode()
        assert used is (visibility == "public")
    # Editors may open and edit any list; the owner always can.
    verified_login(client, UserFactory(roles=["Editor"]))
    assert client.get(f"/en/reading-lists/{reading_list.pk}/edit/").status_code == 200
    client.force_login(trainer)
    assert client.get(f"/en/reading-lists/{reading_list.pk}/").status_code == 200


def test_share_tokens_are_unguessable_and_distinct(trainer):
    tokens = {ReadingList.objects.create(owner=trainer, title=str(i)).share_token for i in range(20)}
    assert len(tokens) == 20 and all(len(token) >= 24 for token in tokens)


def test_an_unpublished_practice_shows_as_unavailable_and_leaks_nowhere(client, trainer, practices):
    client.force_login(trainer)
    reading_list = make_list(client, visibility="public")
    add(client, reading_list, practices[0], practices[1])
    edit(
        client,
        reading_list,
        action="note",
        item=reading_list.items.get(page=practices[1]).pk,
        note="<p>Nota</p>",
    )
    practices[1].unpublish()
    client.logout()
    html = client.get(reading_list.get_absolute_url()).content.decode()
    assert "no longer published" in html and "Práctica B" not in html and "Resumen B" not in html
    csv_text = client.get(f"{reading_list.get_absolute_url()}?format=csv").content.decode()
    assert "Práctica B" not in csv_text
    pdf = client.get(f"{reading_list.get_absolute_url()}?format=pdf").content
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Práctica B" not in text and "Práctica A" in text


def test_duplicate_a_public_list_but_not_someone_elses_private_one(client, trainer, practices):
    other = UserFactory(roles=["Trainer"])
    public = ReadingList.objects.create(owner=other, title="Pública", visibility="public")
    private = ReadingList.objects.create(owner=other, title="Privada")
    Item.objects.create(reading_list=public, page=practices[0], note="<p>n</p>")
    Item.objects.create(reading_list=public, page=practices[1], position=1)
    practices[1].unpublish()
    client.force_login(trainer)
    response = client.post(f"/en/reading-lists/{public.pk}/duplicate/")
    copy = ReadingList.objects.get(owner=trainer)
    assert response["Location"] == f"/en/reading-lists/{copy.pk}/edit/"
    assert copy.title == "Copy of Pública" and copy.visibility == "private" and copy.duplicated_from == public
    assert [item.page_id for item in copy.items.all()] == [practices[0].pk]
    assert client.post(f"/en/reading-lists/{private.pk}/duplicate/").status_code == 404


def test_csv_and_pdf_exports(client, trainer, practices):
    client.force_login(trainer)
    reading_list = make_list(
        client, title="Curso de prevención", learning_objectives="<p>Comparar diseños.</p>"
    )
    edit(client, reading_list, action="add-section", title="Semana 1")
    section = reading_list.sections.get()
    add(client, reading_list, practices[0])
    item = reading_list.items.get()
    edit(client, reading_list, action="move", item=item.pk, direction="down")
    edit(client, reading_list, action="note", item=item.pk, note="<p>=Leer con atención</p>")
    edit(
        client,
        reading_list,
        action="add-external",
        title="Informe externo",
        author="BID",
        url="",
        note="",
        section=section.pk,
    )

    rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"/en/reading-lists/{reading_list.pk}/?format=csv").content.decode())
        )
    )
    assert [row["title"] for row in rows] == ["Práctica A", "Informe externo"]
    assert rows[0]["section"] == "Semana 1" and rows[0]["evidence_strength"] == "3"
    assert rows[0]["note"] == "'=Leer con atención"  # formula-safe
    assert rows[1]["kind"] == "external" and rows[1]["author"] == "BID"

    response = client.get(f"/en/reading-lists/{reading_list.pk}/?format=pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages
    )
    for expected in (
        "Curso de prevención",
        "Learning objectives",
        "Comparar diseños.",
        "Semana 1",
        "Práctica A",
        "Leer con atención",
        "Informe externo",
        "Evidence 3/5",
    ):
        assert expected in text


def test_the_demo_trainer_has_two_public_lists(client, site_roles, settings):
    from practices.demo import load_demo

    settings.ALLOW_DEMO_ACCOUNTS = True
    load_demo()
    lists = ReadingList.objects.public().filter(owner__username="trainer")
    assert lists.count() == 2
    for reading_list in lists:
        practices = reading_list.items.filter(kind="practice")
        assert practices.count() >= 6
        assert reading_list.sections.count() >= 2
        assert all(item.note for item in reading_list.items.all())
    load_demo()  # idempotent
    assert ReadingList.objects.filter(owner__username="trainer").count() == 2
