"""The anonymous page cache: public pages served from Django's cache, and never stale.

What is cached: a GET or HEAD by a visitor without a session, of a URL whose view declared the
*tags* its response depends on (every Wagtail page does so through ``before_serve_page``, in
``pagecache/wagtail_hooks.py``; feeds, calendars and open data call
:func:`pagecache.tags.declare`). Nothing else: a view that declares no tags is never cached.
See the README section "Cache" for the rules.

Invalidation works with version tokens per tag, kept in the same cache. A cached entry records
the tokens of its tags at the time it was rendered; it is served only while all of them are
unchanged. Invalidating a tag writes a new token (one ``set_many`` for any number of tags), so
it is cheap and needs no list of cached URLs. A global token, changed by every invalidation,
is read before a page is rendered and compared before it is stored: a page rendered while
something was published is not stored, so an old rendering never lands under new tokens.

Tags (``pagecache/tags.py``):

- ``site:<path of the home page>``: every page of a municipality reads it (menu, footer, the
  kernen list, breadcrumbs). Changed by the home page, kern pages, the municipality's sections,
  moves, deletions, view restrictions and site-wide settings and snippets.
- ``branch:<path of the page under the home page>``: every page of one kern (or one municipality
  section such as /werkzaamheden/) reads its branch. Changed by a page published, unpublished
  or deleted in that branch, and by content other pages target at the kern (work notices).
- ``content``: read by home pages; changed by every page below the sections.
- ``overview:<kind>``: read by the overviews (``/nieuws/``, ``/activiteiten/``, …) and any page
  that shows other kernen's content; changed by the pages of that kind.

When the cache cannot be written (Redis down or hanging, or skipped by this process's circuit
breaker, ``portal/cache.py``), the invalidation is recorded in the database
(:class:`pagecache.models.PendingInvalidation`), and the other cache keys that public pages
read (footer links, portal settings, the language switcher) are forgotten the same way through
:func:`pagecache.invalidation.forget`. Before a process serves a page from the cache it
applies what is waiting: after it lost or regained the cache, and otherwise at least every
``PAGE_CACHE_CHECK_SECONDS`` (one small query, not one per page). While waiting invalidations
cannot be applied, nothing is served from the cache. So a publish while Redis was unreachable
leaves no stale page behind once Redis answers again, also on the other app servers.

A page type adds to its tags with two class attributes, ``cache_reads`` and ``cache_purges``,
and, when what it purges depends on its content (the kernen a notice targets), a method
``cache_related_tags()``. Path-based tags are widened to the page's translations when they are
invalidated, so /en/ and /pl/ copies of a kern go stale with the Dutch one. Other models whose
content public pages show, and URLs below a page that the CDN must forget with it, are declared
by their apps with the ``pagecache_invalidation`` hook (``pagecache/rules.py``).

The modules: ``tags`` (what a page reads and purges), ``invalidation`` (new tokens, what waits
in the database), ``cdn`` (the URLs a CDN in front must forget), ``middleware`` (serving and
storing), ``signals`` (publishing, moves, deletions, changed models), ``rules`` (the hook).
"""
