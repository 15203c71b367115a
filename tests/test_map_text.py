"""The maps' text alternative (components.map_text): written from the layers' data, in
en/es/fr. Tiny synthetic facts and layers (values invented for these tests); no store."""

from __future__ import annotations

import pandas as pd
import pydeck as pdk

from components import deckjson, map_text
from components.layers.base import LayerFacts
from components.layers.places import choropleth_layer, land_layer
from components.layers.ports import ports_layer
from tests.test_layers import GEOJSON, PORTS

SHADED = LayerFacts(
    "shaded",
    "Trade (2024)",
    (("Texas", 10.0, "$10"), ("Québec", None, ""), ("Nuevo León", 20.0, "$20")),
)


def test_shaded_map_says_what_is_shaded_how_many_have_a_value_and_the_highest_first():
    text = map_text.summary_text([SHADED], lang="en")
    assert text == (
        "States and provinces shaded by Trade (2024): 2 of 3 have a value. "
        "Highest: Nuevo León ($20); Texas ($10)."
    )


def test_only_the_top_places_are_named():
    text = map_text.summary_text([SHADED], lang="en", top=1)
    assert "Nuevo León ($20)" in text and "Texas" not in text


def test_ports_and_links_name_the_largest_and_the_selected_pair_is_named_by_its_places():
    ports = LayerFacts("ports", "Trucks", (("Laredo", 9.0, "9"), ("Detroit", 5.0, "5")))
    links = LayerFacts(
        "links", "trade links", (("A ↔ B", 1.0, "$1"), ("C ↔ D", 3.0, "$3")), ("A ↔ B",)
    )
    shaded = LayerFacts("shaded", "Trade", SHADED.items, ("Texas", "Nuevo León"))
    text = map_text.summary_text([shaded, links, ports], lang="en")
    assert "2 trade links drawn as lines; the widest: C ↔ D ($3); A ↔ B ($1)." in text
    assert "2 ports of entry; circle size: Trucks. Busiest: Laredo (9); Detroit (5)." in text
    assert text.endswith("Selected: Texas ↔ Nuevo León.")


def test_the_text_is_written_in_the_pages_language():
    es = map_text.summary_text([SHADED], lang="es")
    fr = map_text.summary_text([SHADED], lang="fr")
    assert es.startswith("Estados y provincias sombreados según Trade (2024)")
    assert "Valores más altos: Nuevo León ($20); Texas ($10)." in es
    # French: a narrow no-break space before ':' and ';'.
    assert "Valeurs les plus élevées\u202f: Nuevo León ($20)\u202f; Texas ($10)." in fr


def test_a_map_with_nothing_on_it_says_so():
    assert map_text.summary_text([None], lang="en") == t_empty()


def t_empty() -> str:
    from components.i18n import t

    return t("maptext.empty", "en")


def test_a_deck_is_described_from_the_facts_its_builders_attached():
    values = pd.DataFrame({"place_id": ["US-TX", "MX-NLE"], "value": [10.0, 20.0]})
    base, _ = choropleth_layer(
        GEOJSON, values, fmt=lambda v: f"{v:.0f}", label="Trade", selected="US-TX"
    )
    ports = ports_layer(PORTS, "Trucks", fmt=lambda v: f"{v:.0f}")
    deck = deckjson.make_deck([land_layer("en"), base, ports])
    text = " ".join(map_text.deck_summary(deck, lang="en"))
    assert "shaded by Trade: 2 of 3 have a value. Highest: Nuevo León (20); Texas (10)." in text
    assert "3 ports of entry; circle size: Trucks. Busiest: Laredo (400); Hidalgo (100)." in text
    assert text.endswith("Selected: Texas.")


def test_a_clickable_layer_without_facts_is_described_by_its_tooltips():
    points = pdk.Layer(
        "ScatterplotLayer",
        data=[{"tip": "Summit A\nParty: Texas"}, {"tip": "Summit B"}],
        id="initiative_points",
        pickable=True,
    )
    facts = map_text.layer_facts(points)
    assert facts.kind == "points" and [i[0] for i in facts.items] == ["Summit A", "Summit B"]
    assert map_text.summary_text([facts], lang="en") == "2 points, including Summit A; Summit B."
    assert map_text.layer_facts(land_layer("en")) is None  # a backdrop says nothing
