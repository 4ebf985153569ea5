"""The benchmark's output: a Markdown table and a JSON file, every figure also as a ratio to
the trivial view (the ceiling of the stack: Django, gunicorn, the machine)."""

import json
from pathlib import Path

#: Page types in the order of the table, with the budget of the uncached render p50 (ms).
PAGE_TYPES = {
    "home": ("Home", None),
    "kern": ("Kern", 25),
    "news_index": ("Nieuws van een kern", None),
    "news_item": ("Nieuwsbericht", 25),
    "kernagenda": ("Kernagenda", None),
    "action_point": ("Actiepunt", 25),
    "kernagendas": ("/kernagendas/", 50),
    "werkzaamheden": ("/werkzaamheden/", 50),
    "notice": ("Werkzaamheid", 25),
    "activities": ("/activiteiten/", 50),
    "search": ("Zoeken", 50),
    "rss": ("RSS-feed", None),
    "ics": ("Agenda (.ics)", None),
}
QUERY_BUDGET = 15
PUBLISH_BUDGET_MS = 300


def ratio(value, ceiling):
    if value is None or not ceiling:
        return None
    return value / ceiling


def _num(value, digits=1):
    return "–" if value is None else f"{value:.{digits}f}"


def _x(value):
    """A ratio: whole numbers from 10 up, two significant digits below (0.0031×)."""
    if value is None:
        return ""
    return f" ({value:.0f}×)" if value >= 10 else f" ({value:.2g}×)"


def with_ratios(results: dict) -> dict:
    """Add, for every site, each page's figures divided by the trivial view's."""
    for site in results["sites"].values():
        ceiling = site["ceiling"]
        for page in site["pages"].values():
            page["ratios"] = {
                "render_p50": ratio(page["render_p50_ms"], ceiling["render_p50_ms"]),
                "render_p95": ratio(page["render_p95_ms"], ceiling["render_p95_ms"]),
                "cpu_p50": ratio(page.get("cpu_p50_ms"), ceiling.get("cpu_p50_ms")),
            }
            for mode in ("uncached", "cached"):
                run = page.get("http", {}).get(mode)
                ceiling_run = ceiling.get("http", {}).get(mode)
                if run and ceiling_run:
                    run["ratios"] = {
                        "rps": ratio(run["rps"], ceiling_run["rps"]),
                        "p50": ratio(run["p50_ms"], ceiling_run["p50_ms"]),
                        "p99": ratio(run["p99_ms"], ceiling_run["p99_ms"]),
                    }
    return results


def budget_misses(results: dict) -> list[str]:
    misses = []
    sites = results["sites"]
    names = list(sites)
    for key, (label, render_budget) in PAGE_TYPES.items():
        queries = {name: sites[name]["pages"].get(key, {}).get("queries") for name in names}
        present = [q for q in queries.values() if q is not None]
        if any(q > QUERY_BUDGET for q in present):
            misses.append(f"{label}: {max(present)} queries (budget {QUERY_BUDGET})")
        if len(set(present)) > 1:
            counts = ", ".join(f"{name} {q}" for name, q in queries.items())
            misses.append(f"{label}: query count differs by size ({counts})")
        for name in names:
            page = sites[name]["pages"].get(key)
            if page and render_budget and page["render_p50_ms"] > render_budget:
                misses.append(
                    f"{label} ({name}): render p50 {page['render_p50_ms']:.1f} ms "
                    f"(budget {render_budget} ms)"
                )
    for name in names:
        ceiling = sites[name]["ceiling"].get("http", {}).get("cached")
        for key, page in sites[name]["pages"].items():
            cached = page.get("http", {}).get("cached")
            if ceiling and cached and cached["rps"] < ceiling["rps"] / 2:
                misses.append(
                    f"{PAGE_TYPES[key][0]} ({name}): cached {cached['rps']:.0f} req/s, "
                    f"less than half the trivial view's {ceiling['rps']:.0f}"
                )
        publish = sites[name].get("publish")
        if publish and publish["p50_ms"] > PUBLISH_BUDGET_MS:
            misses.append(
                f"Publishing a notice to {publish['kernen']} kernen ({name}): "
                f"{publish['p50_ms']:.0f} ms (budget {PUBLISH_BUDGET_MS} ms)"
            )
    return misses


def http_cell(run: dict | None) -> str:
    if not run:
        return "–"
    ratios = run.get("ratios", {})
    return (
        f"{run['rps']:.0f}{_x(ratios.get('rps'))} · {run['p50_ms']:.0f}{_x(ratios.get('p50'))}"
        f" / {run['p99_ms']:.0f}{_x(ratios.get('p99'))} ms"
    )


def markdown(results: dict) -> str:
    lines = [f"Run {results['started']} on {results['machine']}.", ""]
    for name, site in results["sites"].items():
        ceiling = site["ceiling"]
        lines += [
            f"### {name}: {site['pages_total']} pages",
            "",
            "Render: Django test client in one process, after warm-up, page cache off; "
            "HTTP: gunicorn (2 workers) on 127.0.0.1, wrk, requests/s (× trivial view) · "
            "p50 / p99 latency (×).",
            "",
            "| Page | Render p50 / p95 ms (× trivial) | CPU p50 ms (×) | Queries | Bytes "
            "| HTTP uncached | HTTP cached |",
            "|---|---|---|---|---|---|---|",
            f"| Trivial view (ceiling) | {_num(ceiling['render_p50_ms'], 2)} / "
            f"{_num(ceiling['render_p95_ms'], 2)} | {_num(ceiling.get('cpu_p50_ms'), 2)} "
            f"| {ceiling['queries']} | {ceiling['bytes']} "
            f"| {http_cell(ceiling.get('http', {}).get('uncached'))} "
            f"| {http_cell(ceiling.get('http', {}).get('cached'))} |",
        ]
        for key, (label, _budget) in PAGE_TYPES.items():
            page = site["pages"].get(key)
            if not page:
                continue
            ratios = page.get("ratios", {})
            lines.append(
                f"| {label} (`{page['url']}`) | {_num(page['render_p50_ms'])}"
                f"{_x(ratios.get('render_p50'))} / {_num(page['render_p95_ms'])}"
                f"{_x(ratios.get('render_p95'))} | {_num(page.get('cpu_p50_ms'))}"
                f"{_x(ratios.get('cpu_p50'))} "
                f"| {page['queries']} | {page['bytes']} "
                f"| {http_cell(page.get('http', {}).get('uncached'))} "
                f"| {http_cell(page.get('http', {}).get('cached'))} |"
            )
        publish = site.get("publish")
        if publish:
            lines += [
                "",
                f"Publishing a work notice to {publish['kernen']} kernen "
                f"({publish['how']}): p50 {publish['p50_ms']:.0f} ms, "
                f"max {publish['max_ms']:.0f} ms, {publish['queries']} queries "
                f"({_num(ratio(publish['p50_ms'], ceiling['render_p50_ms']), 0)}× the trivial "
                "view's render).",
            ]
        lines.append("")
    misses = budget_misses(results)
    lines += ["### Budgets", ""]
    lines += [f"- missed: {miss}" for miss in misses] or ["- all budgets met"]
    return "\n".join(lines) + "\n"


def write(results: dict, directory: Path) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    results = with_ratios(results)
    results["budget_misses"] = budget_misses(results)
    json_path, md_path = directory / "latest.json", directory / "latest.md"
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    md_path.write_text(markdown(results))
    return md_path, json_path
