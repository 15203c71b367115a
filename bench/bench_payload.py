"""Bytes the map sends to the browser: base layer per language, ports, arcs, vs a 250 KB budget.

Baseline (same run): Natural Earth's full-detail admin-1 for the same 96 places as
compact GeoJSON, i.e. what sending the source file unprocessed would cost.
Prints markdown rows ``| benchmark | figure | baseline | ratio | target |`` for
bench/run_all.py, then one summary line.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(REPO / "bench"))
from geo import boundaries, detail, links  # noqa: E402
from geo.convert import payload_bytes, to_geojson, to_records  # noqa: E402
from geo.places import load_places  # noqa: E402

BUDGET = boundaries.BUDGET_BYTES
SHARED_PORTS = REPO.parent / "shared" / "data" / "bts_land_ports_of_entry" / "ports.csv"


def baseline_bytes() -> int | None:
    """Full-detail Natural Earth admin-1 (96 places, 6 properties) as compact GeoJSON."""
    try:
        admin1 = boundaries.read_admin1()
    except FileNotFoundError:
        return None
    return payload_bytes(to_geojson(admin1[[*boundaries.PROPERTIES, "geometry"]], precision=6))


def styled_base(lang: str) -> dict:
    """The base layer with the per-feature properties the dashboard adds (colour, tooltip...)."""
    fc = boundaries.boundaries_geojson(lang)
    for f in fc["features"]:
        p = f["properties"]
        p.update(
            fill=[198, 219, 239, 210],
            line=[80, 80, 80],
            line_w=0.6,
            sel_id=p["place_id"],
            tip=f"<b>{p['name']}</b><br/>Trade, 2024 (US$): 123,456,789,012",
        )
    return fc


def ports_payload() -> tuple[int, int]:
    """(bytes, rows) of the ports layer records as the dashboard builds them."""
    ports_csv = REPO / "data" / "ports.csv"
    if ports_csv.exists():
        df = pd.read_csv(ports_csv, dtype={"port_code": str})
    else:
        raw = pd.read_csv(SHARED_PORTS, dtype={"Port Code": str})
        df = pd.DataFrame(
            {
                "port_code": raw["Port Code"],
                "port_name": raw["Port Name"],
                "lat": raw["lat_precise"],
                "lon": raw["lon_precise"],
            }
        )
    pts = links.port_points(df)
    pts["radius"] = 8.0
    pts["fill"] = [[49, 130, 189, 200]] * len(pts)
    pts["line"] = [[60, 60, 60]] * len(pts)
    pts["sel_id"] = "port:" + pts["port_code"]
    pts["tip"] = [
        f"<b>{n} ({c})</b><br/>Trucks: 1,234,567"
        for n, c in zip(pts["port_name"], pts["port_code"], strict=True)
    ]
    cols = ["port_code", "lat", "lon", "radius", "fill", "line", "sel_id", "tip"]
    return payload_bytes(to_records(pts, cols)), len(pts)


def arcs_payload() -> tuple[int, int]:
    """(bytes, rows) of state-province trade arcs (data/trade_od.csv) as ArcLayer records."""
    od_csv = REPO / "data" / "trade_od.csv"
    if not od_csv.exists():
        return 0, 0
    od = pd.read_csv(od_csv)
    places = load_places()
    od = od[
        od["us_state"].isin(places["place_id"]) & od["partner_place_id"].isin(places["place_id"])
    ]
    arcs = links.arcs(od, "us_state", "partner_place_id", places)
    arcs["width"] = 2.0
    arcs["colour"] = [[230, 85, 13, 170]] * len(arcs)
    arcs["tip"] = [
        f"<b>{a} – {b}</b><br/>US$ 1,234,567,890"
        for a, b in zip(od["us_state"], od["partner_place_id"], strict=True)
    ]
    cols = ["source_lon", "source_lat", "target_lon", "target_lat", "width", "colour", "tip"]
    return payload_bytes(to_records(arcs, cols)), len(arcs)


def sent_layers(lang: str) -> dict[str, int]:
    """{layer id: compact JSON bytes} of the overview map's deck as the app sends it (AppTest)."""
    import json
    import os

    from _common import full_store
    from streamlit.testing.v1 import AppTest

    os.environ["BORDERLINKS_DB"] = str(full_store())
    os.chdir(REPO)
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.switch_page("pages/overview_map.py")
    at.run()
    raw = at.get("deck_gl_json_chart")[0].proto.json
    spec = json.loads(raw)
    sizes = {
        layer["id"]: len(json.dumps(layer, separators=(",", ":")).encode())
        for layer in spec["layers"]
    }
    sizes["(whole deck spec)"] = len(raw.encode())
    return sizes


def main() -> int:
    base = baseline_bytes()
    sent_worst = 0
    for lang in ("en", "es", "fr"):
        sizes = sent_layers(lang)
        sent_worst = max(sent_worst, sizes["places"])
        ok = "ok" if sizes["places"] <= BUDGET else "OVER"
        print(
            f"| payload: overview base layer as sent ({lang}) | {sizes['places'] / 1000:.1f} KB "
            f"| – | – | ≤ {BUDGET // 1000} KB ({ok}) |"
        )
        print(
            f"| payload: overview deck spec, all layers ({lang}) "
            f"| {sizes['(whole deck spec)'] / 1000:.1f} KB | – | – | – |"
        )
    base_txt = f"{base / 1000:.0f} KB (NE 10m full detail)" if base else "n/a (no ../shared/data)"
    rows = []
    for lang in ("en", "es", "fr"):
        rows.append(
            (f"base map GeoJSON, bare ({lang})", payload_bytes(boundaries.boundaries_geojson(lang)))
        )
    for lang in ("en", "fr"):
        rows.append((f"base map GeoJSON, styled ({lang})", payload_bytes(styled_base(lang))))
    port_bytes, n_ports = ports_payload()
    arc_bytes, n_arcs = arcs_payload()
    for name, size in rows:
        ratio = f"{size / base:.3f}" if base else "–"
        ok = "ok" if size <= BUDGET else "OVER"
        print(
            f"| payload: {name} | {size / 1000:.1f} KB | {base_txt} | {ratio} | ≤ {BUDGET // 1000} KB ({ok}) |"
        )
    print(
        f"| payload: ports layer ({n_ports} ports) | {port_bytes / 1000:.1f} KB | – | – | small |"
    )
    print(
        f"| payload: trade arcs layer ({n_arcs} arcs) | {arc_bytes / 1000:.1f} KB | – | – | small |"
    )
    # Close-up maps (presenter scenes at zoom 7+) swap in the finer border outlines.
    close_up = payload_bytes(detail.detailed_geojson("en"))
    print(
        f"| payload: close-up outlines, border detail swapped in (en) | {close_up / 1000:.1f} KB "
        f"| {rows[0][1] / 1000:.1f} KB (base map) | {close_up / rows[0][1]:.2f}× | close-ups only |"
    )
    worst = max(size for _, size in rows)
    total = worst + port_bytes + arc_bytes
    print(
        f"Base map {rows[0][1] / 1000:.0f} KB bare / {worst / 1000:.0f} KB styled "
        f"(budget {BUDGET // 1000} KB); with ports and arcs a full map is {total / 1000:.0f} KB."
    )
    return 0 if max(worst, sent_worst) <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
