"""What other apps add to every municipality and every kern when it is provisioned: five hooks.

An app registers in its ``wagtail_hooks.py``:

- ``kern_sections``: a function without arguments that returns a list of :class:`Section`,
  pages that every kern has once (``/<kern>/nieuws/``, ``/<kern>/kernagenda/``);
- ``municipality_sections``: the same for pages that every municipality has once
  (``/werkzaamheden/``);
- ``kern_provisioning``: a function ``(kern_page, report) -> None`` run on every provisioning
  of a kern, for what is not a page (groups, collections, permissions);
- ``municipality_provisioning``: a function ``(home_page, report) -> None``, the same for a
  municipality;
- ``demo_steps``: a function ``(home_page, stdout) -> None`` that ``load_demo`` runs after the
  kernen exist, to fill the app's part of the demo.

Sections are created in their ``order`` (then in the apps' order in ``INSTALLED_APPS``); a
later section of the same model replaces an earlier one. Provisioning functions and demo steps
run in the order of their hook (``@hooks.register("kern_provisioning", order=10)``, then the
apps' order) and must be idempotent.

Provisioning creates the sections a kern or municipality lacks, so running it again after an
app was added brings existing kernen up to date.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wagtail import hooks

KERN_SECTIONS = "kern_sections"
MUNICIPALITY_SECTIONS = "municipality_sections"
KERN_PROVISIONING = "kern_provisioning"
MUNICIPALITY_PROVISIONING = "municipality_provisioning"
DEMO_STEPS = "demo_steps"


@dataclass(frozen=True)
class Section:
    model: str  # "app_label.ModelName"
    title: str
    slug: str
    order: int = 100
    defaults: dict[str, Any] = field(default_factory=dict)
    #: Municipality sections appear in the main menu; kern sections do not by default.
    show_in_menus: bool = False


KernHook = Callable[..., None]  # (kern_page, report) -> None
MunicipalityHook = Callable[..., None]  # (home_page, report) -> None
DemoStep = Callable[..., None]  # (home_page, stdout) -> None


def _sections(hook_name: str) -> list[Section]:
    found: dict[str, Section] = {}
    for declare in hooks.get_hooks(hook_name):
        for section in declare():
            if not isinstance(section, Section):
                raise TypeError(f"{hook_name} hooks return Sections: {section!r}")
            found[section.model.lower()] = section
    return sorted(found.values(), key=lambda section: section.order)


def kern_sections() -> list[Section]:
    return _sections(KERN_SECTIONS)


def municipality_sections() -> list[Section]:
    return _sections(MUNICIPALITY_SECTIONS)


def kern_hooks() -> list[KernHook]:
    return hooks.get_hooks(KERN_PROVISIONING)


def municipality_hooks() -> list[MunicipalityHook]:
    return hooks.get_hooks(MUNICIPALITY_PROVISIONING)


def demo_steps() -> list[DemoStep]:
    return hooks.get_hooks(DEMO_STEPS)
