"""What every map layer shares: the layer ids a click is filed under, tooltip text, groups.

Every pickable object carries ``tip`` (PLAIN text, lines separated by newlines:
data names are untrusted, and Streamlit HTML-escapes every substituted field
before rendering the tooltip template, so escaping here too would show '&amp;') and
``sel_id`` (what a click selects: a place id, ``port:<code>``, ``initiative:<id>`` or
a pair id, see ``components.selection_ids``).
"""

from __future__ import annotations

BASE_LAYER_ID = "places"
PORTS_LAYER_ID = "ports"
PLANNED_PORTS_LAYER_ID = "planned_ports"
ARCS_LAYER_ID = "arcs"
TRADE_ARCS_LAYER_ID = "trade-arcs"
POINTS_LAYER_ID = "initiative_points"
LABELS_LAYER_ID = "labels"


def tip_text(title, lines: list[tuple[str, str]]) -> str:
    """Tooltip text: ``title`` then one 'label: value' line each (plain text, never HTML)."""
    body = [f"{label}: {value}" if label else str(value) for label, value in lines]
    return "\n".join([str(title), *body])


class LayerGroup(list):
    """Several deck layers that act as one (``make_deck`` flattens it)."""
