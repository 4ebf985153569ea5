"""Demo news and work notices for West Betuwe. Dates are relative to the day the demo is
loaded; running it again adds nothing (items are found by slug)."""

from datetime import timedelta
from decimal import Decimal
from itertools import combinations

from django.utils import timezone

from kernen.demo import demo_image, demo_image_alt, demo_login
from kernen.models import KernPage
from kernen.provisioning import municipality_collection
from news.constants import Impact
from news.factories import NewsPageFactory, WorkNoticePageFactory
from news.models import MunicipalityNewsIndexPage, NewsIndexPage, WorkNoticeIndexPage
from news.models.notices import make_point
from news.provisioning import comms_group_for

#: Every kern opens with its village evening, told one of these ways (by the kern's place), and
#: two more stories come from ``STORIES``, a different pair in neighbouring kernen, so no two
#: kernen tell the same news.
VILLAGE_EVENINGS = [
    "Ruim tachtig inwoners van {kern} praatten mee over de plannen voor het dorp. Verkeer en "
    "een plek voor jongeren stonden bovenaan.",
    "De stoelen waren op: zestig mensen kwamen naar het dorpshuis van {kern}. Het meest "
    "gevraagd: een veilige oversteek bij de school en meer bankjes langs de dijk.",
    "Jong en oud schreven hun ideeën op grote vellen papier. De dorpsvereniging neemt de vijf "
    "populairste mee in de kernagenda van {kern}.",
    "Na de koffie ging het over wonen: starters en ouderen willen in {kern} blijven. Een "
    "werkgroep zoekt uit waar kleine woningen kunnen komen.",
    "Wethouder en gebiedsmakelaar luisterden een avond lang naar de inwoners van {kern}. "
    "Glasvezel, de bushalte en een ontmoetingsplek kwamen het vaakst terug.",
]


def village_evening(seed: int) -> tuple:
    return (
        "dorpsavond",
        "Volle zaal bij de dorpsavond in {kern}",
        3,
        VILLAGE_EVENINGS[seed % len(VILLAGE_EVENINGS)],
        ["dorpsavond", "kernagenda"],
    )


STORIES = [
    # (slug, title, days ago, intro, tags)
    ("bloembakken", "Vrijwilligers vullen de bloembakken in {kern}", 12,
     "Zaterdag gingen twintig vrijwilligers aan de slag. Wil je volgend jaar helpen? "
     "Meld je bij de dorpsvereniging.", ["vrijwilligers", "groen"]),
    ("speeltuin", "Nieuwe speeltoestellen voor de speeltuin van {kern}", 30,
     "De gemeente en de dorpsvereniging betalen samen twee nieuwe toestellen. Ze staan "
     "er voor de zomer.", ["spelen", "kernagenda"]),
    ("buurtbus", "Buurtbus rijdt vaker naar {kern}", 8,
     "Vanaf volgende maand stopt de buurtbus ook op zaterdag in {kern}. De chauffeurs zijn "
     "vrijwilligers; er is plek voor nieuwe.", ["vervoer", "vrijwilligers"]),
    ("dorpshuis-zonnepanelen", "Zonnepanelen op het dorpshuis van {kern}", 18,
     "Het dak van het dorpshuis ligt vol: 48 panelen leveren genoeg stroom voor het hele "
     "gebouw. Inwoners betaalden mee via certificaten.", ["energie", "dorpshuis"]),
    ("jeu-de-boules", "Jeu-de-boulesbaan bij de kerk van {kern} geopend", 25,
     "Op de nieuwe baan spelen jong en oud elke dinsdag- en vrijdagmiddag. Ballen liggen "
     "klaar in het dorpshuis.", ["sport", "ontmoeten"]),
    ("fietspad-school", "Veiliger naar school in {kern}", 15,
     "Ouders en de gemeente kozen samen voor een verhoogd fietspad langs de school. Het werk "
     "begint in de herfstvakantie.", ["verkeer", "kernagenda"]),
    ("repaircafe", "Repaircafé {kern} redt honderd apparaten", 40,
     "Broodroosters, fietsen en een naaimachine: in een jaar repareerden de vrijwilligers "
     "meer dan honderd spullen die anders weg waren gegooid.", ["duurzaam", "vrijwilligers"]),
    ("bomenplant", "Schoolkinderen planten bomen langs de dijk bij {kern}", 21,
     "Groep 7 en 8 plantten veertig fruitbomen. Over een paar jaar mag iedereen er plukken.",
     ["groen", "jeugd"]),
    ("ijsbaan", "IJsclub {kern} zoekt nieuwe bestuursleden", 6,
     "Na dertig jaar stopt de voorzitter. De ijsclub zoekt twee mensen die de baan en de "
     "vrijwilligers willen regelen.", ["vereniging", "vrijwilligers"]),
    ("ontmoetingsbankje", "Een bankje om elkaar te ontmoeten in {kern}", 35,
     "Op drie plekken in het dorp staat nu een praatbankje. Wie er gaat zitten, vindt het "
     "fijn als iemand even aanschuift.", ["ontmoeten", "ouderen"]),
]  # fmt: skip


def kern_stories(seed: int) -> list:
    """The news of the ``seed``-th kern: its village evening and two stories of its own (a
    different pair for each of up to 45 kernen)."""
    pairs = list(combinations(STORIES, 2))
    return [village_evening(seed), *pairs[seed * 7 % len(pairs)]]


MUNICIPALITY_NEWS = [
    (
        "kernenportaal-van-start",
        "Het kernenportaal is van start",
        2,
        "Op dit portaal vind je het nieuws, de activiteiten en de plannen van alle 26 kernen "
        "van West Betuwe.",
        ["kernenportaal"],
    ),
    (
        "subsidie-leefbaarheid",
        "Subsidie voor leefbaarheid: vraag aan tot 1 juni",
        20,
        "Heeft jouw dorpsvereniging een plan dat het dorp beter maakt? Vraag dan subsidie aan "
        "bij de gemeente.",
        ["subsidie", "leefbaarheid"],
    ),
]

# (slug, title, kernen (slugs, or None for all), start offset, days, impact, location, summary,
#  detour, point offset from the first kern or None)
NOTICES = [
    ("herinrichting-markt-beesd", "Herinrichting Markt Beesd", ["beesd"], -5, 40,
     Impact.ROAD_CLOSED, "Markt en Kerkstraat, Beesd",
     "De Markt krijgt nieuwe bestrating en meer groen. Daarom is de Markt afgesloten voor "
     "auto's.", "Volg de borden via de Hogewaard en de Lingedijk.", (0.001, 0.002)),
    ("asfalt-lingedijk", "Nieuw asfalt op de Lingedijk", ["beesd", "heukelum", "asperen"], 4,
     10, Impact.DETOUR, "Lingedijk tussen Beesd en Asperen",
     "De Lingedijk krijgt een nieuwe laag asfalt; de oude laag is versleten.",
     "Verkeer gaat om via de A15, afrit Leerdam, en de N327.", (0.004, -0.03)),
    ("vervanging-waterleiding-heukelum", "Vervanging waterleiding Heukelum", ["heukelum"], -20,
     60, Impact.LIMITED_ACCESS, "Hoogstraat en Voorstraat, Heukelum",
     "Vitens vervangt de oude waterleiding. Woningen blijven bereikbaar te voet.", "",
     (0.0005, 0.001)),
    ("snoeiwerk-bomen", "Snoeiwerk langs wegen in alle kernen", None, -2, 21, Impact.OTHER,
     "Langs doorgaande wegen in alle kernen",
     "De gemeente snoeit bomen langs de wegen, zodat ze veilig blijven. Soms is een rijstrook "
     "kort dicht.", "", None),
    ("brug-tuil", "Onderhoud brug bij Tuil", ["tuil", "waardenburg"], 10, 5, Impact.DETOUR,
     "Brug over de Waalbandijk, tussen Tuil en Waardenburg",
     "De brug krijgt nieuwe voegen en een nieuwe verflaag.",
     "Fietsers en auto's rijden om via de Steenweg; volg de gele borden.", (0.003, 0.005)),
    ("riolering-geldermalsen", "Riolering Rijksstraatweg Geldermalsen", ["geldermalsen"], 30,
     45, Impact.ROAD_CLOSED, "Rijksstraatweg, Geldermalsen",
     "De riolering wordt vervangen en regenwater apart afgevoerd.",
     "Verkeer gaat om via de Van Heemstraweg.", (-0.002, 0.001)),
    ("herstel-kademuur-varik", "Herstel kademuur Varik", ["varik", "heesselt"], -60, 30,
     Impact.NOISE, "Kade aan de Waal, Varik",
     "De kademuur is hersteld. Er was overdag geluid van heiwerk.", "", (0.001, -0.002)),
    ("glasvezel-meteren", "Aanleg glasvezel Meteren", ["meteren"], -3, 14, Impact.PARKING,
     "Woonwijk De Plantage, Meteren",
     "Er komt glasvezel in de wijk. De stoep gaat per straat een paar dagen open.", "", None),
]  # fmt: skip


def _news(parent, collection, kern_name, seed, items, today, stdout):
    existing = set(parent.get_children().values_list("slug", flat=True))
    for number, (slug, title, days_ago, intro, tags) in enumerate(items):
        if slug in existing:
            continue
        # Two in three stories have a picture of their own, drawn for this kern and story.
        image = None
        image_title = f"{kern_name} – {slug}"
        if number < 2:
            image = demo_image(image_title, collection)
        NewsPageFactory(
            parent=parent,
            title=title.format(kern=kern_name),
            slug=slug,
            date=today - timedelta(days=days_ago),
            intro=intro.format(kern=kern_name),
            image=image,
            image_alt=demo_image_alt(image_title, kern_name) if image else "",
            body=[
                (
                    "paragraph",
                    f"<p>{intro.format(kern=kern_name)}</p><p>Heb je vragen of ideeën? "
                    f"Mail de dorpsvereniging; we horen graag van je.</p>",
                ),
                ("quote", {"quote": "Zo maken we het dorp samen mooier.", "attribution": ""}),
            ],
            tags=tags,
            log_action=True,
        )


#: The municipality's communications officer: publishes work notices and municipality news.
COMMS_USERNAME = "communicatie"


def load_news_demo(home, stdout=None):
    comms_group, _pages = comms_group_for(home)
    if comms_group is not None:
        demo_login(
            "Communicatie (werkzaamheden, gemeentenieuws)",
            COMMS_USERNAME,
            groups=[comms_group],
            email="communicatie@westbetuwe.example",
            first_name="Communicatie",
            last_name="West Betuwe",
        )
    today = timezone.localdate()
    kernen = list(KernPage.objects.child_of(home).order_by("title"))
    for seed, kern in enumerate(kernen):
        index = NewsIndexPage.objects.child_of(kern).first()
        if index is not None and kern.collection_id:
            _news(index, kern.collection, kern.title, seed, kern_stories(seed), today, stdout)

    municipality_news = MunicipalityNewsIndexPage.objects.child_of(home).first()
    if municipality_news is not None:
        _news(
            municipality_news,
            municipality_collection(home),
            home.municipality_name,
            0,
            MUNICIPALITY_NEWS,
            today,
            stdout,
        )

    notices_index = WorkNoticeIndexPage.objects.child_of(home).first()
    if notices_index is None:
        return
    by_slug = {kern.slug: kern for kern in kernen}
    existing = set(notices_index.get_children().values_list("slug", flat=True))
    for slug, title, targets, start, days, impact, location, summary, detour, offset in NOTICES:
        if slug in existing:
            continue
        targeted = [by_slug[name] for name in targets or [] if name in by_slug]
        if targets and not targeted:
            continue
        coordinates = ""
        anchor = targeted[0] if targeted else None
        if offset and anchor is not None and anchor.latitude is not None:
            coordinates = make_point(
                anchor.latitude + Decimal(str(offset[0])),
                anchor.longitude + Decimal(str(offset[1])),
            )
        WorkNoticePageFactory(
            parent=notices_index,
            title=title,
            slug=slug,
            summary=summary,
            body=f"<p>{summary}</p><p>We doen ons best de overlast klein te houden.</p>",
            start_date=today + timedelta(days=start),
            end_date=today + timedelta(days=start + days),
            location_text=location,
            coordinates=coordinates,
            impact=impact,
            detour=detour,
            contact="Gemeente West Betuwe, 0345 - 123 400, info@westbetuwe.example",
            all_kernen=targets is None,
            kernen=targeted,
            log_action=True,
        )
