from django.core.management.base import BaseCommand
from django.db import connection

from search.compounds import REFILL
from search.engine import uses_postgres_index


class Command(BaseCommand):
    help = (
        "Fill the search vocabulary (the words of the search index, for Dutch compound words) "
        "again from the whole index. PostgreSQL only; its triggers keep it up to date, so this "
        "is for after restoring a database or rebuilding the index without them."
    )

    def handle(self, *args, **options):
        if not uses_postgres_index():
            self.stdout.write("The search vocabulary exists on PostgreSQL only: nothing to do.")
            return
        with connection.cursor() as cursor:
            cursor.execute(REFILL)
            added = cursor.rowcount
            cursor.execute("SELECT count(*) FROM search_word")
            total = cursor.fetchone()[0]
        self.stdout.write(f"{added} words added; the vocabulary holds {total} words.")
