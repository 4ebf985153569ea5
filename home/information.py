"""The accessibility statement and the privacy statement of a municipality's portal.

Provisioning creates both under the home page, with default Dutch text that the
municipality's comms staff adapt in the admin (the text is content, not a translated UI
string). The footer links to every live information page; that list is cached per site and
dropped when an information page is published, unpublished, moved or deleted (also when the
cache did not answer at that moment: ``pagecache.invalidation.forget``).
"""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import InformationPage
from home.queries import public
from pagecache.invalidation import forget

FOOTER_CACHE_KEY = "home:information-links:{site_id}"


def _heading(text):
    return {"type": "heading", "value": text}


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def accessibility_statement(municipality):
    return {
        "title": "Toegankelijkheidsverklaring",
        "slug": "toegankelijkheid",
        "intro": (
            f"De gemeente {municipality} wil dat iedereen dit portaal kan gebruiken: ook met "
            "een schermlezer, met alleen een toetsenbord of op een kleine telefoon."
        ),
        "body": [
            _heading("Status"),
            _paragraph(
                "<p>Dit portaal voldoet <b>gedeeltelijk</b> aan de eisen van de Web Content "
                "Accessibility Guidelines (WCAG) 2.2, niveau A en AA. Dat is status B van de "
                "toegankelijkheidsverklaringen van de overheid. Alle pagina's slagen voor onze "
                "automatische controles; een onderzoek door een onafhankelijke deskundige is "
                "nog niet gedaan.</p>"
            ),
            _heading("Wat we hebben getest en hoe"),
            _paragraph(
                "<ul><li>Elke soort pagina (kernpagina, nieuws, werkzaamheden, kernagenda, "
                "activiteiten, inspiratie, zoeken, formulieren en de besloten pagina's van "
                "besturen) controleren we bij elke wijziging van de software met het "
                "programma axe-core in de browser Chromium, op een breed scherm en op een "
                "telefoonscherm van 375 pixels breed.</li>"
                "<li>Elk formulier controleren we leeg en met foutmeldingen.</li>"
                "<li>We testen met alleen het toetsenbord: de link 'Naar de inhoud', een "
                "zichtbare focus in de volgorde van de pagina, het menu, het zoekvak met "
                "suggesties en het overslaan van de kaart.</li></ul>"
            ),
            _heading("Bekende problemen"),
            _paragraph(
                "<ul><li>De kaart van de werkzaamheden is niet goed te gebruiken met een "
                "schermlezer. Je kunt de kaart overslaan; elke plek staat ook als tekst in de "
                "lijst onder de kaart.</li>"
                "<li>Documenten (zoals PDF-bestanden) en foto's worden geplaatst door "
                "vrijwilligers van de kernen. Niet elk document is toegankelijk en niet elke "
                "foto heeft een goede beschrijving. Heb je een document nodig in een andere "
                "vorm? Vraag het ons.</li></ul>"
            ),
            _heading("Contact"),
            _paragraph(
                "<p>Lukt iets niet, of zie je een probleem met de toegankelijkheid? Laat het "
                "ons weten via de contactgegevens onderaan deze pagina. Je krijgt binnen 5 "
                "werkdagen antwoord. Ben je niet tevreden met ons antwoord? Dan kun je contact "
                "opnemen met de Nationale Ombudsman.</p>"
            ),
        ],
    }


DOSSIER_ITEM = (
    "<li><b>Je eigen dossier</b>: wat je er zelf in zet. Alleen jij ziet het. Deel "
    "je iets, dan zie je wie er wanneer in keek; dat overzicht bewaren we twee "
    "jaar. Je dossier gaat weg als je het of je account verwijdert.</li>"
)

BUSINESS_ITEM = (
    "<li><b>Je bedrijf aanmelden</b>: het e-mailadres voor wijzigingen; dat staat niet op "
    "de site. Bevestig je de aanmelding niet, dan verwijderen we die na een week.</li>"
)


def privacy_statement(municipality):
    return {
        "title": "Privacyverklaring",
        "slug": "privacy",
        "intro": (
            f"Dit portaal is van de gemeente {municipality} en de kernen. Hier lees je welke "
            "gegevens we van je bewaren, waarom, hoe lang, en wat je rechten zijn."
        ),
        "body": [
            _heading("Welke gegevens bewaren we?"),
            _paragraph(
                "<p>Wie alleen leest, hoeft niets in te vullen. We bewaren alleen wat je zelf "
                "invult:</p><ul>"
                "<li><b>Blijf op de hoogte</b>: je e-mailadres, de kernen en de soorten "
                "berichten die je kiest.</li>"
                "<li><b>Aanmelden voor een activiteit</b>: je naam en e-mailadres.</li>"
                "<li><b>Doe mee met een actiepunt</b> en <b>samen inkopen</b>: je naam en "
                "hoe we je kunnen bereiken.</li>"
                "<li><b>Formulieren</b>, zoals de klankbordgroep: wat je invult.</li>"
                f"{BUSINESS_ITEM}"
                "<li><b>Leden van een bestuur of project</b>: naam, e-mailadres, en wat je "
                "plaatst in de besloten werkruimte.</li>"
                f"{DOSSIER_ITEM}</ul>"
                "<p>Om misbruik van formulieren te voorkomen, tellen we een uur lang hoe vaak "
                "een internetadres een formulier verstuurt. We gebruiken geen cookies om je "
                "te volgen. Alleen als je inlogt of een formulier verstuurt, zet het portaal "
                "een cookie dat daarvoor nodig is.</p>"
            ),
            _heading("Waarom?"),
            _paragraph(
                "<p>We gebruiken je gegevens alleen voor waar je ze voor gaf: je de berichten "
                "sturen die je vroeg, je aanmelding doorgeven aan de organisator of de "
                "trekker van een actiepunt, of het bestuur van je kern laten samenwerken. "
                "Je gegevens staan niet op de website en we geven ze niet aan anderen.</p>"
            ),
            _heading("Hoe lang?"),
            _paragraph(
                "<p>Niet langer dan nodig. Afmelden voor e-mail kan altijd met de link in elk "
                "bericht. Hoe lang we elk soort gegeven precies bewaren, staat in het "
                "verwerkingsregister van de gemeente.</p>"
            ),
            _heading("Je rechten"),
            _paragraph(
                "<p>Je mag vragen welke gegevens we van je hebben, en vragen om ze te "
                "verbeteren of te verwijderen. Dat kan meteen op de site: heb je een account, "
                "ga dan naar Mijn account. Heb je je zonder account aangemeld of een formulier "
                'ingevuld? Vraag dan op <a href="/mijn-gegevens/">Mijn gegevens</a> een link '
                "aan. Daarmee bekijk, download of verwijder je wat we onder je e-mailadres "
                "bewaren. Je mag ook bezwaar maken. Heb je een klacht "
                "over hoe we met je gegevens omgaan? Dan kun je die indienen bij de "
                "Autoriteit Persoonsgegevens.</p>"
            ),
            _heading("Contact"),
            _paragraph(
                "<p>Vragen over je gegevens? Neem contact op met de gemeente via de "
                "contactgegevens onderaan deze pagina. De gemeente heeft ook een functionaris "
                "gegevensbescherming.</p>"
            ),
        ],
    }


STATEMENTS = (accessibility_statement, privacy_statement)


def ensure_information_pages(home, report):
    """Create the accessibility and privacy statements under ``home`` if they are missing
    (by slug). An existing page, edited or not, is left alone."""
    present = set(home.get_children().values_list("slug", flat=True))
    for statement in STATEMENTS:
        fields = statement(home.municipality_name)
        if fields["slug"] in present:
            continue
        page = InformationPage(**fields)
        home.add_child(instance=page)
        page.save_revision(log_action=True).publish(log_action=True)
        report.add(f"home.InformationPage {home.url_path}{fields['slug']}/")


def information_links(site):
    """(title, url) of the live, public information pages of ``site``, for the footer."""
    if site is None:
        return []
    key = FOOTER_CACHE_KEY.format(site_id=site.pk)
    links = cache.get(key)
    if links is None:
        pages = public(InformationPage.objects.child_of(site.root_page).live()).order_by("path")
        links = [(page.title, page.get_url()) for page in pages]
        cache.set(key, links, None)
    return links


@receiver(page_published, sender=InformationPage)
@receiver(page_unpublished, sender=InformationPage)
@receiver(post_page_move, sender=InformationPage)
@receiver(post_delete, sender=InformationPage)
def forget_information_links(sender, **kwargs):
    site_ids = Site.objects.values_list("pk", flat=True)
    forget(*(FOOTER_CACHE_KEY.format(site_id=pk) for pk in site_ids))
