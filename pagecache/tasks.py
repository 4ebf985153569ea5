"""Background work of the page cache."""

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from django_tasks import task


@task()
def purge_frontend_cache(urls: list[str]) -> None:
    """Tell the CDN in front to forget ``urls`` (wagtail.contrib.frontend_cache)."""
    purge_urls_from_cache(urls)
