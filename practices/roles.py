"""The site's roles as groups with permissions. Idempotent: safe to run on every deploy."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITOR = "Editor"
CONTRIBUTOR = "Contributor"
TRAINER = "Trainer"

SNIPPET_MODELS = [
    ("practices", "sector"),
    ("practices", "policyarea"),
    ("practices", "theme"),
    ("practices", "targetpopulation"),
    ("practices", "governmentlevel"),
    ("organisations", "organisation"),
]


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group: Group, page: Page, actions: list[str]) -> None:
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", f"{action}_page")
        )


def _grant_collection(group: Group, actions: list[str], model: str) -> None:
    root = Collection.get_first_root_node()
    app_label = "wagtailimages" if model == "image" else "wagtaildocs"
    for action in actions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(app_label, f"{action}_{model}")
        )


@transaction.atomic
def ensure_roles(home_page: Page, case_study_index: Page) -> dict[str, Group]:
    admin_access = _permission("wagtailadmin", "access_admin")

    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.add(admin_access)
    _grant_pages(editor, home_page, ["add", "change", "publish", "lock", "unlock"])
    for model in ("image", "document"):
        _grant_collection(editor, ["add", "change", "choose", "delete"], model)
    for app_label, model in SNIPPET_MODELS:
        ContentType.objects.get_by_natural_key(app_label, model)
        editor.permissions.add(
            *(_permission(app_label, f"{action}_{model}") for action in ("add", "change", "delete", "view"))
        )

    # Contributors draft and submit for review; only editors publish.
    contributor, _ = Group.objects.get_or_create(name=CONTRIBUTOR)
    contributor.permissions.add(admin_access)
    _grant_pages(contributor, case_study_index, ["add"])
    for model in ("image", "document"):
        _grant_collection(contributor, ["add", "choose"], model)

    # Trainers curate reading lists on the public site, not in the admin.
    trainer, _ = Group.objects.get_or_create(name=TRAINER)

    return {EDITOR: editor, CONTRIBUTOR: contributor, TRAINER: trainer}
