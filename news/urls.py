"""URLs of the news app that hang off a kern's URL; included before Wagtail's catch-all."""

from django.urls import path

from news import views

app_name = "news"

urlpatterns = [
    path("<slug:kern_slug>/rss/", views.rss, {"tail": "rss/"}, name="kern_rss"),
    path("<slug:kern_slug>/atom/", views.atom, {"tail": "atom/"}, name="kern_atom"),
    path("<slug:kern_slug>/werkzaamheden.ics", views.kern_calendar, name="kern_calendar"),
]
