"""A contributor writes a case study in the guided form, leaves, resumes, submits; the editors
publish it; hostile markup typed into the form never runs in a reader's browser."""

import pytest

from practices.models import CaseStudyIndexPage
from practices.roles import ensure_roles
from practices.site_tree import ensure_site_tree
from submissions.models import Submission
from tests.factories import OrganisationFactory, UserFactory, contributor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "una-clave-segura-2026"
PAYLOADS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss = 2">',
    '<svg onload="window.__xss = 3"><circle r=5></svg>',
    '<a href="javascript:window.__xss = 4">a link to click</a>',
    '<a href="&#106;avascript:window.__xss=5">encoded link</a>',
    '<iframe srcdoc="<script>parent.__xss = 6</script>"></iframe>',
    '<details open ontoggle="window.__xss = 7"><summary>x</summary></details>',
    '<p style="background:url(javascript:window.__xss=8)" onclick="window.__xss=9">styled</p>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=10">',
    "<scr<script>ipt>window.__xss = 11</script>",
]


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/submissions/")


def check(page, field, values):
    for value in values:
        page.locator(f"input[name={field}][value='{value}']").check()


def fill_basics(page, organisation):
    page.fill("#id_summary", "Street mediators and youth jobs in six barrios of Bucaramanga.")
    page.select_option("#id_organisation", str(organisation.pk))
    page.select_option("#id_country", "CO")
    page.fill("#id_city", "Bucaramanga")
    check(page, "levels_of_government", ["municipal"])
    check(page, "sectors", ["policing"])
    check(page, "policy_areas", ["social-prevention"])


def continue_(page, heading):
    page.get_by_role("button", name="Save and continue →").click()
    page.wait_for_selector(f"h1:text-is('{heading}')")


def write_case_study(page, live_server, organisation, problem, screenshot=None):
    page.get_by_role("button", name="Start a new case study").click()
    page.wait_for_url("**/basics/")
    page.fill("#id_title", "Barrios de Paz (Peace Neighbourhoods)")
    fill_basics(page, organisation)
    continue_(page, "Context and problem")
    page.fill("#id_problem", problem)
    page.fill("#id_objectives", "<p>Fewer fights.</p>")
    continue_(page, "Intervention")
    page.fill("#id_intervention", "<p>Mediators every evening.</p>")
    continue_(page, "Evidence and evaluations")
    continue_(page, "Implementation and costs")
    page.fill("#id_start_year", "2015")
    page.check("#id_ongoing")
    page.select_option("#id_status", "active")
    page.fill("#id_actors-0-name", "Alcaldía de Bucaramanga")
    page.select_option("#id_actors-0-actor_type", "subnational-government")
    page.select_option("#id_actors-0-role", "lead")
    if screenshot:
        screenshot("submission-step")
    continue_(page, "Sources")
    page.fill("#id_sources-0-title", "Informe de gestión 2018")
    continue_(page, "Images and documents")
    continue_(page, "Review and submit")


def setup_people():
    home = ensure_site_tree()
    ensure_roles(home, CaseStudyIndexPage.objects.get())
    organisation = OrganisationFactory(name="Fundación Barrios")
    author = contributor(organisation, username="carla")
    editor = UserFactory(username="elena", roles=["Editor"])
    return organisation, author, editor


def test_write_leave_resume_and_submit(live_server, page, screenshot):
    organisation, _author, _editor = setup_people()
    log_in(page, live_server, "carla")
    page.get_by_role("button", name="Start a new case study").click()
    page.wait_for_url("**/basics/")
    page.fill("#id_title", "Barrios de Paz (Peace Neighbourhoods)")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_selector(".message--success")

    # Continuing with the step incomplete shows messages at the fields, and keeps what was typed.
    page.fill("#id_city", "Bucaramanga")
    page.get_by_role("button", name="Save and continue →").click()
    page.wait_for_selector(".field__error")
    assert page.locator("#id_city").input_value() == "Bucaramanga"
    screenshot("submission-errors")

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Your case studies").click()
    row = page.locator("tr", has_text="Barrios de Paz")
    assert row.locator(".status").inner_text() == "Draft"
    row.get_by_role("link", name="Continue").click()
    assert page.locator("#id_title").input_value() == "Barrios de Paz (Peace Neighbourhoods)"
    fill_basics(page, organisation)
    continue_(page, "Context and problem")
    page.goto(f"{live_server.url}/submissions/")
    submission = Submission.objects.get()
    page.goto(f"{live_server.url}/submissions/{submission.pk}/review/")
    assert page.locator(".message--error li").count() >= 3  # context, intervention, implementation, sources
    page.goto(f"{live_server.url}/submissions/")
    page.get_by_role("button", name="Start a new case study").click()
    page.wait_for_url("**/basics/")
    page.goto(f"{live_server.url}/submissions/")
    assert page.locator("tbody tr").count() == 2


def test_markup_typed_into_the_form_never_runs(live_server, page, screenshot):
    organisation, _author, editor = setup_people()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, live_server, "carla")
    problem = "<p>Youth homicides in six barrios.</p>" + "".join(PAYLOADS)
    write_case_study(page, live_server, organisation, problem, screenshot)
    screenshot("submission-review")
    assert page.evaluate("window.__xss") is None
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_selector("[data-status=in-review]")

    submission = Submission.objects.get()
    page_object = submission.page.specific
    task_state = page_object.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")
    page_object.refresh_from_db()
    assert page_object.live

    page.goto(live_server.url + page_object.url)
    for link in page.locator(".rich-text a").all():
        link.click(no_wait_after=True)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    problem_html = page.locator("section[aria-labelledby=problem] .rich-text").inner_html()
    assert "Youth homicides in six barrios." in problem_html
    for forbidden in ("<script", "onerror", "javascript:", "<iframe", "<svg", "&lt;script"):
        assert forbidden not in problem_html.lower()
