"""Saved presenter scenes: load and validate ``data/scenes.yaml`` (format in data/README.md (Presenter scenes)).

Plain Python (no Streamlit): ``load_scenes(path)`` returns a list of ``Scene``
or raises ``ScenesError`` with the file, line and a plain problem statement.
Every figure a caption quotes is a *figure spec* (a named store query or a
``facts`` id), filled in at display time by ``components.query.scene_figure``
(kinds: ``components.query.scene_figures.FIGURE_KINDS``),
so no number is typed into the YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from components import present_layout

# One registry each, shared with the query side: a scene may name only what it computes.
from components.query.indicators import INDICATORS
from components.query.scene_figures import FIGURE_KINDS
from components.scene_captions import PLACEHOLDER

REPO = Path(__file__).resolve().parents[1]
SCENES_FILE = REPO / "data" / "scenes.yaml"
LANGS = ("en", "es", "fr")
LAYERS = ("choropleth", "ports", "arcs", "initiatives")
FORMATS = ("int", "money", "pct", "num", "year")
_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,39}$")
_FIGURE_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_PLACE = re.compile(r"^[A-Z]{2}(-[A-Z]{2,3})?(:[a-z0-9\-]{1,60})?$")
CAMERA_RANGES = {
    "latitude": (-90.0, 90.0),
    "longitude": (-180.0, 180.0),
    "zoom": (0.0, 20.0),
    "pitch": (0.0, 85.0),
    "bearing": (-360.0, 360.0),
}


class ScenesError(ValueError):
    """A scenes file that cannot be used, as one line: ``file:line: scene 'id': problem``."""

    def __init__(self, file, problem: str, line: int | None = None, scene: str | None = None):
        self.file, self.problem, self.line, self.scene = str(file), problem, line, scene
        where = self.file if line is None else f"{self.file}:{line}"
        which = f" scene '{scene}':" if scene else ""
        super().__init__(f"{where}:{which} {problem}")


@dataclass(frozen=True)
class Figure:
    """One number quoted by a caption: ``kind`` + ``args`` name the store query."""

    figure_id: str
    kind: str
    args: dict
    fmt: str | None = None


@dataclass(frozen=True)
class Scene:
    """One saved view for presenters."""

    scene_id: str
    title: dict[str, str]
    caption: dict[str, str]
    camera: dict[str, float]
    layers: tuple[str, ...]
    indicator: str | None = None
    year: int | None = None
    measure: str | None = None
    border: str | None = None
    places: tuple[str, ...] = ()
    ports: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = field(default_factory=tuple)
    line: int | None = None

    def text(self, which: str, lang: str) -> str:
        """Title or caption template in ``lang`` (English when a translation is missing)."""
        texts = self.title if which == "title" else self.caption
        return texts.get(lang) or texts["en"]


def _scene_lines(text: str) -> list[int]:
    """1-based line of each item of the top-level ``scenes`` list (for error messages)."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "scenes" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _texts(raw, name: str, fail) -> dict[str, str]:
    if not isinstance(raw, dict):
        fail(f"'{name}' must be a mapping with en, es and fr texts")
    missing = [code for code in LANGS if not str(raw.get(code) or "").strip()]
    if missing:
        fail(f"'{name}' has no text for {', '.join(missing)} (en, es and fr are all required)")
    unknown = set(raw) - set(LANGS)
    if unknown:
        fail(f"'{name}' has unknown languages {sorted(unknown)}; use en, es, fr")
    return {code: str(raw[code]).strip() for code in LANGS}


def _camera(raw, fail) -> dict[str, float]:
    if not isinstance(raw, dict):
        fail("'camera' must be a mapping with latitude, longitude, zoom (pitch, bearing optional)")
    camera = {"pitch": 0.0, "bearing": 0.0}
    for key, (low, high) in CAMERA_RANGES.items():
        if key not in raw:
            if key in ("latitude", "longitude", "zoom"):
                fail(f"'camera' needs '{key}'")
            continue
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            fail(f"camera '{key}' must be a number, got {value!r}")
        if not low <= value <= high:
            fail(f"camera '{key}' = {value} is outside {low}..{high}")
        camera[key] = float(value)
    unknown = set(raw) - set(CAMERA_RANGES)
    if unknown:
        fail(f"'camera' has unknown keys {sorted(unknown)}")
    return camera


def _as_list(value) -> list:
    return list(value) if isinstance(value, list | tuple) else [value]


def _figure(raw, fail) -> Figure:
    if not isinstance(raw, dict):
        fail("each entry of 'figures' must be a mapping with id and kind")
    figure_id = str(raw.get("id", ""))
    if not _FIGURE_ID.match(figure_id):
        fail(f"figure id {figure_id!r} must be lower_case letters, digits and _")
    kind = raw.get("kind")
    if kind not in FIGURE_KINDS:
        fail(f"figure '{figure_id}' has kind {kind!r}; expected one of {sorted(FIGURE_KINDS)}")
    required, optional = FIGURE_KINDS[kind].required, FIGURE_KINDS[kind].optional
    args = {k: v for k, v in raw.items() if k not in ("id", "kind", "format")}
    missing = [name for name in required if name not in args]
    if missing:
        fail(f"figure '{figure_id}' ({kind}) needs {', '.join(missing)}")
    unknown = set(args) - set(required) - set(optional)
    if unknown:
        fail(f"figure '{figure_id}' ({kind}) has unknown keys {sorted(unknown)}")
    for name in ("places", "partners", "ports"):
        if name in args:
            args[name] = [str(v) for v in _as_list(args[name])]
    for name in ("places", "partners"):
        for place in args.get(name, []):
            if not _PLACE.match(place):
                fail(f"figure '{figure_id}': {place!r} is not a place id like US-TX or MX-BCN")
    if "year" in args and (isinstance(args["year"], bool) or not isinstance(args["year"], int)):
        fail(f"figure '{figure_id}': year must be a whole number, got {args['year']!r}")
    fmt = raw.get("format")
    if fmt is not None and fmt not in FORMATS:
        fail(f"figure '{figure_id}': format {fmt!r} is not one of {FORMATS}")
    return Figure(figure_id, kind, args, fmt)


def parse_scene(raw, fail) -> Scene:
    """One scene mapping -> Scene; ``fail(problem)`` raises with the scene's position."""
    if not isinstance(raw, dict):
        fail("each scene must be a mapping (id, title, camera, caption, ...)")
    scene_id = str(raw.get("id", ""))
    if not _ID.match(scene_id):
        fail(f"id {scene_id!r} must be 1-40 lower-case letters, digits, '-' or '_'")
    known = {
        "id",
        "title",
        "caption",
        "camera",
        "layers",
        "filters",
        "places",
        "ports",
        "figures",
    }
    unknown = set(raw) - known
    if unknown:
        fail(f"unknown keys {sorted(unknown)}; allowed: {sorted(known)}")
    title = _texts(raw.get("title"), "title", fail)
    caption = _texts(raw.get("caption"), "caption", fail)
    camera = _camera(raw.get("camera"), fail)
    layers = tuple(_as_list(raw.get("layers") or ["choropleth"]))
    bad_layers = [layer for layer in layers if layer not in LAYERS]
    if bad_layers:
        fail(f"unknown layers {bad_layers}; expected some of {list(LAYERS)}")
    filters = raw.get("filters") or {}
    if not isinstance(filters, dict):
        fail("'filters' must be a mapping (year, measure, indicator, border)")
    unknown = set(filters) - {"year", "measure", "indicator", "border"}
    if unknown:
        fail(f"'filters' has unknown keys {sorted(unknown)}")
    indicator = filters.get("indicator")
    if indicator is not None and indicator not in INDICATORS:
        fail(f"indicator {indicator!r} is not one of {list(INDICATORS)}")
    year = filters.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        fail(f"filters year must be a whole number, got {year!r}")
    border = filters.get("border")
    if border is not None and border not in ("US-Canada", "US-Mexico"):
        fail(f"border {border!r} must be US-Canada or US-Mexico")
    places = tuple(str(p) for p in _as_list(raw.get("places") or []))
    for place in places:
        if not _PLACE.match(place):
            fail(f"{place!r} in 'places' is not a place id like US-TX, CA-QC or MX-BCN:tijuana")
    ports = tuple(str(p) for p in _as_list(raw.get("ports") or []))
    figures = tuple(_figure(f, fail) for f in (raw.get("figures") or []))
    ids = [f.figure_id for f in figures]
    if len(set(ids)) != len(ids):
        fail("figure ids must be unique within a scene")
    for code, template in caption.items():
        for name in PLACEHOLDER.findall(template):
            base = name.split(":")[0]
            if base not in ids and base.removesuffix("_from").removesuffix("_to") not in ids:
                fail(
                    f"caption ({code}) quotes {{{name}}} but no figure has that id; "
                    "every number must come from a figure"
                )
    return Scene(
        scene_id=scene_id,
        title=title,
        caption=caption,
        camera=camera,
        layers=layers,
        indicator=indicator,
        year=year,
        measure=filters.get("measure"),
        border=border,
        places=places,
        ports=ports,
        figures=figures,
    )


def parse_scenes(text: str, file="scenes.yaml") -> list[Scene]:
    """YAML text -> list of Scene, or ScenesError naming file, line and problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ScenesError(file, f"not valid YAML: {problem}", line) from None
    if not isinstance(data, dict) or not isinstance(data.get("scenes"), list):
        raise ScenesError(file, "expected a top-level 'scenes:' list")
    if not data["scenes"]:
        raise ScenesError(file, "the 'scenes' list is empty")
    lines = _scene_lines(text)
    scenes: list[Scene] = []
    for index, raw in enumerate(data["scenes"]):
        line = lines[index] if index < len(lines) else None
        label = str(raw.get("id")) if isinstance(raw, dict) and raw.get("id") else f"#{index + 1}"

        def fail(problem: str, line=line, label=label):
            raise ScenesError(file, problem, line, label)

        scene = parse_scene(raw, fail)
        scenes.append(Scene(**{**scene.__dict__, "line": line}))
    seen: set[str] = set()
    for scene in scenes:
        if scene.scene_id in seen:
            raise ScenesError(file, "scene id used twice", scene.line, scene.scene_id)
        seen.add(scene.scene_id)
    return scenes


def load_scenes(path: str | Path | None = None) -> list[Scene]:
    """Read and validate a scenes file (default ``data/scenes.yaml``) -> list of Scene."""
    path = Path(path) if path else SCENES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenesError(path, "file not found") from None
    except UnicodeDecodeError:
        raise ScenesError(path, "not UTF-8 text") from None
    return parse_scenes(text, path)


def scene_by_id(scenes: list[Scene], scene_id: str | None) -> Scene:
    """The scene with ``scene_id``, else the first one."""
    for scene in scenes:
        if scene.scene_id == scene_id:
            return scene
    return scenes[0]


def neighbour_id(scenes: list[Scene], scene_id: str | None, step: int) -> str:
    """Id of the scene ``step`` places after ``scene_id`` (wraps around)."""
    ids = [s.scene_id for s in scenes]
    index = ids.index(scene_id) if scene_id in ids else 0
    return ids[(index + step) % len(ids)]


# Above this zoom a scene frames a city pair, and a state's label point is off screen.
STATE_LABEL_MAX_ZOOM = 7.0


# The presenter's smallest map (a 1280 x 720 projector, components/present_layout.py): what
# a scene's camera shows on every presenter screen, to leave out what is off screen.
SCENE_VIEW_PX = present_layout.smallest_map()


def in_scene_view(scene: Scene, lon, lat) -> bool:
    """Whether (lon, lat) is on the scene's map as a 1080 p projector shows it."""
    from geo import labels

    if lon is None or lat is None or lon != lon or lat != lat:  # missing or NaN
        return False
    return labels.in_view(float(lon), float(lat), scene.camera, *SCENE_VIEW_PX)


def visible_point(scene: Scene, shape):
    """A point of ``shape`` (a shapely polygon in lon/lat) well inside the scene's map, to
    write the name of a place whose own label point is off screen -> (lon, lat) or None."""
    import shapely

    from geo import labels

    if shape is None:
        return None
    view = shapely.box(*labels.view_bounds(scene.camera, *SCENE_VIEW_PX, inset=60))
    seen = shapely.intersection(shape, view)
    if seen.is_empty or seen.area < 0.02 * view.area:  # a sliver: better no label
        return None
    point = shapely.point_on_surface(seen)
    return point.x, point.y


def scene_labels(
    scene: Scene, places, ports, name, port_name, planned: str, port_radius=None, shapes=None
):
    """The names a scene writes on its map -> DataFrame lon, lat, text, kind, radius.

    ``places``: place_id, kind, lat, lon (cities included); ``ports``: port_code, port_name,
    status, lat, lon. ``name(place_id)`` and ``port_name(name)`` give names in the page
    language; ``planned`` is the word for a planned port; ``port_radius`` maps a port code
    to its circle's radius in pixels; ``shapes(place_id)`` gives a place's outline (or
    None). Labelled, most important first and only when on the scene's map: its ports,
    planned ports at city zoom (``STATE_LABEL_MAX_ZOOM`` or closer), its cities, and its
    states and provinces when the camera is farther out — on their label point, or on a
    visible part of their outline when that point is off screen.
    """
    import pandas as pd

    radius = port_radius or {}
    rows = []
    order = {code: i for i, code in enumerate(scene.ports)}
    near = scene.camera["zoom"] >= STATE_LABEL_MAX_ZOOM
    shown = ports[ports["port_code"].isin(order) | ((ports["status"] == "planned") & near)]
    shown = shown.assign(_order=shown["port_code"].map(order).fillna(len(order)))
    for code, pname, status, lat, lon in shown.sort_values("_order", kind="stable")[
        ["port_code", "port_name", "status", "lat", "lon"]
    ].itertuples(index=False):
        if not in_scene_view(scene, lon, lat):
            continue
        text = port_name(pname) + (f" ({planned})" if status == "planned" else "")
        rows.append((lon, lat, text, "port", radius.get(code, 4.0)))
    wanted = places[places["place_id"].isin(scene.places)]
    wanted = wanted.assign(_city=wanted["kind"] != "city").sort_values("_city", kind="stable")
    for pid, kind, lat, lon in wanted[["place_id", "kind", "lat", "lon"]].itertuples(index=False):
        if kind != "city" and near:
            continue
        if not in_scene_view(scene, lon, lat):
            moved = visible_point(scene, shapes(pid)) if shapes and kind != "city" else None
            if moved is None:
                continue
            lon, lat = moved
        rows.append((lon, lat, name(pid), "city" if kind == "city" else "place", 0.0))
    return pd.DataFrame(rows, columns=["lon", "lat", "text", "kind", "radius"])


def main(argv: list[str] | None = None) -> int:
    """``python -m components.scenes [FILE]``: validate a scenes file, one line per outcome."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    try:
        scenes = load_scenes(args[0] if args else None)
    except ScenesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"ok: {len(scenes)} scenes ({', '.join(s.scene_id for s in scenes)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
