"""Colour-blind-safe colours for maps and charts, and the class breaks behind a legend.

Sequential shading uses viridis (readable with every common colour-vision
deficiency and in greyscale, and, unlike cividis, no grey in the middle that
reads as 'no data'); categorical colours are the Okabe–Ito set. 'No data' is
white with the usual dark outline: no class is that light. Colour never
carries meaning alone: legends print the value ranges and tooltips print the
numbers (and 'no data').
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# viridis sampled at 6 even steps (dark = low; reversed below so high = dark).
VIRIDIS_6 = [
    (68, 1, 84),
    (64, 66, 134),
    (42, 120, 142),
    (40, 168, 131),
    (124, 209, 79),
    (253, 231, 37),
]
# Low values light, high values dark: reads naturally on a light basemap.
SEQUENTIAL = list(reversed(VIRIDIS_6))
# White, not a grey: a grey sat between the classes of cividis' ramp (QA could not
# tell them apart); the polygon outline keeps a white place visible.
NO_DATA = (255, 255, 255)
OUTLINE = (90, 90, 90)
SELECTED_OUTLINE = (213, 94, 0)  # Okabe–Ito vermillion
# Okabe & Ito (2008) colour-blind-safe categorical colours, hex for Plotly, in the order
# charts use them: blue and orange first (the most distinct pair), black last.
OKABE_ITO = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
]
COUNTRY = {"US": (0, 114, 178), "CA": (213, 94, 0), "MX": (0, 158, 115)}
ARC_TRADE = (0, 114, 178)  # blue
ARC_INITIATIVE = (204, 121, 167)  # reddish purple
PORT_FILL = (230, 159, 0)  # orange


def class_breaks(values: Sequence[float], classes: int = 6) -> list[float]:
    """Quantile class edges (ascending, ``<= classes + 1`` unique edges) of the finite ``values``.

    Empty input -> []. Quantiles keep every class populated on skewed data
    (trade is dominated by a few states).
    """
    finite = sorted(v for v in values if v is not None and not math.isnan(v))
    if not finite:
        return []
    edges = []
    for i in range(classes + 1):
        position = (len(finite) - 1) * i / classes
        edges.append(finite[round(position)])
    unique = []
    for edge in edges:
        if not unique or edge > unique[-1]:
            unique.append(edge)
    return unique


def colour_for(value: float | None, edges: Sequence[float], colours=SEQUENTIAL) -> tuple:
    """Colour of ``value`` given ``class_breaks`` edges; ``NO_DATA`` for missing values."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or not edges:
        return NO_DATA
    if len(edges) == 1:
        return colours[len(colours) // 2]
    classes = len(edges) - 1
    for i in range(classes):
        if value <= edges[i + 1]:
            return colours[_spread(i, classes, len(colours))]
    return colours[-1]


def _spread(index: int, classes: int, size: int) -> int:
    # Fewer classes than colours: spread them over the whole ramp for contrast.
    if classes <= 1:
        return size - 1
    return round(index * (size - 1) / (classes - 1))


def legend_entries(edges: Sequence[float], fmt, colours=SEQUENTIAL) -> list[tuple[tuple, str]]:
    """[(colour, 'low – high'), ...] for a legend; ``fmt`` formats one number."""
    if not edges:
        return []
    if len(edges) == 1:
        return [(colours[len(colours) // 2], fmt(edges[0]))]
    classes = len(edges) - 1
    return [
        (colours[_spread(i, classes, len(colours))], f"{fmt(edges[i])} – {fmt(edges[i + 1])}")
        for i in range(classes)
    ]


def rgb_css(colour: Sequence[int]) -> str:
    """(r, g, b) -> 'rgb(r, g, b)'."""
    return f"rgb({colour[0]}, {colour[1]}, {colour[2]})"
