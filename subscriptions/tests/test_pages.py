"""The other public pages of "Blijf op de hoogte" render, with a pinned number of queries that
does not grow with the number of kernen chosen."""

from django.urls import reverse

import pytest

from subscriptions.tokens import Request, make_confirm_token, make_unsubscribe_token
from tests.test_settings import run_django_check

pytestmark = pytest.mark.django_db

SENT_PAGE_QUERIES = 1  # the site; the menu and the footer settings from the cache
CONFIRM_PAGE_QUERIES = 3  # + the link (its address and choices) + the chosen kernen
UNSUBSCRIBE_PAGE_QUERIES = 2  # site, the subscriber (menu and footer settings: cached)


def test_the_sent_page(client, beesd, count_queries):
    response, queries = count_queries(client, reverse("subscriptions:sent"))

    assert response.status_code == 200
    assert "De link werkt 72 uur." in response.content.decode()
    assert queries == SENT_PAGE_QUERIES


def test_the_confirm_page_shows_the_choices_at_any_number_of_kernen(
    client, beesd, make_kern, count_queries
):
    one = make_confirm_token(Request("jan@example.nl", (beesd.pk,), ("nieuws",)))
    kernen = [beesd] + [make_kern(name) for name in ("Tuil", "Deil", "Enspijk", "Rumpt")]
    many = make_confirm_token(
        Request("jan@example.nl", tuple(kern.pk for kern in kernen), ("nieuws", "activiteiten"))
    )

    response, few_queries = count_queries(client, reverse("subscriptions:confirm", args=[one]))
    assert response.status_code == 200
    assert "Kernen: Beesd" in response.content.decode()
    response, many_queries = count_queries(client, reverse("subscriptions:confirm", args=[many]))

    html = response.content.decode()
    assert "Kernen: Beesd, Deil, Enspijk, Rumpt, Tuil" in html
    assert "Soorten: Nieuws, Activiteiten" in html
    assert few_queries == many_queries == CONFIRM_PAGE_QUERIES


def test_the_unsubscribe_page(client, beesd, make_subscriber, count_queries):
    subscriber = make_subscriber("jan@example.nl", [beesd], ["nieuws"])
    url = reverse("subscriptions:unsubscribe", args=[make_unsubscribe_token(subscriber.pk)])

    response, queries = count_queries(client, url)

    assert response.status_code == 200
    assert "Wil je geen e-mail meer op jan@example.nl?" in response.content.decode()
    assert queries == UNSUBSCRIBE_PAGE_QUERIES


@pytest.mark.slow
def test_production_starts_with_the_database_task_backend():
    result = run_django_check(
        "portal.settings.production",
        SECRET_KEY="x" * 30 + "-a-real-random-value-of-50-plus",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
    )

    assert result.returncode == 0, result.stderr
