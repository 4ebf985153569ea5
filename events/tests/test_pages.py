"""The public activity pages: what they show, in what order, and what they cost in SQL."""

import re
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from events.models import EventIndexPage, EventOverviewPage, EventPage
from events.models.pages import LOCAL_TZ
from home.queries import restricted_paths

pytestmark = pytest.mark.django_db

#: SQL queries per request, pinned. A change that adds queries must change these on purpose.
INDEX_QUERIES = 7
ARCHIVE_QUERIES = 7
EVENT_QUERIES = 9
OVERVIEW_QUERIES = 6


def titles_in_order(html, titles):
    positions = {title: html.index(f">{title}</a>") for title in titles}
    return sorted(positions, key=positions.get)


def test_provisioning_gives_every_kern_an_activities_section_and_the_site_an_overview(
    beesd, heukelum, municipality
):
    for kern in (beesd, heukelum):
        index = EventIndexPage.objects.child_of(kern).get()
        assert index.url == f"/{kern.slug}/activiteiten/"
    overview = EventOverviewPage.objects.child_of(municipality).get()
    assert overview.url == "/activiteiten/"
    assert overview.show_in_menus


def test_index_lists_coming_activities_first_one_first_and_not_past_ones(client, beesd, make_event):
    make_event(beesd, "Rommelmarkt", days=20)
    make_event(beesd, "Burendag", days=2)
    make_event(beesd, "Oude kermis", days=-5)

    response = client.get("/beesd/activiteiten/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Activiteiten in Beesd</h1>" in html
    assert titles_in_order(html, ["Burendag", "Rommelmarkt"]) == ["Burendag", "Rommelmarkt"]
    assert "Oude kermis" not in html
    assert 'href="/beesd/activiteiten/archief/"' in html
    assert 'type="text/calendar"' in html and 'href="/beesd/agenda.ics"' in html


def test_an_activity_that_is_still_going_on_counts_as_coming(client, beesd, make_event):
    make_event(beesd, "Zomerfeest", days=-1, hours=48)

    assert "Zomerfeest" in client.get("/beesd/activiteiten/").content.decode()
    assert "Zomerfeest" not in client.get("/beesd/activiteiten/archief/").content.decode()


def test_archive_lists_past_activities_most_recent_first(client, beesd, make_event):
    make_event(beesd, "Snoeiochtend", days=-30)
    make_event(beesd, "Burendag", days=-3)
    make_event(beesd, "Rommelmarkt", days=4)

    response = client.get("/beesd/activiteiten/archief/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Afgelopen activiteiten in Beesd" in html
    assert titles_in_order(html, ["Burendag", "Snoeiochtend"]) == ["Burendag", "Snoeiochtend"]
    assert "Rommelmarkt" not in html


def test_archive_is_paginated_in_dutch_and_past_the_end_is_a_404(client, beesd, make_event):
    for number in range(21):
        make_event(beesd, f"Activiteit {number}", days=-(number + 1))

    first = client.get("/beesd/activiteiten/archief/")
    second = client.get("/beesd/activiteiten/archief/?pagina=2")

    assert "Pagina 1 van 2" in first.content.decode()
    assert 'href="?pagina=2" rel="next"' in first.content.decode()
    assert second.status_code == 200
    assert "Activiteit 20" in second.content.decode()
    assert client.get("/beesd/activiteiten/archief/?page=3").status_code == 404
    assert client.get("/beesd/activiteiten/archief/?page=abc").status_code == 404
    assert client.get("/beesd/activiteiten/?page=99").status_code == 404


def test_drafts_and_private_activities_are_not_listed(client, beesd, make_event):
    draft = make_event(beesd, "Geheime vergadering", days=2)
    draft.unpublish()
    private = make_event(beesd, "Besloten borrel", days=3)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    for url in ("/beesd/activiteiten/", "/activiteiten/", "/beesd/", "/beesd/agenda.ics"):
        body = client.get(url).content.decode()
        assert "Geheime vergadering" not in body, url
        assert "Besloten borrel" not in body, url


def test_activity_page_shows_when_where_who_and_cost(client, beesd, make_event):
    start = datetime(2031, 6, 14, 19, 30, tzinfo=LOCAL_TZ)
    event = make_event(
        beesd,
        "Avond over de kernagenda",
        start=start,
        end=start + timedelta(hours=2),
        summary="Praat mee over de plannen.",
        description="<p>Met koffie.</p>",
        location="Dorpshuis, grote zaal",
        latitude="51.889200",
        longitude="5.194000",
        organiser="Dorpsbelang Beesd",
        cost="gratis",
        registration_url="https://voorbeeld.example/aanmelden",
    )

    response = client.get(event.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "zaterdag 14 juni 2031, 19:30" in html
    assert "–<time" in html and ">21:30</time>" in html
    assert "Dorpshuis, grote zaal" in html
    assert "Dorpsbelang Beesd" in html and "gratis" in html
    assert "Met koffie." in html
    assert 'href="https://voorbeeld.example/aanmelden"' in html
    assert f'href="{event.url}ical/"' in html and "Zet in mijn agenda" in html


def visible_text(html):
    """The page's text as a reader sees it: no scripts, no tags, no attributes."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", " ", html, flags=re.S))


def test_activity_page_shows_its_place_on_a_map_not_as_coordinates(client, beesd, make_event):
    event = make_event(
        beesd,
        "Burendag",
        location="Dorpshuis, grote zaal",
        latitude="51.889200",
        longitude="5.194000",
    )
    without_place = make_event(beesd, "Online avond", location="Online")

    html = client.get(event.url).content.decode()

    text = visible_text(html)
    assert "Dorpshuis, grote zaal" in text
    assert "51,8892" not in text and "51.8892" not in text and "5.194" not in text
    assert "Op de kaart" in text
    # The map's one point, drawn by static/js/notice-map.js; a link for when it does not load.
    assert '"lat": 51.8892, "lng": 5.194' in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert 'href="https://www.openstreetmap.org/?mlat=51.889200&amp;mlon=5.194000' in html
    assert "Open deze plek in OpenStreetMap" in text

    html = client.get(without_place.url).content.decode()
    assert "Online" in html
    assert "leaflet" not in html and "Op de kaart" not in html


def test_all_day_activity_is_stored_as_whole_days_and_shown_without_times(
    client, beesd, make_event
):
    start = datetime(2031, 6, 14, 15, 0, tzinfo=LOCAL_TZ)
    event = make_event(beesd, "Rommelmarkt", start=start, end=start, all_day=True)

    event.refresh_from_db()
    assert event.local_start == datetime(2031, 6, 14, 0, 0, tzinfo=LOCAL_TZ)
    assert event.local_end.date() == start.date()
    assert event.listing_date == start.date()
    html = client.get(event.url).content.decode()
    assert "zaterdag 14 juni 2031</time>, hele dag" in html


def test_end_before_start_is_refused_with_a_dutch_message(beesd, index_of):
    from django.core.exceptions import ValidationError

    start = timezone.now()
    event = EventPage(title="Verkeerd", start=start, end=start - timedelta(hours=1), location="x")
    with pytest.raises(ValidationError) as error:
        index_of(beesd).add_child(instance=event)
    assert "Het einde mag niet voor het begin liggen." in str(error.value)


def test_listing_summary_falls_back_to_the_description(beesd, make_event):
    with_summary = make_event(beesd, "A", summary="Kort en goed.", description="<p>Lang</p>")
    without = make_event(beesd, "B", description="<p>Een <b>lange</b> beschrijving.</p>")

    assert with_summary.listing_summary == "Kort en goed."
    assert without.listing_summary == "Een lange beschrijving."


def test_kern_page_panel_costs_one_query(client, beesd, make_event, count_queries):
    _response, without = count_queries(client, "/beesd/")
    for days in range(5):
        make_event(beesd, days=days + 1)
    response, with_events = count_queries(client, "/beesd/")

    assert response.content.decode().count('class="event-item"') == 3
    assert with_events == without  # the panel's one query runs in both


def test_kern_page_shows_its_next_three_activities(client, beesd, heukelum, make_event):
    for days, title in [(9, "Vierde"), (1, "Eerste"), (3, "Tweede"), (5, "Derde"), (-2, "Oud")]:
        make_event(beesd, title, days=days)
    make_event(heukelum, "In Heukelum", days=1)

    html = client.get("/beesd/").content.decode()

    assert "Komende activiteiten" in html
    assert titles_in_order(html, ["Eerste", "Tweede", "Derde"]) == ["Eerste", "Tweede", "Derde"]
    assert "Vierde" not in html and "Oud" not in html and "In Heukelum" not in html
    assert 'href="/beesd/activiteiten/"' in html
    assert 'href="/beesd/agenda.ics"' in html


def test_kern_page_without_activities_says_so(client, beesd):
    assert (
        "Er staan nog geen activiteiten gepland in Beesd." in client.get("/beesd/").content.decode()
    )


def test_upcoming_for_kern_is_one_query(beesd, make_event, django_assert_num_queries):
    from events.queries import upcoming_for_kern

    for days in range(5):
        make_event(beesd, days=days + 1)
    restricted_paths()  # cached in a running site (home.queries.public)
    with django_assert_num_queries(1):
        events = list(upcoming_for_kern(beesd, limit=3))
    assert len(events) == 3


# The overview of all kernen ----------------------------------------------------------------


@pytest.fixture
def spread(beesd, heukelum, make_event):
    """Activities in two kernen: today's week, later this month, and far ahead."""
    now = timezone.localtime(timezone.now(), LOCAL_TZ)
    make_event(beesd, "Beesd vandaag", start=now + timedelta(hours=1))
    make_event(heukelum, "Heukelum vandaag", start=now + timedelta(hours=2))
    make_event(beesd, "Beesd volgend jaar", days=400)
    make_event(heukelum, "Heukelum verleden", days=-3)


def test_overview_lists_coming_activities_of_all_kernen_with_their_kern(client, spread):
    response = client.get("/activiteiten/")

    html = response.content.decode()
    assert response.status_code == 200
    for title in ("Beesd vandaag", "Heukelum vandaag", "Beesd volgend jaar"):
        assert title in html
    assert "Heukelum verleden" not in html
    assert '<span class="event-item__kern">Heukelum</span>' in html
    assert "3 activiteiten" in html
    assert '<label for="id_kern">Kern</label>' in html
    assert 'href="/activiteiten/agenda.ics"' in html


def test_overview_is_in_the_main_menu(client, spread):
    html = client.get("/").content.decode()

    assert '<a href="/activiteiten/">Activiteiten</a>' in html


def test_overview_filters_by_kern(client, spread):
    html = client.get("/activiteiten/?kern=heukelum").content.decode()

    assert "Heukelum vandaag" in html
    assert "Beesd vandaag" not in html and "Beesd volgend jaar" not in html
    assert '<option value="heukelum" selected>Heukelum</option>' in html


@pytest.mark.parametrize("period", ["week", "maand"])
def test_overview_filters_by_period(client, spread, period):
    html = client.get(f"/activiteiten/?periode={period}").content.decode()

    assert "Beesd vandaag" in html and "Heukelum vandaag" in html
    assert "Beesd volgend jaar" not in html


def test_the_overview_counts_at_most_its_pages_and_says_more(
    client, monkeypatch, beesd, make_event
):
    monkeypatch.setattr("events.views.LISTING_MAX_PAGES", 1)
    for number in range(21):
        make_event(beesd, f"Activiteit {number}", days=number + 1)

    html = client.get("/activiteiten/").content.decode()

    assert "Meer dan 20 activiteiten" in html
    assert "Activiteit 19" in html and "Activiteit 20" not in html
    assert "Deze lijst stopt na de eerste 20." in html
    assert client.get("/activiteiten/?pagina=2").status_code == 404
    monkeypatch.setattr("events.views.LISTING_MAX_PAGES", 2)
    cache.clear()
    exact = client.get("/activiteiten/?pagina=2").content.decode()
    assert "21 activiteiten" in exact and "Activiteit 20" in exact and "Deze lijst" not in exact


def test_overview_filters_combine_and_pages_keep_them(client, beesd, make_event):
    for number in range(21):
        make_event(beesd, f"Activiteit {number}", days=number + 1)

    html = client.get("/activiteiten/?kern=beesd&periode=").content.decode()

    assert 'href="?kern=beesd&amp;pagina=2" rel="next"' in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("kern=atlantis", "We kennen deze kern niet. Kies er een uit de lijst."),
        ("periode=eeuw", "Kies een periode uit de lijst: deze week of deze maand."),
    ],
)
def test_overview_with_a_bad_filter_explains_in_dutch_and_shows_everything(
    client, spread, query, message
):
    response = client.get(f"/activiteiten/?{query}")

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'aria-invalid="true"' in html
    assert "Beesd vandaag" in html and "Heukelum vandaag" in html


def test_overview_past_the_last_page_is_a_404(client, spread):
    assert client.get("/activiteiten/?page=2").status_code == 404
    assert client.get("/activiteiten/?kern=beesd&page=0").status_code == 404


# Query counts ------------------------------------------------------------------------------


def add_events(kern, make_event, count, days=1):
    for number in range(count):
        make_event(
            kern,
            f"Activiteit {kern.slug} {number}",
            days=days * (number + 1),
            summary="Met, komma's; en meer",
            registration_enabled=True,
            max_places=5,
        )


@pytest.mark.parametrize(
    "url, days, pinned",
    [
        ("/beesd/activiteiten/", 1, INDEX_QUERIES),
        ("/beesd/activiteiten/archief/", -1, ARCHIVE_QUERIES),
        ("/activiteiten/", 1, OVERVIEW_QUERIES),
        ("/activiteiten/?kern=beesd&periode=maand", 1, OVERVIEW_QUERIES),
    ],
)
def test_listing_queries_do_not_grow_with_activities(
    client, beesd, heukelum, make_event, count_queries, url, days, pinned
):
    add_events(beesd, make_event, 2, days)
    add_events(heukelum, make_event, 1, days)
    _response, few = count_queries(client, url)
    add_events(beesd, make_event, 15, days)
    add_events(heukelum, make_event, 15, days)
    response, many = count_queries(client, url)

    assert response.status_code == 200
    assert few == many, f"{url} grows with the number of activities"
    assert many == pinned


def test_activity_page_queries_do_not_grow_with_registrations(
    client, beesd, make_event, count_queries
):
    from events.registrations import register

    event = make_event(beesd, registration_enabled=True, max_places=50)
    register(event, "Ans", "ans@voorbeeld.example")
    _response, few = count_queries(client, event.url)
    for number in range(20):
        register(event, f"Persoon {number}", f"p{number}@voorbeeld.example")
    response, many = count_queries(client, event.url)

    assert response.status_code == 200
    assert "Er zijn nog 29 plaatsen vrij." in response.content.decode()
    assert few == many == EVENT_QUERIES


@pytest.mark.parametrize(
    "url, pinned",
    [("/beesd/activiteiten/", INDEX_QUERIES + 1), ("/activiteiten/", OVERVIEW_QUERIES + 1)],
)
def test_listing_queries_do_not_grow_with_activities_that_have_images(
    client, beesd, make_event, count_queries, url, pinned
):
    from wagtail_factories import ImageFactory

    def add(count):
        for number in range(count):
            make_event(beesd, f"Met foto {number}", days=number + 1, image=ImageFactory(),
                       image_alt="Een landschap")  # fmt: skip

    add(2)
    _response, few = count_queries(client, url)
    add(10)
    response, many = count_queries(client, url)

    assert response.status_code == 200
    assert response.content.decode().count('class="event-item__image"') == 12
    # One query more than without images: the renditions, for all of them at once.
    assert few == many == pinned


def test_an_activity_shows_its_image_with_its_alternative_text(client, beesd, make_event):
    from wagtail_factories import ImageFactory

    event = make_event(beesd, image=ImageFactory(), image_alt="Kinderen op het springkussen")
    plain = make_event(beesd, "Zonder foto")

    html = client.get(event.url).content.decode()

    image = re.search(r'<img[^>]*class="event__image"[^>]*>', html)[0]
    assert 'alt="Kinderen op het springkussen"' in image
    assert 'class="event__image"' not in client.get(plain.url).content.decode()


def test_an_image_needs_its_alternative_text(beesd, make_event):
    from django.core.exceptions import ValidationError

    from wagtail_factories import ImageFactory

    event = make_event(beesd)
    event.image = ImageFactory()
    with pytest.raises(ValidationError, match="Beschrijf de afbeelding"):
        event.full_clean()
