"""Content for the search tests: plain Wagtail pages below kernen, and view restrictions."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.utils.text import slugify

from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

import pytest

from home.factories import PageFactory
from search.engine import uses_postgres_index
from tests.snapshots import snapshot

on_postgres_index = uses_postgres_index()
on_elasticsearch = "elasticsearch" in settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]

needs_stemming = pytest.mark.skipif(
    not (on_postgres_index or on_elasticsearch),
    reason="SQLite's full-text search has no Dutch stemming (see the README); this runs on "
    "PostgreSQL and Elasticsearch",
)
needs_compounds = pytest.mark.skipif(
    not on_postgres_index,
    reason="compound words are matched through the site's vocabulary on PostgreSQL only "
    f"({connection.vendor} search here, see docs/search.md)",
)
needs_postgres_ranking = pytest.mark.skipif(
    not on_postgres_index,
    reason="the ranking of search.engine is PostgreSQL's; other backends rank their own way "
    f"({connection.vendor} search here)",
)


@pytest.fixture(autouse=True)
def elasticsearch_index(monkeypatch):
    """With Elasticsearch: an empty index for each test, refreshed after every change so that
    a page is searchable as soon as it is saved (as it is with the database backend)."""
    if not on_elasticsearch:
        yield None
        return
    backend = get_search_backend()
    index_class = backend.index_class
    for name in ("add_item", "add_items", "delete_item"):
        original = getattr(index_class, name)

        def refreshing(self, *args, _original=original, **kwargs):
            result = _original(self, *args, **kwargs)
            self.refresh()
            return result

        monkeypatch.setattr(index_class, name, refreshing)
    backend.reset_indexes()
    yield backend


@pytest.fixture
def add_page():
    """Publish a plain page titled ``title`` below ``parent``."""

    def add(parent, title, slug=None, **fields):
        slug = slug or slugify(title)[:80]
        return PageFactory(parent=parent, title=title, slug=slug, revision=False, **fields)

    return add


@pytest.fixture
def restrict():
    """Put ``page`` (and its subtree) behind a view restriction: for ``groups`` when given,
    otherwise for every logged-in user."""

    def restrict_page(page, *groups):
        if groups:
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.GROUPS
            )
            restriction.groups.set(groups)
        else:
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.LOGIN
            )
        return restriction

    return restrict_page


@pytest.fixture
@snapshot
def board_group(db):
    return Group.objects.create(name="Heukelum – besloten groep")
