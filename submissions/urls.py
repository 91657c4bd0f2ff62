from django.urls import path

from submissions import views

app_name = "submissions"
urlpatterns = [
    path("", views.submission_list, name="list"),
    path("new/", views.submission_new, name="new"),
    path("review-queue/", views.review_queue, name="queue"),
    path("<int:pk>/", views.submission_detail, name="detail"),
    path("<int:pk>/review/", views.submission_review, name="review"),
    path("<int:pk>/<slug:step>/", views.submission_step, name="step"),
]
