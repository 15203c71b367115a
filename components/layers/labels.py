"""Text labels of places, cities and ports, placed so they do not cover one another. No streamlit."""

from __future__ import annotations

import pandas as pd
import pydeck as pdk

from components.layers.base import LABELS_LAYER_ID

# The page's own typeface (Streamlit ships Source Sans); deck.gl draws the glyphs into a
# canvas atlas in the browser, so no font file is fetched.
LABEL_FONT = "'Source Sans', 'Source Sans Pro', 'DejaVu Sans', sans-serif"
LABEL_SIZES = {"place": 22, "city": 20, "port": 19}


def labels_layer(
    labels: pd.DataFrame, zoom: float, layer_id: str = LABELS_LAYER_ID
) -> pdk.Layer | None:
    """Text labels placed for the camera's ``zoom`` -> a TextLayer, or None when there are none.

    ``labels``: lon, lat, text, kind ('place' | 'city' | 'port') and optionally radius (px of
    the port's circle). Place and city names are written on their point where there is room;
    port names beside their circle. Labels never cover one another at ``zoom`` when a free
    side exists (``geo.labels.place_labels``); earlier rows are placed first.
    """
    from geo import labels as geo_labels

    missing = {"lon", "lat", "text", "kind"} - set(labels.columns)
    if missing:
        raise ValueError(f"labels need columns {sorted(missing)}")
    frame = labels.dropna(subset=["lon", "lat", "text"])
    if frame.empty:
        return None
    frame = geo_labels.place_labels(
        frame.assign(
            size=[LABEL_SIZES.get(kind, 19) for kind in frame["kind"]],
            on_point=frame["kind"] != "port",
        ),
        zoom,
    )
    records = [
        {
            "lon": float(lon),
            "lat": float(lat),
            "text": str(text),
            "size": size,
            "offset": offset,
            "anchor": anchor,
            "baseline": baseline,
        }
        for lon, lat, text, size, offset, anchor, baseline in zip(
            frame["lon"],
            frame["lat"],
            frame["text"],
            frame["size"],
            frame["offset"],
            frame["anchor"],
            frame["baseline"],
            strict=True,
        )
    ]
    return pdk.Layer(
        "TextLayer",
        data=records,
        id=layer_id,
        pickable=False,
        get_position=["lon", "lat"],
        get_text="text",
        get_size="size",
        size_units="'pixels'",  # quoted: pydeck reads bare strings as accessors
        get_pixel_offset="offset",
        get_alignment_baseline="baseline",
        get_text_anchor="anchor",
        get_color=[20, 20, 20, 255],
        font_family=f'"{LABEL_FONT}"',
        font_weight=600,
        character_set="'auto'",  # accents (Québec, Nuevo León) are not in the ASCII default
        background=True,
        get_background_color=[255, 255, 255, 225],
        background_padding=[4, 2, 4, 2],
        # Drawn over the polygons whatever the depth: with a tilted camera, text at ground
        # level would otherwise be cut by the shapes it sits on.
        parameters={"depthCompare": "always", "depthWriteEnabled": False},
    )
