"""Bulk indexing for commands that write a lot (``load_demo``): what is saved inside
``deferred_indexing()`` is found by search afterwards, with its tags, and saves after the block
are indexed at once again."""

from django.utils import timezone

import pytest

from kernen.indexing import deferred_indexing
from news.factories import NewsPageFactory
from news.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def found(client, words):
    return client.get("/zoeken/", {"q": words}).content.decode()


def news(kern, title, **fields):
    index = NewsIndexPage.objects.child_of(kern).get()
    return NewsPageFactory(parent=index, title=title, date=timezone.localdate(), **fields)


def test_pages_saved_in_the_block_are_found_afterwards_with_their_tags(client, beesd):
    with deferred_indexing():
        item = news(beesd, "Speeltuin weer open", tags=["kabelbaan"])
        unpublished = news(beesd, "Concept over de kabelbaan", draft=True)

    assert f'href="{item.url}"' in found(client, "speeltuin")
    # Tags were saved after the page; the one index write at the end sees them.
    assert f'href="{item.url}"' in found(client, "kabelbaan")
    assert "Concept over de kabelbaan" not in found(client, "kabelbaan")
    assert unpublished.pk


def test_a_page_deleted_in_the_block_is_not_found(client, beesd):
    with deferred_indexing():
        gone = news(beesd, "Oude mededeling over de brug")
        gone.delete()

    assert "Oude mededeling" not in found(client, "brug")


def test_saves_after_the_block_are_indexed_at_once_again(client, beesd):
    with deferred_indexing():
        pass

    item = news(beesd, "Nieuwe bankjes langs de Linge")

    assert f'href="{item.url}"' in found(client, "bankjes")


def test_nothing_is_indexed_when_the_block_fails(client, beesd):
    with pytest.raises(RuntimeError), deferred_indexing():
        news(beesd, "Half geladen pagina over de molen")
        raise RuntimeError

    assert "Half geladen" not in found(client, "molen")


def test_a_backend_that_keeps_paths_gets_the_moved_pages_as_their_own_types(beesd, monkeypatch):
    """A herindeling (kernen.herindeling.move.reindex) gives Elasticsearch the moved pages
    again; the database backend filters on the page table and needs nothing."""
    from kernen.herindeling import move

    class PathKeepingBackend:
        def __init__(self):
            self.added = {}

        def add_bulk(self, model, objects):
            self.added.setdefault(model, []).extend(objects)

    backend = PathKeepingBackend()
    monkeypatch.setattr(move, "get_search_backends", lambda with_auto_update: [backend])
    monkeypatch.setattr(move, "stores_paths", lambda backend: True)
    item = news(beesd, "Verhuisd bericht")

    move.reindex([beesd.pk, item.pk])

    assert {model.__name__ for model in backend.added} == {"KernPage", "NewsPage"}
    assert [page.pk for page in backend.added[type(item)]] == [item.pk]
