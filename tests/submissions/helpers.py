"""Filling in the guided submission through its real views, step by step."""

from submissions.models import Submission

BASICS = {
    "title": "Programa Barrios de Paz (Peace Neighbourhoods Programme)",
    "summary": "A municipal programme that paired street mediators with youth employment in six barrios.",
    "original_language": "es",
    "country": "CO",
    "city": "Bucaramanga",
    "levels_of_government": ["municipal"],
    "sectors": ["policing", "social-development"],
    "policy_areas": ["social-prevention"],
    "themes": ["youth-violence"],
    "target_populations": ["youth"],
}
CONTEXT = {
    "problem": "<p>Youth homicides concentrated in six barrios.</p>",
    "objectives": "<ul><li>Fewer fights between youth groups.</li></ul>",
}
INTERVENTION = {"intervention": "<p>Mediators worked every evening with the municipal employment office.</p>"}
IMPLEMENTATION = {
    "start_year": "2015",
    "ongoing": "on",
    "status": "active",
    "policy_cycle_stages": ["design"],
}


def management(prefix: str, total: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def rows(prefix: str, items: list[dict]) -> dict:
    data = management(prefix, len(items))
    for index, item in enumerate(items):
        data.update({f"{prefix}-{index}-{key}": value for key, value in item.items()})
    return data


def post_step(client, submission, step, data, action="continue"):
    return client.post(f"/en/submissions/{submission.pk}/{step}/", {**data, "action": action})


def start(client) -> Submission:
    response = client.post("/en/submissions/new/")
    assert response.status_code == 302, response
    return Submission.objects.latest("pk")


def fill_all(client, submission, organisation, title=None):
    basics = {**BASICS, "organisation": organisation.pk, **({"title": title} if title else {})}
    answers = [
        ("basics", basics),
        ("context", CONTEXT),
        ("intervention", INTERVENTION),
        (
            "evidence",
            rows(
                "evaluations",
                [
                    {
                        "design": "before-after",
                        "year": "2018",
                        "evaluators": "Universidad Industrial de Santander",
                        "outcome_measured": "Youth homicides",
                        "result": "Not reported as a rate; the report describes fewer incidents.",
                    }
                ],
            ),
        ),
        (
            "implementation",
            {
                **IMPLEMENTATION,
                **rows(
                    "actors",
                    [
                        {
                            "name": "Alcaldía de Bucaramanga",
                            "actor_type": "subnational-government",
                            "role": "lead",
                        }
                    ],
                ),
            },
        ),
        (
            "sources",
            rows("sources", [{"title": "Informe de gestión 2018", "authors": "Alcaldía", "year": "2018"}]),
        ),
        ("media", {}),
    ]
    for step, data in answers:
        response = post_step(client, submission, step, data)
        assert response.status_code == 302, (step, response.content.decode()[:3000])
    submission.refresh_from_db()
    return submission
