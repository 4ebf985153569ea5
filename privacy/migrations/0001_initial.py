# The EmailLink model moves here from the home app (home/0008). Its table is kept with its
# rows: the model takes over home_emaillink in the migration state, then the table is renamed,
# and its content type moves along.

from django.db import migrations, models


def move_content_type(apps, schema_editor, old="home", new="privacy"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label=new, model="emaillink").exists():
        ContentType.objects.using(db).filter(app_label=old, model="emaillink").update(
            app_label=new
        )


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="privacy", new="home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('home', '0006_email_link'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='EmailLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('purpose', models.CharField(max_length=40, verbose_name='purpose')),
                        ('token_hash', models.CharField(max_length=64, unique=True, verbose_name='token hash')),
                        ('email', models.EmailField(max_length=254, verbose_name='e-mail address')),
                        ('payload', models.JSONField(blank=True, default=dict, verbose_name='what was asked for')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('expires_at', models.DateTimeField(db_index=True, verbose_name='expires at')),
                    ],
                    options={
                        'verbose_name': 'e-mail link',
                        'verbose_name_plural': 'e-mail links',
                        'db_table': 'home_emaillink',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name='emaillink', table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
