from django.urls import path

from reading_lists import views

app_name = "reading_lists"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("add/", views.add, name="add"),
    path("shared/<str:token>/", views.shared, name="shared"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/duplicate/", views.duplicate, name="duplicate"),
]
