"""Demo translations: the home page, Beesd's kern page and the municipality's sections in
English and Polish, made through wagtail-localize as an editor would (home.locales.
translate_page), so that the language switcher has real translations to show. Every other
page of the demo stays an untranslated copy of the Dutch page."""

from wagtail.models import Locale, Page

from home.locales import translate_page
from kernen.data import read_kernen
from kernen.demo import MUNICIPALITY_INTRO, kern_about, kern_intro
from kernen.models import KernPage

SECTION_TITLES = {
    "Nieuws": {"en": "News", "pl": "Wiadomości"},
    "Activiteiten": {"en": "Activities", "pl": "Wydarzenia"},
    "Werkzaamheden": {"en": "Works", "pl": "Prace drogowe"},
    "Inspiratie": {"en": "Inspiration", "pl": "Inspiracje"},
    "Kernagenda's": {"en": "Kernagendas", "pl": "Agendy miejscowości"},
    "Kernagenda": {"en": "Kernagenda", "pl": "Agenda miejscowości"},
    "Projecten": {"en": "Projects", "pl": "Projekty"},
}
SECTION_INTROS = {
    "Alle actiepunten van alle kernen: wat er speelt, wie het oppakt en hoe ver het is.": {
        "en": "All action points of all kernen: what is going on, who takes it up and how far "
        "it has got.",
        "pl": "Wszystkie punkty działania wszystkich miejscowości: co się dzieje, kto się tym "
        "zajmuje i na jakim jest etapie.",
    },
    "Wegwerkzaamheden, afsluitingen en andere werkzaamheden van de gemeente, per kern.": {
        "en": "Road works, closures and other works of the municipality, per kern.",
        "pl": "Roboty drogowe, zamknięcia dróg i inne prace gminy, w podziale na miejscowości.",
    },
}


def _strip_p(html: str) -> list[str]:
    return [part.removesuffix("</p>") for part in html.split("<p>") if part]


def home_strings(code: str) -> dict[str, str]:
    (intro,) = _strip_p(MUNICIPALITY_INTRO)
    return {
        intro: {
            "en": "West Betuwe is made up of 26 kernen: villages and two small towns between the "
            "Linge and the Waal. On this portal you read what is happening in your kern, what "
            "the village associations do and what the municipality is working on. Choose your "
            "kern below.",
            "pl": "Gmina West Betuwe składa się z 26 miejscowości: wsi i dwóch małych miast "
            "między rzekami Linge i Waal. Na tym portalu przeczytasz, co dzieje się w Twojej "
            "miejscowości, czym zajmują się stowarzyszenia wiejskie i nad czym pracuje gmina. "
            "Wybierz poniżej swoją miejscowość.",
        }[code]
    }


def beesd_strings(row: dict, code: str) -> dict[str, str]:
    first, second = _strip_p(kern_about(row))
    former = row["former_municipality"]
    english = {
        kern_intro(row): "Beesd is a village on the Linge. Here you find the news, the "
        "activities and the kernagenda of Beesd, and whom to call with a question or an idea.",
        first: f"Until 2019 Beesd belonged to the municipality of {former}. Since the merger "
        "Beesd has been one of the 26 kernen of West Betuwe.",
        second: "Residents, the village association and the municipality make a kernagenda "
        "together: the plans and wishes for Beesd. Would you like to join in, or do you have an "
        "idea? Contact the village association or the municipality's area broker.",
    }
    polish = {
        kern_intro(row): "Beesd to wieś nad rzeką Linge. Znajdziesz tu wiadomości, wydarzenia "
        "i agendę miejscowości Beesd oraz dowiesz się, do kogo zadzwonić z pytaniem lub "
        "pomysłem.",
        first: f"Do 2019 roku Beesd należało do gminy {former}. Od połączenia gmin Beesd jest "
        "jedną z 26 miejscowości West Betuwe.",
        second: "Mieszkańcy, stowarzyszenie wiejskie i gmina wspólnie tworzą agendę "
        "miejscowości: plany i potrzeby Beesd. Chcesz się przyłączyć albo masz pomysł? "
        "Skontaktuj się ze stowarzyszeniem wiejskim lub z opiekunem obszaru z gminy.",
    }
    return english if code == "en" else polish


def _is_translated(page: Page, code: str) -> bool:
    return Page.objects.filter(
        translation_key=page.translation_key,
        locale__language_code=code,
        alias_of__isnull=True,
    ).exists()


def load_translations_demo(home, stdout=None) -> None:
    codes = list(Locale.objects.exclude(pk=home.locale_id).values_list("language_code", flat=True))
    beesd = KernPage.objects.child_of(home).filter(slug="beesd").first()
    row = next((row for row in read_kernen() if row["slug"] == "beesd"), None)
    sections = [page for page in home.get_children().live() if page.title in SECTION_TITLES]
    if beesd is not None:
        sections += [page for page in beesd.get_children().live() if page.title in SECTION_TITLES]
    for code in [code for code in codes if code in ("en", "pl")]:
        work = [(home, home_strings(code))]
        if beesd is not None and row is not None:
            work.append((beesd, beesd_strings(row, code)))
        for page in sections:
            strings = {page.title: SECTION_TITLES[page.title][code]}
            intro = getattr(page.specific, "intro", "")
            if intro in SECTION_INTROS:
                strings[intro] = SECTION_INTROS[intro][code]
            work.append((page, strings))
        for page, strings in work:
            if not _is_translated(page, code):
                translate_page(page.specific, code, strings)
                if stdout is not None:
                    stdout.write(f"  {code}: {page.title}")
