"""What a presenter scene must keep on screen, read from the map the page drew.

``scene_features(spec, scene)`` takes the deck.gl JSON of a presenter map and the scene
and returns the ground points its story stands on: both ends of every arc, every name
written on the map, the scene's own ports (every port for a scene that names no place,
such as the overview of both borders). ``off_screen`` lists those that a map of a given
size, seen from the scene's camera, does not show.
"""

from __future__ import annotations

from geo import camera

# Room kept between a feature and the map's edge (a port circle, the start of a label).
EDGE_PX = 24.0


def scene_features(spec: dict, scene) -> list[tuple[float, float, str]]:
    """(lon, lat, what) for every arc end, label and scene port of a presenter deck spec."""
    points = []
    for layer in spec["layers"]:
        rows = layer.get("data") or []
        if layer["@@type"] == "ArcLayer":
            for row in rows:
                points.append((row["source_lon"], row["source_lat"], f"arc from {row['tip']}"))
                points.append((row["target_lon"], row["target_lat"], f"arc to {row['tip']}"))
        elif layer["@@type"] == "TextLayer":
            points += [(row["lon"], row["lat"], f"label {row['text']}") for row in rows]
        elif layer["id"] == "ports":
            points += [
                (row["lon"], row["lat"], f"port {row['port_code']}")
                for row in rows
                if row["port_code"] in scene.ports or not scene.places
            ]
    return points


def off_screen(points, view: dict, width: float, height: float, edge: float = EDGE_PX) -> list:
    """The ``points`` (lon, lat, what) off a ``width`` x ``height`` map seen from ``view``."""
    return [
        point
        for point in points
        if camera.off_screen([point[:2]], view, width, height, margin=edge)
    ]
