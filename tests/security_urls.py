"""URLs for tests/test_security_headers.py: the site's own plus one view that fails."""


def broken(request):
    raise RuntimeError("a bug")


def token(request):
    """A page with a CSRF token and no database: the production request test uses it."""
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    get_token(request)
    return HttpResponse("ok")


from django.urls import path  # noqa: E402

from portal.urls import urlpatterns as site_urlpatterns  # noqa: E402

urlpatterns = [path("fout/", broken), path("token/", token), *site_urlpatterns]
