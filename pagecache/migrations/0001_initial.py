# The PendingInvalidation model moves here from the home app (home/0007). Its table is kept
# with its rows: the model takes over home_pendinginvalidation in the migration state, then
# the table is renamed, and its content type moves along.

from django.db import migrations, models


def move_content_type(apps, schema_editor, old="home", new="pagecache"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label=new, model="pendinginvalidation").exists():
        ContentType.objects.using(db).filter(app_label=old, model="pendinginvalidation").update(
            app_label=new
        )


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="pagecache", new="home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('home', '0005_pending_invalidation'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PendingInvalidation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('tags', models.JSONField(default=list)),
                        ('keys', models.JSONField(default=list)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'verbose_name': 'pending cache invalidation',
                        'verbose_name_plural': 'pending cache invalidations',
                        'db_table': 'home_pendinginvalidation',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name='pendinginvalidation', table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
