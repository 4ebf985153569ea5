"""The Dutch and Polish catalogues are complete, agree with each other and with the source
strings' placeholders, and the committed .mo files match the .po files."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    path for path in ROOT.glob("**/locale/*/LC_MESSAGES/django.po") if ".venv" not in path.parts
)


def entries(catalogue):
    return {
        (entry.msgctxt, entry.msgid): (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
        for entry in catalogue
        if not entry.obsolete and entry.msgid
    }


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def test_there_is_a_dutch_and_a_polish_catalogue():
    assert ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po" in CATALOGUES
    assert ROOT / "locale" / "pl" / "LC_MESSAGES" / "django.po" in CATALOGUES


def test_dutch_and_polish_translate_the_same_strings():
    dutch, polish = (
        polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.po"))
        for code in ("nl", "pl")
    )

    assert set(entries(dutch)) == set(entries(polish)), "run `make messages`"


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_translations_keep_the_placeholders(po_path):
    wrong = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete or not entry.msgid:
            continue
        expected = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            found = set(PLACEHOLDER.findall(text))
            # A plural form may leave out the number ("one item"), never add a placeholder.
            if text and (found - expected or (not entry.msgid_plural and found != expected)):
                wrong.append(entry.msgid)
    assert wrong == []


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_catalogue_is_complete_without_fuzzy_entries(po_path):
    catalogue = polib.pofile(str(po_path))

    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_compiled_catalogue_matches_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`"

    assert entries(polib.mofile(str(mo_path))) == entries(polib.pofile(str(po_path))), (
        f"{mo_path.name} is older than {po_path.name}: run `make messages`"
    )
