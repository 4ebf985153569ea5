from wagtail import hooks

from home.panels import Panel
from search import privacy

# Personal data (AVG): what this app stores and how long (privacy/registry.py).
hooks.register("retention_rules", privacy.retention_rules)


def search_kern_panel(kern, request):
    return {"kern": kern}


@hooks.register("page_panels")
def page_panels():
    """The search box on the kern page, searching that kern (home/panels.py)."""
    return [
        Panel(
            page_type="kernen.KernPage",
            name="search",
            template="components/search_kern_panel.html",
            get_context=search_kern_panel,
            order=5,
        )
    ]
