# PendingInvalidation now belongs to the pagecache app (pagecache/0001 takes over its table
# and rows); here it only leaves the home app's migration state. Nothing changes in the
# database.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0006_email_link'),
        ('pagecache', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='PendingInvalidation')],
            database_operations=[],
        ),
    ]
