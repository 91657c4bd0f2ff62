from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = "Case-study submissions"

    def ready(self):
        from submissions import signals  # noqa: F401
