"""axe-core (carried by axe-playwright-python) run in the page, with the WCAG 2.x A and AA rules."""

from axe_playwright_python.sync_playwright import Axe

#: WCAG 2.0, 2.1 and 2.2, levels A and AA: what Dutch law asks of government sites.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
#: axe ships the WCAG 2.2 target-size rule (2.5.8, 24 x 24 px) switched off; a tag does not
#: switch it on, naming it does. Map controls and markers are the small targets it is for.
RULES = {"target-size": {"enabled": True}}
AXE = Axe()


def violations(page):
    """axe's violations on the page as it is now, each as one readable line per element."""
    results = AXE.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "rules": RULES,
            "resultTypes": ["violations"],
        },
    )
    found = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            found.append(f"{violation['id']} ({violation['impact']}) at {target}: {summary}")
    return found


def report(problems):
    """``{"<page> @ <width>": [violations]}`` as text for an assertion message."""
    return "\n".join(
        f"{where}:\n  " + "\n  ".join(lines) for where, lines in problems.items() if lines
    )
