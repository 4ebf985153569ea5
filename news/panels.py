"""What the news app shows on the kern pages and the municipality's home page: one query each."""

from news import queries
from news.constants import HOME_PANEL_NEWS, KERN_PANEL_NEWS, KERN_PANEL_NOTICES


def kern_news(kern, request):
    news = list(
        queries.news_below(kern).order_by("-date", "-first_published_at", "-pk")[:KERN_PANEL_NEWS]
    )
    return {"kern": kern, "news": news}


def kern_notices(kern, request):
    notices = list(queries.current_notices_for_kern(kern)[:KERN_PANEL_NOTICES])
    if not notices:
        return None
    kern_url = kern.get_url(request)
    notices_url = f"{kern_url[: -len(kern.slug) - 1]}werkzaamheden/"
    return {"kern": kern, "notices": notices, "notices_url": notices_url}


def home_news(home, request):
    news = list(
        queries.with_kern(queries.in_municipality_of(queries.public_news(), home)).order_by(
            "-date", "-first_published_at", "-pk"
        )[:HOME_PANEL_NEWS]
    )
    return {"news": news}
