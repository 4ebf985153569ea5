"""Editors publish through the admin with the three language trees on (issue #16): every page
type a kern's redactie or the municipality's Communicatie group may create is created AND
published through the admin's own views, as that editor, and gets exactly one alias in the
English and in the Polish tree, under the right parent (docs/i18n.md, "The language trees").
Also: saving a draft, publishing it later, re-publishing an edited page, moderation, scheduled
publishing and unpublishing keep one alias per language, and Beesd's redactie cannot create
pages in Heukelum."""

import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from wagtail_localize.models import LocaleSynchronization

from agenda.models import ActionPointPage, KernagendaPage, Theme
from businesses.models import BusinessIndexPage, BusinessPage
from events.models import EventIndexPage, EventPage
from events.tests.conftest import event_fields
from home.locales import default_locale, sync_language_trees, translation_languages
from kernen.models import InspirationIndexPage, InspirationPage, KernPage
from kernen.provisioning import provision_municipality
from kernen.tests.conftest import story_fields
from news.models import (
    MunicipalityNewsIndexPage,
    NewsIndexPage,
    NewsPage,
    WorkNoticeIndexPage,
    WorkNoticePage,
)
from news.provisioning import comms_group_for
from news.tests.conftest import notice_fields

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = ["en", "pl"]


# The POST data of each page type's add form, as the admin sends it. ---------------------------


def news_form(title, slug, **extra):
    return {
        "title": title,
        "slug": slug,
        "date": "2026-06-01",
        "intro": "Een kort bericht.",
        "image_alt": "",
        "body": streamfield([]),
        "tags": "dorp",
        "comments": inline_formset([]),
        **extra,
    }


def point_form(title, slug, **extra):
    return {
        "title": title,
        "slug": slug,
        "summary": "Een bankje bij de kerk.",
        "theme": Theme.objects.order_by("pk").first().pk,
        "status": "idee",
        "description": streamfield([("paragraph", rich_text("<p>Uitleg</p>"))]),
        "carrier_kind": "samen",
        "budget_requested": "",
        "budget_source": "",
        "updates": inline_formset([]),
        "comments": inline_formset([]),
        **extra,
    }


def business_form(title, slug, **extra):
    return {
        "title": title,
        "slug": slug,
        "kind": "winkel",
        "summary": "Brood, kaas en groente uit de Betuwe.",
        "address": "Dorpsstraat 1, Beesd",
        "latitude": "",
        "longitude": "",
        "opening_hours": "ma–za 8:00–17:00",
        "website": "https://dorpswinkel.example",
        "contact_email": "winkel@dorpswinkel.example",
        "email_confirmed": "on",
        **extra,
    }


def notice_form(title, slug, **extra):
    return notice_fields(title, slug, all_kernen="on", **extra)


FORMS = {
    NewsPage: news_form,
    EventPage: event_fields,
    InspirationPage: story_fields,
    ActionPointPage: point_form,
    WorkNoticePage: notice_form,
    BusinessPage: business_form,
}


def post_data(model, title, slug, action="action-publish", **extra):
    data = nested_form_data(FORMS[model](title, slug, **extra))
    if action:
        data[action] = "1"
    return data


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def errors_of(response):
    """The form's errors, to show why a POST did not redirect."""
    if response.context and "form" in response.context:
        return response.context["form"].errors.as_json()
    return response.content.decode()[:2000]


# Who creates what where. -----------------------------------------------------------------


@pytest.fixture
def comms_user(make_user, languages):
    group, _pages = comms_group_for(languages)
    return make_user("communicatie", group)


@pytest.fixture
def editors(languages, beesd, beesd_editor, comms_user):
    """The three language trees with Beesd, and an editor of each kind."""
    return {"redactie": beesd_editor, "communicatie": comms_user}


#: (editor, parent section, page type): every page type an editor may create in the Dutch
#: tree. ``test_these_are_all_the_page_types_editors_may_create`` keeps the list complete.
CASES = [
    ("redactie", NewsIndexPage, NewsPage),
    ("redactie", EventIndexPage, EventPage),
    ("redactie", InspirationIndexPage, InspirationPage),
    ("redactie", KernagendaPage, ActionPointPage),
    ("redactie", BusinessIndexPage, BusinessPage),
    ("communicatie", WorkNoticeIndexPage, WorkNoticePage),
    ("communicatie", MunicipalityNewsIndexPage, NewsPage),
]


def parent_of_type(parent_model):
    """The Dutch section of that type: Beesd's for a kern section, else the municipality's."""
    beesd = KernPage.objects.get(slug="beesd", locale=default_locale())
    return parent_model.objects.child_of(beesd).first() or parent_model.objects.get(
        locale=default_locale()
    )


def creatable(user):
    """(parent type, page type) for every page type ``user`` may create somewhere in the Dutch
    tree, as the admin's "add child page" view decides it."""
    found = set()
    for parent in Page.objects.filter(locale=default_locale(), depth__gt=1).specific():
        if not parent.permissions_for_user(user).can_add_subpage():
            continue
        for model in type(parent).creatable_subpage_models():
            if model.can_create_at(parent):
                found.add((type(parent), model))
    return found


# Assertions about the language trees. -------------------------------------------------------


def assert_one_alias_per_language(client, page, title):
    """``page`` is live in Dutch and has exactly one live alias in each other language, under
    that language's copy of its parent, showing ``title`` at /en/… and /pl/…."""
    page.refresh_from_db()
    assert page.live
    assert page.locale.language_code == "nl"
    dutch = client.get(page.url)
    assert dutch.status_code == 200
    assert title in dutch.content.decode()
    parent = page.get_parent()
    assert translation_languages() == OTHER_LANGUAGES
    for code in OTHER_LANGUAGES:
        copies = Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=code
        )
        assert copies.count() == 1, code
        alias = copies.get()
        assert alias.alias_of_id == page.pk
        assert alias.live
        alias_parent = alias.get_parent()
        assert alias_parent.translation_key == parent.translation_key
        assert alias_parent.locale.language_code == code
        assert alias.url == f"/{code}{page.url}"
        shown = client.get(alias.url)
        assert shown.status_code == 200, alias.url
        assert title in shown.content.decode()


# Create and publish. ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "parent_model", "model"),
    CASES,
    ids=[f"{who}-{model.__name__}-in-{parent.__name__}" for who, parent, model in CASES],
)
def test_an_editor_creates_and_publishes_each_page_type_with_one_alias_per_language(
    client, editors, who, parent_model, model
):
    parent = parent_of_type(parent_model)
    client.force_login(editors[who])

    form = client.get(add_url(model, parent))
    response = client.post(
        add_url(model, parent), post_data(model, "Nieuw van de redactie", "nieuw")
    )

    assert form.status_code == 200
    assert response.status_code == 302, errors_of(response)
    assert response["Location"] == reverse("wagtailadmin_explore", args=[parent.pk])
    page = model.objects.child_of(parent).get(slug="nieuw")
    assert page.owner == editors[who]
    assert_one_alias_per_language(client, page, "Nieuw van de redactie")


def test_these_are_all_the_page_types_editors_may_create(editors):
    """A new page type an editor may create must join CASES above, so that creating and
    publishing it in the admin is tested with the languages on."""
    for who, editor in editors.items():
        expected = {(parent, model) for each, parent, model in CASES if each == who}
        assert creatable(editor) == expected, who


def test_an_edited_page_published_again_updates_its_aliases_and_makes_no_new_ones(client, editors):
    index = parent_of_type(NewsIndexPage)
    client.force_login(editors["redactie"])
    client.post(add_url(NewsPage, index), post_data(NewsPage, "Speeltuin open", "speeltuin"))
    page = NewsPage.objects.child_of(index).get()
    aliases = set(Page.objects.filter(alias_of=page).values_list("pk", flat=True))

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        post_data(NewsPage, "Speeltuin weer open", "speeltuin", intro="Na de storm weer open."),
    )

    assert response.status_code == 302, errors_of(response)
    assert_one_alias_per_language(client, page, "Speeltuin weer open")
    assert set(Page.objects.filter(alias_of=page).values_list("pk", flat=True)) == aliases
    for alias in NewsPage.objects.filter(alias_of=page):
        assert alias.title == "Speeltuin weer open"
        assert alias.intro == "Na de storm weer open."
        assert "Speeltuin open<" not in client.get(alias.url).content.decode()


def test_a_draft_gets_its_aliases_when_it_is_published(client, editors):
    index = parent_of_type(EventIndexPage)
    client.force_login(editors["redactie"])

    draft = client.post(
        add_url(EventPage, index), post_data(EventPage, "Burendag", "burendag", action=None)
    )

    assert draft.status_code == 302, errors_of(draft)
    page = EventPage.objects.child_of(index).get()
    assert not page.live
    for prefix in ("", "/en", "/pl"):
        assert client.get(f"{prefix}/beesd/activiteiten/burendag/").status_code == 404, prefix

    published = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        post_data(EventPage, "Burendag", "burendag"),
    )

    assert published.status_code == 302, errors_of(published)
    assert_one_alias_per_language(client, page, "Burendag")


def test_in_a_moderated_kern_the_aliases_come_with_the_approval(client, editors, make_user):
    beesd = KernPage.objects.get(slug="beesd", locale=default_locale())
    beesd.moderation_enabled = True
    beesd.save_revision().publish()
    beesd = KernPage.objects.get(pk=beesd.pk)
    moderator = make_user("moderatie-beesd", beesd.moderators_group)
    index = parent_of_type(InspirationIndexPage)
    client.force_login(editors["redactie"])

    submitted = client.post(
        add_url(InspirationPage, index),
        post_data(InspirationPage, "Moestuin", "moestuin", action="action-submit"),
    )

    assert submitted.status_code == 302, errors_of(submitted)
    story = InspirationPage.objects.child_of(index).get()
    assert not story.live
    assert client.get("/en/beesd/inspiratie/moestuin/").status_code == 404
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))

    client.force_login(moderator)
    approved = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[story.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )

    assert approved.status_code in (200, 302)
    assert_one_alias_per_language(client, story, "Moestuin")


def test_a_scheduled_page_gets_its_aliases_when_it_goes_live(client, editors, monkeypatch):
    index = parent_of_type(NewsIndexPage)
    client.force_login(editors["redactie"])
    go_live = timezone.localtime() + datetime.timedelta(hours=1)

    response = client.post(
        add_url(NewsPage, index),
        post_data(NewsPage, "Later nieuws", "later", go_live_at=go_live.strftime("%d-%m-%Y %H:%M")),
    )

    assert response.status_code == 302, errors_of(response)
    page = NewsPage.objects.child_of(index).get()
    assert not page.live
    for url in ("/beesd/nieuws/later/", "/en/beesd/nieuws/later/", "/pl/beesd/nieuws/later/"):
        assert client.get(url).status_code == 404, url

    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the cron job, two hours later
    call_command("publish_scheduled")

    assert_one_alias_per_language(client, page, "Later nieuws")


def test_unpublishing_takes_the_page_off_the_site_in_every_language(client, editors):
    index = parent_of_type(MunicipalityNewsIndexPage)
    client.force_login(editors["communicatie"])
    client.post(add_url(NewsPage, index), post_data(NewsPage, "Raadsbericht", "raadsbericht"))
    page = NewsPage.objects.child_of(index).get()
    assert_one_alias_per_language(client, page, "Raadsbericht")

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))

    assert response.status_code == 302
    for url in ("/nieuws/raadsbericht/", "/en/nieuws/raadsbericht/", "/pl/nieuws/raadsbericht/"):
        assert client.get(url).status_code == 404, url
    # Published again: the same aliases are live again, none added.
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        post_data(NewsPage, "Raadsbericht", "raadsbericht"),
    )
    assert_one_alias_per_language(client, page, "Raadsbericht")


def test_a_page_added_before_the_languages_were_on_is_in_every_tree_after(
    client, settings, municipality, beesd
):
    index = NewsIndexPage.objects.child_of(beesd).get()
    page = NewsPage(
        title="Van voor de talen", slug="oud", date=datetime.date(2026, 1, 1), intro="."
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    assert not Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)

    settings.PROVISION_LANGUAGES = True
    provision_municipality("West Betuwe", is_default_site=True)

    assert_one_alias_per_language(client, page, "Van voor de talen")
    sync_language_trees()  # idempotent: no doubles
    assert_one_alias_per_language(client, page, "Van voor de talen")


# The refused side. -------------------------------------------------------------------------


def test_beesds_redactie_cannot_create_a_page_in_heukelum(client, editors, heukelum):
    index = NewsIndexPage.objects.child_of(heukelum).get()
    client.force_login(editors["redactie"])
    pages_before = Page.objects.count()

    shown = client.get(add_url(NewsPage, index))
    posted = client.post(
        add_url(NewsPage, index), post_data(NewsPage, "Overgenomen", "overgenomen")
    )

    for response in (shown, posted):  # Wagtail's "permission denied": back to the dashboard
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "Sorry, je hebt geen toegang tot dit gedeelte." in dashboard.content.decode()
    assert not NewsPage.objects.filter(title="Overgenomen").exists()
    assert Page.objects.count() == pages_before
    for url in ("/heukelum/nieuws/overgenomen/", "/en/heukelum/nieuws/overgenomen/"):
        assert client.get(url).status_code == 404


def test_the_locales_admin_offers_no_second_way_to_make_aliases(client, languages, make_user):
    """wagtail-localize's "synchronise from" option on a language would make it create aliases
    for new pages as well, and publishing in the admin would fail again: the locales admin is
    Wagtail's own, without it."""
    client.force_login(make_user("beheerder", is_superuser=True, is_staff=True))
    english = Locale.objects.get(language_code="en")

    listing = client.get(reverse("wagtaillocales:index"))
    edit = client.get(reverse("wagtaillocales:edit", args=[english.pk]))

    assert listing.status_code == 200
    assert "English" in listing.content.decode()
    assert edit.status_code == 200
    assert "sync_from" not in edit.content.decode()
    assert not LocaleSynchronization.objects.exists()
