from django.apps import AppConfig


class ReadingListsConfig(AppConfig):
    name = "reading_lists"
    verbose_name = "Reading lists"
