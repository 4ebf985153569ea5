"""The layout of the code: apps import downwards only, no module grows past 400 lines and no
function past 60, and ``home/`` holds the home page and the shared page bases, nothing else
(issue #15).

The import rule, lowest layer first::

    portal (settings, env, cache) <- security, pagecache, privacy, ops <- home <- kernen
        <- news, events, agenda, members, businesses, dossiers <- subscriptions <- search

A module never imports one of a higher layer: not at the top of the file and not inside a
function. Feature apps (news, events, agenda, members, businesses, subscriptions, search) do
not import each other, except a lower feature app's ``queries``; anything else between them goes
through a Wagtail hook. The project's entry points (``portal.urls``, ``portal.wsgi``,
``portal.asgi``) and the benchmark tools (``bench``) sit on top and may import every app. Tests
and migrations are not checked.

Every module is read with ``ast``, not imported, so an import that is never run is found too.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The layer of every top-level package of the project (a higher number may import a lower).
LAYERS = {
    "portal": 0,  # settings, env, the Redis circuit breaker (the entry points: see TOP)
    "security": 1,
    "pagecache": 1,
    "privacy": 1,
    "ops": 1,
    "home": 2,
    "kernen": 3,
    "news": 4,
    "events": 4,
    "agenda": 4,
    "members": 4,
    "businesses": 4,
    "dossiers": 4,
    "subscriptions": 5,
    "search": 6,
    "bench": 9,
}
#: Apps that share a room each: they may not import each other beyond a lower one's queries.
FEATURE_APPS = {
    "news",
    "events",
    "agenda",
    "members",
    "businesses",
    "dossiers",
    "subscriptions",
    "search",
}
#: Modules that put the project together and may import any app.
TOP = {"portal.urls", "portal.wsgi", "portal.asgi"}

#: Imports that break the rule and are still there, as {(importing module, imported module):
#: reason}. This list only shrinks: an import that no longer breaks the rule must leave it
#: (the test says so), and a new exception needs a reason here.
ALLOWED_IMPORTS: dict[tuple[str, str], str] = {}

MAX_LINES = 400
#: Modules over MAX_LINES that are being split: {path: reason}. Only shrinks, like the above.
ALLOWED_LONG_MODULES: dict[str, str] = {}

MAX_FUNCTION_LINES = 60
#: Functions over MAX_FUNCTION_LINES that may stay so: {"path name": reason}. Data builders
#: only, read as one list of objects to make; a new exception needs a reason here.
ALLOWED_LONG_FUNCTIONS = {
    "kernen/demo.py load_demo": "demo data builder: the demo municipality, its kernen and people",
    "news/demo.py load_news_demo": "demo data builder: the news and work notices of the demo",
    "agenda/demo.py load_agenda_demo": "demo data builder: the action points of the demo",
}
#: What ``home/`` may hold: the municipality's home page and the shared page bases
#: (layout of issue #15). A new module goes to the app whose concern it is, or is added here
#: with the reason it belongs to the home page or the bases.
HOME_ENTRIES = {
    "__init__.py",
    "apps.py",
    "migrations",
    "tests",
    "templatetags",  # navigation and language switcher of every page
    "models.py",  # HomePage, FormPage, InformationPage, PortalSettings, the page bases
    "models",  # (the same, once it is a package)
    "pages.py",  # the page bases: BasePage and IndexPage
    "blocks.py",  # the common StreamField blocks
    "forms.py",  # form-field rendering and the upload forms of Wagtail's images and documents
    "honeypot.py",  # the one honeypot of the public forms
    "pagination.py",  # the one paginate()
    "locales.py",  # the language aliases of every page
    "queries.py",  # public page queries every app uses
    "panels.py",  # the panel framework of the home and kern pages
    "information.py",  # the accessibility and privacy statements
    "signals.py",  # receivers of the home app's own models (the portal settings)
    "ical.py",  # calendar files (until the performance work moves it)
    "sitemap.py",  # the sitemap of the page tree
    "redirects.py",  # the redirect middleware of the page tree, fallbacks by hook
    "submissions.py",  # the form page's submissions list, exported CSV-safe
    "tasks.py",  # the form page's e-mail
    "urls.py",
    "views.py",  # page passwords of the page tree
    "wagtail_hooks.py",
    "factories.py",  # test and demo data of the home page and form pages
}


def python_modules():
    """(dotted name, path) of every module that the rules apply to."""
    for package in sorted(LAYERS):
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or "tests" in parts or path.name == "conftest.py":
                continue
            names = list(path.relative_to(ROOT).with_suffix("").parts)
            if names[-1] == "__init__":
                names.pop()
            yield ".".join(names), path


def imported_modules(source: str, module: str, is_package: bool = False):
    """(module, imported dotted name, line) of every import in ``source``, at any depth: at
    the top, in functions and methods, under ``if``. ``from a import b`` gives ``a`` and
    ``a.b`` (``b`` a module or a name in ``a``)."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module
            for alias in node.names:
                yield base, (base if alias.name == "*" else f"{base}.{alias.name}"), node.lineno


def breaks_rule(importer: str, imported: str) -> str | None:
    """Why ``importer`` may not import ``imported``, or None when it may."""
    source_app, target_app = importer.split(".")[0], imported.split(".")[0]
    if target_app not in LAYERS or target_app == source_app:
        return None
    if importer in TOP or importer.startswith("portal.urls."):
        return None
    source_layer, target_layer = LAYERS[source_app], LAYERS[target_app]
    if target_layer > source_layer:
        return f"{source_app} (layer {source_layer}) imports {target_app} (layer {target_layer})"
    if source_app in FEATURE_APPS and target_app in FEATURE_APPS:
        if target_layer == source_layer:
            return f"feature app {source_app} imports feature app {target_app}"
        queries = f"{target_app}.queries"
        if imported != queries and not imported.startswith(f"{queries}."):
            return f"feature app {source_app} imports {target_app} beyond its queries"
    return None


def violations():
    found = {}
    for module, path in python_modules():
        is_package = path.name == "__init__.py"
        for base, imported, line in imported_modules(path.read_text(), module, is_package):
            reason = breaks_rule(module, imported)
            if reason:
                found.setdefault((module, base), f"{path.relative_to(ROOT)}:{line}: {reason}")
    return found


def test_every_app_has_a_layer():
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "docs"}
    }
    assert packages - set(LAYERS) == set(), "add the new app to LAYERS (and to the docstring)"


def test_apps_import_downwards_only():
    found = violations()
    new = {key: where for key, where in found.items() if key not in ALLOWED_IMPORTS}
    assert not new, "imports against the layering:\n" + "\n".join(sorted(new.values()))


def test_the_list_of_allowed_imports_only_shrinks():
    found = violations()
    gone = [key for key in ALLOWED_IMPORTS if key not in found]
    assert not gone, f"these imports no longer break the rule; remove them from the list: {gone}"


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    [
        # The layer check sees imports inside functions and under ``if`` as well.
        ("home.models", "from kernen.models import KernPage\n", True),
        ("home.views", "def view():\n    from kernen.models import KernPage\n", True),
        ("home.views", "if True:\n    import kernen.sections\n", True),
        ("security.ratelimit", "def f():\n    from home.models import HomePage\n", True),
        ("pagecache.tags", "from privacy import registry\n", False),
        ("portal.settings.base", "from home import models\n", True),
        ("portal.urls", "from search import views\n", False),
        ("kernen.models", "from home.models import HomePage\n", False),
        ("news.views", "from events.models import EventPage\n", True),
        ("search.views", "from news.models import NewsPage\n", True),
        ("search.views", "from news.queries import latest\n", False),
        ("news.views", "from search.queries import results\n", True),
        ("news.views", "from .queries import latest\n", False),
        ("bench.generate", "from search.models import Anything\n", False),
    ],
)
def test_the_rule_is_what_the_docstring_says(module, source, broken):
    reasons = [breaks_rule(module, name) for _base, name, _line in imported_modules(source, module)]
    assert any(reasons) is broken, reasons


#: Folders of the checkout that hold no code of ours.
NOT_CODE = {"node_modules", "staticfiles", "media", "private_media", "static", "templates"}


def code_files():
    yield from ROOT.glob("*.py")
    for folder in sorted(ROOT.iterdir()):
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in NOT_CODE:
            yield from folder.rglob("*.py")


def sized_files():
    """(path relative to the checkout, path) of the code the size rules apply to: not
    migrations, not tests."""
    for path in code_files():
        relative = path.relative_to(ROOT)
        if "migrations" in relative.parts or "tests" in relative.parts:
            continue
        if path.name.startswith("test_") or path.name == "conftest.py":
            continue
        yield relative.as_posix(), path


def test_no_module_is_longer_than_400_lines():
    long = {}
    for relative, path in sized_files():
        lines = len(path.read_text().splitlines())
        if lines > MAX_LINES:
            long[relative] = lines
    new = {path: lines for path, lines in long.items() if path not in ALLOWED_LONG_MODULES}
    assert not new, f"split these modules (at most {MAX_LINES} lines): {new}"
    shrunk = [path for path in ALLOWED_LONG_MODULES if path not in long]
    assert not shrunk, f"these are short enough now; remove them from the list: {shrunk}"


def long_functions():
    """{"path name": lines} of every function or method longer than MAX_FUNCTION_LINES (from
    ``def`` to its last line), in the modules the 400-line rule applies to."""
    long = {}
    for relative, path in sized_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long[f"{relative} {node.name}"] = lines
    return long


def test_no_function_is_longer_than_60_lines():
    long = long_functions()
    allowed = ALLOWED_LONG_FUNCTIONS
    new = {name: lines for name, lines in long.items() if name not in allowed}
    assert not new, f"split these into named steps (at most {MAX_FUNCTION_LINES} lines): {new}"
    shrunk = [name for name in allowed if name not in long]
    assert not shrunk, f"these are short enough now; remove them from the lists: {shrunk}"


def test_home_holds_the_home_page_and_the_shared_page_bases_only():
    entries = {
        path.name
        for path in (ROOT / "home").iterdir()
        if path.name != "__pycache__" and (path.is_dir() or path.suffix == ".py")
    }
    assert entries - HOME_ENTRIES == set(), "this belongs in the app of its concern"


#: The most lines an ``AppConfig.ready()`` may have: enough to connect signal receivers.
MAX_READY_LINES = 8


def ready_methods():
    for path in sorted(ROOT.glob("*/apps.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and node.name == "ready":
                yield path.relative_to(ROOT).as_posix(), node


def test_apps_offer_what_they_add_through_hooks_not_in_ready():
    """What an app adds to another (sections, panels, sources, …) is a Wagtail hook in its
    ``wagtail_hooks.py``; ``ready()`` only connects signal receivers (ARCHITECTURE.md)."""
    assert dict(ready_methods()), "no ready() found: the test looks in the wrong place"
    for path, ready in ready_methods():
        lines = ready.end_lineno - ready.lineno
        assert lines <= MAX_READY_LINES, f"{path}: ready() has {lines} lines"
        for node in ast.walk(ready):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", "")
                assert not name.startswith("register"), f"{path}: {name}() in ready()"


#: How an import inside a function says why it is not at the top of its module: a comment
#: ``# Imported here: <the reason>`` on the import's line or right above it (one comment may
#: serve a few imports in a row). The reasons that hold: ``AppConfig.ready()`` importing
#: signal receivers (models load after the apps), and a real cycle (the page models import the
#: module that needs them).
LAZY_IMPORT_REASON = re.compile(r"#\s*Imported here:\s*\S+\s+\S+")

#: Functions whose imports still sit inside without a reason, as {"path function": reason}.
#: Only shrinks: move the import to the top, or give it its reason at the import.
PENDING_LAZY_IMPORTS: dict[str, str] = {}  # {"path function": reason}; only shrinks


def unexplained_imports(source: str):
    """(function name, line) of every import inside a function of ``source`` with no
    ``# Imported here:`` reason on its line or in the comment lines right above it (lines of
    the imports just before it in the same row count as "right above")."""
    lines = source.splitlines()
    tree = ast.parse(source)
    import_lines = {
        line
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for line in range(node.lineno, node.end_lineno + 1)
    }
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            said = lines[node.lineno - 1 : node.end_lineno]
            above = node.lineno - 1
            while above >= 1 and (
                lines[above - 1].lstrip().startswith("#") or above in import_lines
            ):
                said.append(lines[above - 1])
                above -= 1
            if not any(LAZY_IMPORT_REASON.search(line) for line in said):
                yield function.name, node.lineno


def lazy_imports_without_reason():
    """{"path function": [lines]} of the imports inside functions that give no reason, in the
    code the size rules apply to (not tests, not migrations)."""
    found = {}
    for relative, path in sized_files():
        for function, line in unexplained_imports(path.read_text()):
            found.setdefault(f"{relative} {function}", []).append(line)
    return found


def test_imports_inside_functions_say_why():
    """An import belongs at the top of its module; one inside a function says why at the
    import (issue #15: views no longer import models lazily to dodge a cycle)."""
    found = lazy_imports_without_reason()
    new = {name: lines for name, lines in found.items() if name not in PENDING_LAZY_IMPORTS}
    assert not new, (
        "move these imports to the top of the module, or say why they cannot be there with a "
        f"comment '# Imported here: <reason>' at the import: {new}"
    )
    gone = [name for name in PENDING_LAZY_IMPORTS if name not in found]
    assert not gone, f"these have no unexplained import left; remove them from the list: {gone}"


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("import os\n\ndef f():\n    return os\n", []),
        ("def f():\n    from news.models import NewsPage\n", [("f", 2)]),
        ("class A:\n    def m(self):\n        import json\n", [("m", 3)]),
        ("def f():\n    if True:\n        import json\n", [("f", 3)]),
        ("def f():\n    # Imported here: the page models import this module.\n    import x\n", []),
        ("def f():\n    import x  # Imported here: the models import this module.\n", []),
        # One reason serves the imports in a row below it; a comment without a reason does not.
        ("def f():\n    # Imported here: a cycle with x.\n    import x\n    import y\n", []),
        ("def f():\n    # Imported here.\n    import x\n", [("f", 3)]),
        ("def f():\n    # no reason given\n    import x\n", [("f", 3)]),
        ("def f():\n    # Imported here: a cycle.\n    import x\n\n    import y\n", [("f", 5)]),
    ],
)
def test_an_import_inside_a_function_needs_its_reason_at_the_import(source, flagged):
    assert list(unexplained_imports(source)) == flagged
