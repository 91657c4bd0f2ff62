"""The demo corpus: real practices, broad coverage, loaded idempotently."""

import json
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

import pytest

from practices.demo import DEMO_ACCOUNTS, DemoDataError, load_demo, read_practices
from practices.models import CaseStudyPage, GovernmentLevel, PolicyArea

CORPUS = read_practices()


def snapshot():
    """Everything a reader sees of the corpus, to compare two loads."""
    rows = []
    for page in CaseStudyPage.objects.live().order_by("slug"):
        rows.append(
            (
                page.slug,
                page.title,
                page.summary,
                page.evidence_strength,
                page.country,
                tuple(page.sectors.values_list("slug", flat=True).order_by("slug")),
                tuple(page.levels_of_government.values_list("slug", flat=True).order_by("slug")),
                tuple(page.sources.values_list("title", flat=True)),
                tuple(page.evaluations.values_list("design", "result")),
                page.adapted_from.slug if page.adapted_from else None,
                json.dumps(list(page.intervention.raw_data), sort_keys=True),
            )
        )
    return rows


def test_corpus_covers_the_region_levels_policy_areas_and_evidence_scale():
    assert len(CORPUS) >= 30
    assert len({p["country"] for p in CORPUS}) >= 12
    levels = {slug for p in CORPUS for slug in p["levels_of_government"]}
    assert levels == {"national", "state-provincial", "municipal", "community"}
    areas = {slug for p in CORPUS for slug in p["policy_areas"]}
    assert areas == {
        "social-prevention",
        "situational-prevention",
        "community-prevention",
        "control-policing",
        "justice",
        "rehabilitation-reintegration",
        "institutional-management",
    }
    assert {p["evidence_strength"] for p in CORPUS} == {1, 2, 3, 4, 5}


@pytest.mark.parametrize("practice", CORPUS, ids=[p["slug"] for p in CORPUS])
def test_every_practice_cites_sources_and_stays_within_its_evidence(practice):
    assert practice["sources"], "every practice cites at least one published source"
    assert all(source["title"] for source in practice["sources"])
    assert len(practice["summary"]) <= 600
    designs = {evaluation["design"] for evaluation in practice["evaluations"]}
    if practice["evidence_strength"] == 1:
        assert not designs & {"rct", "quasi-experimental", "systematic-review"}
    if practice["evidence_strength"] == 4:
        assert "rct" in designs
    if practice["evidence_strength"] >= 3:
        assert practice["evaluations"], "a rated design needs the evaluation behind it"


@pytest.mark.django_db
def test_load_demo_twice_gives_the_same_corpus():
    first = load_demo()
    assert len(first.created) == len(CORPUS)
    before = snapshot()
    second = load_demo()
    assert second.created == []
    assert len(second.updated) == len(CORPUS)
    assert snapshot() == before
    assert CaseStudyPage.objects.count() == len(CORPUS)
    assert get_user_model().objects.filter(username__in=[a[0] for a in DEMO_ACCOUNTS]).count() == 3


@pytest.mark.django_db
def test_demo_loads_every_level_and_policy_area_into_the_database():
    load_demo(with_accounts=False)
    for field, model in (("levels_of_government", GovernmentLevel), ("policy_areas", PolicyArea)):
        for term in model.objects.all():
            assert CaseStudyPage.objects.filter(**{field: term}).exists(), term


@pytest.mark.django_db
def test_demo_accounts_can_log_in_with_the_documented_passwords(client):
    load_demo()
    for username, password, group, *_ in DEMO_ACCOUNTS:
        assert client.login(username=username, password=password)
        assert get_user_model().objects.get(username=username).groups.get().name == group


@pytest.mark.django_db
def test_demo_accounts_are_never_created_when_settings_forbid_them(settings):
    settings.ALLOW_DEMO_ACCOUNTS = False
    with pytest.raises(ImproperlyConfigured):
        load_demo()
    # The failed load rolled back as a whole: no half-loaded corpus.
    assert not CaseStudyPage.objects.exists()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo accounts not created" in out.getvalue()
    assert not get_user_model().objects.filter(username="editor").exists()
    assert CaseStudyPage.objects.count() == len(CORPUS)


@pytest.mark.django_db
def test_a_broken_practice_file_is_reported_by_name_and_nothing_is_loaded(tmp_path):
    good = CORPUS[0]
    (tmp_path / f"{good['slug']}.json").write_text(json.dumps(good))
    bad = {**CORPUS[1], "country": "US"}
    (tmp_path / f"{bad['slug']}.json").write_text(json.dumps(bad))
    with pytest.raises(DemoDataError, match=bad["slug"]):
        load_demo(tmp_path, with_accounts=False)
    assert not CaseStudyPage.objects.exists()


@pytest.mark.django_db
def test_the_command_reports_bad_data_as_a_command_error(tmp_path, monkeypatch):
    (tmp_path / "wrong-name.json").write_text(json.dumps({**CORPUS[0]}))
    monkeypatch.setattr("practices.demo.DEMO_DIR", tmp_path)
    with pytest.raises(CommandError, match="does not match the file name"):
        call_command("load_demo")
