# EmailLink now belongs to the privacy app (privacy/0001 takes over its table and rows); here
# it only leaves the home app's migration state. Nothing changes in the database.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0007_pending_invalidation_moved_to_pagecache'),
        ('privacy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='EmailLink')],
            database_operations=[],
        ),
    ]
