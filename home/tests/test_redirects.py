"""The portal's redirect middleware: Wagtail's redirects keep the query string, and a 404 that
no redirect matched asks the ``redirect_fallbacks`` hook."""

from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect

import pytest

pytestmark = pytest.mark.django_db


def to_archive(request):
    if request.path.startswith("/oud-archief/"):
        return "http://testserver/nieuws/" + request.path[len("/oud-archief/") :]
    return None


def test_a_wagtail_redirect_keeps_the_query_string(client, municipality):
    Redirect.objects.create(old_path="/oude-nieuwspagina", redirect_link="/nieuws/")

    response = client.get("/oude-nieuwspagina/?pagina=2")

    assert response.status_code == 301
    assert response["Location"] == "/nieuws/?pagina=2"


def test_a_404_goes_where_a_fallback_says(client, municipality):
    with hooks.register_temporarily("redirect_fallbacks", to_archive):
        response = client.get("/oud-archief/2019/")

    assert response.status_code == 301
    assert response["Location"] == "http://testserver/nieuws/2019/"


def test_a_fallback_is_not_asked_for_a_page_that_exists_nor_for_a_post(client, municipality):
    asked = []

    def record(request):
        asked.append(request.path)
        return "http://testserver/elders/"

    with hooks.register_temporarily("redirect_fallbacks", record):
        assert client.get("/").status_code == 200
        assert client.post("/bestaat-niet/").status_code == 404

    assert asked == []


def test_without_a_fallback_a_missing_page_stays_404(client, municipality):
    with hooks.register_temporarily("redirect_fallbacks", to_archive):
        assert client.get("/bestaat-niet/").status_code == 404
