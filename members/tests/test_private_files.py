"""Private files stay private on disk and on every URL (security/media.py).

Uploads go to PRIVATE_MEDIA_ROOT, which no web server serves; MEDIA_ROOT, which the reverse
proxy serves at /media/, only ever gets copies of renditions of public images. Here both are
real folders, files are uploaded through the real forms (the member area and the admin), and
every URL that could reach a private file is tried as a visitor, an outsider and a member."""

import importlib
import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import clear_url_caches, resolve

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.utils import generate_signature
from wagtail.models import BaseViewRestriction, CollectionViewRestriction

import pytest
from PIL import Image as PILImage

from home.factories import simple_pdf
from portal.settings import base
from security import checks, media

pytestmark = pytest.mark.django_db


def jpeg(colour="red") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def files_in(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def roots(settings, tmp_path):
    """The storages of the real settings (base.py: dev and production), with their two
    folders moved to temporary ones."""
    public, private = tmp_path / "media", tmp_path / "private"
    public.mkdir()
    private.mkdir()
    moved = {None: public, base.MEDIA_ROOT: public, base.PRIVATE_MEDIA_ROOT: private}
    storages = {}
    for alias in ("default", "public_media"):
        options = dict(base.STORAGES[alias].get("OPTIONS", {}))
        options["location"] = moved[options.get("location")]
        storages[alias] = {**base.STORAGES[alias], "OPTIONS": options}
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = public, private
    settings.STORAGES = {**settings.STORAGES, **storages}
    return public, private


@pytest.fixture
def files(roots, world, client, django_user_model):
    """A board document uploaded in the member area, a document and an image uploaded by an
    administrator into the board's collection, and a public image of Beesd."""
    client.force_login(world.users["own_board"])
    response = client.post(
        "/beesd/bestuur/documenten/",
        {
            "title": "Agenda bestuursvergadering",
            "file": SimpleUploadedFile("agenda-bestuursvergadering-beesd.pdf", simple_pdf("A", [])),
        },
    )
    assert response.status_code == 302
    admin = django_user_model.objects.create_superuser("beheer", "b@example.nl", "x" * 12)
    client.force_login(admin)
    board = world.board.collection.pk
    for path, name, content, collection in [
        ("/admin/documents/add/", "notulen-bestuur.pdf", simple_pdf("N", []), board),
        ("/admin/images/add/", "prive-bestuur-foto.jpg", jpeg(), board),
        ("/admin/images/add/", "dorpsplein-beesd.jpg", jpeg("green"), world.beesd.collection.pk),
    ]:
        response = client.post(
            path,
            {"title": name, "collection": collection, "file": SimpleUploadedFile(name, content)},
        )
        assert response.status_code == 302, response.content.decode()[:500]
    assert client.get("/admin/images/").status_code == 200  # makes the admin's thumbnails
    client.logout()
    Document, Image = get_document_model(), get_image_model()
    private_image = Image.objects.get(title="prive-bestuur-foto.jpg")
    public_image = Image.objects.get(title="dorpsplein-beesd.jpg")
    return {
        "member_document": Document.objects.get(title="Agenda bestuursvergadering"),
        "admin_document": Document.objects.get(title="notulen-bestuur.pdf"),
        "private_image": private_image,
        "private_rendition": private_image.get_rendition("fill-40x30"),
        "public_image": public_image,
        "public_rendition": public_image.get_rendition("fill-40x30"),
    }


def status(client, world, who, url):
    client.logout()
    if who != "anonymous":
        client.force_login(world.users[who])
    return client.get(url).status_code


# On disk -----------------------------------------------------------------------------------------


def test_no_private_upload_is_under_the_public_media_root(files, roots):
    public, private = roots
    Rendition = get_image_model().get_rendition_model()
    private_names = [
        files["member_document"].file.name,
        files["admin_document"].file.name,
        files["private_image"].file.name,
        *Rendition.objects.filter(image=files["private_image"]).values_list("file", flat=True),
    ]
    assert len(private_names) >= 5  # the admin's thumbnail and ours at least

    stored = files_in(private)
    for name in private_names:
        assert name in stored
        assert not (public / name).exists()
    # Nothing is in MEDIA_ROOT before a public image is asked for, and the original of a
    # public image never is.
    assert files_in(public) == []
    assert files["public_image"].file.name in stored


# Every URL of a private document and a private image ---------------------------------------------


def private_urls(files, world):
    member_document, admin_document = files["member_document"], files["admin_document"]
    image = files["private_image"]
    return [
        f"/media/{member_document.file.name}",
        f"/media/{admin_document.file.name}",
        member_document.url,  # Wagtail's serve view: /documenten/<id>/<name>
        admin_document.url,
        f"/beesd/bestuur/documenten/{member_document.pk}/",  # the member area's download
        f"/beesd/bestuur/documenten/{admin_document.pk}/",
        f"/media/{image.file.name}",
        files["private_rendition"].url,
        *[rendition.url for rendition in image.renditions.all()],
    ]


@pytest.mark.parametrize("who", ["anonymous", "other_board", "unassigned_broker"])
def test_outsiders_get_no_private_file_on_any_url(client, world, files, roots, who):
    for url in private_urls(files, world):
        assert status(client, world, who, url) in (302, 403, 404), url
    assert files_in(roots[0]) == []


@pytest.mark.parametrize("who", ["other_board", "unassigned_broker"])
def test_a_logged_in_outsider_is_refused_not_sent_to_the_login_page(client, world, files, who):
    # The login page would send someone already logged in straight back: a loop.
    for url in private_urls(files, world):
        expected = 404 if url.startswith("/media/documents/") else 403
        assert status(client, world, who, url) == expected, url


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, world, files):
    response = client.get(files["private_rendition"].url)

    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=/media/images/")


def test_board_members_get_their_files_but_never_from_media(client, world, files, roots):
    for who in ["own_board", "chair", "assigned_broker"]:
        for url in private_urls(files, world):
            expected = 404 if url.startswith("/media/documents/") else 200
            assert status(client, world, who, url) == expected, (who, url)
    response = client.get(files["private_rendition"].url)
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == files["private_rendition"].file.open().read()
    assert files_in(roots[0]) == []  # served, never copied


def test_wagtails_signed_image_urls_are_not_served(client, world, files):
    """Wagtail's dynamic image view checks a signature, not permissions: it is not installed."""
    image = files["private_image"]
    signature = generate_signature(image.pk, "fill-40x30")

    assert client.get(f"/images/{signature}/{image.pk}/fill-40x30/").status_code == 404


def test_media_refuses_paths_outside_the_uploads(client, world, files):
    for url in ["/media/../private/x.jpg", "/media/images/../documents/a.pdf", "/media/nope.jpg"]:
        assert client.get(url).status_code == 404, url


# Public images -----------------------------------------------------------------------------------


def test_a_public_image_is_served_to_everyone_and_copied_for_the_proxy(client, files, roots):
    public, _private = roots
    rendition = files["public_rendition"]

    response = client.get(rendition.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "public" in response["Cache-Control"]
    assert files_in(public) == [rendition.file.name]  # the reverse proxy serves it from now on
    assert (public / rendition.file.name).read_bytes() == rendition.file.open().read()
    assert (public / rendition.file.name).stat().st_mode & 0o004  # the proxy may read it
    assert client.get(f"/media/{files['public_image'].file.name}").status_code == 200
    assert files_in(public) == [rendition.file.name]  # originals are never copied


def test_a_page_shows_a_public_image_with_a_working_url(client, world, files):
    beesd = world.beesd
    beesd.image = files["public_image"]
    beesd.save_revision().publish()

    html = client.get(beesd.url).content.decode()

    urls = [part.split('"')[0] for part in html.split('src="/media/')[1:]]
    assert urls
    assert all(client.get(f"/media/{url}").status_code == 200 for url in urls)


def test_an_image_moved_to_a_private_collection_loses_its_public_copies(
    client, world, files, roots, django_capture_on_commit_callbacks
):
    public, _private = roots
    image, rendition = files["public_image"], files["public_rendition"]
    client.get(rendition.url)
    assert files_in(public) == [rendition.file.name]

    with django_capture_on_commit_callbacks(execute=True):
        image.collection = world.board.collection
        image.save()

    assert files_in(public) == []
    assert client.get(rendition.url).status_code == 302


def test_a_view_restriction_on_a_collection_removes_the_public_copies(
    client, world, files, roots, django_capture_on_commit_callbacks
):
    public, _private = roots
    rendition = files["public_rendition"]
    client.get(rendition.url)

    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(
            collection=world.beesd.collection, restriction_type=BaseViewRestriction.LOGIN
        )

    assert files_in(public) == []
    assert client.get(rendition.url).status_code == 302
    client.force_login(world.users["other_board"])
    assert client.get(rendition.url).status_code == 200  # any login will do for this one


def test_moving_images_in_the_admin_listing_removes_their_public_copies(
    client, world, files, roots, django_user_model
):
    public, _private = roots
    image, rendition = files["public_image"], files["public_rendition"]
    client.get(rendition.url)
    client.force_login(django_user_model.objects.get(username="beheer"))

    response = client.post(
        f"/admin/bulk/wagtailimages/image/add_to_collection/?id={image.pk}",
        {"collection": world.board.collection.pk},
    )

    assert response.status_code == 302
    assert files_in(public) == []
    client.logout()
    assert client.get(rendition.url).status_code == 302


# Existing installations --------------------------------------------------------------------------


def old_layout(files, roots):
    """Every upload back in MEDIA_ROOT, as before PRIVATE_MEDIA_ROOT existed."""
    public, private = roots
    for name in files_in(private):
        (public / name).parent.mkdir(parents=True, exist_ok=True)
        (private / name).rename(public / name)
    (public / "documents" / "weggegooid.pdf").write_bytes(b"%PDF-1.4 old")
    return files_in(public)


def test_secure_media_moves_old_uploads_out_of_media_root(files, roots):
    public, private = roots
    before = old_layout(files, roots)

    call_command("secure_media", stdout=io.StringIO())

    assert files_in(public) == []
    assert set(files_in(private)) == {
        name for name in before if name != "documents/weggegooid.pdf"
    } | {"unreferenced/documents/weggegooid.pdf"}
    call_command("secure_media", stdout=io.StringIO())  # again: nothing changes
    assert files_in(public) == []


def test_secure_media_keeps_the_copies_of_public_images_only(client, files, roots):
    public, private = roots
    client.get(files["public_rendition"].url)
    (public / files["private_rendition"].file.name).write_bytes(b"stale copy")

    out = io.StringIO()
    call_command("secure_media", "--dry-run", stdout=out)
    assert "would be deleted" in out.getvalue()
    assert len(files_in(public)) == 2
    call_command("secure_media", stdout=io.StringIO())

    assert files_in(public) == [files["public_rendition"].file.name]


def test_the_migration_moves_old_uploads_into_the_private_root(files, roots):
    from django.apps import apps

    public, private = roots
    old_layout(files, roots)
    migration = importlib.import_module("security.migrations.0001_move_uploads_to_private_root")

    migration.move_uploads(apps, None)

    assert files_in(public) == ["documents/weggegooid.pdf"]  # the command deals with this one
    assert files["member_document"].file.name in files_in(private)


def test_the_system_checks_guard_the_private_root(settings, roots, tmp_path):
    public, private = roots
    assert checks.private_media_root(None) == []
    assert checks.uploads_left_in_media_root(None) == []

    settings.PRIVATE_MEDIA_ROOT = public / "private"
    assert [error.id for error in checks.private_media_root(None)] == ["security.E101"]
    settings.PRIVATE_MEDIA_ROOT = private
    (public / "documents").mkdir()
    assert checks.uploads_left_in_media_root(None) == []  # an empty folder is no leak
    (public / "documents" / "notulen.pdf").write_bytes(b"%PDF-")
    assert [error.id for error in checks.uploads_left_in_media_root(None)] == ["security.W102"]


def test_the_dev_server_serves_media_through_the_check_too(settings):
    """`make run` (DEBUG) routes /media/ to the same view as production, not to a folder."""
    import portal.urls

    settings.DEBUG = True
    try:
        clear_url_caches()
        importlib.reload(portal.urls)
        assert resolve("/media/documents/agenda.pdf").func is media.serve
        assert resolve("/media/original_images/foto.jpg").func is media.serve
    finally:
        settings.DEBUG = False
        importlib.reload(portal.urls)
        clear_url_caches()
