"""Herindeling: a kern moves to another municipality, a municipality merges into another,
and nothing a village built is lost (kernen/herindeling, docs/operations.md#herindeling)."""

from urllib.parse import urlsplit

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupPagePermission, Page, Site
from wagtail.permissions import policy_registry

import pytest

from agenda.factories import ActionPointPageFactory
from agenda.models import ActionPointPage, KernagendaPage
from agenda.versions import publish_version
from events.factories import EventPageFactory, RegistrationFactory
from events.models import EventIndexPage, EventPage, Registration
from events.tokens import make_cancel_token
from home.factories import DocumentFactory
from kernen.herindeling import HerindelingRefused, merge_municipality, move_kern
from kernen.models import KernPage, MovedPath
from kernen.provisioning import provision_municipality
from members.factories import MeetingFactory
from members.models import Membership, ProjectPage, Workspace
from members.provisioning import overleg_workspace
from members.tests import conftest as members_fixtures
from news.factories import NewsPageFactory, WorkNoticePageFactory
from news.models import MunicipalityNewsIndexPage, NewsIndexPage, WorkNoticeIndexPage
from news.provisioning import comms_group_for
from subscriptions.factories import SubscriberFactory
from subscriptions.models import Subscriber

# The members' small world (two boards with members, a project of Beesd and Heukelum).
world = members_fixtures.world
board_of = members_fixtures.board_of
make_project = members_fixtures.make_project

WEST_BETUWE = "localhost"
ZALTBOMMEL = "zaltbommel.localhost"
LINGEWAAL = "lingewaal.localhost"


@pytest.fixture
def zaltbommel(municipality):
    home, _report = provision_municipality("Zaltbommel", hostname=ZALTBOMMEL)
    return home


@pytest.fixture
def village(languages, world, zaltbommel):
    """Heukelum with content of every kind, two subscribers, a joint action point with Beesd
    and a project of both kernen (members' ``world``)."""
    heukelum = world.heukelum
    NewsPageFactory(parent=NewsIndexPage.objects.child_of(heukelum).get(), title="Dorpsfeest")
    event = EventPageFactory(parent=EventIndexPage.objects.child_of(heukelum).get())
    RegistrationFactory(event=event)
    ActionPointPageFactory(kern=heukelum, title="Bankje", published=True,
                           joint_kernen=[world.beesd])  # fmt: skip
    DocumentFactory(title="Dorpsvisie", collection=heukelum.collection)
    SubscriberFactory(email="een@example.nl", kernen=[heukelum])
    SubscriberFactory(email="twee@example.nl", kernen=[heukelum, world.beesd])
    SubscriberFactory(email="beesd@example.nl", kernen=[world.beesd])
    return heukelum


def tree(kern):
    return Page.objects.filter(translation_key=kern.translation_key)


def census(kern):
    """Everything that must survive a move, by id."""
    kern = KernPage.objects.get(pk=kern.pk)
    pages = Page.objects.none()
    for copy in tree(kern):
        pages |= Page.objects.descendant_of(copy, inclusive=True)
    collections = Collection.objects.descendant_of(kern.collection, inclusive=True)
    board = Workspace.objects.get(page__path__startswith=kern.path)
    return {
        "pages": sorted(pages.values_list("pk", "title", "locale__language_code", "live")),
        "documents": sorted(
            get_document_model()
            .objects.filter(collection__in=[*collections, board.collection])
            .values_list("pk", flat=True)
        ),
        "subscribers": sorted(Subscriber.objects.filter(kernen=kern).values_list("pk", flat=True)),
        "memberships": sorted(Membership.objects.values_list("pk", "workspace", "user", "role")),
        "registrations": Registration.objects.filter(event__path__startswith=kern.path).count(),
        "joint": sorted(
            ActionPointPage.objects.filter(kern=kern, joint_kernen__isnull=False).values_list(
                "pk", "joint_kernen"
            )
        ),
        "projects": sorted(ProjectPage.objects.filter(kernen=kern).values_list("pk", flat=True)),
        "page_permissions": sorted(
            GroupPagePermission.objects.filter(page__in=pages).values_list(
                "group", "page", "permission"
            )
        ),
    }


def public_urls(kern):
    """(host, path, status) of every page of the kern in every language, its feeds and
    calendars, as Wagtail builds their URLs, with the answer an anonymous visitor gets."""
    from django.test import Client

    client = Client()
    found = []
    for copy in tree(kern):
        for page in Page.objects.descendant_of(copy, inclusive=True).live().specific():
            _site, root_url, path = page.get_url_parts()
            found.append((urlsplit(root_url).hostname, path))
    dutch = kern.get_url_parts()
    host, path = urlsplit(dutch[1]).hostname, dutch[2]
    found += [
        (host, f"{path}{tail}") for tail in ("rss/", "atom/", "agenda.ics", "werkzaamheden.ics")
    ]
    found.append((host, f"{path}activiteiten/archief/"))
    return [(host, path, client.get(path, HTTP_HOST=host).status_code) for host, path in found]


def assert_redirected(client, urls, new_host):
    """Every old URL answers 301 to the new site, where it answers as it did before."""
    for host, path, status in urls:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 301, (host, path, response.status_code)
        location = urlsplit(response["Location"])
        assert location.hostname == new_host, (path, response["Location"])
        final = client.get(location.path, HTTP_HOST=location.netloc)
        assert final.status_code == status, (path, response["Location"], final.status_code)


def test_heukelum_moves_to_zaltbommel_and_back_without_losing_anything(
    village, world, zaltbommel, municipality, client, django_capture_on_commit_callbacks
):
    before = census(village)
    assert all(before.values())  # something of every kind
    old_urls = public_urls(village)
    assert {status for _h, _p, status in old_urls} >= {200}
    board = Workspace.objects.get(page__path__startswith=village.path)
    comms_wb, _ = comms_group_for(municipality)
    comms_zb, _ = comms_group_for(zaltbommel)
    assert (comms_wb.pk, comms_zb.pk) != (None, None)

    found = "/heukelum/nieuws/dorpsfeest/"
    assert found in search(client, WEST_BETUWE, "Dorpsfeest")

    with django_capture_on_commit_callbacks(execute=True):
        move_kern(village, zaltbommel)

    heukelum = KernPage.objects.get(pk=village.pk)
    assert heukelum.get_parent().pk == zaltbommel.pk
    for copy in tree(heukelum):  # /en/ and /pl/ too
        assert copy.get_parent().translation_key == zaltbommel.translation_key
        assert copy.get_parent().locale_id == copy.locale_id
    assert census(heukelum) == before
    assert heukelum.collection.get_parent().name == "Zaltbommel"
    assert board.collection.__class__.objects.get(pk=board.collection_id).get_parent().name == (
        "Zaltbommel"
    )
    assert overleg_workspace(zaltbommel).access_groups.filter(pk=board.member_group_id).exists()
    assert (
        not overleg_workspace(municipality).access_groups.filter(pk=board.member_group_id).exists()
    )
    # The municipality's comms staff choose the kern's images and documents: Zaltbommel's now.
    assert heukelum.collection in comms_rights(comms_zb)
    assert heukelum.collection not in comms_rights(comms_wb)
    # One e-mail per subscriber of Heukelum, in Dutch, with the new address.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "een@example.nl",
        "twee@example.nl",
    ]
    assert "Zaltbommel" in mail.outbox[0].body
    assert f"http://{ZALTBOMMEL}/heukelum/" in mail.outbox[0].body
    assert_redirected(client, old_urls, ZALTBOMMEL)
    # Search finds the kern's pages on the new site, and no longer on the old one.
    assert found in search(client, ZALTBOMMEL, "Dorpsfeest")
    assert found not in search(client, WEST_BETUWE, "Dorpsfeest")

    # And back: the Zaltbommel addresses redirect, the West Betuwe ones serve again.
    zaltbommel_urls = public_urls(heukelum)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        move_kern(heukelum, municipality)
    heukelum = KernPage.objects.get(pk=village.pk)
    assert census(heukelum) == before
    assert_redirected(client, zaltbommel_urls, WEST_BETUWE)
    assert public_urls(heukelum) == old_urls
    assert len(mail.outbox) == 2


def search(client, host, query):
    return client.get("/zoeken/", {"q": query}, HTTP_HOST=host).content.decode()


def comms_rights(group):
    user = group.user_set.first() or group.user_set.create(username=f"staff-{group.pk}")
    policy = policy_registry.get_by_type(get_document_model())
    return set(policy.collections_user_has_permission_for(user, "choose"))


def test_a_dry_run_lists_what_will_change_and_changes_nothing(
    village, zaltbommel, client, django_capture_on_commit_callbacks
):
    before = state()
    with django_capture_on_commit_callbacks(execute=True):
        report = move_kern(village, zaltbommel, dry_run=True)
    assert state() == before
    assert mail.outbox == []
    lines = dict(report.sections())
    assert any("Heukelum" in line and "Zaltbommel" in line for line in sum(lines.values(), []))
    assert set(report.lines) >= {"pages", "collections", "redirects", "subscribers", "members"}
    assert "2 " in report.lines["subscribers"][0]


def state():
    """The tree, the collections, the groups, the redirects and who is in which group."""
    return (
        sorted(Page.objects.values_list("pk", "path", "url_path", "live")),
        sorted(Collection.objects.values_list("pk", "path", "name")),
        sorted(Group.objects.values_list("pk", "name")),
        sorted(Redirect.objects.values_list("old_path", "site", "redirect_page")),
        sorted(Group.user_set.through.objects.values_list("group", "user")),
        sorted(Workspace.access_groups.through.objects.values_list("workspace", "group")),
    )


def test_a_failing_step_changes_nothing(village, zaltbommel, monkeypatch):
    before = state()

    def broken(*args, **kwargs):
        raise RuntimeError("de schijf is vol")

    monkeypatch.setattr("kernen.herindeling.urls.create_redirects", broken)
    with pytest.raises(RuntimeError):
        move_kern(village, zaltbommel)
    assert state() == before
    assert mail.outbox == []


def test_conflicts_are_refused_before_anything_changes(
    languages, heukelum, zaltbommel, make_kern, make_user
):
    make_kern("Heukelum", home=zaltbommel)
    before = state()
    with pytest.raises(HerindelingRefused) as refused:
        move_kern(heukelum, zaltbommel)
    assert state() == before
    text = " ".join(refused.value.messages)
    assert "Zaltbommel heeft al een kern Heukelum" in text
    assert "/heukelum/" in text


def test_a_user_who_would_lose_access_is_named(heukelum, zaltbommel, municipality, make_user):
    staff = Group.objects.create(name="Gemeente West Betuwe – webredactie")
    GroupPagePermission.objects.create(
        group=staff,
        page=municipality,
        permission=Permission.objects.get(
            codename="change_page", content_type__app_label="wagtailcore"
        ),
    )
    make_user("webredacteur", staff)
    before = state()
    with pytest.raises(HerindelingRefused) as refused:
        move_kern(heukelum, zaltbommel)
    assert state() == before
    assert "webredacteur" in refused.value.messages[0]
    assert "Gemeente West Betuwe – webredactie" in refused.value.messages[0]


def test_groups_named_after_the_old_municipality_are_renamed(beesd, zaltbommel, make_kern):
    other_beesd = make_kern("Beesd", home=zaltbommel)
    assert other_beesd.editors_group.name == "Beesd (Zaltbommel) – redactie"
    lingewaal, _ = provision_municipality("Lingewaal", hostname=LINGEWAAL)
    move_kern(other_beesd, lingewaal)
    other_beesd = KernPage.objects.get(pk=other_beesd.pk)
    assert other_beesd.editors_group.name == "Beesd (Lingewaal) – redactie"
    assert other_beesd.moderators_group.name == "Beesd (Lingewaal) – moderatie"
    assert other_beesd.moderation_workflow.name == "Beesd (Lingewaal) – moderatie"
    assert beesd.editors_group.name == "Beesd – redactie"


@pytest.fixture
def lingewaal(languages, make_kern):
    home, _report = provision_municipality("Lingewaal", hostname=LINGEWAAL)
    for name in ("Asperen", "Vuren"):
        kern = make_kern(name, home=home)
        NewsPageFactory(parent=NewsIndexPage.objects.child_of(kern).get(), title=f"Nieuws {name}")
        SubscriberFactory(email=f"{name.lower()}@example.nl", kernen=[kern])
    NewsPageFactory(
        parent=MunicipalityNewsIndexPage.objects.child_of(home).get(), title="Nieuwe gemeente"
    )
    WorkNoticePageFactory(
        parent=WorkNoticeIndexPage.objects.child_of(home).get(),
        title="Dijk dicht",
        kernen=list(KernPage.objects.child_of(home)),
    )
    return home


def test_a_small_municipality_merges_into_west_betuwe(
    lingewaal, municipality, client, django_capture_on_commit_callbacks
):
    kernen = list(KernPage.objects.child_of(lingewaal))
    before = {kern.pk: census(kern) for kern in kernen}
    old_urls = [url for kern in kernen for url in public_urls(kern)]
    section_urls = [
        (LINGEWAAL, path, 200)
        for path in ("/nieuws/nieuwe-gemeente/", "/werkzaamheden/dijk-dicht/", "/nieuws/rss/")
    ]
    assert [client.get(p, HTTP_HOST=h).status_code for h, p, _s in section_urls] == [200] * 3

    with django_capture_on_commit_callbacks(execute=True):
        merge_municipality(lingewaal, municipality)

    for kern in kernen:
        assert KernPage.objects.get(pk=kern.pk).get_parent().pk == municipality.pk
        assert census(kern) == before[kern.pk]
    assert_redirected(client, old_urls + section_urls, WEST_BETUWE)
    news = Page.objects.get(title="Nieuwe gemeente", locale=municipality.locale)
    assert news.get_parent().get_parent().pk == municipality.pk
    # The old site's home page redirects to West Betuwe's; the pages left are kept, offline.
    response = client.get("/", HTTP_HOST=LINGEWAAL)
    assert response.status_code == 301
    assert urlsplit(response["Location"]).hostname == WEST_BETUWE
    assert Site.objects.filter(hostname=LINGEWAAL).exists()
    assert not Page.objects.get(pk=lingewaal.pk).live
    # Everything in Lingewaal's collection (the boards', the dorpenoverleg's) is West Betuwe's.
    assert not Collection.objects.get(name="Lingewaal", depth=2).get_children().exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["asperen@example.nl", "vuren@example.nl"]


def test_the_commands_dry_run_and_refuse_in_dutch(heukelum, zaltbommel, capsys):
    before = state()
    call_command("move_kern", "Heukelum", "--from", "West Betuwe", "--to", "Zaltbommel",
                 "--dry-run")  # fmt: skip
    out = capsys.readouterr().out
    assert "Proefdraai" in out and "Zaltbommel" in out
    assert state() == before
    with pytest.raises(CommandError, match="Heukelum hoort al bij West Betuwe"):
        call_command("move_kern", "Heukelum", "--from", "West Betuwe", "--to", "West Betuwe")
    call_command("move_kern", "heukelum", "--from", "west betuwe", "--to", "Zaltbommel")
    assert KernPage.objects.get(pk=heukelum.pk).get_parent().pk == zaltbommel.pk


def test_only_superusers_may_use_the_admin_page(heukelum, zaltbommel, client, make_user):
    editor = make_user("redacteur", heukelum.editors_group)
    admin = make_user("beheerder", is_superuser=True, is_staff=True)
    url = "/admin/herindeling/"
    query = {"action": "move", "kern": heukelum.pk, "target": zaltbommel.pk}

    client.force_login(editor)
    assert client.get(url, query).status_code == 403
    assert client.post(url, query).status_code == 403
    assert KernPage.objects.get(pk=heukelum.pk).get_parent().pk != zaltbommel.pk

    client.force_login(admin)
    preview = client.get(url, query)
    assert preview.status_code == 200
    assert "Zaltbommel" in preview.content.decode()
    assert KernPage.objects.get(pk=heukelum.pk).get_parent().pk != zaltbommel.pk
    assert client.post(url, query).status_code == 302
    assert KernPage.objects.get(pk=heukelum.pk).get_parent().pk == zaltbommel.pk
    assert client.post(url, query).status_code == 409  # already there: refused


def path_of(page):
    return page.get_url_parts()[2]


def sub_urls(kern, board_of):
    """URLs with an id, a token or a query string under the kern's address, which no exact
    redirect names, with the answer an anonymous visitor gets."""
    from django.test import Client

    kern = KernPage.objects.get(pk=kern.pk)
    agenda = KernagendaPage.objects.child_of(kern).get()
    version = publish_version(agenda, "Versie 1")
    board = board_of(kern)
    meeting = MeetingFactory(workspace=board)
    event = EventPage.objects.descendant_of(kern).live().first()
    token = make_cancel_token(Registration.objects.filter(event=event).first())
    news = NewsIndexPage.objects.child_of(kern).get()
    paths = [
        f"{path_of(agenda)}versies/{version.pk}/",
        f"{path_of(board.page)}vergaderingen/{meeting.pk}/",
        path_of(event) + event.reverse_subpage("cancel", args=[token]),
        f"{path_of(news)}?pagina=2",
        f"/en{path_of(news)}?pagina=2",
    ]
    client = Client()
    return [(WEST_BETUWE, path, client.get(path, HTTP_HOST=WEST_BETUWE)) for path in paths]


def test_sub_urls_with_an_id_a_token_or_a_query_follow_a_moved_kern(
    village, world, zaltbommel, municipality, board_of, client, monkeypatch
):
    monkeypatch.setattr("news.models.news.NEWS_PER_PAGE", 1)
    NewsPageFactory(parent=NewsIndexPage.objects.child_of(village).get(), title="Oogstfeest")
    before = sub_urls(village, board_of)
    assert [response.status_code for _h, _p, response in before] == [200, 302, 200, 200, 200]
    nowhere = "/heukelum/kernagenda/versies/999999/nergens/"
    assert client.get(nowhere, HTTP_HOST=WEST_BETUWE).status_code == 404

    move_kern(village, zaltbommel)

    for host, path, old in before:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 301, (path, response.status_code)
        location = urlsplit(response["Location"])
        assert location.hostname == ZALTBOMMEL, (path, response["Location"])
        assert f"{location.path}?{location.query}".rstrip("?") == path, response["Location"]
        final = client.get(location.path, QUERY_STRING=location.query, HTTP_HOST=location.netloc)
        assert final.status_code == old.status_code, (path, final.status_code)
        if old.status_code == 302:  # the board area asks an anonymous visitor to log in
            assert urlsplit(final["Location"]).path == urlsplit(old["Location"]).path
    # A path that never existed under the moved address: a 301, then still a 404.
    response = client.get(nowhere, HTTP_HOST=WEST_BETUWE)
    assert response.status_code == 301
    assert client.get(urlsplit(response["Location"]).path, HTTP_HOST=ZALTBOMMEL).status_code == 404
    # A 404 elsewhere on the site stays a 404; the fallback costs one query on a 404 and
    # none on a page that answers.
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/beesd/bestaat-niet/", HTTP_HOST=WEST_BETUWE).status_code == 404
    assert len([q for q in queries if "kernen_movedpath" in q["sql"]]) == 1
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/beesd/", HTTP_HOST=WEST_BETUWE).status_code == 200
    assert not [q for q in queries if "kernen_movedpath" in q["sql"]]
    assert client.get("/bestaat-niet/", HTTP_HOST=WEST_BETUWE).status_code == 404

    # And back: the old addresses answer at once again, the Zaltbommel ones redirect.
    move_kern(KernPage.objects.get(pk=village.pk), municipality)
    for host, path, old in before:
        assert client.get(path, HTTP_HOST=host).status_code == old.status_code, path
        response = client.get(path, HTTP_HOST=ZALTBOMMEL)
        assert response.status_code == 301, path
        assert urlsplit(response["Location"]).hostname == WEST_BETUWE
    assert MovedPath.objects.filter(site__hostname=WEST_BETUWE).count() == 0


def test_a_dry_run_records_no_moved_path(village, zaltbommel):
    move_kern(village, zaltbommel, dry_run=True)
    assert not MovedPath.objects.exists()
