"""One small site for the browser tests: a municipality with two kernen and one page of every
type, a form page, a board area with a meeting, a document, a thread and a poll, and a project.

Built with the apps' factories (which provision municipalities and kernen through the
provisioning service) and ``add_member``, without revisions where the app allows it, so that
it takes a second or two, not the demo's minute.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from agenda.factories import ActionPointPageFactory
from agenda.models import KernagendaPage, Theme
from events.factories import EventPageFactory
from events.models import EventIndexPage
from home.factories import TEST_PASSWORD, FormPageFactory, UserFactory
from kernen.factories import InspirationPageFactory, KernFactory, MunicipalityFactory
from kernen.models import InspirationIndexPage
from members import services
from members.constants import AccessRole, Role
from members.factories import (
    DocumentFactory,
    MeetingFactory,
    OrganisationFactory,
    PollFactory,
    PostFactory,
    ProjectPageFactory,
    ThreadFactory,
)
from members.models import BoardAreaPage, ProjectIndexPage, Workspace
from news.factories import NewsPageFactory, WorkNoticePageFactory
from news.models import NewsIndexPage, WorkNoticeIndexPage
from news.models.notices import make_point
from news.provisioning import comms_group_for

PASSWORD = TEST_PASSWORD


@dataclass
class Site:
    """URLs (paths) of the pages the tests visit, and the accounts they log in with."""

    urls: dict[str, str] = field(default_factory=dict)
    users: dict[str, object] = field(default_factory=dict)
    objects: dict[str, object] = field(default_factory=dict)


def build_site() -> Site:
    site = Site()
    today = timezone.localdate()
    home = MunicipalityFactory(title="West Betuwe")
    beesd = KernFactory(
        parent=home,
        title="Beesd",
        rollout_status="pilot",
        intro="Beesd ligt aan de Linge.",
        latitude=Decimal("51.888"),
        longitude=Decimal("5.192"),
    )
    heukelum = KernFactory(parent=home, title="Heukelum", rollout_status="pilot")
    site.urls.update(
        home="/",
        kern=beesd.url,
        other_kern=heukelum.url,
        accessibility="/toegankelijkheid/",
        privacy="/privacy/",
    )

    news = NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(beesd).get(),
        title="Nieuwe bankjes aan de Linge",
        slug="nieuwe-bankjes",
        date=today,
        intro="Langs de Linge staan vijf nieuwe bankjes.",
    )
    site.urls.update(news_index=news.get_parent().url, news=news.url)

    notice_index = WorkNoticeIndexPage.objects.child_of(home).get()
    notice = WorkNoticePageFactory(
        parent=notice_index,
        title="Dorpsstraat dicht",
        slug="dorpsstraat-dicht",
        summary="De Dorpsstraat krijgt nieuwe riolering.",
        start_date=today,
        end_date=today + datetime.timedelta(days=14),
        location_text="Dorpsstraat, tussen de kerk en de Lingedijk",
        coordinates=make_point(Decimal("51.889"), Decimal("5.193")),
        impact="road_closed",
        detour="Via de Lingedijk.",
        # A long e-mail address: the facts must still fit a phone (tests/browser/test_reflow.py).
        contact="Gemeente West Betuwe, werkzaamheden-dorpsstraat@westbetuwe.example",
        kernen=[beesd],
    )
    site.urls.update(notice_index=notice_index.url, notice=notice.url)

    kernagenda = KernagendaPage.objects.child_of(beesd).get()
    point = ActionPointPageFactory(
        parent=kernagenda,
        kern=beesd,
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
    event = EventPageFactory(
        parent=EventIndexPage.objects.child_of(beesd).get(),
        title="Burendag",
        slug="burendag",
        start=start,
        end=start + datetime.timedelta(hours=3),
        summary="Samen het dorp opruimen en daarna koffie.",
        location="Dorpshuis Beesd",
        registration_enabled=True,
        max_places=20,
    )
    site.urls.update(
        event_index=event.get_parent().url,
        event=event.url,
        event_overview=f"{home.url}activiteiten/",
    )

    story = InspirationPageFactory(
        parent=InspirationIndexPage.objects.child_of(beesd).get(),
        title="Een moestuin voor het dorp",
        date=today,
        intro="Hoe Beesd een moestuin begon.",
        body="<p>Wat we deden.</p>",
        tags=["groen"],
    )
    site.urls.update(
        inspiration_index=story.get_parent().url,
        inspiration=story.url,
        inspiration_overview=f"{home.url}inspiratie/",
    )

    form_page = FormPageFactory(
        parent=home, fields=[("Naam", "singleline", True), ("E-mailadres", "email", True)]
    )
    site.urls.update(
        form=form_page.url, search="/zoeken/?q=Linge", subscribe="/blijf-op-de-hoogte/"
    )

    # Member area: Beesd's board with a chair, a meeting, a document, a thread and a poll.
    board_page = BoardAreaPage.objects.child_of(beesd).get()
    board = Workspace.objects.get(page=board_page)
    chair = UserFactory(username="voorzitter-beesd", first_name="Marieke", last_name="de Vries")
    services.add_member(board, chair, Role.CHAIR)
    document = DocumentFactory(
        workspace=board,
        title="Jaarverslag 2025",
        heading="Jaarverslag",
        lines=["Regel een"],
        file_name="jaarverslag.pdf",
    )
    meeting = MeetingFactory(workspace=board, documents=[document])
    thread = ThreadFactory(workspace=board, title="Dorpsdag", author=chair)
    PostFactory(thread=thread)
    poll = PollFactory(workspace=board)
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

    project = ProjectPageFactory(
        parent=ProjectIndexPage.objects.child_of(home).get(),
        title="Energiecoöperatie",
        summary="Samen zonnepanelen op daken.",
        kernen=[beesd, heukelum],
    )
    services.add_member(Workspace.objects.get(page=project), chair, Role.CHAIR)
    site.urls.update(
        project_index=project.get_parent().url,
        project=project.url,
        project_workspace=f"{project.url}werkruimte/",
    )

    # An organisation with a profile, invited to read in Beesd's board; the chair is one of
    # its members (so the edit form is theirs too).
    organisation = OrganisationFactory(
        home=home, name="Waterschap Rivierenland", phone="0344 64 90 90",
        website="https://www.waterschaprivierenland.nl/", kernen=[beesd, heukelum],
    )  # fmt: skip
    services.add_organisation_member(organisation, chair)
    services.invite_organisation(board, organisation, AccessRole.READ)
    site.urls.update(
        organisation_index="/organisaties/",
        organisation=f"/organisaties/{organisation.slug}/",
        organisation_edit=f"/organisaties/{organisation.slug}/bewerken/",
        workspace_organisations=f"{board_url}organisaties/",
    )

    comms_group, _pages = comms_group_for(home)
    site.users.update(
        chair=chair,
        editor=UserFactory(username="redactie-beesd", groups=[beesd.editors_group]),
        comms=UserFactory(username="communicatie", groups=[comms_group]),
    )
    site.objects.update(
        home=home, beesd=beesd, meeting=meeting, document=document, notice=notice, event=event
    )
    return site
