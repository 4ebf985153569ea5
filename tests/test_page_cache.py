"""The anonymous page cache (pagecache/): what it serves, what it never serves, and that
a change is visible on the very next request while other kernen stay cached."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone, translation

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

import pytest

from agenda.models import ActionPointPage, KernagendaOverviewPage, KernagendaPage, Theme
from events.models import EventIndexPage, EventOverviewPage, EventPage
from kernen.models import (
    AreaBroker,
    InspirationIndexPage,
    InspirationOverviewPage,
    InspirationPage,
)
from news.models import (
    MunicipalityNewsIndexPage,
    NewsIndexPage,
    NewsPage,
    WorkNoticeIndexPage,
    WorkNoticePage,
)
from pagecache.invalidation import after_commit, invalidate
from pagecache.middleware import PageCacheMiddleware
from pagecache.tags import page_read_tags, tag_key

pytestmark = pytest.mark.django_db


def get(client, url, **extra):
    """A request and its number of SQL queries."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def assert_cached(client, url):
    response, queries = get(client, url)
    assert response.status_code == 200, url
    assert response["X-Page-Cache"] == "hit", url
    assert queries == 0, url
    return response


def assert_fresh(client, url):
    response, queries = get(client, url)
    assert response.status_code == 200, url
    assert response.get("X-Page-Cache") != "hit", url
    assert queries > 0, url
    return response


def assert_never_stored(client, url, status=200):
    """Asked twice, ``url`` is rendered both times and says nothing of the cache."""
    for _ in range(2):
        response, queries = get(client, url)
        assert response.status_code == status, url
        assert "X-Page-Cache" not in response, url
        assert queries > 0, url
    return response


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert_cached(client, url)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def today():
    return timezone.localdate()


# What is cached ----------------------------------------------------------------------------


def test_second_anonymous_request_comes_from_the_cache_without_queries(client, beesd):
    first = client.get("/beesd/")
    assert first["X-Page-Cache"] == "miss"
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"

    second = assert_cached(client, "/beesd/")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_a_hit_carries_the_headers_of_the_rendered_page(client, languages, beesd):
    """The cache answers before the session, locale and CSRF middleware run; what they add
    to a page (language, Vary) is stored with it, the security headers are added to both."""
    for url in ("/beesd/", "/en/beesd/"):
        first = client.get(url)
        hit = assert_cached(client, url)
        for header in (
            "Content-Language",
            "Vary",
            "Content-Security-Policy",
            "X-Frame-Options",
            "Cache-Control",
        ):
            assert hit.get(header) == first.get(header), (url, header)
        assert not hit.cookies
    assert client.get("/en/beesd/")["Content-Language"] == "en"
    # An English browser on an unprefixed URL gets the Dutch page, as the locale middleware
    # would choose: the key's language comes from the URL.
    dutch = client.get("/beesd/", HTTP_ACCEPT_LANGUAGE="en")
    assert dutch["X-Page-Cache"] == "hit"
    assert dutch["Content-Language"] == "nl"


def test_head_is_served_from_the_cached_get(client, beesd):
    client.get("/beesd/")
    response = client.head("/beesd/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_feeds_calendars_and_open_data_are_cached(client, beesd):
    urls = [
        "/beesd/rss/",
        "/beesd/atom/",
        "/beesd/werkzaamheden.ics",
        "/beesd/agenda.ics",
        "/activiteiten/agenda.ics",
        "/kernagendas/actiepunten.csv",
        "/kernagendas/actiepunten.json",
    ]
    warm(client, *urls)


def test_setting_zero_switches_the_cache_off(client, beesd):
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get("/beesd/")
        response, queries = get(client, "/beesd/")
    assert "X-Page-Cache" not in response
    assert queries > 0


def test_the_key_holds_host_path_query_and_language(rf):
    middleware = PageCacheMiddleware(lambda request: None)
    base = middleware._key(rf.get("/beesd/"))
    assert middleware._key(rf.get("/beesd/")) == base
    assert middleware._key(rf.get("/beesd/", HTTP_HOST="localhost")) != base
    assert middleware._key(rf.get("/heukelum/")) != base
    assert middleware._key(rf.get("/beesd/?page=2")) != base
    assert middleware._key(rf.get("/beesd/?kern=a&page=2")) == middleware._key(
        rf.get("/beesd/?page=2&kern=a")
    )
    with translation.override("en"):
        assert middleware._key(rf.get("/beesd/")) != base


# What is never cached ----------------------------------------------------------------------


def shared_cache(prefix):
    """One cache store (as one Redis is) under the key prefix of one deployment."""
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "shared",
                "KEY_PREFIX": prefix,
            }
        }
    )


def test_two_deployments_on_one_cache_do_not_serve_each_others_pages(client, beesd):
    with shared_cache("site-a"):
        client.get("/beesd/")
        assert_cached(client, "/beesd/")
    with shared_cache("site-b"):
        # The same host name and path: the other deployment's page is not served.
        assert_fresh(client, "/beesd/")
        assert_cached(client, "/beesd/")
    with shared_cache("site-a"):
        assert_cached(client, "/beesd/")


def test_the_default_key_prefix_differs_per_database_and_secret_key():
    from portal.cache import deployment_key_prefix

    small = {"ENGINE": "django.db.backends.postgresql", "HOST": "db", "NAME": "kp_bench_small"}
    large = {**small, "NAME": "kp_bench_large"}

    assert deployment_key_prefix(small, "geheim") == deployment_key_prefix(dict(small), "geheim")
    assert deployment_key_prefix(small, "geheim") != deployment_key_prefix(large, "geheim")
    assert deployment_key_prefix(small, "geheim") != deployment_key_prefix(small, "anders")


def test_a_logged_in_user_never_gets_or_fills_the_cache(client, beesd, beesd_editor):
    client.get("/beesd/")  # cached for anonymous visitors
    client.force_login(beesd_editor)

    response, queries = get(client, "/beesd/")
    assert "X-Page-Cache" not in response
    assert queries > 0
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_a_request_with_a_session_cookie_bypasses_the_cache(client, beesd):
    client.get("/beesd/")
    client.cookies["sessionid"] = "someone"
    response, queries = get(client, "/beesd/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert queries > 0


def test_a_theme_of_a_kernagenda_is_cached_like_its_page(client, beesd):
    warm(client, "/beesd/kernagenda/?groep=groen", "/beesd/kernagenda/?groep=groen&page=1")


def test_unknown_query_parameters_are_served_fresh_and_not_stored(client, beesd):
    assert_never_stored(client, "/beesd/?utm_source=krant")
    # Known parameters (filters, pager) are cached per value.
    client.get("/activiteiten/?periode=maand")
    assert_cached(client, "/activiteiten/?periode=maand")


def test_the_pager_and_the_theme_filter_are_cached_by_their_new_and_old_names(client, beesd):
    for url in ("/nieuws/?pagina=1", "/nieuws/?page=1", "/inspiratie/?thema="):
        client.get(url)
        assert_cached(client, url)


def test_pages_with_a_public_form_are_cached_without_a_token(client, beesd):
    """The form's POST is checked by its origin instead (tests/test_public_forms.py)."""
    index = EventIndexPage.objects.child_of(beesd).get()
    start = timezone.now() + timedelta(days=3)
    publish(
        index,
        EventPage(
            title="Burendag",
            slug="burendag",
            start=start,
            end=start + timedelta(hours=2),
            location="Dorpshuis",
            registration_enabled=True,
            max_places=10,
        ),
    )
    client.get("/beesd/activiteiten/burendag/")
    response = assert_cached(client, "/beesd/activiteiten/burendag/")
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "aanmelden/" in response.content.decode()


def test_error_pages_are_not_cached(client, beesd):
    assert_never_stored(client, "/atlantis/", status=404)


def test_view_restricted_pages_are_not_cached_and_a_new_restriction_applies_at_once(client, beesd):
    warm(client, "/beesd/nieuws/")
    index = NewsIndexPage.objects.child_of(beesd).get()
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)

    for _ in range(2):
        response = client.get("/beesd/nieuws/")
        assert response.status_code == 302
        assert "X-Page-Cache" not in response


def test_the_board_area_and_the_admin_are_never_cached(client, beesd, beesd_editor):
    for _ in range(2):
        response = client.get("/beesd/bestuur/")
        assert response.status_code == 302
        assert "X-Page-Cache" not in response
    client.force_login(beesd_editor)
    response = client.get("/admin/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


# Never stale -------------------------------------------------------------------------------


def test_published_news_shows_on_the_next_request_and_other_kernen_stay_cached(
    client, beesd, heukelum
):
    urls = ["/", "/beesd/", "/beesd/nieuws/", "/nieuws/", "/beesd/rss/"]
    warm(client, *urls, "/heukelum/", "/heukelum/nieuws/")

    index = NewsIndexPage.objects.child_of(beesd).get()
    publish(
        index,
        NewsPage(title="Nieuwe speeltuin open", slug="speeltuin", date=today(), intro="Kort."),
    )

    for url in urls:
        assert "Nieuwe speeltuin open" in assert_fresh(client, url).content.decode(), url
    assert (
        "Nieuwe speeltuin open" in assert_fresh(client, "/beesd/nieuws/speeltuin/").content.decode()
    )
    assert_cached(client, "/heukelum/")
    assert_cached(client, "/heukelum/nieuws/")


def test_a_change_unpublish_and_delete_are_visible_at_once(client, beesd):
    index = NewsIndexPage.objects.child_of(beesd).get()
    news = publish(index, NewsPage(title="Oude titel", slug="bericht", date=today(), intro="Kort."))
    warm(client, "/beesd/", "/beesd/nieuws/bericht/")

    news.title = "Nieuwe titel"
    news.save_revision().publish()
    assert "Nieuwe titel" in assert_fresh(client, "/beesd/nieuws/bericht/").content.decode()
    assert "Nieuwe titel" in assert_fresh(client, "/beesd/").content.decode()

    warm(client, "/beesd/", "/beesd/nieuws/bericht/")
    news.unpublish()
    assert client.get("/beesd/nieuws/bericht/").status_code == 404
    assert "Nieuwe titel" not in assert_fresh(client, "/beesd/").content.decode()

    news.save_revision().publish()
    warm(client, "/beesd/", "/beesd/nieuws/bericht/")
    news.delete()
    assert client.get("/beesd/nieuws/bericht/").status_code == 404
    assert "Nieuwe titel" not in assert_fresh(client, "/beesd/").content.decode()


def test_a_moved_page_leaves_its_old_kern(client, beesd, heukelum):
    index = NewsIndexPage.objects.child_of(beesd).get()
    news = publish(
        index, NewsPage(title="Verhuisd bericht", slug="verhuisd", date=today(), intro="Kort.")
    )
    warm(client, "/beesd/", "/heukelum/")

    news.move(NewsIndexPage.objects.child_of(heukelum).get(), pos="last-child")

    assert "Verhuisd bericht" not in assert_fresh(client, "/beesd/").content.decode()
    assert "Verhuisd bericht" in assert_fresh(client, "/heukelum/").content.decode()


def make_notice(municipality, title, kernen=(), all_kernen=False):
    notice = WorkNoticePage(
        title=title,
        summary=f"Werk: {title}.",
        location_text="Dorpsstraat",
        impact="road_closed",
        start_date=today(),
        end_date=today() + timedelta(days=7),
        all_kernen=all_kernen,
    )
    notice.kernen = list(kernen)
    return publish(WorkNoticeIndexPage.objects.child_of(municipality).get(), notice)


def test_a_notice_invalidates_exactly_its_kernen(client, municipality, beesd, heukelum):
    warm(client, "/beesd/", "/heukelum/", "/werkzaamheden/", "/")

    notice = make_notice(municipality, "Riolering Hoofdstraat", [heukelum])

    assert "Riolering Hoofdstraat" in assert_fresh(client, "/heukelum/").content.decode()
    assert "Riolering Hoofdstraat" in assert_fresh(client, "/werkzaamheden/").content.decode()
    assert (
        "Riolering Hoofdstraat"
        in assert_fresh(client, "/heukelum/werkzaamheden.ics").content.decode()
    )
    assert_cached(client, "/beesd/")

    # Moved to Beesd: Heukelum must lose it, Beesd must show it.
    warm(client, "/beesd/", "/heukelum/")
    notice = WorkNoticePage.objects.get(pk=notice.pk)
    notice.kernen = [beesd]
    notice.save_revision().publish()
    assert "Riolering Hoofdstraat" in assert_fresh(client, "/beesd/").content.decode()
    assert "Riolering Hoofdstraat" not in assert_fresh(client, "/heukelum/").content.decode()


def test_a_notice_for_all_kernen_invalidates_every_kern(client, municipality, beesd, heukelum):
    warm(client, "/beesd/", "/heukelum/")
    make_notice(municipality, "Storm", all_kernen=True)
    for url in ("/beesd/", "/heukelum/"):
        assert "Storm" in assert_fresh(client, url).content.decode()


def test_activities_show_on_kern_index_and_overview_at_once(client, beesd, heukelum):
    warm(client, "/beesd/", "/beesd/activiteiten/", "/activiteiten/", "/heukelum/")
    index = EventIndexPage.objects.child_of(beesd).get()
    start = timezone.now() + timedelta(days=2)
    publish(
        index,
        EventPage(
            title="Zomerfeest",
            slug="zomerfeest",
            start=start,
            end=start + timedelta(hours=3),
            location="Dorpshuis",
        ),
    )
    for url in ("/beesd/", "/beesd/activiteiten/", "/activiteiten/", "/beesd/agenda.ics"):
        assert "Zomerfeest" in assert_fresh(client, url).content.decode(), url
    assert_cached(client, "/heukelum/")
    assert EventOverviewPage.objects.exists()


def test_stories_show_on_the_overview_and_in_other_kernen_stories(client, beesd, heukelum):
    heukelum_story = publish(
        InspirationIndexPage.objects.child_of(heukelum).get(),
        InspirationPage(
            title="Moestuin", slug="moestuin", intro="Samen tuinieren.", body="<p>x</p>"
        ),
    )
    heukelum_story.tags.add("groen")
    heukelum_story.save_revision().publish()
    warm(client, "/inspiratie/", "/heukelum/inspiratie/moestuin/", "/heukelum/")

    story = InspirationPage(
        title="Bloemenlint", slug="bloemenlint", intro="Bloemen.", body="<p>x</p>"
    )
    story.tags.add("groen")
    publish(InspirationIndexPage.objects.child_of(beesd).get(), story)

    assert "Bloemenlint" in assert_fresh(client, "/inspiratie/").content.decode()
    assert "Bloemenlint" in assert_fresh(client, "/heukelum/inspiratie/moestuin/").content.decode()
    assert_cached(client, "/heukelum/")
    assert InspirationOverviewPage.objects.exists()


def test_action_points_show_in_their_kernagenda_the_joint_kern_and_the_overview(
    client, beesd, heukelum, make_kern
):
    make_kern("Asperen")
    warm(client, "/beesd/kernagenda/", "/heukelum/kernagenda/", "/kernagendas/", "/asperen/")
    point = ActionPointPage(
        title="Glasvezel",
        slug="glasvezel",
        summary="Snel internet.",
        kern=beesd,
        theme=Theme.objects.first(),
    )
    point.joint_kernen = [heukelum]
    publish(KernagendaPage.objects.child_of(beesd).get(), point)

    for url in ("/beesd/kernagenda/", "/heukelum/kernagenda/", "/kernagendas/"):
        assert "Glasvezel" in assert_fresh(client, url).content.decode(), url
    assert "Glasvezel" in assert_fresh(client, "/kernagendas/actiepunten.json").content.decode()
    assert_cached(client, "/asperen/")
    assert KernagendaOverviewPage.objects.exists()


def test_snippets_shown_on_pages_invalidate_them(client, beesd):
    broker = AreaBroker.objects.create(name="Anouk de Wit", email="a@westbetuwe.example")
    beesd.area_broker = broker
    beesd.save_revision().publish()
    assert "Anouk de Wit" in assert_fresh(client, "/beesd/").content.decode()
    assert_cached(client, "/beesd/")

    broker.name = "Anouk van Dijk"
    broker.save()
    assert "Anouk van Dijk" in assert_fresh(client, "/beesd/").content.decode()

    warm(client, "/beesd/kernagenda/")
    theme = Theme.objects.first()
    theme.name = "Heel groen"
    theme.save()
    assert_fresh(client, "/beesd/kernagenda/")


def test_a_page_rendered_while_something_is_published_is_not_stored(client, beesd, monkeypatch):
    from home import panels

    original = panels.panels_for

    def publish_during_render(page, request):
        invalidate("content")
        return original(page, request)

    monkeypatch.setattr("kernen.models.kern.panels_for", publish_during_render)
    client.get("/beesd/")
    monkeypatch.setattr("kernen.models.kern.panels_for", original)
    assert_fresh(client, "/beesd/")
    assert_cached(client, "/beesd/")


def test_a_cache_that_lost_the_tag_versions_serves_nothing_stale(client, beesd):
    from django.core.cache import cache

    warm(client, "/beesd/")
    cache.delete_many([tag_key(tag) for tag in page_read_tags(beesd)])
    assert_fresh(client, "/beesd/")


# The CDN in front --------------------------------------------------------------------------

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


RECORDING = {"test": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}


@override_settings(WAGTAILFRONTENDCACHE=RECORDING)
def test_publishing_purges_the_same_pages_from_the_cdn(
    client, beesd, heukelum, django_capture_on_commit_callbacks
):
    PURGED.clear()
    response = client.get("/beesd/")
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=600"

    index = NewsIndexPage.objects.child_of(beesd).get()
    with django_capture_on_commit_callbacks(execute=True):
        publish(index, NewsPage(title="Bericht", slug="bericht", date=today(), intro="Kort."))

    base = "http://localhost"
    for path in (
        "/beesd/nieuws/bericht/",
        "/beesd/",
        "/beesd/nieuws/",
        "/beesd/rss/",
        "/beesd/atom/",
        "/beesd/agenda.ics",
        "/",
        "/nieuws/",
    ):
        assert base + path in PURGED, path
    assert not [url for url in PURGED if "/heukelum/" in url]
    assert MunicipalityNewsIndexPage.objects.exists()


def test_without_a_cdn_nothing_is_purged(beesd, django_capture_on_commit_callbacks):
    PURGED.clear()
    index = NewsIndexPage.objects.child_of(beesd).get()
    with django_capture_on_commit_callbacks(execute=True):
        publish(index, NewsPage(title="Bericht", slug="bericht", date=today(), intro="Kort."))
    assert PURGED == []


def test_deleting_a_section_costs_the_same_invalidation_with_1_or_5_pages(
    client, beesd, heukelum, django_capture_on_commit_callbacks
):
    def delete_news_with(kern, number):
        index = NewsIndexPage.objects.child_of(kern).get()
        for n in range(number):
            page = NewsPage(title=f"Bericht {n}", slug=f"b{n}", date=today(), intro="Kort.")
            publish(index, page)
        with django_capture_on_commit_callbacks() as callbacks:
            index.delete()
        return [c for c in callbacks if getattr(c, "func", None) is after_commit]

    few = delete_news_with(beesd, 1)
    warm(client, "/heukelum/")
    many = delete_news_with(heukelum, 5)

    assert len(few) == len(many) <= 3
    assert client.get("/heukelum/nieuws/").status_code == 404
    assert "Bericht 1" not in assert_fresh(client, "/heukelum/").content.decode()
