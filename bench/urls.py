"""The portal's URLs plus the trivial view the benchmark measures as the stack's ceiling.

The portal's patterns are copied rather than included: they end in ``i18n_patterns``, which
Django allows only in a root URLconf."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ok/", ok, name="bench_ok"), *portal_urlpatterns]
