from news.models.news import MunicipalityNewsIndexPage, NewsIndexPage, NewsPage, NewsPageTag
from news.models.notices import WorkNoticeIndexPage, WorkNoticePage

__all__ = [
    "MunicipalityNewsIndexPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "WorkNoticeIndexPage",
    "WorkNoticePage",
]
