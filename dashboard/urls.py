from django.urls import path

from dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("evidence-map/", views.evidence_map, name="evidence_map"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
