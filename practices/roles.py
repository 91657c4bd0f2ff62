"""The site's roles as groups with permissions. Idempotent: safe to run on every deploy."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

ADMINISTRATOR = "Administrator"
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
    ("organisations", "membership"),
]
REVIEW_WORKFLOW = "Editorial review"
REVIEW_TASK = "Editor review"


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

    # Contributors work only through the public submission form, never in the admin: there they could
    # list other organisations' drafts. Earlier installations granted admin access; take it back.
    contributor, _ = Group.objects.get_or_create(name=CONTRIBUTOR)
    contributor.permissions.remove(admin_access)
    GroupPagePermission.objects.filter(group=contributor).delete()
    GroupCollectionPermission.objects.filter(group=contributor).delete()

    # Trainers curate reading lists on the public site, not in the admin.
    trainer, _ = Group.objects.get_or_create(name=TRAINER)

    # Administrators do everything editors do, and manage people and site settings.
    administrator, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    administrator.permissions.set(editor.permissions.all())
    administrator.permissions.add(
        *Permission.objects.filter(content_type__app_label="auth"),
        *Permission.objects.filter(content_type__app_label="wagtailcore", codename__endswith="_workflow"),
        *Permission.objects.filter(content_type__app_label="wagtailcore", codename__endswith="_task"),
    )
    _grant_pages(administrator, home_page, ["add", "change", "publish", "lock", "unlock", "bulk_delete"])
    for model in ("image", "document"):
        _grant_collection(administrator, ["add", "change", "choose", "delete"], model)

    ensure_review_workflow(case_study_index, [editor, administrator])
    return {ADMINISTRATOR: administrator, EDITOR: editor, CONTRIBUTOR: contributor, TRAINER: trainer}


def ensure_review_workflow(case_study_index: Page, reviewers: list[Group]) -> Workflow:
    """Every case study goes through one editor's (or administrator's) approval before it is published."""
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
    task.groups.set(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=case_study_index, defaults={"workflow": workflow})
    return workflow
