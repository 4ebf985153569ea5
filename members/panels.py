def board_link(kern, request):
    """A link to the kern's board area for board members; no query (the URL is the kern's)."""
    url = kern.get_url(request)
    return {"url": f"{url}bestuur/", "kern": kern} if url else None
