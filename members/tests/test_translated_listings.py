"""A project has an English and a Polish copy; the board's list shows it once."""

import pytest

from home.locales import ensure_languages, ensure_translations
from members.models import ProjectPage

pytestmark = pytest.mark.django_db


def test_the_boards_projects_list_shows_each_project_once(client, world, make_project, settings):
    settings.PROVISION_LANGUAGES = True
    ensure_languages()
    project = make_project("Dijkversterking samen", [world.beesd])
    ensure_translations(project)
    assert ProjectPage.objects.filter(title="Dijkversterking samen").count() == 3  # nl, en, pl

    client.force_login(world.users["own_board"])
    html = client.get("/beesd/bestuur/projecten/").content.decode()

    assert html.count("Dijkversterking samen") == 1
