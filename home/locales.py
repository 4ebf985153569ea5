"""Languages of the portal's content: Dutch is the source, every other language of
``WAGTAIL_CONTENT_LANGUAGES`` is a tree of translations kept in sync with it (docs/i18n.md).

Each language tree holds every page of the Dutch tree: a page that no editor has translated yet
is a wagtail-localize *alias* of the Dutch page (same content, kept up to date when the Dutch
page is published), a translated page is a translation made with wagtail-localize. Listings
therefore show the pages of one language tree only (``home.queries.public`` filters on the
active language), and are never doubled nor short of a page.
"""

import threading
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, post_page_move

from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import PageIndex, synchronize_tree

from pagecache.invalidation import forget

# Locale rows by language code, per process. Locales change only when a language is added,
# so caching them saves every public request the query Wagtail makes to find the active one.
_locales: dict[str, Locale | None] = {}


def clear_cache(**kwargs) -> None:
    _locales.clear()


post_save.connect(clear_cache, sender=Locale)
post_delete.connect(clear_cache, sender=Locale)


def locale_for(language_code: str) -> Locale:
    """The Locale of ``language_code`` (the default one when it has none), cached."""
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        code = settings.LANGUAGE_CODE
    if code not in _locales:
        # None, cached too, for a language without a Locale yet (no language trees).
        _locales[code] = Locale.objects.filter(language_code=code).first()
    return _locales[code] or default_locale()


def default_locale() -> Locale:
    """The Locale of the source language (Dutch)."""
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    if code not in _locales:
        _locales[code] = Locale.objects.get(language_code=code)
    return _locales[code]


def active_locale() -> Locale:
    """The Locale of the active language: the URL's prefix on a public page."""
    return locale_for(translation.get_language() or settings.LANGUAGE_CODE)


def localized(page: Page) -> Page:
    """``page.localized`` (its live translation in the active language, or the page itself)
    without Wagtail's query for the active Locale, nor any query when the page is already in
    the active language."""
    if not settings.WAGTAIL_I18N_ENABLED:
        return page
    locale = active_locale()
    if locale.pk == page.locale_id:
        return page
    return page.get_translations().filter(locale=locale, live=True).first() or page


class LanguageAliasesMixin:
    """For every page model of the portal (through ``BasePage``): how its language aliases are
    checked and kept up to date.

    ``get_view_restrictions`` is Wagtail's without a query per alias. Wagtail loads each
    alias's source page (every untranslated page in /en/ and /pl/, and often its ancestors) to
    check the source's restrictions; this reads ``alias_of_id`` and checks the page, its
    ancestors and their sources in one query, and none at all for a page outside the reach of
    every restriction (``home.queries.restriction_reach``, from the cache): most pages served
    save two queries."""

    def get_view_restrictions(self):
        # Imported here: home.queries imports this module.
        from home.queries import restriction_reach

        if not self.path.startswith(restriction_reach()):
            return PageViewRestriction.objects.none()
        page_ids = set()
        for page in [self, *self.get_ancestors().only("alias_of_id")]:
            page_ids.add(page.pk)
            if page.alias_of_id:
                page_ids.add(page.alias_of_id)
        return PageViewRestriction.objects.filter(page_id__in=page_ids)

    def update_aliases(self, *, revision=None, _content=None, _updated_ids=None):
        """Wagtail's, leaving out the aliases that ``translate_published_page`` made from this
        very content during the same publish: Wagtail calls this right after sending
        ``page_published``, and writing those once more (a save, the child relations, the
        many-to-many rows, a signal and search indexing per alias) was about a third of a
        publish's queries. Aliases that existed before are updated as always."""
        just_made = self.__dict__.pop("_aliases_just_made", [])
        return super().update_aliases(
            revision=revision,
            _content=_content,
            _updated_ids=[*(_updated_ids or []), *just_made],
        )


# Which pages exist in which language (the switcher and hreflang on every page) comes from the
# cache; any change to any page starts a new generation of cached answers. A generation is a
# random token, so that one that was forgotten (or lost with Redis) never comes back.
GENERATION_KEY = "home.locales:pages-generation"


def pages_generation() -> str:
    return cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex[:16], timeout=None)


def new_pages_generation(**kwargs) -> None:
    instance = kwargs.get("instance")
    if instance is not None and not isinstance(instance, Page):
        return
    forget(GENERATION_KEY)


post_save.connect(new_pages_generation, dispatch_uid="home.locales.saved")
post_delete.connect(new_pages_generation, dispatch_uid="home.locales.deleted")
post_page_move.connect(new_pages_generation, dispatch_uid="home.locales.moved")
page_slug_changed.connect(new_pages_generation, dispatch_uid="home.locales.slug")


def translation_languages() -> list[str]:
    """The language codes of the translation trees (every content language but Dutch)."""
    source = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != source]


def ensure_languages() -> list[Locale]:
    """Create the Locale of every content language; a language added to an existing portal
    gets the whole Dutch tree as aliases at once. Returns the translation locales.

    No wagtail-localize ``LocaleSynchronization``: with one, wagtail-localize's own
    ``after_create_page`` hook creates aliases too, and a page created and published in the
    admin would get them twice (the second time fails). ``translate_published_page`` is the one
    owner of new pages' aliases (docs/i18n.md).

    Does nothing when the setting PROVISION_LANGUAGES is off (the tests' default).
    """
    if not settings.PROVISION_LANGUAGES:
        return []

    targets = []
    added = False
    for code in translation_languages():
        locale, created = Locale.objects.get_or_create(language_code=code)
        added = added or created
        targets.append(locale)
    if added:
        sync_language_trees()
    return targets


def sync_language_trees() -> None:
    """Give every Dutch page that lacks one an alias in every translation tree: after pages
    were added without being published (bulk imports, the demo's fast paths) or a language
    was added."""
    index = PageIndex.from_database().sort_by_tree_position()
    for locale in Locale.objects.filter(language_code__in=translation_languages()):
        synchronize_tree(default_locale(), locale, page_index=index)


def is_restricted(page: Page) -> bool:
    """Whether ``page`` or one of its ancestors has a view restriction."""
    return PageViewRestriction.objects.filter(
        page__in=Page.objects.ancestor_of(page, inclusive=True)
    ).exists()


def ensure_translations(page: Page) -> list[Page]:
    """Give a Dutch ``page`` an alias in every translation tree that lacks it (creating its
    missing ancestors too), so /en/… and /pl/… show it until an editor translates it.

    Pages behind a view restriction (the boards' private areas) are left out: those are in
    Dutch only, and an alias must never be a way around the restriction.
    """
    source = default_locale()
    if page.locale_id != source.pk or page.alias_of_id or page.depth < 2:
        return []
    targets = [
        locale
        for locale in Locale.objects.filter(language_code__in=translation_languages())
        if not Page.objects.filter(translation_key=page.translation_key, locale=locale).exists()
    ]
    if not targets or is_restricted(page):
        return []
    return [page.copy_for_translation(locale, copy_parents=True, alias=True) for locale in targets]


@receiver(page_published)
def translate_published_page(sender, instance, **kwargs):
    """The one place that gives a new Dutch page its aliases: when it is first published,
    wherever that happens (the admin's publish or an approved moderation, provisioning, a
    board starting a project, imports, the demo). Publishing it again finds them there: Wagtail
    updates them with the new content. A draft has none until it is published.

    A publication scheduled for later sends ``page_published`` too, with the page not live yet:
    its aliases wait until it goes live (Wagtail makes every alias live at once, so an alias
    made now would show the page in /en/ and /pl/ before its time)."""
    if not instance.live or kwargs.get("alias"):
        return
    made = ensure_translations(instance)
    if made:
        # Read by LanguageAliasesMixin.update_aliases, which Wagtail calls next.
        instance._aliases_just_made = [alias.pk for alias in made]


def synchronised(*names: str) -> list[SynchronizedField]:
    """A page type's fields that are not text (status, dates, numbers, places, images,
    kernen), for its ``override_translatable_fields``: wagtail-localize never offers them for
    translation, a translator cannot override them, and every translation takes them over the
    moment the Dutch page is published (``synchronise_translations``)."""
    return [SynchronizedField(name, overridable=False) for name in names]


def synchronised_field_names(model) -> list[str]:
    """The names ``model`` declared with ``synchronised``."""
    return [
        field.field_name
        for field in getattr(model, "override_translatable_fields", [])
        if isinstance(field, SynchronizedField) and not field.overridable
    ]


def _values(page: Page, names: list[str]) -> dict:
    values = {}
    for name in names:
        field = page._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(item.pk for item in getattr(page, name).all())
        else:
            values[name] = getattr(page, field.attname)
    return values


def _take_over(page: Page, source: Page, names: list[str]) -> None:
    for name in names:
        field = page._meta.get_field(name)
        if field.many_to_many:
            setattr(page, name, list(getattr(source, name).all()))
        else:
            setattr(page, field.attname, getattr(source, field.attname))


def follow_source(translation: Page, source: Page, names: list[str], user=None) -> bool:
    """Give ``translation`` the values of ``source``'s synchronised fields: a new revision,
    published when the translation is live; a translator's draft keeps its text and takes the
    values too. Returns whether anything changed."""
    wanted = _values(source, names)
    draft = None
    if translation.has_unpublished_changes or not translation.live:
        draft = translation.get_latest_revision_as_object()
    changed = False
    if translation.live and _values(translation, names) != wanted:
        _take_over(translation, source, names)
        translation.save_revision(user=user, clean=False).publish(
            user=user, skip_permission_checks=True
        )
        changed = True
    if draft is not None and _values(draft, names) != wanted:
        _take_over(draft, source, names)
        draft.save_revision(user=user, clean=False)
        changed = True
    return changed


@receiver(page_published)
def synchronise_translations(sender, instance, **kwargs):
    """When a Dutch page is published, its translations take over the fields it declared with
    ``synchronised`` at once, without waiting for a translator to sync (their text stays as
    translated). Aliases need nothing: Wagtail copies the whole page into them."""
    names = synchronised_field_names(type(instance))
    if not names or not instance.live or instance.alias_of_id:
        return
    if not settings.WAGTAIL_I18N_ENABLED or instance.locale_id != default_locale().pk:
        return
    translations = (
        type(instance)
        .objects.filter(translation_key=instance.translation_key, alias_of__isnull=True)
        .exclude(pk=instance.pk)
    )
    user = getattr(kwargs.get("revision"), "user", None)
    for page in translations:
        follow_source(page, instance, names, user=user)


_copying = threading.local()


def _copy_restriction(restriction: PageViewRestriction) -> None:
    if getattr(_copying, "active", False):
        return  # the copies' own signals
    _copying.active = True
    try:
        others = Page.objects.filter(translation_key=restriction.page.translation_key).exclude(
            pk=restriction.page_id
        )
        for other in others:
            copy, _created = PageViewRestriction.objects.update_or_create(
                page=other,
                restriction_type=restriction.restriction_type,
                defaults={"password": restriction.password},
            )
            copy.groups.set(restriction.groups.all())
    finally:
        _copying.active = False


@receiver(post_save, sender=PageViewRestriction)
def restrict_translations(sender, instance, **kwargs):
    """A view restriction on a page holds for all its translations and aliases."""
    _copy_restriction(instance)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restrict_translations_to_groups(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(
        instance, PageViewRestriction
    ):
        _copy_restriction(instance)


def translate_page(page: Page, language_code: str, strings: dict[str, str], user=None) -> Page:
    """Translate the Dutch ``page`` into ``language_code`` the way an editor does in
    wagtail-localize's editor: ``strings`` maps each Dutch text of the page (title, intro,
    paragraphs) to its translation; a text left out stays Dutch. Publishes the translation,
    which replaces the page's alias in that language. Used by the demo and the tests."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation_job, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual", "last_translated_by": user},
            )
    translation_job.save_target(user=user, publish=True)
    return page.get_translation(locale)
