"""A trainer builds a two-section reading list from the search, reorders it with the keyboard,
writes notes and shares the secret link; an anonymous participant opens it."""

import pytest

from practices.demo import load_demo
from reading_lists.models import ReadingList
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "una-clave-segura-2026"


def test_trainer_builds_and_shares_a_list(live_server, page, browser, screenshot):
    load_demo(with_accounts=False)
    UserFactory(username="teresa", first_name="Teresa", roles=["Trainer"])
    page.goto(f"{live_server.url}/accounts/login/?next=/en/reading-lists/")
    page.fill("#id_username", "teresa")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/reading-lists/")
    page.get_by_role("link", name="New reading list").click()
    page.fill("#id_title", "Curso: policía orientada a lugares")
    page.fill("#id_audience", "secretarías de seguridad municipales")
    page.check("input[name=visibility][value=unlisted]")
    page.get_by_role("button", name="Create list").click()
    page.wait_for_url("**/edit/")
    for title in ("Semana 1 — puntos calientes", "Semana 2 — cuadrantes"):
        page.locator("#sections input[name=title]").fill(title)
        page.get_by_role("button", name="Add section").click()
        page.wait_for_load_state()
    edit_url = page.url.split("#")[0]

    # From the search: three practices into the list.
    page.goto(f"{live_server.url}/search/?q=hot+spots")
    for i in range(2):
        result = page.locator(".result").nth(i)
        result.locator("form.add-to-list select").select_option(label="Curso: policía orientada a lugares")
        result.locator("form.add-to-list").get_by_role("button", name="Add").click()
        page.wait_for_selector(".message--success")
    page.goto(f"{live_server.url}/search/?q=cuadrante")
    result = page.locator(".result").first
    result.locator("form.add-to-list select").select_option(label="Curso: policía orientada a lugares")
    result.locator("form.add-to-list").get_by_role("button", name="Add").click()
    page.wait_for_selector(".message--success")

    reading_list = ReadingList.objects.get()
    titles = [item.title for item in reading_list.ordered_items()]
    assert len(titles) == 3

    # Keyboard only: focus "Move down" and press Enter until readings sit in the sections.
    page.goto(edit_url)
    # t2 into section 1; t1 into section 1 above it; t2 down past t1 and into section 2.
    for title, presses in ((titles[2], 1), (titles[1], 1), (titles[2], 2)):
        for _ in range(presses):
            button = page.get_by_role("button", name=f"Move {title} down")
            button.focus()
            page.keyboard.press("Enter")
            page.wait_for_load_state()
    grouped = [
        (section.title if section else None, [item.title for item in items])
        for section, items in ReadingList.objects.get().grouped()
    ]
    assert grouped[0] == (None, [titles[0]])
    assert grouped[1][0] == "Semana 1 — puntos calientes" and grouped[2][0] == "Semana 2 — cuadrantes"
    assert sorted(grouped[1][1] + grouped[2][1]) == sorted(titles[1:])
    assert grouped[1][1] and grouped[2][1]

    first = ReadingList.objects.get().ordered_items()[0]
    page.fill(f"#note-{first.pk}", "<p>Lean el diseño del experimento antes de la sesión.</p>")
    page.locator(f"#item-{first.pk}").get_by_role("button", name="Save note").click()
    page.wait_for_selector(".message--success")
    screenshot("reading-list-editor")
    share_url = page.locator("#share-url").input_value()
    assert "/en/reading-lists/shared/" in share_url

    # An anonymous participant with the link reads it; without the link there is nothing.
    context = browser.new_context()
    visitor = context.new_page()
    visitor.goto(share_url)
    assert visitor.locator("h1").inner_text() == "Curso: policía orientada a lugares"
    assert visitor.locator(".reading").count() == 3
    assert "Lean el diseño del experimento" in visitor.locator(".reading__note").first.inner_text()
    screenshot_page = visitor
    screenshot_page.screenshot(
        path=str(screenshot("reading-list-share", full_page=False).with_name("reading-list-share.png"))
    )
    response = visitor.goto(f"{live_server.url}/reading-lists/{reading_list.pk}/")
    assert response.status == 404
    assert "Curso: policía" not in visitor.goto(f"{live_server.url}/reading-lists/").text()
    context.close()
