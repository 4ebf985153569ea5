"""Content for the search tests: plain Wagtail pages below kernen, and view restrictions."""

from django.contrib.auth.models import Group
from django.db import connection
from django.utils.text import slugify

from wagtail.models import Page, PageViewRestriction

import pytest

on_postgres = connection.vendor == "postgresql"
postgres_only = pytest.mark.skipif(
    not on_postgres,
    reason="SQLite's full-text search has no Dutch stemming and no compound matching "
    "(see the README); this runs on PostgreSQL",
)


@pytest.fixture
def add_page():
    """Publish a plain page titled ``title`` below ``parent``."""

    def add(parent, title, slug=None, **fields):
        page = Page(title=title, slug=slug or slugify(title)[:80], **fields)
        parent.add_child(instance=page)
        return page

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
def board_group(db):
    return Group.objects.create(name="Heukelum – bestuur")
