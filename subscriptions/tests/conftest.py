"""Fixtures for the subscription tests: digest sources built on plain Wagtail pages, so that
every part of the digest is tested without the news and events apps."""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

from wagtail.models import Page

import pytest

from home.factories import PageFactory
from subscriptions.constants import Kind
from subscriptions.factories import SubscriberFactory
from subscriptions.sources import HOOK, Source, pages_under_kernen

#: Slug prefix of a plain test page → the kind of item it stands for.
PREFIXES = {"werk-": Kind.WORKS, "nieuws-": Kind.NEWS, "act-": Kind.ACTIVITIES}


def plain_source(prefix, kind, urgent=None):
    def fetch(kern_ids, since, until):
        # Pages under a kern, or directly under the home page (then for all its kernen).
        items = pages_under_kernen(
            "wagtailcore.Page", kind, kern_ids, since, until, municipality_wide_depth=1
        )
        return [item for item in items if item.page.slug.startswith(prefix)]

    return Source(f"test-{kind}", kind, "wagtailcore.Page", fetch, urgent=urgent)


def is_urgent(page):
    return page.slug.startswith("werk-spoed")


@pytest.fixture
def test_sources(only_hooks):
    """Only the test sources, whatever apps are installed: for one test they are all that the
    ``subscription_sources`` hook gives."""
    sources = {
        source.name: source
        for source in (
            plain_source("werk-", Kind.WORKS, urgent=is_urgent),
            plain_source("nieuws-", Kind.NEWS),
            plain_source("act-", Kind.ACTIVITIES),
        )
    }
    only_hooks(HOOK, lambda: list(sources.values()))
    return sources


@pytest.fixture
def publish():
    """Publish a plain page under ``parent``; ``ago`` backdates its first publication."""

    def make(parent, title, slug, ago=None):
        page = PageFactory(parent=parent, title=title, slug=slug, live=False)
        if ago is not None:
            Page.objects.filter(pk=page.pk).update(first_published_at=timezone.now() - ago)
            page.refresh_from_db()
        return page

    return make


@pytest.fixture
def make_subscriber(db):
    """A confirmed subscriber; ``confirmed_ago`` sets when (default: a day ago)."""

    def make(email, kernen, kinds, confirmed_ago=timedelta(days=1)):
        return SubscriberFactory(
            email=email, kernen=kernen, kinds=kinds, confirmed_ago=confirmed_ago
        )

    return make


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def digests_to(email):
    return [m for m in mail.outbox if m.to == [email] and "Bevestig" not in m.subject]
