"""generate_site: deterministic for a seed, a valid tree, pages that render and are listed."""

import datetime

from django.core.management import CommandError, call_command
from django.db import transaction

from wagtail.models import Page, Revision

import pytest

from agenda.models import ActionPointPage
from bench.generate import counts_per_kern, generate_site, resume, unindexed_pages
from events.models import EventPage
from kernen.models import InspirationPage, KernPage
from members.models import Meeting, Poll, Post, Thread
from news.models import NewsPage, WorkNoticePage

TODAY = datetime.date(2026, 11, 1)


class Rollback(Exception):
    pass


def fingerprint():
    pages = list(
        Page.objects.order_by("path").values_list(
            "path",
            "depth",
            "numchild",
            "title",
            "slug",
            "url_path",
            "content_type__model",
            "translation_key",
            "first_published_at",
        )  # fmt: skip
    )
    notice_kernen = list(
        WorkNoticePage.kernen.through.objects.order_by("pk").values_list(
            "worknoticepage__slug", "kernpage__slug"
        )
    )
    points = list(ActionPointPage.objects.order_by("path").values_list("slug", "status", "kern"))
    return pages, notice_kernen, points, list(Thread.objects.values_list("title", flat=True))


def generated(seed):
    """The fingerprint of a tiny generated site, rolled back afterwards."""
    try:
        with transaction.atomic():
            generate_site(kernen=2, pages_per_kern=20, seed=seed, today=TODAY, index=False)
            result = fingerprint()
            raise Rollback
    except Rollback:
        return result


def test_same_seed_same_site_and_another_seed_another(beesd, heukelum):
    first = generated(5)
    assert first == generated(5)
    assert first != generated(6)


@pytest.fixture
def site(db):
    return generate_site(kernen=2, pages_per_kern=20, seed=3)


def test_counts_and_valid_tree(site):
    counts = counts_per_kern(20)
    assert sum(counts.values()) == 20
    assert site["news.NewsPage"] == 2 * counts["news"]
    assert site["agenda.ActionPointPage"] == 2 * counts["action_point"]
    assert NewsPage.objects.count() == 2 * counts["news"]
    assert KernPage.objects.count() == 2
    assert Thread.objects.exists() and Post.objects.exists() and Poll.objects.exists()
    assert Meeting.objects.exists()
    # treebeard: no bad paths, depths or child counts.
    assert all(problems == [] for problems in Page.find_problems())
    for page in Page.objects.filter(depth__gt=1):
        assert page.numchild == page.get_children().count()
        assert page.url_path == page.get_parent().url_path + page.slug + "/"


def test_revisions_like_a_published_page(site):
    for model in (NewsPage, EventPage, ActionPointPage, InspirationPage, WorkNoticePage):
        page = model.objects.first()
        assert page.live and not page.has_unpublished_changes
        assert page.live_revision_id == page.latest_revision_id
        revision = Revision.objects.get(pk=page.latest_revision_id)
        assert revision.object_id == str(page.pk)
        restored = revision.as_object()
        assert restored.title == page.title
        assert restored.path == page.path
    point = ActionPointPage.objects.filter(updates__isnull=False).first()
    as_object = Revision.objects.get(pk=point.latest_revision_id).as_object()
    assert [u.text for u in as_object.updates.all()] == [u.text for u in point.updates.all()]
    assert point.kern_id == point.kern_from_tree().pk
    notice = WorkNoticePage.objects.filter(all_kernen=False).first()
    as_object = Revision.objects.get(pk=notice.latest_revision_id).as_object()
    assert {k.pk for k in as_object.kernen.all()} == {k.pk for k in notice.kernen.all()}


def test_generated_pages_render_and_are_listed(site, client):
    news = NewsPage.objects.order_by("-date", "-first_published_at", "-pk").first()
    assert client.get(news.url).status_code == 200
    assert news.title in client.get(news.get_parent().url).content.decode()

    event = EventPage.objects.filter(start__gte=datetime.datetime.now(datetime.UTC)).first()
    assert client.get(event.url).status_code == 200
    assert event.title in client.get(event.get_parent().url).content.decode()

    point = ActionPointPage.objects.first()
    assert client.get(point.url).status_code == 200
    assert point.title in client.get(point.get_parent().url).content.decode()

    story = InspirationPage.objects.first()
    assert client.get(story.url).status_code == 200
    assert story.title in client.get(story.get_parent().url).content.decode()

    notice = WorkNoticePage.objects.first()
    assert client.get(notice.url).status_code == 200
    assert notice.title in client.get(notice.get_parent().url).content.decode()


def test_search_index_holds_generated_pages(site, client):
    page = NewsPage.objects.first()
    word = page.title.split()[0]
    response = client.get("/zoeken/", {"q": word})
    assert response.status_code == 200
    assert NewsPage.objects.live().search(word).count() > 0


@pytest.mark.django_db
def test_command_refuses_a_seed_twice():
    call_command("generate_site", kernen=1, pages_per_kern=10, seed=9, no_index=True)
    with pytest.raises(CommandError):
        call_command("generate_site", kernen=1, pages_per_kern=10, seed=9, no_index=True)


def test_resume_finishes_an_interrupted_run(beesd):
    generate_site(kernen=1, pages_per_kern=20, seed=4, index=False, board=False)
    assert len(unindexed_pages()[NewsPage]) == NewsPage.objects.count()
    assert not Thread.objects.exists()
    result = resume(kernen=1, pages_per_kern=20, seed=4)
    assert unindexed_pages() == {}
    assert result["indexed news.NewsPage"] == NewsPage.objects.count()
    assert Thread.objects.exists()
    assert resume(kernen=1, pages_per_kern=20, seed=4) == {}  # nothing left to do
