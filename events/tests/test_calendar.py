"""The calendar feeds and the "Zet in mijn agenda" file, read back with a real parser."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from icalendar import Calendar

from events.constants import FEED_AHEAD_DAYS, FEED_PAST_DAYS
from events.models.pages import LOCAL_TZ

pytestmark = pytest.mark.django_db

#: SQL queries of a calendar feed (rendering: the page cache is off while counting).
FEED_QUERIES = 4

TRICKY = "Kaarten, spelletjes; en\nkoffie \\ thee"


def next_year_with(month, day):
    """The year of the next ``month``/``day`` after today: within a feed's window."""
    today = timezone.localdate()
    return today.year if date(today.year, month, day) > today else today.year + 1


#: The tricky activity's year: in the coming twelve months, as a feed holds them.
YEAR = next_year_with(3, 5)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_of(calendar):
    return {str(item["summary"]): item for item in calendar.walk("VEVENT")}


@pytest.fixture
def tricky(beesd, make_event):
    start = datetime(YEAR, 3, 5, 19, 30, tzinfo=LOCAL_TZ)
    return make_event(
        beesd,
        "Spelavond, met; puntkomma",
        start=start,
        end=start + timedelta(hours=2, minutes=30),
        summary=TRICKY,
        location="Dorpshuis; zaal 2, Beesd",
        latitude="51.889200",
        longitude="5.194000",
        organiser="Dorpsbelang Beesd",
    )


def test_kern_feed_is_valid_icalendar_with_escaped_text_and_time_zone(
    client, tricky, heukelum, make_event
):
    make_event(heukelum, "In Heukelum", days=2)

    response = client.get("/beesd/agenda.ics")

    raw = response.content.decode()
    calendar = parse(response)
    assert str(calendar["version"]) == "2.0"
    assert calendar["prodid"]
    assert str(calendar["x-wr-calname"]) == "Activiteiten in Beesd"
    timezones = calendar.walk("VTIMEZONE")
    assert [str(zone["tzid"]) for zone in timezones] == ["Europe/Amsterdam"]
    items = events_of(calendar)
    assert list(items) == ["Spelavond, met; puntkomma"]
    item = items["Spelavond, met; puntkomma"]
    assert item["dtstart"].dt == datetime(YEAR, 3, 5, 19, 30, tzinfo=LOCAL_TZ)
    assert str(item["dtstart"].dt.tzinfo) == "Europe/Amsterdam"
    assert item["dtend"].dt == datetime(YEAR, 3, 5, 22, 0, tzinfo=LOCAL_TZ)
    assert item["dtstamp"].dt.utcoffset() == timedelta(0)
    assert str(item["location"]) == "Dorpshuis; zaal 2, Beesd"
    assert str(item["description"]).startswith(TRICKY)
    assert "Organisatie: Dorpsbelang Beesd" in str(item["description"])
    assert str(item["url"]) == f"http://localhost{tricky.url}"
    assert item["geo"].latitude == pytest.approx(51.8892)
    # Escaped on the wire as RFC 5545 says.
    assert "SUMMARY:Spelavond\\, met\\; puntkomma" in raw
    assert "Kaarten\\, spelletjes\\; en\\nkoffie \\\\ thee" in raw.replace("\r\n ", "")
    assert f"DTSTART;TZID=Europe/Amsterdam:{YEAR}0305T193000" in raw
    assert "\r\n" in raw


def test_uids_are_stable_and_unique(client, tricky, beesd, make_event):
    make_event(beesd, "Tweede", days=3)

    first = events_of(parse(client.get("/beesd/agenda.ics")))
    tricky.title = "Spelavond, met; puntkomma"
    tricky.summary = "Gewijzigd"
    tricky.save_revision().publish()
    second = events_of(parse(client.get("/beesd/agenda.ics")))

    uids = {str(item["uid"]) for item in first.values()}
    assert len(uids) == 2
    assert uids == {str(item["uid"]) for item in second.values()}


def test_feed_of_all_kernen_holds_every_kern(client, tricky, heukelum, make_event):
    make_event(heukelum, "In Heukelum", days=2)

    calendar = parse(client.get("/activiteiten/agenda.ics"))

    assert set(events_of(calendar)) == {"Spelavond, met; puntkomma", "In Heukelum"}
    assert str(calendar["x-wr-calname"]) == "Activiteiten in West Betuwe"


def test_all_day_activity_has_dates_with_an_exclusive_end(client, beesd, make_event):
    year = next_year_with(6, 14)
    start = datetime(year, 6, 14, 0, 0, tzinfo=LOCAL_TZ)
    make_event(beesd, "Rommelmarkt", start=start, end=start + timedelta(days=1), all_day=True)

    item = events_of(parse(client.get("/beesd/agenda.ics")))["Rommelmarkt"]

    assert item["dtstart"].dt == date(year, 6, 14)
    assert item["dtend"].dt == date(year, 6, 16)


def test_add_to_my_calendar_downloads_one_activity(client, tricky, beesd, make_event):
    make_event(beesd, "Andere", days=2)

    response = client.get(f"{tricky.url}ical/")

    assert response["Content-Disposition"] == f'attachment; filename="{tricky.slug}.ics"'
    assert list(events_of(parse(response))) == ["Spelavond, met; puntkomma"]


def test_feeds_leave_out_drafts_private_and_long_past_activities(client, beesd, make_event):
    make_event(beesd, "Concept", days=2).unpublish()
    private = make_event(beesd, "Besloten", days=2)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_event(beesd, "Lang geleden", days=-200)
    make_event(beesd, "Vorige week", days=-7)

    for url in ("/beesd/agenda.ics", "/activiteiten/agenda.ics"):
        assert list(events_of(parse(client.get(url)))) == ["Vorige week"], url


def test_feed_of_an_unknown_page_is_a_404(client, beesd):
    assert client.get("/atlantis/agenda.ics").status_code == 404
    assert client.get("/beesd/activiteiten/agenda.ics").status_code == 404


def test_feed_of_a_kern_without_activities_is_still_valid(client, beesd):
    calendar = parse(client.get("/beesd/agenda.ics"))

    assert calendar.walk("VEVENT") == []


def test_feed_holds_a_bounded_window(client, beesd, make_event):
    make_event(beesd, "Over anderhalf jaar", days=FEED_AHEAD_DAYS + 10)
    make_event(beesd, "Vorige maand", days=-(FEED_PAST_DAYS + 2))
    make_event(beesd, "Volgend jaar", days=FEED_AHEAD_DAYS - 10)
    make_event(beesd, "Gisteren", days=-1)

    for url in ("/beesd/agenda.ics", "/activiteiten/agenda.ics"):
        assert list(events_of(parse(client.get(url)))) == ["Gisteren", "Volgend jaar"], url


def test_a_full_feed_keeps_the_coming_activities_first(client, beesd, make_event, monkeypatch):
    monkeypatch.setattr("events.queries.FEED_MAX_EVENTS", 3)
    make_event(beesd, "Twee weken geleden", days=-14)
    make_event(beesd, "Gisteren", days=-1)
    make_event(beesd, "Over een week", days=7)
    make_event(beesd, "Morgen", days=1)
    make_event(beesd, "Over een maand", days=30)

    names = list(events_of(parse(client.get("/beesd/agenda.ics"))))

    assert names == ["Morgen", "Over een week", "Over een maand"]
    make_event(beesd, "Over twee maanden", days=60).unpublish()
    assert names == list(events_of(parse(client.get("/beesd/agenda.ics"))))


def test_feed_size_and_queries_stay_the_same_with_more_activities(
    client, beesd, make_event, count_queries, monkeypatch
):
    monkeypatch.setattr("events.queries.FEED_MAX_EVENTS", 5)
    for day in range(1, 6):
        make_event(beesd, f"Activiteit {day}", days=day)
    few_response, few = count_queries(client, "/beesd/agenda.ics")
    for day in range(6, 30):
        make_event(beesd, f"Activiteit {day}", days=day)
    many_response, many = count_queries(client, "/beesd/agenda.ics")

    assert len(events_of(parse(many_response))) == 5
    assert len(many_response.content) == len(few_response.content)
    assert few == many == FEED_QUERIES


def test_an_edited_activity_shows_its_new_text_in_the_feed(client, tricky):
    parse(client.get("/beesd/agenda.ics"))  # built once, kept in the cache
    tricky.summary = "Nieuwe tekst"
    tricky.save_revision().publish()

    item = events_of(parse(client.get("/beesd/agenda.ics")))["Spelavond, met; puntkomma"]

    assert str(item["description"]).startswith("Nieuwe tekst")
