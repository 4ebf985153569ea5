def absolute_url(request, page):
    """``page``'s URL with the scheme and host of ``request``."""
    return request.build_absolute_uri(page.get_url(request))
