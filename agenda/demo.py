"""The kernagenda demo: themes, and a full kernagenda for every kern. Idempotent: a kern whose
kernagenda has action points already is left alone.

Action points are added by ``ActionPointPageFactory``: with ``add_child``, marked published,
without a revision each (the first edit in the admin makes one), which keeps the 26
kernagendas well under a minute on SQLite.
"""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from agenda.constants import BudgetSource, CarrierKind, InterestKind, Status
from agenda.factories import ActionPointPageFactory, ProgressUpdateFactory, ThemeFactory
from agenda.models import ActionPointPage, Interest, KernagendaPage, ProgressUpdate, SignUp
from agenda.provisioning import MUNICIPALITY_GROUP
from agenda.versions import publish_version
from kernen.demo import demo_login
from kernen.models import KernPage

THEMES = [
    "Verkeer en veiligheid",
    "Groen",
    "Wonen",
    "Voorzieningen",
    "Energie",
    "Ontmoeting",
    "Zorg en welzijn",
    "Jeugd",
]

#: (theme, title, summary) – the kind of points kernagendas hold.
IDEAS = [
    (
        "Verkeer en veiligheid",
        "Veilige oversteek bij de basisschool",
        "Een zebrapad en een drempel zodat kinderen veilig naar school lopen.",
    ),  # noqa: E501
    (
        "Verkeer en veiligheid",
        "Snelheid omlaag op de dijk",
        "Borden en een snelheidsmeter zodat auto's langzamer over de dijk rijden.",
    ),  # noqa: E501
    (
        "Verkeer en veiligheid",
        "Fietspad naar het station verlichten",
        "Lantaarns langs het fietspad zodat je 's avonds veilig fietst.",
    ),  # noqa: E501
    (
        "Verkeer en veiligheid",
        "AED-netwerk uitbreiden",
        "Meer AED's in het dorp en een cursus reanimeren voor buurtbewoners.",
    ),  # noqa: E501
    ("Groen", "Bloemrijke bermen", "Bermen inzaaien met inheemse bloemen voor bijen en vlinders."),
    (
        "Groen",
        "Boomgaard bij het dorpshuis",
        "Een kleine boomgaard met oude fruitrassen die het dorp samen onderhoudt.",
    ),  # noqa: E501
    (
        "Groen",
        "Speelbos aan de Linge",
        "Een stukje bos waar kinderen mogen klimmen en hutten bouwen.",
    ),  # noqa: E501
    (
        "Groen",
        "Zwerfvuil opruimen met de buurt",
        "Vier keer per jaar samen zwerfvuil prikken langs wegen en dijken.",
    ),  # noqa: E501
    (
        "Wonen",
        "Woningen voor starters",
        "Betaalbare huizen zodat jongeren in het dorp kunnen blijven wonen.",
    ),  # noqa: E501
    (
        "Wonen",
        "Levensloopbestendige woningen voor ouderen",
        "Woningen waar ouderen kunnen blijven wonen als ze minder goed ter been zijn.",
    ),  # noqa: E501
    (
        "Wonen",
        "Tiny houses op de oude sportvelden",
        "Onderzoeken of er een paar kleine woningen kunnen komen.",
    ),  # noqa: E501
    (
        "Voorzieningen",
        "Pinautomaat terug in het dorp",
        "Een geldautomaat zodat ouderen niet naar de stad hoeven.",
    ),  # noqa: E501
    (
        "Voorzieningen",
        "Glasvezel voor het buitengebied",
        "Snel internet ook voor de boerderijen buiten het dorp.",
    ),  # noqa: E501
    (
        "Voorzieningen",
        "Dorpshuis opknappen",
        "Nieuwe keuken en toiletten in het dorpshuis, samen met vrijwilligers.",
    ),  # noqa: E501
    (
        "Energie",
        "Zonnepanelen op het dorpshuis",
        "Zonnepanelen op het dak zodat het dorpshuis minder energie koopt.",
    ),  # noqa: E501
    (
        "Energie",
        "Energiecoach voor elke straat",
        "Vrijwilligers die buren helpen hun huis te isoleren en energie te besparen.",
    ),  # noqa: E501
    (
        "Energie",
        "Warmtescan van de huizen",
        "Met een warmtecamera laten zien waar huizen warmte verliezen.",
    ),  # noqa: E501
    (
        "Ontmoeting",
        "Dorpsfeest elk jaar",
        "Een jaarlijks feest op het plein met muziek, markt en spelletjes.",
    ),  # noqa: E501
    (
        "Ontmoeting",
        "Koffieochtend in het dorpshuis",
        "Elke week koffie voor iedereen die even wil bijpraten.",
    ),  # noqa: E501
    (
        "Ontmoeting",
        "Bankjes langs de wandelroute",
        "Bankjes waar wandelaars kunnen rusten en een praatje maken.",
    ),  # noqa: E501
    (
        "Zorg en welzijn",
        "Boodschappendienst voor ouderen",
        "Vrijwilligers die boodschappen doen voor wie dat zelf niet kan.",
    ),  # noqa: E501
    (
        "Zorg en welzijn",
        "Huiskamer voor mantelzorgers",
        "Een plek waar mantelzorgers elkaar ontmoeten en steun vinden.",
    ),  # noqa: E501
    (
        "Zorg en welzijn",
        "Buurtauto voor vervoer naar het ziekenhuis",
        "Een auto met vrijwillige chauffeurs voor ritten naar dokter en ziekenhuis.",
    ),  # noqa: E501
    (
        "Jeugd",
        "Jongerenontmoetingsplek",
        "Een overdekte plek waar jongeren elkaar kunnen ontmoeten.",
    ),  # noqa: E501
    (
        "Jeugd",
        "Nieuw speeltoestel op het plein",
        "Een speeltoestel voor de kleinsten, samen met ouders gekozen.",
    ),  # noqa: E501
    (
        "Jeugd",
        "Pannakooi bij de school",
        "Een klein voetbalveldje met hekken waar kinderen na school spelen.",
    ),  # noqa: E501
    (
        "Jeugd",
        "Huiswerkklas in de bibliotheek",
        "Vrijwilligers die kinderen helpen met hun huiswerk.",
    ),  # noqa: E501
]
UPDATES = [
    ("Eerste bijeenkomst met bewoners gehouden; er kwamen {n} mensen.", Status.PREPARATION),
    ("Plan besproken met de gemeente; de gebiedsmakelaar denkt mee.", ""),
    ("Offerte aangevraagd en subsidie aangevraagd bij het kernenbudget.", ""),
    ("De uitvoering is begonnen.", Status.IN_PROGRESS),
    ("Klaar! Dank aan alle vrijwilligers.", Status.DONE),
]
STATUS_ROUND = [Status.IDEA, Status.PREPARATION, Status.IN_PROGRESS, Status.DONE, Status.PARKED]
JOINT = [
    # (owner, other kernen, title, summary, theme, joint purchase)
    ("beesd", ["asperen", "heukelum"], "Samen een buurtbus voor de Linge-dorpen",
     "Een buurtbus die Beesd, Asperen en Heukelum verbindt met het station.",
     "Verkeer en veiligheid", False),
    ("geldermalsen", ["tricht", "buurmalsen", "meteren"],
     "Samen zonnepanelen inkopen voor dorpshuizen",
     "Dorpshuizen kopen samen zonnepanelen in en krijgen zo een lagere prijs.",
     "Energie", True),
    ("haaften", ["hellouw", "tuil"], "Gezamenlijke wandelroute langs de Waal",
     "Een bewegwijzerde wandelroute langs de Waal met bankjes en informatieborden.",
     "Ontmoeting", False),
    ("heukelum", ["spijk", "vuren"], "Samen een AED-netwerk opzetten",
     "De dorpen zorgen samen voor AED's en genoeg burgerhulpverleners.",
     "Verkeer en veiligheid", False),
]  # fmt: skip


def ensure_themes():
    return {
        name: ThemeFactory(slug=slugify(name), name=name, sort_order=order * 10)
        for order, name in enumerate(THEMES)
    }


def point_fields(seed, number, themes, today):
    theme, title, summary = IDEAS[(seed * 5 + number) % len(IDEAS)]
    status = STATUS_ROUND[(seed + number) % len(STATUS_ROUND)]
    requested = Decimal(500 + ((seed * 13 + number * 7) % 40) * 250)
    granted_status = status in (Status.IN_PROGRESS, Status.DONE)
    return {
        "title": title,
        "slug": slugify(title),
        "summary": summary,
        "description": [
            (
                "paragraph",
                f"<p>{summary} Dit punt staat op de kernagenda omdat bewoners het "
                "belangrijk vinden. Wil je helpen? Meld je aan met het formulier.</p>",
            )
        ],
        "theme": themes[theme],
        "status": status,
        "carrier_kind": list(CarrierKind)[(seed + number) % len(CarrierKind)],
        "carrier_name": f"Werkgroep {theme.split()[0]}",
        "municipality_contact_name": "Gebiedsmakelaar West Betuwe",
        "municipality_contact_email": "kernen@westbetuwe.example",
        "budget_requested": requested,
        "budget_granted": requested if granted_status else None,
        "budget_source": list(BudgetSource)[(seed + number) % len(BudgetSource)],
        "start_date": today - datetime.timedelta(days=30 * ((seed + number) % 12)),
        "target_date": today + datetime.timedelta(days=60 * (1 + (seed + number) % 6)),
        "next_review_date": today + datetime.timedelta(days=45 * ((seed + number) % 5 - 1)),
    }


def updates_for(point, seed, today):
    steps = {
        Status.IDEA: 1,
        Status.PREPARATION: 2,
        Status.IN_PROGRESS: 4,
        Status.DONE: 5,
        Status.PARKED: 2,
    }[point.status]
    updates = []
    for step in range(steps):
        text, new_status = UPDATES[step]
        updates.append(
            ProgressUpdateFactory.build(
                page=point,
                sort_order=step,
                date=today - datetime.timedelta(days=40 * (steps - step)),
                text=text.format(n=12 + seed % 20),
                new_status=new_status if step else Status.IDEA,
            )
        )
    if point.status == Status.PARKED:
        updates.append(
            ProgressUpdateFactory.build(
                page=point,
                sort_order=steps,
                date=today - datetime.timedelta(days=5),
                text="Even geparkeerd: er zijn nu te weinig vrijwilligers.",
                new_status=Status.PARKED,
            )
        )
    return updates


#: The municipality's kernagenda staff: keeps the themes, sees points past their review date.
KERNAGENDA_USERNAME = "kernagenda-gemeente"


@transaction.atomic
def load_agenda_demo(home, stdout=None):
    group = Group.objects.filter(name=MUNICIPALITY_GROUP).first()
    if group is not None:
        demo_login(
            "Kernagenda gemeente (thema's, evaluatiedata)",
            KERNAGENDA_USERNAME,
            groups=[group],
            email="kernagenda@westbetuwe.example",
            first_name="Kernagenda",
            last_name="West Betuwe",
        )

    themes = ensure_themes()
    today = timezone.localdate()
    kernen = {kern.slug: kern for kern in KernPage.objects.child_of(home)}
    agendas = {}
    for agenda in KernagendaPage.objects.descendant_of(home):
        agendas[agenda.path[: -agenda.steplen]] = agenda
    filled = set(
        ActionPointPage.objects.descendant_of(home).values_list("kern_id", flat=True).distinct()
    )
    updates = []
    created = 0
    for seed, kern in enumerate(sorted(kernen.values(), key=lambda kern: kern.title)):
        kernagenda = agendas.get(kern.path)
        if kernagenda is None or kern.pk in filled:
            continue
        if not kernagenda.intro:
            kernagenda.intro = (
                f"Dit is de kernagenda van {kern.title}: de plannen en wensen die inwoners, "
                f"Dorpsbelang {kern.title} en de gemeente samen hebben afgesproken."
            )
            kernagenda.save(update_fields=["intro"])
        number_of_points = 10 + (seed * 7) % 31
        seen = set()
        for number in range(number_of_points):
            fields = point_fields(seed, number, themes, today)
            if fields["slug"] in seen:
                fields["slug"] = f"{fields['slug']}-{number}"
            seen.add(fields["slug"])
            point = ActionPointPageFactory(parent=kernagenda, kern=kern, **fields)
            updates += updates_for(point, seed, today)
            created += 1
        for owner, others, title, summary, theme, purchase in JOINT:
            if owner != kern.slug:
                continue
            point = ActionPointPageFactory(
                parent=kernagenda,
                kern=kern,
                title=title,
                slug=slugify(title),
                summary=summary,
                theme=themes[theme],
                status=Status.PREPARATION,
                carrier_kind=CarrierKind.TOGETHER,
                carrier_name=f"Werkgroep van {kern.title} en {len(others)} andere kernen",
                carrier_email=f"werkgroep@dorpsbelang-{kern.slug}.example",
                budget_requested=Decimal(15000),
                budget_source=BudgetSource.LEEFBAARHEIDSBUDGET,
                next_review_date=today - datetime.timedelta(days=10),
                joint_purchase=purchase,
                joint_kernen=[kernen[slug] for slug in others if slug in kernen],
            )
            updates += updates_for(point, seed, today)
            created += 1
            if purchase:
                Interest.objects.bulk_create(
                    [
                        Interest(
                            action_point=point, kind=InterestKind.KERN, name="Dorpsbelang",
                            email=f"bestuur@dorpsbelang-{slug}.example", kern=kernen[slug],
                        )
                        for slug in ("deil", "enspijk")
                        if slug in kernen
                    ]
                    + [
                        Interest(
                            action_point=point, kind=InterestKind.RESIDENT,
                            name=f"Inwoner {index}", email=f"inwoner{index}@example.nl",
                        )
                        for index in range(1, 8)
                    ]
                )  # fmt: skip
        if kern.slug == "beesd":
            demo_versions(kernagenda, kern, publish_version)
    ProgressUpdate.objects.bulk_create(updates)
    if stdout is not None:
        stdout.write(f"Kernagenda: {created} actiepunten toegevoegd.\n")


def demo_versions(kernagenda, kern, publish_version):
    """Beesd has two versions: the first, with earlier statuses, and the current one."""
    first = publish_version(kernagenda, "Eerste versie – najaar 2025")
    earlier = {
        Status.DONE: Status.IN_PROGRESS,
        Status.IN_PROGRESS: Status.PREPARATION,
        Status.PREPARATION: Status.IDEA,
    }
    first.points = [
        {**point, "status": earlier.get(point["status"], point["status"])}
        for point in first.points[:-3]
    ]
    first.published_at = timezone.now() - datetime.timedelta(days=180)
    first.save()
    publish_version(kernagenda, "Versie 2 – voorjaar 2026")
    point = ActionPointPage.objects.filter(kern=kern).order_by("pk").first()
    SignUp.objects.bulk_create(
        [
            SignUp(
                action_point=point,
                name="Sanne de Boer",
                email="sanne@example.nl",
                kern=kern,
                contribution="Ik kan flyers rondbrengen en meedenken.",
                consent=True,
            ),
            SignUp(
                action_point=point,
                name="Kees van Dijk",
                email="kees@example.nl",
                kern=kern,
                contribution="Ik heb een aanhanger en gereedschap.",
                consent=True,
            ),
        ]
    )
