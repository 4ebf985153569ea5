"""The benchmark's table and JSON writer, on canned measurements."""

import copy
import json

from bench import report


def page(url, p50, queries, rps_uncached=100.0, rps_cached=900.0):
    return {
        "url": url, "render_p50_ms": p50, "render_p95_ms": p50 * 2, "cpu_p50_ms": p50 / 2,
        "queries": queries, "bytes": 5000, "status": 200,
        "http": {
            "uncached": {"rps": rps_uncached, "p50_ms": 20.0, "p95_ms": 30.0, "p99_ms": 40.0},
            "cached": {"rps": rps_cached, "p50_ms": 2.0, "p95_ms": 3.0, "p99_ms": 4.0},
        },
    }  # fmt: skip


def site(kern_queries=12, kern_p50=10.0, publish_ms=120.0):
    return {
        "pages_total": 1000,
        "ceiling": {
            "url": "/bench/ok/",
            "render_p50_ms": 0.5,
            "render_p95_ms": 1.0,
            "cpu_p50_ms": 0.4,
            "queries": 0,
            "bytes": 2,
            "http": {
                "uncached": {"rps": 1000.0, "p50_ms": 2.0, "p95_ms": 3.0, "p99_ms": 4.0},
                "cached": {"rps": 1000.0, "p50_ms": 2.0, "p95_ms": 3.0, "p99_ms": 4.0},
            },
        },  # fmt: skip
        "pages": {
            "home": page("/", 20.0, 8),
            "kern": page("/beesd/", kern_p50, kern_queries),
            "search": page("/zoeken/?q=dorp", 30.0, 7),
        },
        "publish": {
            "kernen": 26,
            "how": "revision.publish()",
            "p50_ms": publish_ms,
            "max_ms": publish_ms * 1.5,
            "queries": 30,
        },  # fmt: skip
    }


def results(**large):
    return {"started": "2026-11-23 07:00 UTC", "machine": "test (2 cores)",
            "sites": {"small": site(), "large": site(**large)}}  # fmt: skip


def test_ratios_to_the_trivial_view():
    data = report.with_ratios(results())
    kern = data["sites"]["small"]["pages"]["kern"]
    assert kern["ratios"]["render_p50"] == 20.0  # 10 ms / 0.5 ms
    assert kern["http"]["uncached"]["ratios"]["rps"] == 0.1
    assert kern["http"]["cached"]["ratios"]["rps"] == 0.9


def test_all_budgets_met():
    assert report.budget_misses(report.with_ratios(results())) == []


def test_budget_misses_are_named():
    data = results(kern_queries=16, kern_p50=40.0, publish_ms=450.0)
    data["sites"]["large"]["pages"]["home"]["http"]["cached"]["rps"] = 300.0
    misses = report.budget_misses(report.with_ratios(data))
    assert "Kern: 16 queries (budget 15)" in misses
    assert "Kern: query count differs by size (small 12, large 16)" in misses
    assert "Kern (large): render p50 40.0 ms (budget 25 ms)" in misses
    assert "Home (large): cached 300 req/s, less than half the trivial view's 1000" in misses
    assert "Publishing a notice to 26 kernen (large): 450 ms (budget 300 ms)" in misses
    assert len(misses) == 5


def test_write_table_and_json(tmp_path):
    md_path, json_path = report.write(results(kern_p50=40.0), tmp_path)
    table = md_path.read_text()
    assert "### small: 1000 pages" in table
    assert "| Kern (`/beesd/`) | 40.0 (80×) / 80.0 (80×) | 20.0 (50×) | 12 | 5000 " in table
    assert "| 100 (0.1×) · 20 (10×) / 40 (10×) ms | 900 (0.9×) · 2 (1×) / 4 (1×) ms |" in table
    assert "p50 120 ms, max 180 ms, 30 queries" in table
    assert "- missed: Kern (large): render p50 40.0 ms (budget 25 ms)" in table
    saved = json.loads(json_path.read_text())
    assert saved["sites"]["large"]["pages"]["kern"]["ratios"]["render_p50"] == 80.0
    assert saved["budget_misses"] == ["Kern (large): render p50 40.0 ms (budget 25 ms)"]


def test_missing_http_runs_show_a_dash():
    data = copy.deepcopy(results())
    for name in data["sites"]:
        data["sites"][name]["ceiling"].pop("http")
        for item in data["sites"][name]["pages"].values():
            item.pop("http")
    table = report.markdown(report.with_ratios(data))
    assert "| 8 | 5000 | – | – |" in table
    assert "- all budgets met" in table
