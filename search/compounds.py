"""Dutch compound words on PostgreSQL, from the site's own vocabulary.

PostgreSQL's Dutch text search configuration stems words ("fietspaden" → "fietspad") but does
not split compounds, and Dutch writes them as one word. The site's own words are the word list:
``search_word`` (search/migrations/0002_search_vocabulary.py) holds every distinct word of
Wagtail's search index, kept up to date by a trigger on the index table, with a trigram index.

For each word of a query (of ``MIN_PART`` letters or more) one SQL query looks up

- the words of the site that contain it (at most ``MAX_EXPANSIONS``, shortest first):
  "werkzaamheden" → "wegwerkzaamheden", "rioolwerkzaamheden"; "speeltuin" →
  "speeltuinrenovatie"; and
- whether it splits into two words of the site, with or without a linking "s", "e" or "en":
  "verkeersveiligheid" → "verkeer" + "veiligheid", "dorpshuis" → "dorp" + "huis".

From those :func:`tsquery_text` writes one full-text query, for ``to_tsquery`` with the Dutch
configuration (so every word is stemmed there):
``('verkeersveiligheid' | … | ('verkeer' & 'veiligheid'))``: a page matches with the word
itself, a longer word that contains it, or both parts. The match then runs on the GIN indexes
of the tsvectors: no substring scan of the pages' text.
"""

from dataclasses import dataclass, field

from django.db import connection

from search.text import crude_stem

#: Parts of a compound, and words looked up inside longer words, have at least this many
#: letters: "weg" or "ver" would split and match far too much.
MIN_PART = 4
#: At most this many longer words per query word (shortest first), to keep the query small.
MAX_EXPANSIONS = 24
#: What may link the two parts of a Dutch compound: dorp-s-huis, boek-en-kast.
LINKS = ("s", "en", "e")

#: Fill the vocabulary again from the whole index (``manage.py search_vocabulary``); the
#: same selection of words as the triggers of the migration.
REFILL = """
    INSERT INTO search_word (word)
    SELECT DISTINCT word
    FROM wagtailsearch_indexentry AS entry,
        unnest(tsvector_to_array(to_tsvector(
            'simple', coalesce(entry.title_text, '') || ' ' || coalesce(entry.body_text, '')
        ))) AS word
    WHERE length(word) BETWEEN 4 AND 40 AND word !~ '[0-9_-]'
    ORDER BY word
    ON CONFLICT DO NOTHING
"""


@dataclass
class Word:
    """One word of a query and what the vocabulary knows about it."""

    text: str
    longer: list = field(default_factory=list)  # words of the site that contain it
    parts: tuple = ()  # (head, tail) when it is a compound of two words of the site


def splits(word):
    """Every (head, tail) with head + [link] + tail == word, both at least ``MIN_PART``."""
    found = []
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, rest = word[:cut], word[cut:]
        found.append((head, rest))
        for link in LINKS:
            if rest.startswith(link) and len(rest) - len(link) >= MIN_PART:
                found.append((head, rest[len(link) :]))
    return found


def best_split(word, known):
    """The split of ``word`` into two ``known`` words with the longest shorter part (then the
    longest tail: the head word of a Dutch compound is its last part), or ()."""
    candidates = [(head, tail) for head, tail in splits(word) if head in known and tail in known]
    if not candidates:
        return ()
    return max(candidates, key=lambda pair: (min(len(pair[0]), len(pair[1])), len(pair[1])))


def _like_pattern(word):
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def look_up(words):
    """The vocabulary's answer for ``words`` (lowercase): a list of :class:`Word`, in order.
    One query; none when no word is long enough to look up."""
    result = [Word(word) for word in words]
    long_enough = [word for word in words if len(word) >= MIN_PART]
    if not long_enough:
        return result
    # Inside longer words: the word, or its stem when that is the start of it ("fietspaden"
    # → "fietspad", so that "fietspadonderhoud" is found too).
    patterns = [_like_pattern(crude_stem(word)) for word in long_enough]
    parts = sorted({part for word in long_enough for pair in splits(word) for part in pair})
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT query.word, found.word
            FROM unnest(%s::text[], %s::text[]) AS query(word, pattern)
            CROSS JOIN LATERAL (
                SELECT word FROM search_word
                WHERE word LIKE query.pattern AND word <> query.word
                ORDER BY length(word), word
                LIMIT %s
            ) AS found
            UNION ALL
            SELECT '', word FROM search_word WHERE word = ANY(%s::text[])
            """,
            [long_enough, patterns, MAX_EXPANSIONS, parts],
        )
        rows = cursor.fetchall()
    known = {found for query, found in rows if query == ""}
    longer = {}
    for query, found in rows:
        if query:
            longer.setdefault(query, []).append(found)
    for entry in result:
        entry.longer = longer.get(entry.text, [])
        if len(entry.text) >= 2 * MIN_PART:
            entry.parts = best_split(entry.text, known)
    return result


def _quoted(word):
    """``word`` as one operand of ``to_tsquery`` (quoted: never read as an operator)."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_text(words):
    """The text for ``to_tsquery(config, …)``: every word must match, as itself (stemmed), as
    a longer word that contains it, or by both of its parts. "" for no words."""
    clauses = []
    for word in words:
        alternatives = [_quoted(word.text), *(_quoted(longer) for longer in word.longer)]
        if word.parts:
            head, tail = word.parts
            alternatives.append(f"({_quoted(head)} & {_quoted(tail)})")
        clauses.append("(" + " | ".join(alternatives) + ")")
    return " & ".join(clauses)
