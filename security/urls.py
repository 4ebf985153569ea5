from django.urls import path

from security import views

urlpatterns = [
    path("code/", views.verify, name="security_verify"),
    path("instellen/", views.enrol, name="security_enrol"),
]
