"""The words of the search index, for Dutch compound words (PostgreSQL only).

``search_word`` holds every distinct word (4 to 40 letters, lowercase, no digits) of the
plain-text mirrors of Wagtail's search index (``title_text``, ``body_text``), with a trigram
index: the search expands a query word into the words of the site that contain it
("werkzaamheden" → "wegwerkzaamheden") and splits a compound query word into two words of
the site ("verkeersveiligheid" → "verkeer" + "veiligheid"); see search/compounds.py.

Two statement triggers on ``wagtailsearch_indexentry`` add the words of new and changed
entries (sorted, ``ON CONFLICT DO NOTHING``, so concurrent indexing neither fails nor
deadlocks); words are never removed (a word that no page has any more only makes a query
a little longer). ``manage.py search_vocabulary`` fills the table again from the index.

Two more indexes on Wagtail's index table: ``lower(title_text)`` finds the pages titled
exactly as the query; ``(content_type_id, object_id as an integer)`` joins pages and index
entries from either side (search/engine.py).

On SQLite (and with Elasticsearch, whose index is elsewhere) this migration does nothing.
"""

from django.db import migrations

#: The words of the index entries in ``rows`` that the vocabulary keeps: what the 'simple'
#: parser makes of the plain text, 4 to 40 characters, without digits, hyphens or underscores.
WORDS_OF = """
    SELECT DISTINCT word
    FROM {rows},
        unnest(tsvector_to_array(to_tsvector(
            'simple', coalesce({alias}.title_text, '') || ' ' || coalesce({alias}.body_text, '')
        ))) AS word
    WHERE length(word) BETWEEN 4 AND 40 AND word !~ '[0-9_-]'
"""

FILL = f"""
    INSERT INTO search_word (word)
    {WORDS_OF.format(rows="wagtailsearch_indexentry AS entry", alias="entry")}
    ORDER BY word
    ON CONFLICT DO NOTHING
"""

#: Entries of an UPDATE whose text changed (modelsearch also updates ``title_norm`` alone).
CHANGED_ROWS = (
    "new_rows JOIN old_rows ON old_rows.id = new_rows.id "
    "AND (old_rows.title_text IS DISTINCT FROM new_rows.title_text "
    "OR old_rows.body_text IS DISTINCT FROM new_rows.body_text)"
)

CREATE = [
    "CREATE TABLE IF NOT EXISTS search_word (word text PRIMARY KEY)",
    "CREATE INDEX IF NOT EXISTS search_word_trgm ON search_word USING gin (word gin_trgm_ops)",
    # Pages titled exactly as the query are always ranked (search.engine).
    "CREATE INDEX IF NOT EXISTS search_title_lower ON wagtailsearch_indexentry "
    "(lower(title_text))",
    # Pages and their index entries joined from either side: the entry's object id as an
    # integer (search.engine.ENTRY_PAGE_ID, the same expression).
    "CREATE INDEX IF NOT EXISTS search_entry_page ON wagtailsearch_indexentry "
    "(content_type_id, (CASE WHEN object_id ~ '^[0-9]{1,9}$' THEN object_id::integer END))",
    f"""
    CREATE OR REPLACE FUNCTION search_word_collect() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO search_word (word)
            {WORDS_OF.format(rows="new_rows", alias="new_rows")}
            ORDER BY word
            ON CONFLICT DO NOTHING;
        ELSE
            INSERT INTO search_word (word)
            {WORDS_OF.format(rows=CHANGED_ROWS, alias='new_rows')}
            ORDER BY word
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    "DROP TRIGGER IF EXISTS search_word_on_insert ON wagtailsearch_indexentry",
    """
    CREATE TRIGGER search_word_on_insert AFTER INSERT ON wagtailsearch_indexentry
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_collect()
    """,
    "DROP TRIGGER IF EXISTS search_word_on_update ON wagtailsearch_indexentry",
    """
    CREATE TRIGGER search_word_on_update AFTER UPDATE ON wagtailsearch_indexentry
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_collect()
    """,
    FILL,
]

DROP = [
    "DROP INDEX IF EXISTS search_title_lower",
    "DROP INDEX IF EXISTS search_entry_page",
    "DROP TRIGGER IF EXISTS search_word_on_insert ON wagtailsearch_indexentry",
    "DROP TRIGGER IF EXISTS search_word_on_update ON wagtailsearch_indexentry",
    "DROP FUNCTION IF EXISTS search_word_collect()",
    "DROP TABLE IF EXISTS search_word",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in CREATE:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_trigram_search")]

    operations = [migrations.RunPython(forwards, backwards)]
