"""Every public endpoint of the portal, found rather than listed, for tests/test_fuzz.py: the
views of the URLconf (outside the admins), every live page of the page tree and every route
that page declares (``RoutablePageMixin``), and the forms those pages show. A view or page type
added later is fuzzed without a change here."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

#: Not public: the Wagtail and Django admins (and the admin's two-step login pages).
PRIVATE_PREFIXES = ("admin/", "django-admin/")
#: ``<int:id>`` and its kind; a regular expression's plain groups are read the same way.
PLACEHOLDER = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")
SIMPLE_GROUPS = {r"(\d+)": "<int:number>", r"(.*)": "<str:text>", r"([^/]+)": "<str:text>"}
SAMPLES = {"int": "1", "slug": "x", "str": "x", "path": "x", None: "x", "uuid": "x"}


@dataclass(frozen=True)
class Endpoint:
    """A URL with its placeholders (``uitnodiging/<str:token>/``); ``url()`` fills them."""

    template: str

    def url(self, value=None) -> str:
        """The URL with sample values, or with ``value`` in every text placeholder."""

        def fill(match):
            kind = match["kind"]
            if value is not None and kind != "int":
                return value
            return SAMPLES.get(kind, "x")

        return "/" + PLACEHOLDER.sub(fill, self.template).lstrip("/")

    @property
    def has_text_placeholder(self) -> bool:
        return any(match["kind"] != "int" for match in PLACEHOLDER.finditer(self.template))


def as_route(pattern) -> str | None:
    """The pattern as a route, or None for a regular expression we cannot write out (the
    page catch-all: the pages come from the tree instead)."""
    if isinstance(pattern, RoutePattern | LocalePrefixPattern):  # Dutch: no language prefix
        return str(pattern)
    if isinstance(pattern, RegexPattern):
        text = str(pattern).removeprefix("^").removesuffix("$")
        for group, placeholder in SIMPLE_GROUPS.items():
            text = text.replace(group, placeholder)
        if re.fullmatch(r"[\w\-./<>:]*", text):
            return text
    return None


def routes(patterns, prefix=""):
    for pattern in patterns:
        route = as_route(pattern.pattern)
        if route is None:
            continue
        route = prefix + route
        if route.startswith(PRIVATE_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def urlconf_endpoints() -> list[Endpoint]:
    return [Endpoint(route) for route in routes(get_resolver().url_patterns)]


def page_endpoints() -> list[Endpoint]:
    """Every live page (private ones too: a visitor gets the login) and its routes."""
    found = []
    for page in Page.objects.live().specific().order_by("path"):
        url = page.url
        if not url:
            continue
        found.append(Endpoint(url))
        if isinstance(page, RoutablePageMixin):
            for route in routes(page.get_resolver().url_patterns):
                found.append(Endpoint(url + route))
    return found


def public_endpoints() -> list[Endpoint]:
    unique = {endpoint.template: endpoint for endpoint in urlconf_endpoints() + page_endpoints()}
    return [unique[template] for template in sorted(unique)]


@dataclass
class Form:
    """A form with ``method="post"`` as a page shows it: its fields and a value for each that
    a person might have typed or chosen."""

    action: str
    fields: dict = field(default_factory=dict)


class PageReader(HTMLParser):
    """The forms a page shows with ``method="post"``, and the query parameters its links and
    other forms send (filters, search, pagination)."""

    TYPED = {"email": "fuzz@example.nl", "number": "3", "date": "2031-01-01", "url": ""}

    def __init__(self, url):
        super().__init__()
        self.url = url
        self.forms: list[Form] = []
        self.query_keys: set[str] = set()
        self.current: Form | None = None
        self.in_get_form = False
        self.select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "?" in (attrs.get("href") or ""):
            query = urlsplit(attrs["href"]).query
            self.query_keys.update(key for key, _value in parse_qsl(query, keep_blank_values=True))
        if tag == "form":
            is_post = (attrs.get("method") or "").lower() == "post"
            self.current = Form(attrs.get("action") or self.url) if is_post else None
            self.in_get_form = not is_post
            return
        if self.in_get_form and attrs.get("name"):
            self.query_keys.add(attrs["name"])
            return
        if self.current is None or not attrs.get("name"):
            if tag == "option" and self.current is not None and self.select:
                value = attrs.get("value") or ""
                if value and not self.current.fields.get(self.select):
                    self.current.fields[self.select] = value
            return
        name = attrs["name"]
        if name == "csrfmiddlewaretoken":
            return
        if tag == "select":
            self.select = name
            self.current.fields.setdefault(name, "")
        elif tag == "textarea":
            self.current.fields.setdefault(name, "Ik help graag.")
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if attrs.get("tabindex") == "-1":  # the honeypot a person leaves empty
                value = ""
            elif kind in ("checkbox", "radio", "hidden", "submit"):
                value = attrs.get("value") or "on"
            else:
                value = attrs.get("value") or self.TYPED.get(kind, "Jan de Vries")
            self.current.fields.setdefault(name, value)

    def handle_endtag(self, tag):
        if tag == "form":
            if self.current is not None:
                self.forms.append(self.current)
            self.current = None
            self.in_get_form = False
        elif tag == "select":
            self.select = None


def read_page(url, html: str) -> PageReader:
    reader = PageReader(url)
    reader.feed(html)
    return reader


def api_query_keys(url) -> set[str]:
    """The query parameters an API endpoint knows (Wagtail's ``known_query_parameters``)."""
    try:
        view = resolve(urlsplit(url).path).func
    except Resolver404:
        return set()
    return set(getattr(getattr(view, "cls", None), "known_query_parameters", ()))
