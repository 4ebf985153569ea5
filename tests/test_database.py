"""Planner statistics are refreshed after data is loaded in bulk (portal/database.py), and
PostgreSQL connections start with the planner settings of portal/settings/base.py."""

from io import StringIO

from django.core.management import call_command
from django.db import connection

import pytest

from bench.generate import site as generate
from kernen.management.commands import load_demo
from portal.database import analyze

pytestmark = pytest.mark.django_db


def test_analyze_runs_on_postgresql_only():
    assert analyze() == (connection.vendor == "postgresql")


def test_the_demo_refreshes_the_statistics_after_loading(monkeypatch):
    calls = []
    monkeypatch.setattr(
        load_demo,
        "load_demo",
        lambda password, stdout, **options: {
            "kernen": 26,
            "url": "http://127.0.0.1:8000",
            "links": [],
            "logins": [("Beheerder", "admin")],
        },
    )
    monkeypatch.setattr(load_demo, "analyze", lambda: calls.append("analyze"))

    call_command("load_demo", stdout=StringIO())

    assert calls == ["analyze"]


def test_the_site_generator_refreshes_the_statistics_after_loading(municipality, monkeypatch):
    calls = []
    monkeypatch.setattr(generate, "analyze", lambda: calls.append("analyze"))

    generate.generate_site(kernen=1, pages_per_kern=10, seed=11, index=False, board=False)

    assert calls == ["analyze"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
def test_postgresql_connections_plan_for_random_reads_as_cheap_as_on_ssd():
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
