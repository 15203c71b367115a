"""What a map camera shows: where a ground point lands on a map of a given size, and the
camera that shows a set of points.

Plain Python. A camera is a mapping with ``latitude``, ``longitude``, ``zoom`` and
optional ``pitch`` and ``bearing`` in degrees, as in ``data/scenes.yaml`` and deck.gl's
view state. The projection is deck.gl's Web Mercator perspective (math.gl's
``WebMercatorViewport``: the eye 1.5 screen heights above the centre, looking down at
``pitch``, turned by ``bearing``), so a test or a scene author can tell whether a port
or an arc end lands on screen without a browser.
"""

from __future__ import annotations

import math

TILE_PX = 512  # deck.gl's world is 512 px wide at zoom 0
ALTITUDE = 1.5  # math.gl's default camera height, in screen heights
MAX_LAT = 85.05  # Web Mercator's edge


def _world(lon: float, lat: float) -> tuple[float, float]:
    """Web Mercator unit coordinates: x east 0..1, y NORTH 0..1 (math.gl's orientation)."""
    if not -MAX_LAT <= lat <= MAX_LAT:
        raise ValueError(f"latitude {lat} is outside Web Mercator's ±{MAX_LAT}")
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180.0) / 360.0, (1 + y / math.pi) / 2


def _lon_lat(x: float, y: float) -> tuple[float, float]:
    lat = math.degrees(2 * math.atan(math.exp((2 * y - 1) * math.pi)) - math.pi / 2)
    return x * 360.0 - 180.0, lat


def _check(camera: dict, width: float, height: float) -> tuple[float, float, float]:
    missing = [k for k in ("latitude", "longitude", "zoom") if k not in camera]
    if missing:
        raise ValueError(f"camera needs {', '.join(missing)}")
    if width <= 0 or height <= 0:
        raise ValueError(f"map size must be positive, got {width} x {height}")
    pitch = math.radians(float(camera.get("pitch", 0.0)))
    if not 0 <= pitch < math.radians(85.0):
        raise ValueError(f"pitch {camera.get('pitch')} is outside 0..85")
    return pitch, math.radians(float(camera.get("bearing", 0.0))), TILE_PX * 2 ** camera["zoom"]


def project(
    lon: float, lat: float, camera: dict, width: float, height: float
) -> tuple[float, float] | None:
    """Pixel (x, y) of ground point ``lon``/``lat``, from the top-left corner of a ``width`` x
    ``height`` px map seen from ``camera``; None for a point behind the eye (very high pitch).
    The pixel may lie outside the map: that is how callers learn a point is off screen."""
    pitch, bearing, scale = _check(camera, width, height)
    cx, cy = _world(camera["longitude"], camera["latitude"])
    px, py = _world(lon, lat)
    # Ground offset from the centre in screen heights (the unit of math.gl's view matrix).
    dx, dy = (px - cx) * scale / height, (py - cy) * scale / height
    x = dx * math.cos(bearing) - dy * math.sin(bearing)
    y = dx * math.sin(bearing) + dy * math.cos(bearing)
    # Tilting away: the north side of the map recedes from the eye.
    depth = ALTITUDE + y * math.sin(pitch)
    if depth <= 1e-9:
        return None
    focal = 2 * ALTITUDE  # 1 / tan(fovy / 2), fovy = 2 atan(0.5 / ALTITUDE)
    ndc_x = focal * height / width * x / depth
    ndc_y = focal * y * math.cos(pitch) / depth
    return (ndc_x + 1) / 2 * width, (1 - ndc_y) / 2 * height


def unproject(x: float, y: float, camera: dict, width: float, height: float) -> tuple[float, float]:
    """Inverse of ``project`` on the ground: map pixel (x, y) -> (lon, lat)."""
    pitch, bearing, scale = _check(camera, width, height)
    focal = 2 * ALTITUDE
    ndc_x, ndc_y = 2 * x / width - 1, 1 - 2 * y / height
    below_horizon = focal * math.cos(pitch) - ndc_y * math.sin(pitch)
    if below_horizon <= 1e-9:
        raise ValueError(f"pixel ({x}, {y}) is above the horizon")
    ry = ndc_y * ALTITUDE / below_horizon
    rx = ndc_x * width / height * (ALTITUDE + ry * math.sin(pitch)) / focal
    dx = rx * math.cos(bearing) + ry * math.sin(bearing)
    dy = -rx * math.sin(bearing) + ry * math.cos(bearing)
    cx, cy = _world(camera["longitude"], camera["latitude"])
    return _lon_lat(cx + dx * height / scale, cy + dy * height / scale)


def off_screen(
    points, camera: dict, width: float, height: float, margin: float = 0.0
) -> list[tuple[float, float]]:
    """The (lon, lat) ``points`` that land OFF a ``width`` x ``height`` map less ``margin`` px
    on every side (an empty list: all are on screen)."""
    off = []
    for lon, lat in points:
        at = project(lon, lat, camera, width, height)
        if at is None or not (
            margin <= at[0] <= width - margin and margin <= at[1] <= height - margin
        ):
            off.append((lon, lat))
    return off


def fit(
    points,
    width: float,
    height: float,
    margin: float = 40.0,
    pitch: float = 0.0,
    bearing: float = 0.0,
    max_zoom: float = 12.0,
) -> dict:
    """The camera (latitude, longitude, zoom, pitch, bearing) at ``pitch``/``bearing`` that
    shows every (lon, lat) of ``points`` on a ``width`` x ``height`` map, ``margin`` px
    inside its edges, as large as it fits (at most ``max_zoom``). Values are rounded as a
    scene file would write them (zoom rounded down so the rounding never pushes a point off).
    """
    points = [(float(lon), float(lat)) for lon, lat in points]
    if not points:
        raise ValueError("fit needs at least one point")
    if width <= 2 * margin or height <= 2 * margin:
        raise ValueError(f"margin {margin} leaves no room on a {width} x {height} map")
    xs, ys = zip(*(_world(lon, lat) for lon, lat in points), strict=True)
    lon, lat = _lon_lat((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    span = max((max(xs) - min(xs)) * TILE_PX / width, (max(ys) - min(ys)) * TILE_PX / height)
    zoom = min(max_zoom, math.log2(1 / span) if span > 0 else max_zoom)
    camera = {"latitude": lat, "longitude": lon, "zoom": zoom, "pitch": pitch, "bearing": bearing}
    # Tilt and rotation bend the picture: re-centre on the points' screen box and rescale
    # until it fills the room (a few rounds; each is close to exact).
    for _ in range(60):
        at = [project(p_lon, p_lat, camera, width, height) for p_lon, p_lat in points]
        if any(a is None for a in at):
            camera["zoom"] -= 1
            continue
        left, right = min(a[0] for a in at), max(a[0] for a in at)
        top, bottom = min(a[1] for a in at), max(a[1] for a in at)
        room_x, room_y = width - 2 * margin, height - 2 * margin
        grow = min(room_x / max(right - left, 1e-6), room_y / max(bottom - top, 1e-6))
        centre = unproject((left + right) / 2, (top + bottom) / 2, camera, width, height)
        camera["longitude"], camera["latitude"] = centre
        step = 0.8 * math.log2(grow)
        camera["zoom"] = min(max_zoom, camera["zoom"] + step)
        if abs(step) < 0.002:
            break
    rounded = {
        "latitude": round(camera["latitude"], 2),
        "longitude": round(camera["longitude"], 2),
        "zoom": math.floor(camera["zoom"] * 20) / 20,
        "pitch": pitch,
        "bearing": bearing,
    }
    # Rounding the centre moves the picture by a few pixels at most: step back until whole.
    while off_screen(points, rounded, width, height, margin / 2) and rounded["zoom"] > 0:
        rounded["zoom"] = round(rounded["zoom"] - 0.05, 2)
    return rounded
