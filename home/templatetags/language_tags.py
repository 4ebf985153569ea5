"""The language switcher, hreflang alternates and the ``lang`` of a page's content
(docs/i18n.md)."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html

from wagtail.models import Page

from home.locales import default_locale, locale_for, pages_generation

register = template.Library()


def home_url(language_code: str) -> str:
    """The home page of a language: ``/`` for Dutch, ``/en/`` and ``/pl/`` for the others."""
    if language_code == settings.LANGUAGE_CODE:
        return "/"
    return f"/{language_code}/"


def is_untranslated(page) -> bool:
    """Whether ``page`` is in /en/ or /pl/ but shows the Dutch text (an alias of the Dutch
    page that no editor has translated yet)."""
    return bool(
        page is not None
        and getattr(page, "alias_of_id", None)
        and page.locale_id != default_locale().pk
    )


def _translations(request, page):
    """``{language code: page}`` of ``page`` in every language tree: from the cache, else one
    query; once per request."""
    cache_on_request = getattr(request, "_page_translations", None)
    if cache_on_request is not None and cache_on_request[0] == page.pk:
        return cache_on_request[1]
    key = f"home.language_tags:{pages_generation()}:{page.translation_key}"
    rows = cache.get(key)
    if rows is None:
        rows = list(
            Page.objects.filter(translation_key=page.translation_key, live=True)
            .order_by()
            .values_list("id", "path", "depth", "url_path", "locale_id", "alias_of_id")
        )
        cache.set(key, rows, timeout=60 * 60)
    codes = {locale_id: code for code, locale_id in _locale_ids().items()}
    found = {
        codes[locale_id]: Page(
            id=pk,
            path=path,
            depth=depth,
            url_path=url_path,
            locale_id=locale_id,
            alias_of_id=alias_of_id,
            translation_key=page.translation_key,
        )
        for pk, path, depth, url_path, locale_id, alias_of_id in rows
        if locale_id in codes
    }
    if request is not None:
        request._page_translations = (page.pk, found)
    return found


def _locale_ids():
    ids = {}
    for code, _name in settings.LANGUAGES:
        locale = locale_for(code)
        if locale.language_code == code:  # a language without a Locale falls back to Dutch
            ids[code] = locale.pk
    return ids


@register.inclusion_tag("navigation/languages.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language: its translation, or, while an editor has not
    translated it yet, the same page with the Dutch text; the language's home page when the
    page has no counterpart there (or for a view that is not a page, such as the login)."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    pages = _translations(request, page) if isinstance(page, Page) else {}
    links = []
    for code, name in settings.LANGUAGES:
        if code in pages:
            url = pages[code].get_url(request)
        elif request is not None and not isinstance(page, Page):
            url = translate_url(request.get_full_path(), code)
            if url == request.get_full_path() and code != current:
                url = home_url(code)  # not a page in every language (member area, …)
        else:
            url = home_url(code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.inclusion_tag("navigation/alternates.html", takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for the page in Dutch and in every language an
    editor has translated it into (not for untranslated aliases: those repeat the Dutch)."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        return {"alternates": []}
    alternates = [
        {"code": code, "url": each.get_full_url(request)}
        for code, each in _translations(request, page).items()
        if not is_untranslated(each)
    ]
    return {"alternates": alternates if len(alternates) > 1 else []}


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of the page's own text: Dutch on an untranslated page in /en/ or /pl/,
    else the active language."""
    if is_untranslated(context.get("page")):
        return settings.LANGUAGE_CODE
    return translation.get_language()


@register.simple_tag
def language_home_url():
    return home_url(translation.get_language())


@register.filter
def text_lang(page):
    """`` lang="nl"`` for a listed page whose text is Dutch inside an English or Polish page
    (an untranslated alias), `` lang="en"`` (or ``pl``) for a translated one; nothing on Dutch
    pages. Reads only fields the listing loaded: never a query."""
    active = translation.get_language()
    fields = vars(page) if hasattr(page, "__dict__") else {}
    if active == settings.LANGUAGE_CODE or "alias_of_id" not in fields or "locale_id" not in fields:
        return ""
    language = settings.LANGUAGE_CODE if is_untranslated(page) else active
    return format_html(' lang="{}"', language)
