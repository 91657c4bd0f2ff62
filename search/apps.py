from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "practice_search"
    verbose_name = "Search"

    def ready(self):
        from search import signals

        signals.connect()
