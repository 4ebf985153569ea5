from wagtail import hooks

from home.panels import Panel
from kernen.bridges import COMMS_GROUP
from kernen.sections import Section
from news import panels
from news.demo import load_news_demo
from news.provisioning import comms_group_for, ensure_comms_group
from pagecache.rules import CachedPaths


@hooks.register("pagecache_invalidation")
def page_cache_invalidation():
    """The CDN forgets a kern's feeds and notices calendar with the kern."""
    return [CachedPaths("kernen.KernPage", ["rss/", "atom/", "werkzaamheden.ics"])]


# Every kern's news, the municipality's news and work notices (kernen/sections.py), the comms
# group, the news and notices on the kern and home pages, and the app's part of the demo.
@hooks.register("kern_sections")
def kern_sections():
    return [Section(model="news.NewsIndexPage", title="Nieuws", slug="nieuws", order=10)]


@hooks.register("municipality_sections")
def municipality_sections():
    return [
        Section(
            model="news.MunicipalityNewsIndexPage",
            title="Nieuws",
            slug="nieuws",
            order=10,
            show_in_menus=True,
        ),
        Section(
            model="news.WorkNoticeIndexPage",
            title="Werkzaamheden",
            slug="werkzaamheden",
            order=20,
            show_in_menus=True,
            defaults={
                "intro": "Wegwerkzaamheden, afsluitingen en andere werkzaamheden van de "
                "gemeente, per kern."
            },
        ),
    ]


hooks.register("municipality_provisioning", ensure_comms_group, order=20)
hooks.register("demo_steps", load_news_demo, order=20)


@hooks.register("kern_bridges")
def kern_bridges():
    """The member area gives the comms group the organisations (kernen/bridges.py)."""
    return {COMMS_GROUP: lambda home: comms_group_for(home)[0]}


@hooks.register("page_panels")
def page_panels():
    return [
        Panel(
            page_type="kernen.KernPage",
            name="news.notices",
            template="components/work_notices_panel.html",
            get_context=panels.kern_notices,
            order=15,
        ),
        Panel(
            page_type="kernen.KernPage",
            name="news.news",
            template="components/news_panel.html",
            get_context=panels.kern_news,
            order=20,
        ),
        Panel(
            page_type="home.HomePage",
            name="news.news",
            template="components/news_home_panel.html",
            get_context=panels.home_news,
            order=20,
        ),
    ]
