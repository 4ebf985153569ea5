"""Fixtures for the kernen app's tests: inspiration stories and admin form data."""

import datetime

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from kernen.factories import InspirationPageFactory
from kernen.models import InspirationIndexPage, InspirationOverviewPage


@pytest.fixture
def make_story():
    """Publish a story in ``kern``'s inspiration section."""

    def make(kern, title, themes=(), *, date=None, photos=0, publish=True, **fields):
        return InspirationPageFactory(
            parent=InspirationIndexPage.objects.child_of(kern).get(),
            title=title,
            date=date or datetime.date(2026, 6, 1),
            tags=themes,
            photos=photos,
            photo_collection=kern.collection if photos else None,
            draft=not publish,
            **fields,
        )

    return make


@pytest.fixture
def overview(municipality):
    return InspirationOverviewPage.objects.child_of(municipality).get()


def story_fields(title, slug, **extra):
    """The fields of the admin's create/edit form of an inspiration story (before
    ``nested_form_data``)."""
    return {
        "title": title,
        "slug": slug,
        "date": "2026-06-01",
        "intro": "Een korte samenvatting.",
        "tags": "groen",
        "body": rich_text("<p>Wat we deden.</p>"),
        "approach": rich_text(""),
        "cost": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "gallery_images": inline_formset([]),
        "comments": inline_formset([]),
        **extra,
    }


def story_form_data(title, slug, **extra):
    """POST data of the admin's create/edit form of an inspiration story."""
    return nested_form_data(story_fields(title, slug, **extra))
