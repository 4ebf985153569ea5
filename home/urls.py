"""Wagtail's front-end URLs (``wagtail.urls``) with its page view replaced by
``home.views.serve``."""

from django.urls import re_path

from wagtail import urls as wagtail_urls

from home import views

urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, views.serve, name="wagtail_serve"),
]
