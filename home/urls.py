"""Wagtail's front-end URLs (``wagtail.urls``) with its page view replaced by
``home.views.serve`` and its page password form by ``home.views.authenticate_with_password``
(the same view, with a limit on guesses)."""

from django.urls import path, re_path

from wagtail import urls as wagtail_urls

from home import views

REPLACED = {"wagtail_serve", "wagtailcore_authenticate_with_password"}

urlpatterns = [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name not in REPLACED),
    re_path(wagtail_urls.serve_pattern, views.serve, name="wagtail_serve"),
]
