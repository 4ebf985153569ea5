"""Blocks of content that other apps add to a page without that page importing them.

Apps import downwards only (DESIGN.md), so the home page cannot import the kernen or the
news, and a kern page cannot import the kernagenda. Instead, an app registers a panel for a
page type in its ``AppConfig.ready``; the page renders every panel registered for it, in
order. A panel returns ``None`` from ``get_context`` to stay hidden on that page.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest

from wagtail.models import Page

PanelContext = Callable[[Page, HttpRequest], dict | None]


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    get_context: PanelContext
    order: int = 100


@dataclass(frozen=True)
class RenderedPanel:
    name: str
    template: str
    context: dict


_registry: dict[str, dict[str, Panel]] = {}


def register_panel(page_type: str, panel: Panel) -> None:
    """Show ``panel`` on every page of ``page_type`` ("home.HomePage", "kernen.KernPage")."""
    _registry.setdefault(page_type.lower(), {})[panel.name] = panel


def panels_for(page: Page, request: HttpRequest) -> list[RenderedPanel]:
    page_type = page._meta.label_lower
    panels = sorted(_registry.get(page_type, {}).values(), key=lambda panel: panel.order)
    rendered = []
    for panel in panels:
        context = panel.get_context(page, request)
        if context is not None:
            rendered.append(RenderedPanel(panel.name, panel.template, context))
    return rendered
