"""The overview's chart, drawn on the server: stacked bars of action points per status per
kern. The template renders it as inline SVG; the table next to it holds the same numbers."""

from agenda.constants import Status

STATUS_COLOURS = {
    Status.IDEA: "#6b5b95",
    Status.PREPARATION: "#b35900",
    Status.IN_PROGRESS: "#00578a",
    Status.DONE: "#0b6b3a",
    Status.PARKED: "#5f6368",
}
LABEL_WIDTH = 130
BAR_WIDTH = 420
ROW_HEIGHT = 22
BAR_HEIGHT = 16


def status_chart(rows):
    """``rows``: [{"kern": KernPage, "counts": {status: n}, "total": n}] → drawing data.

    Numbers as text: the template writes them as they are (a float must keep its decimal
    point in SVG), and a string skips Django's number localisation, which cost a tenth of
    the overview's rendering for a few hundred numbers."""
    largest = max((row["total"] for row in rows), default=0) or 1
    bars = []
    for index, row in enumerate(rows):
        x = LABEL_WIDTH
        segments = []
        for status in Status:
            number = row["counts"].get(status, 0)
            if not number:
                continue
            width = round(BAR_WIDTH * number / largest, 1)
            segments.append(
                {
                    "x": str(x),
                    "width": str(width),
                    "colour": STATUS_COLOURS[status],
                    "label": status.label,
                    "number": str(number),
                }
            )
            x += width
        y = index * ROW_HEIGHT
        bars.append(
            {
                "kern": row["kern"].title,
                "y": str(y),
                "text_y": str(y + BAR_HEIGHT - 3),
                "total": str(row["total"]),
                "total_x": str(x + 6),
                "segments": segments,
            }
        )
    legend = [{"label": status.label, "colour": STATUS_COLOURS[status]} for status in Status]
    return {
        "bars": bars,
        "legend": legend,
        "width": str(LABEL_WIDTH + BAR_WIDTH + 40),
        "height": str(max(len(rows), 1) * ROW_HEIGHT),
        "bar_height": str(BAR_HEIGHT),
        "label_x": str(LABEL_WIDTH - 6),
    }
