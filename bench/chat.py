"""What the group chat costs: 20 members of the Beesd board posting and polling for 60
simulated seconds, in process, against one uncached view of the kern page.

    python -m bench.chat [--members 20] [--seconds 60] [--post-every 10]

Needs the demo database (``make run`` or ``load_demo``; migrated). Every member polls every
1.5 s (40 polls a minute) and posts every 10 s (``--post-every``; 0: polls only), at staggered
moments; the requests go through
Django's test client with the whole middleware chain, so a poll costs what it costs in
gunicorn minus the network. Prints CPU ms and SQL queries per idle poll, per poll with news,
per post, and per uncached kern page view. The temporary members are removed at the end.
Not a test: it asserts nothing.
"""

import argparse
import os
import statistics
import time


def timed(client, method, url, **kwargs):
    # Imported here: Django is set up in main() first.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.process_time()
        response = getattr(client, method)(url, **kwargs)
        cpu = (time.process_time() - started) * 1000
    return response, cpu, len(queries)


def kern_page(url, samples=30):
    # Imported here: Django is set up in main() first.
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    client.get(url)
    cpu, queries = [], []
    for _ in range(samples):
        cache.clear()
        _response, spent, count = timed(client, "get", url)
        cpu.append(spent)
        queries.append(count)
    return statistics.median(cpu), statistics.median(queries)


def simulate(board, base, users, seconds, post_every=10):
    # Imported here: Django is set up in main() first.
    from django.test import Client

    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        client.get(f"{base}chat/")
        clients.append({"client": client, "latest": 0})
    results = {"idle": [], "news": [], "post": []}
    ticks = int(seconds / 1.5)
    # A member posts every ``post_every`` seconds (never with 0), at staggered moments.
    post_ticks = max(1, round(post_every / 1.5)) if post_every else 0
    for tick in range(ticks):
        for number, state in enumerate(clients):
            client = state["client"]
            if post_ticks and (tick + number) % post_ticks == 0:
                response, cpu, count = timed(
                    client, "post", f"{base}chat/", data={"text": f"Bericht {tick}-{number}"},
                    HTTP_ACCEPT="application/json",
                )  # fmt: skip
                results["post"].append((cpu, count))
            response, cpu, count = timed(client, "get", f"{base}chat/nieuw/?na={state['latest']}")
            messages = response.json()["messages"]
            if messages:
                state["latest"] = messages[-1]["id"]
            results["news" if messages else "idle"].append((cpu, count))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument(
        "--post-every", type=float, default=10, help="seconds between a member's posts; 0: none"
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    # Imported here: Django must be set up before models import.
    import django

    django.setup()
    # Imported here: after django.setup().
    from django.contrib.auth import get_user_model
    from django.test.utils import override_settings

    # Imported here: after django.setup().
    from members.models import BoardAreaPage, ChatMessage

    page = BoardAreaPage.objects.filter(
        slug="bestuur", url_path__endswith="/beesd/bestuur/"
    ).first()
    board = page.get_workspace()
    base = "/beesd/bestuur/"
    made = [
        get_user_model().objects.create(username=f"bench-chat-{number}", first_name=f"Lid {number}")
        for number in range(args.members)
    ]
    board.member_group.user_set.add(*made)
    before = ChatMessage.objects.filter(workspace=board).values_list("pk", flat=True)
    keep = set(before)
    try:
        with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
            results = simulate(board, base, made, args.seconds, args.post_every)
            kern_cpu, kern_queries = kern_page("/beesd/")
    finally:
        ChatMessage.objects.filter(workspace=board).exclude(pk__in=keep).delete()
        get_user_model().objects.filter(pk__in=[user.pk for user in made]).delete()
    requests = sum(map(len, results.values()))
    print(
        f"{args.members} members, {args.seconds} s, a post every {args.post_every:g} s each: "
        f"{requests} requests"
    )
    for kind, rows in results.items():
        if rows:
            cpu = statistics.median(row[0] for row in rows)
            queries = statistics.median(row[1] for row in rows)
            print(f"  {kind:5} {len(rows):5} × median {cpu:6.2f} ms CPU, {queries:.0f} queries")
    polls = results["idle"] + results["news"]
    total = sum(row[0] for row in polls) / len(polls)
    print(f"  poll mean {total:.2f} ms CPU")
    print(f"uncached kern page /beesd/: median {kern_cpu:.2f} ms CPU, {kern_queries:.0f} queries")
    print(f"a poll costs {total / kern_cpu:.0%} of an uncached kern page view")
    spent = sum(row[0] for rows in results.values() for row in rows)
    print(
        f"all {requests} requests: {spent / 1000:.1f} s CPU in {args.seconds} s "
        f"({spent / kern_cpu:.0f} uncached kern page views)"
    )


if __name__ == "__main__":
    main()
