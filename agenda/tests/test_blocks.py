"""An action point's description uses the common blocks (``home.blocks``); quotes stored in the
old shape (``text``, ``author``) are converted by migration 0003 and still show."""

import importlib
import json

from django.apps import apps
from django.db import connection

import pytest

from agenda.models import ActionPointPage

pytestmark = pytest.mark.django_db

common_blocks = importlib.import_module("agenda.migrations.0003_common_blocks")

OLD_DESCRIPTION = [
    {"type": "paragraph", "value": "<p>Een plan voor de oversteek.</p>", "id": "p1"},
    {
        "type": "quote",
        "value": {"text": "Eindelijk veilig naar school.", "author": "Een ouder"},
        "id": "q1",
    },
]


def store_old_description(point):
    """Write the description as the old blocks stored it, on the page and in a draft."""
    revision = point.save_revision()
    content = dict(revision.content, description=json.dumps(OLD_DESCRIPTION))
    type(revision).objects.filter(pk=revision.pk).update(content=content)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {ActionPointPage._meta.db_table} SET description = %s WHERE page_ptr_id = %s",  # noqa: S608 (table name from the model)
            [json.dumps(OLD_DESCRIPTION), point.pk],
        )
    return revision


def test_old_quotes_are_converted_and_still_render(client, beesd, make_point):
    point = make_point(beesd, "Veilige oversteek")
    revision = store_old_description(point)

    common_blocks.forward(apps, None)

    point.refresh_from_db()
    quote = point.description[1]
    assert quote.block_type == "quote"
    assert quote.value["quote"] == "Eindelijk veilig naar school."
    assert quote.value["attribution"] == "Een ouder"
    revision.refresh_from_db()
    draft_quote = json.loads(revision.content["description"])[1]["value"]
    assert draft_quote == {"quote": "Eindelijk veilig naar school.", "attribution": "Een ouder"}

    html = client.get(point.url).content.decode()
    assert "Eindelijk veilig naar school." in html
    assert "Een ouder" in html
    assert "Een plan voor de oversteek." in html


def test_the_conversion_reverses(beesd, make_point):
    point = make_point(beesd, "Veilige oversteek")
    store_old_description(point)

    common_blocks.forward(apps, None)
    common_blocks.backward(apps, None)

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT description FROM {ActionPointPage._meta.db_table} WHERE page_ptr_id = %s",  # noqa: S608
            [point.pk],
        )
        stored = cursor.fetchone()[0]
    stored = json.loads(stored) if isinstance(stored, str) else stored
    assert stored[1]["value"] == {"text": "Eindelijk veilig naar school.", "author": "Een ouder"}
