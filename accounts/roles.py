"""Questions about a person's role, asked in one place."""

EDITOR_GROUPS = ("Editor", "Administrator")
CURATOR_GROUPS = ("Trainer", *EDITOR_GROUPS)


def _in_groups(user, groups) -> bool:
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name__in=groups).exists())


def is_editor(user) -> bool:
    """Editors and administrators review, publish and may edit anything people submit."""
    return _in_groups(user, EDITOR_GROUPS)


def can_curate(user) -> bool:
    """Trainers make reading lists; editors and administrators may too."""
    return _in_groups(user, CURATOR_GROUPS)
