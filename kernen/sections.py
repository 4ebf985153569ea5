"""What other apps add to every municipality and every kern when it is provisioned.

An app registers, in its ``AppConfig.ready``:

- a *kern section*: a page that every kern has once (``/<kern>/nieuws/``, ``/<kern>/kernagenda/``);
- a *municipality section*: a page that every municipality has once (``/werkzaamheden/``);
- a *hook*: a function run on every provisioning of a kern or a municipality, for what is not
  a page (groups, collections, permissions). Hooks must be idempotent;
- a *demo step*: a function ``load_demo`` runs after the kernen exist, to fill the app's part of
  the demo. Demo steps must be idempotent too.

Provisioning creates the sections a kern or municipality lacks, so running it again after an
app was added brings existing kernen up to date.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


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

_kern_sections: dict[str, Section] = {}
_municipality_sections: dict[str, Section] = {}
_kern_hooks: dict[str, tuple[int, KernHook]] = {}
_municipality_hooks: dict[str, tuple[int, MunicipalityHook]] = {}
_demo_steps: dict[str, tuple[int, DemoStep]] = {}


def register_kern_section(section: Section) -> None:
    _kern_sections[section.model.lower()] = section


def register_municipality_section(section: Section) -> None:
    _municipality_sections[section.model.lower()] = section


def register_kern_hook(name: str, hook: KernHook, order: int = 100) -> None:
    _kern_hooks[name] = (order, hook)


def register_municipality_hook(name: str, hook: MunicipalityHook, order: int = 100) -> None:
    _municipality_hooks[name] = (order, hook)


def register_demo_step(name: str, step: DemoStep, order: int = 100) -> None:
    _demo_steps[name] = (order, step)


def kern_sections() -> list[Section]:
    return sorted(_kern_sections.values(), key=lambda section: section.order)


def municipality_sections() -> list[Section]:
    return sorted(_municipality_sections.values(), key=lambda section: section.order)


def _ordered(registry):
    return [hook for _order, hook in sorted(registry.values(), key=lambda item: item[0])]


def kern_hooks() -> list[KernHook]:
    return _ordered(_kern_hooks)


def municipality_hooks() -> list[MunicipalityHook]:
    return _ordered(_municipality_hooks)


def demo_steps() -> list[DemoStep]:
    return _ordered(_demo_steps)
