"""The Dutch catalogue is complete and the committed .mo matches the .po."""

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


def test_there_is_a_dutch_catalogue():
    assert ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po" in CATALOGUES


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
