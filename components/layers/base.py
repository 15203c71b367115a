"""What every map layer shares: the layer ids a click is filed under, tooltip text, groups.

Every pickable object carries ``tip`` (PLAIN text, lines separated by newlines:
data names are untrusted, and Streamlit HTML-escapes every substituted field
before rendering the tooltip template, so escaping here too would show '&amp;') and
``sel_id`` (what a click selects: a place id, ``port:<code>``, ``initiative:<id>`` or
a pair id, see ``components.selection_ids``).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

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


def pick_band_id(layer_id: str) -> str:
    """Id of the invisible, wide pick band drawn under the arc layer ``layer_id``."""
    return f"{layer_id}-pick"


@dataclass(frozen=True)
class LayerFacts:
    """What a layer shows, in words a text alternative can use (``components.map_text``).

    ``kind``: 'shaded' (states/provinces by a value), 'ports', 'planned_ports', 'links'
    or 'points'. ``label``: what the values are ('Trade with Canada (USD) (2024)', a
    crossing measure). ``items``: (name, value or None, value as shown) per object.
    ``selected``: names of the selected objects.
    """

    kind: str
    label: str = ""
    items: tuple[tuple[str, float | None, str], ...] = ()
    selected: tuple[str, ...] = ()


# Facts live beside the layers, not in them: pydeck would send every attribute of a
# layer to the browser. Entries go with their layers (cached layers keep theirs).
_FACTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def describe(layer, facts: LayerFacts):
    """Attach ``facts`` to ``layer`` (a pydeck Layer) -> the same layer."""
    _FACTS[layer] = facts
    return layer


def facts_of(layer) -> LayerFacts | None:
    """The facts a builder attached to ``layer``, or None."""
    try:
        return _FACTS.get(layer)
    except TypeError:  # not weak-referenceable: no facts
        return None
