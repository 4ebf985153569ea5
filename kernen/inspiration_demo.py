"""Demo content of the kernen app: inspiration stories in every kern, the klankbordgroep form
and moderation in Heukelum. Idempotent: what exists is reused, never duplicated."""

import datetime

from django.utils import timezone

from home.factories import FormPageFactory
from home.models import FormPage
from kernen.demo import demo_image, demo_image_alt
from kernen.factories import InspirationPageFactory
from kernen.models import (
    InspirationGalleryImage,
    InspirationIndexPage,
    InspirationPage,
    KernPage,
)

# (slug, title, intro, what, how, cost, themes)
STORIES = [
    (
        "moestuin-bij-de-school",
        "Een moestuin bij de school",
        "Ouders, kinderen en buren legden samen een moestuin aan naast de basisschool.",
        "<p>Op een braakliggend stuk grond naast de school staan nu acht bakken met groente, "
        "kruiden en bloemen. De kinderen zaaien in het voorjaar en oogsten voor de zomer.</p>",
        "<p>We vroegen de gemeente om het stuk grond te mogen gebruiken. Een hovenier uit het "
        "dorp gaf advies; buren gieten in de vakanties volgens een rooster.</p>",
        "Ongeveer € 1.200 voor hout, aarde en zaad; betaald uit het leefbaarheidsbudget.",
        ["groen", "jeugd", "ontmoeting"],
    ),
    (
        "30-km-zone-met-bloembakken",
        "Veiliger door de dorpsstraat met bloembakken",
        "Bewoners zetten grote bloembakken neer zodat auto's langzamer rijden.",
        "<p>De dorpsstraat is smal en auto's reden er te hard. Nu staan er om de vijftig "
        "meter grote bloembakken, die bewoners zelf onderhouden.</p>",
        "<p>We telden een week lang het verkeer en lieten de cijfers aan de gemeente zien. "
        "Samen kozen we de plekken voor de bakken.</p>",
        "€ 3.500 voor twaalf bakken en planten; de gemeente betaalde de helft.",
        ["verkeersveiligheid", "groen"],
    ),
    (
        "koffieochtend-in-het-dorpshuis",
        "Elke dinsdag koffie in het dorpshuis",
        "Een wekelijkse koffieochtend waar ouderen en nieuwe bewoners elkaar ontmoeten.",
        "<p>Iedere dinsdagochtend staat de koffie klaar. Er komen gemiddeld twintig mensen, "
        "van jong tot oud.</p>",
        "<p>Drie vrijwilligers wisselen elkaar af. We maakten een flyer en brachten die huis "
        "aan huis rond.</p>",
        "€ 15 per week voor koffie en koek; bezoekers geven een vrijwillige bijdrage.",
        ["ontmoeting", "ouderen"],
    ),
    (
        "zonnepanelen-op-de-sporthal",
        "Zonnepanelen op het dak van de sporthal",
        "Een bewonerscoöperatie legde 200 zonnepanelen op de sporthal.",
        "<p>Het dak van de sporthal levert nu stroom voor zestig huishoudens. Leden van de "
        "coöperatie krijgen korting op hun energierekening.</p>",
        "<p>We richtten een coöperatie op, haalden leden op een informatieavond en vroegen "
        "subsidie aan bij de provincie.</p>",
        "€ 90.000, betaald door 75 leden en een subsidie van de provincie.",
        ["duurzaamheid", "energie"],
    ),
    (
        "jongerenplek-bij-het-sportveld",
        "Een eigen plek voor de jeugd",
        "Jongeren ontwierpen zelf een overkapping met bankjes bij het sportveld.",
        "<p>De jongeren wilden een plek om af te spreken zonder overlast voor de buren. Nu is "
        "er een overkapping met bankjes en een prullenbak.</p>",
        "<p>De jongeren maakten zelf een tekening en een begroting en presenteerden die aan "
        "de dorpsvereniging en de gemeente.</p>",
        "€ 6.000 uit het jeugdbudget van de gemeente; het bouwen deden vrijwilligers.",
        ["jeugd", "ontmoeting"],
    ),
    (
        "bloemrijke-dijk",
        "Een bloemrijke dijk",
        "Vrijwilligers zaaiden inheemse bloemen langs de dijk, voor bijen en vlinders.",
        "<p>Langs een kilometer dijk bloeien nu klaprozen, korenbloemen en margrieten.</p>",
        "<p>Met het waterschap spraken we af wanneer er gemaaid wordt. Een imker uit het dorp "
        "hielp met de keuze van de zaden.</p>",
        "€ 800 voor zaad; het waterschap leverde de machines.",
        ["groen", "duurzaamheid"],
    ),
    (
        "buurtbus-naar-de-markt",
        "Met de buurtbus naar de markt",
        "Vrijwillige chauffeurs rijden ouderen op vrijdag naar de markt.",
        "<p>Elke vrijdag rijdt de buurtbus twee rondes door het dorp en naar de markt in "
        "Geldermalsen.</p>",
        "<p>We vonden acht chauffeurs via de dorpskrant. Een vervoerder leent ons de bus.</p>",
        "Ongeveer € 2.000 per jaar voor brandstof en verzekering.",
        ["ouderen", "verkeersveiligheid"],
    ),
    (
        "open-podium-in-de-kerk",
        "Open podium in de kerk",
        "Twee keer per jaar treden mensen uit het dorp op in de oude kerk.",
        "<p>Muziek, gedichten en toneel: iedereen uit het dorp mag meedoen. Er komen zo'n "
        "honderd bezoekers.</p>",
        "<p>Een werkgroep van vijf mensen regelt de avond. De kerk stelt de ruimte gratis "
        "beschikbaar.</p>",
        "€ 400 voor geluid en licht, betaald uit de pauzeverkoop.",
        ["cultuur", "ontmoeting"],
    ),
]

KERN_QUESTION = "In welke kern woon je?"

KLANKBORDGROEP_FIELDS = [
    ("Naam", "singleline", True, ""),
    ("E-mailadres", "email", True, ""),
    (KERN_QUESTION, "dropdown", True, ""),  # the choices: the municipality's kernen
    ("Waarover wil je meedenken?", "checkboxes", False, "Verkeer\nGroen\nWonen\nVoorzieningen"),
    ("Wil je nog iets kwijt?", "multiline", False, ""),
]


def _add_story(index, kern, seed, story):
    slug, title, intro, body, approach, cost, themes = story
    if InspirationPage.objects.child_of(index).filter(slug=slug).exists():
        return
    image_title = f"{kern.title} – {title}"
    image = demo_image(image_title, kern.collection)
    InspirationPageFactory(
        parent=index,
        title=title,
        slug=slug,
        date=timezone.localdate() - datetime.timedelta(days=20 + seed * 11),
        intro=intro,
        body=body,
        approach=approach,
        cost=cost,
        contact_name=f"Dorpsbelang {kern.title}",
        contact_email=kern.association_email,
        tags=themes,
        gallery_images=[
            InspirationGalleryImage(
                image=image,
                alt_text=demo_image_alt(image_title, kern.title),
                caption=title,
            )
        ],
        log_action=True,
    )


def _kern_choices(home) -> str:
    return "\n".join(
        KernPage.objects.child_of(home).order_by("title").values_list("title", flat=True)
    )


def _klankbordgroep(home):
    """The klankbordgroep form; "In welke kern woon je?" is a choice of the kernen. A demo
    made when it was free text gets the choice, as a new published revision."""
    choices = _kern_choices(home)
    existing = FormPage.objects.child_of(home).filter(slug="klankbordgroep").first()
    if existing is not None:
        page = existing.get_latest_revision_as_object()
        question = next((f for f in page.form_fields.all() if f.label == KERN_QUESTION), None)
        if question is not None and (question.field_type, question.choices) != (
            "dropdown",
            choices,
        ):
            question.field_type, question.choices = "dropdown", choices
            page.save_revision(log_action=True).publish()
        return
    fields = [
        (label, kind, required, choices if label == KERN_QUESTION else options)
        for label, kind, required, options in KLANKBORDGROEP_FIELDS
    ]
    FormPageFactory(
        parent=home,
        show_in_menus=True,
        intro="<p>Denk mee over de plannen van de gemeente voor jouw kern. De klankbordgroep "
        "krijgt een paar keer per jaar een vraag per e-mail en komt één keer per jaar bij "
        "elkaar.</p>",
        thank_you_text="<p>Bedankt voor je aanmelding! We sturen je binnen twee weken een "
        "e-mail met meer informatie.</p>",
        fields=fields,
        log_action=True,
    )


def load_inspiration_demo(home, stdout=None) -> None:
    kernen = KernPage.objects.child_of(home).order_by("title")
    for number, kern in enumerate(kernen):
        index = InspirationIndexPage.objects.child_of(kern).first()
        if index is None:
            continue
        count = 2 + number % 2
        for offset in range(count):
            story = STORIES[(number * 2 + offset) % len(STORIES)]
            _add_story(index, kern, number * 3 + offset, story)

    _klankbordgroep(home)
