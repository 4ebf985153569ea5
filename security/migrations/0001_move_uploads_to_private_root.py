"""Uploads stored in MEDIA_ROOT before PRIVATE_MEDIA_ROOT existed move there, so that MEDIA_ROOT
holds nothing private and the files are found again (security/media.py). Files already in the
private root stay; `manage.py secure_media` tidies what is left in MEDIA_ROOT."""

from django.core.files.storage import default_storage, storages
from django.db import migrations


def move_uploads(apps, schema_editor):
    private, public = default_storage, storages["public_media"]
    if getattr(private, "location", None) == getattr(public, "location", False):
        return  # one folder for both: nothing to move (the system check reports it)
    for label in ("wagtaildocs.Document", "wagtailimages.Image", "wagtailimages.Rendition"):
        model = apps.get_model(label)
        for name in model.objects.exclude(file="").values_list("file", flat=True).iterator():
            if not public.exists(name):
                continue
            if not private.exists(name):
                with public.open(name, "rb") as source:
                    saved = private.save(name, source)
                if saved != name:
                    private.delete(saved)
                    raise RuntimeError(f"Could not move {name} to the private root.")
            public.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(move_uploads, migrations.RunPython.noop, elidable=True)]
