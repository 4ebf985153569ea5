"""Publishing a work notice for all 26 kernen: the page cache of every kern goes stale at once,
and that costs the publishing request only a few queries and cache writes."""

import time
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from news.models import WorkNoticePage
from news.tests.test_notices import add_url, notice_form
from pagecache import invalidation

pytestmark = pytest.mark.django_db

#: What the page cache adds to publishing a notice for all kernen: the kern paths of the notice
#: (twice: before and after the change) and the translations of those tags (once per call).
INVALIDATION_QUERIES = 4


def publish_through_admin(client, notice_index, title):
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        today = timezone.localdate()
        form = notice_form(
            title,
            all_kernen=True,
            start_date=today.isoformat(),
            end_date=(today + timedelta(days=7)).isoformat(),
        )
        response = client.post(add_url(notice_index), form)
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    return len(queries), elapsed


def test_a_notice_for_all_kernen_reaches_every_cached_kern_page_cheaply(
    client, notice_index, all_kernen, comms_user, monkeypatch
):
    assert len(all_kernen) == 26
    for kern in all_kernen:
        client.get(kern.url)
    client.force_login(comms_user)
    client.get(add_url(notice_index))

    spent = []
    invalidate = invalidation.invalidate

    def timed_invalidate(*tags, page_ids=()):
        started = time.perf_counter()
        invalidate(*tags, page_ids=page_ids)
        spent.append(time.perf_counter() - started)

    monkeypatch.setattr(invalidation, "invalidate", timed_invalidate)
    with_cache, seconds = publish_through_admin(client, notice_index, "Storm overal")
    monkeypatch.setattr(invalidation, "invalidate", invalidate)

    client.logout()
    for kern in all_kernen:
        response = client.get(kern.url)
        assert response.get("X-Page-Cache") != "hit", kern.slug
        assert "Storm overal" in response.content.decode(), kern.slug

    # The same publish without the page cache's invalidation.
    client.force_login(comms_user)
    monkeypatch.setattr(invalidation, "invalidate", lambda *tags, page_ids=(): None)
    without_cache, _seconds = publish_through_admin(client, notice_index, "Storm weer")

    assert with_cache - without_cache <= INVALIDATION_QUERIES
    assert WorkNoticePage.objects.filter(all_kernen=True).count() == 2
    print(  # noqa: T201
        f"publish for 26 kernen: {with_cache} queries, {seconds * 1000:.0f} ms, "
        f"of which invalidation {sum(spent) * 1000:.1f} ms in {len(spent)} calls"
    )
