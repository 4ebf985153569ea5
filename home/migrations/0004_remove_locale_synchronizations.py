"""Remove wagtail-localize's locale synchronisations: with one, its ``after_create_page`` hook
gives a new page aliases as well as ``home.locales.translate_published_page``, and a page
created and published in the admin failed with a 500 (issue #16, docs/i18n.md)."""

from django.db import migrations


def remove_synchronizations(apps, schema_editor):
    apps.get_model("wagtail_localize", "LocaleSynchronization").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_information_page"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(remove_synchronizations, migrations.RunPython.noop),
    ]
