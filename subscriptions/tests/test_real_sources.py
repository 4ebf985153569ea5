"""The real digest sources: news, work notices and events. They run once those apps are
installed next to this one (until then they are skipped)."""

from datetime import timedelta

from django.apps import apps
from django.core import mail
from django.db import models
from django.utils import timezone

from wagtail.models import Page

import pytest

from subscriptions.constants import Kind
from subscriptions.digest import send_digests
from subscriptions.sources import sources

from .conftest import digests_to

pytestmark = pytest.mark.django_db

needs_news = pytest.mark.skipif(
    not apps.is_installed("news"), reason="the news app is not installed"
)
needs_events = pytest.mark.skipif(
    not apps.is_installed("events"), reason="the events app is not installed"
)


def make_page(parent, model_label, title, slug, **fields):
    """Publish a page of ``model_label`` under ``parent``; fields the contract does not name
    but the model requires get a placeholder text."""
    model = apps.get_model(model_label)
    many_to_many = {key: fields.pop(key) for key in list(fields) if key in ("kernen",)}
    page = model(title=title, slug=slug, live=False, **fields)
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, models.CharField | models.TextField)
            and not field.blank
            and not field.has_default()
            and not getattr(page, field.attname)
        ):
            value = field.choices[0][0] if field.choices else f"{title} ({field.name})"
            setattr(page, field.attname, value)
    parent.add_child(instance=page)
    for key, value in many_to_many.items():
        getattr(page, key).set(value)
    page.save_revision().publish()
    return page


def index_under(parent, model_label, slug):
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:  # provisioning made it already (its type may be a subclass)
        return existing.specific
    return make_page(parent, model_label, slug.capitalize(), slug)


@needs_news
def test_the_news_sources_are_registered():
    names = {source.name for source in sources()}
    assert {"news", "work_notices"} <= names


@needs_news
def test_news_of_a_kern_and_of_the_whole_municipality(
    beesd, heukelum, municipality, make_subscriber
):
    make_subscriber("beesd@example.nl", [beesd], [Kind.NEWS])
    make_subscriber("heukelum@example.nl", [heukelum], [Kind.NEWS])
    make_subscriber("alleen.werk@example.nl", [beesd], [Kind.WORKS])
    today = timezone.localdate()
    make_page(
        index_under(beesd, "news.NewsIndexPage", "nieuws"),
        "news.NewsPage",
        "Nieuwe speeltuin",
        "speeltuin",
        date=today,
        intro="Open op zaterdag.",
    )
    make_page(
        index_under(municipality, "news.NewsIndexPage", "nieuws"),
        "news.NewsPage",
        "Nieuwe afvalkalender",
        "afvalkalender",
        date=today,
        intro="Voor iedereen.",
    )

    send_digests()

    (beesd_mail,) = digests_to("beesd@example.nl")
    assert "Nieuwe speeltuin" in beesd_mail.body
    assert "Nieuwe afvalkalender" in beesd_mail.body
    (heukelum_mail,) = digests_to("heukelum@example.nl")
    assert "Nieuwe speeltuin" not in heukelum_mail.body
    assert "Nieuwe afvalkalender" in heukelum_mail.body
    assert digests_to("alleen.werk@example.nl") == []


@needs_news
def test_work_notices_reach_exactly_their_kernen(
    beesd, heukelum, make_kern, municipality, make_subscriber
):
    tuil = make_kern("Tuil")
    for kern in (beesd, heukelum, tuil):
        make_subscriber(f"{kern.slug}@example.nl", [kern], [Kind.WORKS])
    index = index_under(municipality, "news.WorkNoticeIndexPage", "werkzaamheden")
    today = timezone.localdate()
    period = {"start_date": today, "end_date": today + timedelta(days=7)}
    make_page(
        index,
        "news.WorkNoticePage",
        "Brug dicht",
        "brug-dicht",
        summary="Omleiding.",
        kernen=[beesd, heukelum],
        **period,
    )
    make_page(
        index,
        "news.WorkNoticePage",
        "Gemaal onderhoud",
        "gemaal",
        summary="Geen hinder.",
        all_kernen=True,
        **period,
    )

    send_digests()

    for kern in (beesd, heukelum):
        (message,) = digests_to(f"{kern.slug}@example.nl")
        assert "Brug dicht" in message.body and "Gemaal onderhoud" in message.body
    (tuil_mail,) = digests_to("tuil@example.nl")
    assert "Gemaal onderhoud" in tuil_mail.body
    assert "Brug dicht" not in tuil_mail.body


@needs_news
def test_an_urgent_work_notice_goes_out_at_once(
    beesd, heukelum, municipality, make_subscriber, django_capture_on_commit_callbacks
):
    make_subscriber("beesd@example.nl", [beesd], [Kind.WORKS])
    make_subscriber("heukelum@example.nl", [heukelum], [Kind.WORKS])
    index = index_under(municipality, "news.WorkNoticeIndexPage", "werkzaamheden")
    today = timezone.localdate()

    with django_capture_on_commit_callbacks(execute=True):
        make_page(
            index,
            "news.WorkNoticePage",
            "Gaslek Markt",
            "gaslek",
            summary="Blijf weg.",
            kernen=[beesd],
            urgent=True,
            start_date=today,
            end_date=today,
        )

    (message,) = mail.outbox
    assert message.to == ["beesd@example.nl"]
    assert "Gaslek Markt" in message.subject


@needs_events
def test_activities_of_a_kern(beesd, heukelum, make_subscriber):
    make_subscriber("beesd@example.nl", [beesd], [Kind.ACTIVITIES])
    make_subscriber("heukelum@example.nl", [heukelum], [Kind.ACTIVITIES])
    start = timezone.now() + timedelta(days=3)
    make_page(
        index_under(beesd, "events.EventIndexPage", "activiteiten"),
        "events.EventPage",
        "Lampionnenoptocht",
        "optocht",
        start=start,
        end=start + timedelta(hours=2),
        summary="Voor jong en oud.",
    )

    send_digests()

    (message,) = digests_to("beesd@example.nl")
    assert "Lampionnenoptocht" in message.body
    assert digests_to("heukelum@example.nl") == []
