"""URLs for tests/test_page_head.py: the site's own, with its 500 handler, plus a view that
fails in every language (/fout/, /en/fout/, /pl/fout/)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from portal.urls import handler500  # noqa: F401
from portal.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    *i18n_patterns(path("fout/", broken), prefix_default_language=False),
    *site_urlpatterns,
]
