from django.urls import path

from search import views

app_name = "search_api"
urlpatterns = [
    path("search/", views.api_search, name="search"),
    path("search/autocomplete/", views.api_autocomplete, name="autocomplete"),
    path("schema/", views.api_schema, name="schema"),
]
