"""Where map labels go so that they do not cover each other at a given camera zoom.

Plain Python: ``place_labels(labels, zoom)`` takes label points and returns, for each, a
pixel offset and text anchors that a deck.gl TextLayer reads. Placement is computed once
for the camera's zoom (Web Mercator, camera tilt ignored); offsets are in screen pixels,
so labels keep their side of the point when the user zooms.
"""

from __future__ import annotations

import math

import pandas as pd

TILE_PX = 512  # deck.gl's world is 512 px wide at zoom 0
GAP_PX = 3
# Side of the point -> (text anchor, alignment baseline), tried in this order.
SIDES = (
    ("below", "middle", "top"),
    ("right", "start", "center"),
    ("above", "middle", "bottom"),
    ("left", "end", "center"),
)
ON_POINT = ("on", "middle", "center")


def screen_xy(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web Mercator pixel coordinates of (lon, lat) at ``zoom`` (origin at the top left)."""
    if not -90 < lat < 90:
        raise ValueError(f"latitude {lat} out of range")
    world = TILE_PX * 2**zoom
    x = world * (lon + 180.0) / 360.0
    y = world * (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2
    return x, y


def in_view(lon: float, lat: float, camera: dict, width: float, height: float) -> bool:
    """Whether (lon, lat) is on a ``width`` x ``height`` px map seen from ``camera``
    (latitude, longitude, zoom; optional pitch; see ``view_bounds``)."""
    west, south, east, north = view_bounds(camera, width, height)
    return west <= lon <= east and south <= lat <= north


def lon_lat(x: float, y: float, zoom: float) -> tuple[float, float]:
    """Inverse of ``screen_xy``: Web Mercator pixel at ``zoom`` -> (lon, lat)."""
    world = TILE_PX * 2**zoom
    lon = x / world * 360.0 - 180.0
    lat = math.degrees(2 * math.atan(math.exp(math.pi * (1 - 2 * y / world))) - math.pi / 2)
    return lon, lat


def view_bounds(camera: dict, width: float, height: float, inset: float = 0.0):
    """(west, south, east, north) of a ``width`` x ``height`` px map seen from ``camera``,
    less ``inset`` pixels on every side (room for a label). A tilted camera sees farther
    north than a flat one, so the top edge is pushed out by the pitch (approximately)."""
    zoom = camera["zoom"]
    cx, cy = screen_xy(camera["longitude"], camera["latitude"], zoom)
    top = height / 2 * (1 + math.tan(math.radians(camera.get("pitch", 0.0))))
    west, north = lon_lat(cx - width / 2 + inset, cy - top + inset, zoom)
    east, south = lon_lat(cx + width / 2 - inset, cy + height / 2 - inset, zoom)
    return west, south, east, north


def text_box(text: str, size: float) -> tuple[float, float]:
    """Estimated (width, height) in pixels of ``text`` at font ``size`` with its background."""
    return 0.58 * size * len(text) + 8, size + 6


def _box(x, y, w, h, side, radius):
    """The label's rectangle (x0, y0, x1, y1) and its pixel offset for ``side`` of a point."""
    reach = radius + GAP_PX
    if side == "below":
        return (x - w / 2, y + reach, x + w / 2, y + reach + h), (0, reach)
    if side == "on":
        return (x - w / 2, y - h / 2, x + w / 2, y + h / 2), (0, 0)
    if side == "above":
        return (x - w / 2, y - reach - h, x + w / 2, y - reach), (0, -reach)
    if side == "right":
        return (x + reach, y - h / 2, x + reach + w, y + h / 2), (reach, 0)
    return (x - reach - w, y - h / 2, x - reach, y + h / 2), (-reach, 0)


def _overlap(a, b) -> float:
    """Area shared by rectangles ``a`` and ``b`` (x0, y0, x1, y1)."""
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0


def place_labels(labels: pd.DataFrame, zoom: float) -> pd.DataFrame:
    """Labels -> the same rows plus ``offset`` ([dx, dy] px), ``anchor`` and ``baseline``.

    ``labels``: lon, lat, text, size (px) and optionally radius (px of the marker the label
    names; 0 when absent) and ``on_point`` (True: a name without a marker, best written on
    its point). Rows are placed in order, so put the most important first. Each label takes
    the first side of its point (on it if ``on_point``, then below, right, above, left) that
    covers no label already placed and no other marker; when every side is covered, the
    least covered one.
    """
    missing = {"lon", "lat", "text", "size"} - set(labels.columns)
    if missing:
        raise ValueError(f"labels need columns {sorted(missing)}")
    if labels.empty:
        return labels.assign(offset=[], anchor=[], baseline=[])
    radii = labels["radius"] if "radius" in labels.columns else pd.Series(0.0, labels.index)
    on_point = (
        labels["on_point"] if "on_point" in labels.columns else pd.Series(False, labels.index)
    )
    points = [
        (*screen_xy(float(lon), float(lat), zoom), float(r))
        for lon, lat, r in zip(labels["lon"], labels["lat"], radii.fillna(0), strict=True)
    ]
    # Markers are obstacles too: a label must not hide another place's circle.
    markers = [(x - r, y - r, x + r, y + r) for x, y, r in points]
    placed, offsets, anchors, baselines = [], [], [], []
    rows = zip(labels["text"], labels["size"], on_point.fillna(False), strict=True)
    for i, (text, size, centred) in enumerate(rows):
        x, y, r = points[i]
        w, h = text_box(str(text), float(size))
        best = None
        for side, anchor, baseline in (ON_POINT, *SIDES) if centred else SIDES:
            box, offset = _box(x, y, w, h, side, r)
            others = [m for j, m in enumerate(markers) if j != i]
            cost = sum(_overlap(box, b) for b in placed + others)
            if best is None or cost < best[0]:
                best = (cost, box, offset, anchor, baseline)
            if cost == 0:
                break
        _, box, offset, anchor, baseline = best
        placed.append(box)
        offsets.append([round(offset[0], 1), round(offset[1], 1)])
        anchors.append(anchor)
        baselines.append(baseline)
    return labels.assign(offset=offsets, anchor=anchors, baseline=baselines)
