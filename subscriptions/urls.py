from django.urls import path

from subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("verstuurd/", views.sent, name="sent"),
    path("bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
