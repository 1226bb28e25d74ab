from django.urls import path

from . import views

app_name = "safeguarding"

urlpatterns = [
    path("visits/<int:pk>/", views.visit_detail, name="visit-detail"),
    path("concerns/raise/", views.concern_raise, name="concern-raise"),
]
