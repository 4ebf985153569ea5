"""Blocks of content that other apps add to a page without that page importing them: the
``page_panels`` hook.

Apps import downwards only (DESIGN.md), so the home page cannot import the kernen or the
news, and a kern page cannot import the kernagenda. Instead, an app declares its panels in its
``wagtail_hooks.py``::

    @hooks.register("page_panels")
    def page_panels():
        return [Panel("kernen.KernPage", "news", "components/news_panel.html", kern_news, 20)]

A hook function takes no arguments and returns a list of :class:`Panel`, each naming the page
type it shows on. The page renders its panels in their ``order`` (then in the apps' order in
``INSTALLED_APPS``); a later panel of the same name on the same page type replaces an earlier
one. A panel returns ``None`` from ``get_context`` to stay hidden on that page.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest

from wagtail import hooks
from wagtail.models import Page

HOOK = "page_panels"
PanelContext = Callable[[Page, HttpRequest], dict | None]


@dataclass(frozen=True)
class Panel:
    page_type: str  # "home.HomePage", "kernen.KernPage"
    name: str
    template: str
    get_context: PanelContext
    order: int = 100


@dataclass(frozen=True)
class RenderedPanel:
    name: str
    template: str
    context: dict


def panels_of(page_type: str) -> list[Panel]:
    """The panels declared for ``page_type`` ("kernen.KernPage"), in order."""
    page_type = page_type.lower()
    found: dict[str, Panel] = {}
    for declare in hooks.get_hooks(HOOK):
        for panel in declare():
            if not isinstance(panel, Panel):
                raise TypeError(f"{HOOK} hooks return Panels: {panel!r}")
            if panel.page_type.lower() == page_type:
                found[panel.name] = panel
    return sorted(found.values(), key=lambda panel: panel.order)


def panels_for(page: Page, request: HttpRequest) -> list[RenderedPanel]:
    rendered = []
    for panel in panels_of(page._meta.label_lower):
        context = panel.get_context(page, request)
        if context is not None:
            rendered.append(RenderedPanel(panel.name, panel.template, context))
    return rendered
