"""Turning a visitor's query into terms, and highlighting those terms in a snippet of text.

Everything here is plain Python on strings: no database, no backend. The snippet is built on
the server and escaped piece by piece, so a page's text can never inject markup.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

#: A query is cut to this many characters before anything else looks at it.
MAX_QUERY_LENGTH = 200
#: At most this many words of a query take part in the word-by-word (compound) match.
MAX_TERMS = 8
#: Words the full-text parser reads as operators, not as words to look for.
OPERATORS = {"and", "or", "not", "en", "of", "niet"}

#: PostgreSQL's Dutch stop words (``tsearch_data/dutch.stop``): the full-text search ignores
#: them, so a query of these words alone finds nothing and the page says why.
_STOP_WORDS = """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar
    om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar
    haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden
    toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier
    wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand
    geweest andere
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_WORD = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def clean_query(raw):
    """The query as searched: control characters and surplus spaces removed, at most
    ``MAX_QUERY_LENGTH`` characters. Returns (query, whether it was shortened)."""
    printable = "".join(char if char.isprintable() else " " for char in raw)
    query = _SPACES.sub(" ", printable).strip()
    return query[:MAX_QUERY_LENGTH].strip(), len(query) > MAX_QUERY_LENGTH


def terms(query, min_length=1):
    """The distinct words of ``query``, lowercase, in order, without operators."""
    found = []
    for word in _WORD.findall(query.lower()):
        if len(word) >= min_length and word not in OPERATORS and word not in found:
            found.append(word)
    return found[:MAX_TERMS]


def only_stop_words(query):
    """Whether every word of ``query`` is a stop word or an operator ("de", "het en"): such
    a query finds nothing; the results page explains that."""
    words = _WORD.findall(query.lower())
    return bool(words) and all(word in STOP_WORDS or word in OPERATORS for word in words)


def has_syntax(query):
    """Whether the visitor used phrase quotes or excluded a word (``-woord``)."""
    return '"' in query or bool(re.search(r"(^|\s)-\w", query))


def crude_stem(term):
    """A crude Dutch stem for highlighting: "fietspaden" → "fietspad", "kernen" → "kern"."""
    for suffix in ("en", "s"):
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term


def term_pattern(query_terms):
    """A regex that matches every whole word containing one of the terms' stems, so that
    compounds ("wegwerkzaamheden") and other forms ("fietspad") light up too."""
    stems = {crude_stem(term) for term in query_terms if len(term) >= 2}
    stems = sorted(stems, key=len, reverse=True)
    if not stems:
        return None
    alternatives = "|".join(re.escape(stem) for stem in stems)
    return re.compile(rf"\w*(?:{alternatives})\w*", re.IGNORECASE | re.UNICODE)


def highlight(text, pattern):
    """``text`` escaped, with every match of ``pattern`` in ``<mark>``."""
    if pattern is None:
        return escape(text)
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def snippet(texts, query_terms, length=220):
    """A short piece of the first text that contains a term, with the terms highlighted.

    ``texts`` are tried in order (summary first, then the full indexed text); without any
    match the first non-empty text is shortened. Returns "" when there is no text at all.
    """
    pattern = term_pattern(query_terms)
    candidates = [_SPACES.sub(" ", text).strip() for text in texts if text]
    candidates = [text for text in candidates if text]
    if not candidates:
        return SafeString("")
    for text in candidates:
        match = pattern.search(text) if pattern else None
        if match:
            return highlight(_window(text, match.start(), length), pattern)
    return highlight(_window(candidates[0], 0, length), pattern)


def _window(text, position, length):
    """About ``length`` characters of ``text`` around ``position``, cut at spaces."""
    if len(text) <= length:
        return text
    start = max(0, position - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < position else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > position else end
    window = text[start:end].strip()
    return f"{'… ' if start else ''}{window}{' …' if end < len(text) else ''}"
