import hashlib
import io
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

import pytest

from kernen.models import InspirationPage, KernPage

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def counts():
    return {
        "pages": Page.objects.count(),
        "kernen": KernPage.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "sites": Site.objects.count(),
    }


def test_load_demo_twice_leaves_the_same_counts(client, demo):
    output = demo
    first = counts()
    call_command("load_demo", "--password", "demo-wachtwoord", stdout=io.StringIO())
    second = counts()

    assert first == second
    assert first["kernen"] == 26
    assert "admin / demo-wachtwoord" in output

    # The demo is usable: pilot kernen, images, an editor for Beesd, a working admin login.
    assert set(KernPage.objects.filter(rollout_status="pilot").values_list("slug", flat=True)) == {
        "beesd",
        "heukelum",
    }
    assert not KernPage.objects.filter(image__isnull=True).exists()
    editor = get_user_model().objects.get(username="redactie-beesd")
    assert list(editor.groups.values_list("name", flat=True)) == ["Beesd – redactie"]
    assert client.login(username="admin", password="demo-wachtwoord")
    assert client.get("/admin/").status_code == 200
    assert client.get("/").status_code == 200
    assert "Heukelum" in client.get("/heukelum/").content.decode()
    # Heukelum is moderated, with a demo moderator; stories in every kern.
    heukelum = KernPage.objects.get(slug="heukelum")
    assert heukelum.moderation_enabled
    assert list(heukelum.moderators_group.user_set.values_list("username", flat=True)) == [
        "moderator-heukelum"
    ]
    assert "moderator-heukelum / demo-wachtwoord" in output
    assert InspirationPage.objects.live().count() >= 2 * 26


def test_load_demo_prints_its_address_and_every_login_with_its_role(client, demo):
    output = demo
    assert "Portaal:  http://localhost/" in output  # BASE_URL of the test settings
    for role, username in [
        ("Beheerder", "admin"),
        ("Kernredactie Beesd", "redactie-beesd"),
        ("Moderator Heukelum", "moderator-heukelum"),
        ("Communicatie", "communicatie"),
        ("Kernagenda gemeente", "kernagenda-gemeente"),
        ("Bestuur Beesd (voorzitter)", "bestuur-beesd"),
        ("Gebiedsmakelaar", "gebiedsmakelaar-geldermalsen"),
    ]:
        line = next((line for line in output.splitlines() if f" {username} / " in line), "")
        assert line.strip().startswith(role), f"{username}: {line!r}"
        assert line.endswith(f"{username} / demo-wachtwoord")
    # Every URL it prints is absolute (none is a bare path).
    assert not re.search(r":\s+/\S", output)
    assert "Projectwerkruimte: http://localhost/projecten/" in output

    # The new logins work and have their role's groups.
    users = get_user_model().objects
    assert list(users.get(username="communicatie").groups.values_list("name", flat=True)) == [
        "Communicatie"
    ]
    assert list(
        users.get(username="kernagenda-gemeente").groups.values_list("name", flat=True)
    ) == ["Gemeente – kernagenda"]
    assert client.login(username="communicatie", password="demo-wachtwoord")
    assert client.get("/admin/").status_code == 200


def test_load_demo_on_another_address_moves_the_site_and_says_so(client, demo):
    output = io.StringIO()
    call_command(
        "load_demo",
        "--password",
        "demo-wachtwoord",
        "--base-url",
        "http://127.0.0.1:8101",
        stdout=output,
    )

    assert "Portaal:  http://127.0.0.1:8101/" in output.getvalue()
    (site,) = Site.objects.filter(is_default_site=True)
    assert site.root_url == "http://127.0.0.1:8101"
    api = client.get("/api/v2/pages/", {"type": "kernen.KernPage", "limit": 1}).json()
    assert api["items"][0]["meta"]["html_url"].startswith("http://127.0.0.1:8101/")


def test_each_kern_tells_its_own_news_mostly_with_a_picture_of_its_own(demo):
    from news.models import NewsIndexPage, NewsPage

    stories, kern_news = {}, NewsPage.objects.none()
    for kern in KernPage.objects.all():
        news = NewsPage.objects.child_of(NewsIndexPage.objects.child_of(kern).get())
        stories[kern.slug] = frozenset(news.values_list("slug", flat=True))
        kern_news |= news
    assert len(set(stories.values())) == 26  # no two kernen tell the same stories

    with_picture = kern_news.filter(image__isnull=False)
    assert with_picture.count() >= kern_news.count() * 3 // 5
    assert with_picture.values("image").distinct().count() == with_picture.count()


def picture(image) -> str:
    """What an image shows: the hash of its file."""
    with image.open_file() as stored:
        return hashlib.sha256(stored.read()).hexdigest()


def test_every_kern_and_most_activities_and_stories_have_a_picture_of_their_own(demo):
    from events.models import EventPage
    from news.models import NewsPage

    kernen = KernPage.objects.filter(locale__language_code="nl").select_related("image")
    pictures = {picture(kern.image) for kern in kernen}
    assert len(pictures) == 26  # 26 different pictures, not one reused
    events = EventPage.objects.filter(locale__language_code="nl")
    with_picture = events.filter(image__isnull=False).select_related("image")
    assert with_picture.count() > events.count() // 2
    assert len({picture(event.image) for event in with_picture}) == with_picture.count()
    for page in [*with_picture[:5], *NewsPage.objects.filter(image__isnull=False)[:5]]:
        assert page.image_alt.startswith("Landschap bij "), page.image_alt
    stories = InspirationPage.objects.filter(locale__language_code="nl")
    photos = {picture(story.gallery_images.first().image) for story in stories}
    assert len(photos) == stories.count()
    intros = {kern.intro for kern in kernen}
    assert len(intros) == 26
    evenings = NewsPage.objects.filter(slug="dorpsavond", locale__language_code="nl")
    assert evenings.count() == 26
    assert evenings.values("intro").distinct().count() == 26  # five ways, each with its kern
