"""A map's short text alternative, written from its layers' data: what is shaded, the
largest places, ports and links, and the selected object. No streamlit calls:
``mapframe.show_map`` shows it right under every map, where screen readers reach it
after the map and anyone who cannot tell the colours apart reads the same facts.

Layer builders attach ``LayerFacts`` (``components.layers.base.describe``); a pickable
layer without facts (an ad-hoc point layer) is described from its rows' tooltips.
"""

from __future__ import annotations

from collections.abc import Iterable

from components import i18n
from components.i18n import t
from components.layers.base import LayerFacts, facts_of

TOP = 3  # places, ports or links named per sentence


def layer_facts(layer) -> LayerFacts | None:
    """The facts of one pydeck layer: those its builder attached, else (a pickable layer
    whose rows have tooltips) one 'points' item per row named by its tooltip's first
    line; None for a backdrop (land, labels, pick bands)."""
    facts = facts_of(layer)
    if facts is not None:
        return facts
    rows = getattr(layer, "data", None)
    if not getattr(layer, "pickable", False) or not isinstance(rows, list) or not rows:
        return None
    if getattr(layer, "id", "").endswith("-pick"):
        return None
    names = [str(r["tip"]).split("\n", 1)[0] for r in rows if isinstance(r, dict) and r.get("tip")]
    return LayerFacts("points", items=tuple((n, None, "") for n in names)) if names else None


def _largest(items: Iterable[tuple[str, float | None, str]], top: int) -> list[str]:
    """Names (with their shown value) of the ``top`` items by value, largest first; when no
    item has a value, the first ``top`` names as listed."""
    items = list(items)
    valued = sorted((i for i in items if i[1] is not None), key=lambda i: -i[1])
    picked = valued[:top] if valued else items[:top]
    seen, out = set(), []
    for name, _, shown in picked:
        if name not in seen:
            seen.add(name)
            out.append(f"{name} ({shown})" if shown else name)
    return out


def _sentences(facts: LayerFacts, lang: str, top: int) -> list[str]:
    """The sentences about one layer."""
    items = [i for i in facts.items if i[0]]
    join = i18n.punct(";", lang).join  # values hold commas ('83,6 milliards')
    if facts.kind == "shaded":
        valued = [i for i in items if i[1] is not None]
        if not facts.label:
            return [t("maptext.places", lang, n=len(items))]
        out = [t("maptext.shaded", lang, what=facts.label, n=len(valued), total=len(items))]
        if valued:
            out.append(t("maptext.highest", lang, items=join(_largest(valued, top))))
        return out
    if not items:
        return []
    if facts.kind == "ports":
        counted = [i for i in items if i[1]]
        out = [t("maptext.ports", lang, n=len(items), what=facts.label)]
        if counted:
            out.append(t("maptext.busiest", lang, items=join(_largest(counted, top))))
        return out
    if facts.kind == "planned_ports":
        return [t("maptext.planned", lang, items=join(_largest(items, top)))]
    if facts.kind == "links":
        varied = len({i[1] for i in items}) > 1
        key = "maptext.links_widest" if varied else "maptext.links"
        what = facts.label or t("maptext.links_any", lang)
        return [t(key, lang, n=len(items), what=what, items=join(_largest(items, top)))]
    return [t("maptext.points", lang, n=len(items), items=join(_largest(items, top)))]


def summary_parts(
    facts: Iterable[LayerFacts | None], lang: str | None = None, top: int = TOP
) -> list[str]:
    """Facts of a map's layers (bottom first) -> the sentences of its text alternative in
    ``lang`` (default: the page's): one or two per layer, then the selection. A selected
    pair is named by its two places ('Texas ↔ Nuevo León')."""
    code = lang or i18n.lang()
    facts = [f for f in facts if f is not None]
    parts = [s for f in facts for s in _sentences(f, code, top)]
    if not parts:
        return [t("maptext.empty", code)]
    chosen = list(dict.fromkeys(n for f in facts if f.kind != "links" for n in f.selected))
    shaded = [n for f in facts if f.kind == "shaded" for n in f.selected]
    links = [n for f in facts if f.kind == "links" for n in f.selected]
    if chosen:
        # Two outlined places are a selected pair (one link between them).
        sep = " ↔ " if len(shaded) == 2 and len(chosen) == 2 else ", "
        parts.append(t("maptext.selected", code, items=sep.join(chosen)))
    elif links:
        parts.append(t("maptext.selected", code, items=i18n.punct(";", code).join(links)))
    return parts


def summary_text(
    facts: Iterable[LayerFacts | None], lang: str | None = None, top: int = TOP
) -> str:
    """The text alternative as one paragraph (see ``summary_parts``)."""
    return " ".join(summary_parts(facts, lang, top))


def deck_summary(deck, lang: str | None = None, top: int = TOP) -> list[str]:
    """The sentences of a pydeck ``Deck``'s text alternative (see ``summary_parts``)."""
    return summary_parts((layer_facts(layer) for layer in deck.layers), lang, top)
