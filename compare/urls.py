from django.urls import path

from compare import views

app_name = "compare"
urlpatterns = [
    path("", views.compare, name="compare"),
    path("tray/add/", views.tray_add, name="tray_add"),
    path("tray/remove/", views.tray_remove, name="tray_remove"),
    path("tray/clear/", views.tray_clear, name="tray_clear"),
]
