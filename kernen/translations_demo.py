"""Demo translations: the home page, every kern page, the municipality's sections and Beesd's
sections in English and Polish, made through wagtail-localize as an editor would (home.locales.
translate_page), so that the language switcher has real translations to show. Every other
page of the demo stays an untranslated copy of the Dutch page, with a note saying so."""

from wagtail.models import Locale, Page

from home.locales import translate_page
from kernen.data import read_kernen
from kernen.demo import LINGE, MUNICIPALITY_INTRO, TOWNS, WAAL, kern_about, kern_intro
from kernen.kern_texts import INTROS, agenda_invitation
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


#: Where a kern lies and what it is, in English and Polish (``kern_intro`` says it in Dutch).
PLACES = {
    "linge": {"en": "on the Linge", "pl": "nad rzeką Linge"},
    "waal": {"en": "on the Waal", "pl": "nad rzeką Waal"},
    "between": {
        "en": "in the river land between the Linge and the Waal",
        "pl": "w krainie rzecznej między Linge a Waal",
    },
}
KINDS = {
    "town": {"en": "small town", "pl": "małe miasto"},
    "village": {"en": "village", "pl": "wieś"},
}


def kern_strings(row: dict, code: str) -> dict[str, str]:
    """A kern page's intro and about text in English or Polish, for every kern of the demo."""
    name, slug, former = row["name"], row["slug"], row["former_municipality"]
    first, second = _strip_p(kern_about(row))
    place = PLACES["linge" if slug in LINGE else "waal" if slug in WAAL else "between"][code]
    kind = KINDS["town" if slug in TOWNS else "village"][code]
    if row["slug"] in INTROS:
        intro = kern_intro(row, code)
    elif code == "en":
        intro = (
            f"{name} is a {kind} {place}. Here you find the news, the activities and the "
            f"kernagenda of {name}, and whom to call with a question or an idea."
        )
    else:
        intro = (
            f"{name} to {kind} {place}. Znajdziesz tu wiadomości, wydarzenia i agendę "
            f"miejscowości {name} oraz dowiesz się, do kogo zadzwonić z pytaniem lub pomysłem."
        )
    if code == "en":
        return {
            kern_intro(row): intro,
            first: f"Until 2019 {name} belonged to the municipality of {former}. Since the "
            f"merger {name} has been one of the 26 kernen of West Betuwe.",
            second: agenda_invitation(slug, "en").format(name=name),
        }
    return {
        kern_intro(row): intro,
        first: f"Do 2019 roku {name} należało do gminy {former}. Od połączenia gmin {name} "
        "jest jedną z 26 miejscowości West Betuwe.",
        second: agenda_invitation(slug, "pl").format(name=name),
    }


def _is_translated(page: Page, code: str) -> bool:
    return Page.objects.filter(
        translation_key=page.translation_key,
        locale__language_code=code,
        alias_of__isnull=True,
    ).exists()


def load_translations_demo(home, stdout=None) -> None:
    codes = list(Locale.objects.exclude(pk=home.locale_id).values_list("language_code", flat=True))
    rows = {row["slug"]: row for row in read_kernen()}
    kernen = [kern for kern in KernPage.objects.child_of(home) if kern.slug in rows]
    beesd = next((kern for kern in kernen if kern.slug == "beesd"), None)
    sections = [page for page in home.get_children().live() if page.title in SECTION_TITLES]
    if beesd is not None:
        sections += [page for page in beesd.get_children().live() if page.title in SECTION_TITLES]
    for code in [code for code in codes if code in ("en", "pl")]:
        work = [(home, home_strings(code))]
        work += [(kern, kern_strings(rows[kern.slug], code)) for kern in kernen]
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
