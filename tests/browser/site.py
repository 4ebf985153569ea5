"""One small site for the browser tests: a municipality with two kernen and one page of every
type, a form page, a board area with a meeting, a document, a thread and a poll, and a project.

Built with the same services the portal uses (provisioning, ``add_point``, ``add_member``),
without revisions where the app allows it, so that it takes a second or two, not the demo's
minute.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from agenda.demo import add_point
from agenda.models import KernagendaPage, Theme
from events.models import EventIndexPage, EventPage
from home.models import FormField, FormPage
from kernen.models import InspirationIndexPage, InspirationPage
from kernen.provisioning import provision_kern, provision_municipality
from members import services
from members.constants import Role
from members.demo import simple_pdf
from members.models import (
    BoardAreaPage,
    Meeting,
    Poll,
    PollOption,
    Post,
    ProjectIndexPage,
    ProjectPage,
    Thread,
    Workspace,
)
from news.models import NewsIndexPage, NewsPage, WorkNoticeIndexPage, WorkNoticePage
from news.models.notices import make_point
from news.provisioning import comms_group_for

PASSWORD = "correct-horse-battery"


@dataclass
class Site:
    """URLs (paths) of the pages the tests visit, and the accounts they log in with."""

    urls: dict[str, str] = field(default_factory=dict)
    users: dict[str, object] = field(default_factory=dict)
    objects: dict[str, object] = field(default_factory=dict)


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _user(username, *groups, **fields):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.nl", **fields
    )
    user.groups.add(*groups)
    return user


def build_site() -> Site:
    site = Site()
    today = timezone.localdate()
    home, _report = provision_municipality("West Betuwe", is_default_site=True)
    beesd, _report = provision_kern(
        home,
        "Beesd",
        rollout_status="pilot",
        intro="Beesd ligt aan de Linge.",
        latitude=Decimal("51.888"),
        longitude=Decimal("5.192"),
    )
    heukelum, _report = provision_kern(home, "Heukelum", rollout_status="pilot")
    site.urls.update(
        home="/",
        kern=beesd.url,
        other_kern=heukelum.url,
        accessibility="/toegankelijkheid/",
        privacy="/privacy/",
    )

    news = _publish(
        NewsIndexPage.objects.child_of(beesd).get(),
        NewsPage(
            title="Nieuwe bankjes aan de Linge",
            slug="nieuwe-bankjes",
            date=today,
            intro="Langs de Linge staan vijf nieuwe bankjes.",
        ),
    )
    site.urls.update(news_index=news.get_parent().url, news=news.url)

    notice_index = WorkNoticeIndexPage.objects.child_of(home).get()
    notice = WorkNoticePage(
        title="Dorpsstraat dicht",
        slug="dorpsstraat-dicht",
        summary="De Dorpsstraat krijgt nieuwe riolering.",
        start_date=today,
        end_date=today + datetime.timedelta(days=14),
        location_text="Dorpsstraat, tussen de kerk en de Lingedijk",
        coordinates=make_point(Decimal("51.889"), Decimal("5.193")),
        impact="road_closed",
        detour="Via de Lingedijk.",
    )
    notice.kernen = [beesd]
    _publish(notice_index, notice)
    site.urls.update(notice_index=notice_index.url, notice=notice.url)

    kernagenda = KernagendaPage.objects.child_of(beesd).get()
    point = add_point(
        kernagenda,
        beesd,
        title="Speeltuin opknappen",
        slug="speeltuin-opknappen",
        summary="De speeltuin aan de Kerkstraat krijgt nieuwe toestellen.",
        theme=Theme.objects.order_by("pk").first(),
    )
    site.urls.update(
        kernagenda=kernagenda.url,
        action_point=point.url,
        kernagenda_overview=f"{home.url}kernagendas/",
    )

    start = timezone.now().replace(microsecond=0, second=0, minute=0) + datetime.timedelta(days=5)
    event = _publish(
        EventIndexPage.objects.child_of(beesd).get(),
        EventPage(
            title="Burendag",
            slug="burendag",
            start=start,
            end=start + datetime.timedelta(hours=3),
            summary="Samen het dorp opruimen en daarna koffie.",
            location="Dorpshuis Beesd",
            registration_enabled=True,
            max_places=20,
        ),
    )
    site.urls.update(
        event_index=event.get_parent().url,
        event=event.url,
        event_overview=f"{home.url}activiteiten/",
    )

    story = InspirationPage(
        title="Een moestuin voor het dorp",
        date=today,
        intro="Hoe Beesd een moestuin begon.",
        body="<p>Wat we deden.</p>",
    )
    story.tags.add("groen")
    _publish(InspirationIndexPage.objects.child_of(beesd).get(), story)
    site.urls.update(
        inspiration_index=story.get_parent().url,
        inspiration=story.url,
        inspiration_overview=f"{home.url}inspiratie/",
    )

    form_page = FormPage(
        title="Klankbordgroep",
        slug="klankbordgroep",
        to_address="communicatie@westbetuwe.example",
        from_address="noreply@westbetuwe.example",
        subject="Nieuwe aanmelding klankbordgroep",
        thank_you_text="<p>Bedankt voor je aanmelding!</p>",
    )
    for order, (label, field_type, required) in enumerate(
        [("Naam", "singleline", True), ("E-mailadres", "email", True)]
    ):
        form_page.form_fields.add(
            FormField(sort_order=order, label=label, field_type=field_type, required=required)
        )
    _publish(home, form_page)
    site.urls.update(
        form=form_page.url, search="/zoeken/?q=Linge", subscribe="/blijf-op-de-hoogte/"
    )

    # Member area: Beesd's board with a chair, a meeting, a document, a thread and a poll.
    board_page = BoardAreaPage.objects.child_of(beesd).get()
    board = Workspace.objects.get(page=board_page)
    chair = _user("voorzitter-beesd", first_name="Marieke", last_name="de Vries")
    services.add_member(board, chair, Role.CHAIR)
    Document = get_document_model()
    document = Document(title="Jaarverslag 2025", collection=board.collection)
    document.file = ContentFile(simple_pdf("Jaarverslag", ["Regel een"]), name="jaarverslag.pdf")
    document._set_document_file_metadata()
    document.save()
    meeting = Meeting.objects.create(
        workspace=board,
        title="Bestuursvergadering",
        starts_at=timezone.now() + datetime.timedelta(days=3),
        location="Dorpshuis",
        agenda="Opening\nRondvraag",
    )
    meeting.documents.add(document)
    thread = Thread.objects.create(workspace=board, title="Dorpsdag", author=chair)
    Post.objects.create(thread=thread, author=chair, body="Wie helpt mee?")
    poll = Poll.objects.create(
        workspace=board, question="Welke avond?", closes_at=timezone.now() + datetime.timedelta(5)
    )
    for number, label in enumerate(["Maandag", "Dinsdag"]):
        PollOption.objects.create(poll=poll, label=label, sort_order=number)
    board_url = board_page.url
    site.urls.update(
        login="/inloggen/",
        board=board_url,
        meetings=f"{board_url}vergaderingen/",
        meeting=f"{board_url}vergaderingen/{meeting.pk}/",
        documents=f"{board_url}documenten/",
        threads=f"{board_url}berichten/",
        thread=f"{board_url}berichten/{thread.pk}/",
        polls=f"{board_url}peilingen/",
        poll=f"{board_url}peilingen/{poll.pk}/",
    )

    project = ProjectPage(title="Energiecoöperatie", summary="Samen zonnepanelen op daken.")
    ProjectIndexPage.objects.child_of(home).get().add_child(instance=project)
    project.kernen.set([beesd, heukelum])
    project.save_revision().publish()
    services.add_member(Workspace.objects.get(page=project), chair, Role.CHAIR)
    site.urls.update(
        project_index=project.get_parent().url,
        project=project.url,
        project_workspace=f"{project.url}werkruimte/",
    )

    comms_group, _pages = comms_group_for(home)
    site.users.update(
        chair=chair,
        editor=_user("redactie-beesd", beesd.editors_group),
        comms=_user("communicatie", comms_group),
    )
    site.objects.update(
        home=home, beesd=beesd, meeting=meeting, document=document, notice=notice, event=event
    )
    return site
