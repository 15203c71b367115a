"""Command line of the store: build, load, fetch, sources, snapshot.

Exit codes: 0 ok; 2 refused input (one line ``error: file:line: column 'c': problem``);
1 anything unexpected (one line, never a traceback); 130 interrupted.
Heavy modules are imported inside the commands that need them, so
``python -m ingest load`` stays light (no geopandas, no streamlit).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.model import LoadError

REPO = Path(__file__).resolve().parents[1]
SHARED_DEFAULT = REPO.parent / "shared" / "data"


def _db(args) -> Path:
    from ingest.store import default_db_path

    return Path(args.db) if args.db else default_db_path()


def _print_reports(reports) -> None:
    for r in reports:
        print(r.one_line())


def cmd_build(args) -> int:
    """(Re)build the store from the committed reference data in data/."""
    from ingest import registry
    from ingest.build import build_store
    from ingest.progress import Progress

    with Progress("build", len(registry.REFERENCE_BUILDERS) + 1) as bar:

        def progress(name: str) -> None:
            if name == "writing store":  # the last phase: named, not counted as a builder
                bar.show(name)
            else:
                bar.step(name)

        reports = build_store(_db(args), Path(args.data), on_builder=progress)
    _print_reports(reports)
    print(f"built {_db(args)} ({len(reports)} batches)")
    return 0


def cmd_load(args) -> int:
    """Validate one official file and load it into the store."""
    from ingest import registry
    from ingest.progress import Progress

    if args.source not in registry.LOADERS:
        known = ", ".join(sorted(registry.LOADERS))
        raise LoadError(args.file, f"unknown source '{args.source}' (known: {known})")
    with Progress(f"load {args.source}", 2) as bar:
        bar.show("reading and validating")
        reports = load_path(args.source, Path(args.file), _db(args), on_read=bar.step)
        bar.step("done")
    _print_reports(reports)
    return 0


def load_path(source: str, path: Path, db: Path, on_read=None) -> list:
    """Validate ``path`` (a file, or a zip of files) as ``source`` and apply it to ``db``.

    The one load path shared by the CLI and the dashboard's upload page: zip members
    are extracted safely into a temporary folder, every member is validated before
    anything is written, and all batches go into the store in one swap.
    """
    import tempfile

    from ingest import registry, store
    from ingest.archive import expand_inputs

    if source not in registry.LOADERS:
        known = ", ".join(sorted(registry.LOADERS))
        raise LoadError(path, f"unknown source '{source}' (known: {known})")
    if not Path(path).is_file():
        raise LoadError(path, "no such file")
    with tempfile.TemporaryDirectory(prefix="borderlinks-load-") as tmp:
        batches = []
        for member in expand_inputs(path, Path(tmp)):
            batches += registry.LOADERS[source](member)
        if on_read:
            on_read("writing store")
        return store.apply(db, batches)


def cmd_fetch(args) -> int:
    """Download an official table and load it through the same validation path."""
    from ingest import fetch, store
    from ingest.progress import Progress

    if args.source not in fetch.FETCHERS:
        known = ", ".join(sorted(fetch.FETCHERS))
        raise LoadError(f"fetch {args.source}", f"unknown source (known: {known})")
    if args.source == "bts-crossings":
        with Progress("fetch bts-crossings", 1) as bar:
            batches = fetch.fetch_bts_crossings(
                args.base_url, on_page=lambda n: bar.show(f"{n} rows")
            )
            bar.step("validated")
    else:
        batches = fetch.FETCHERS[args.source](args.base_url)
    _print_reports(store.apply(_db(args), batches))
    return 0


def cmd_sources(args) -> int:
    """List each source: id, publisher, as-of and row counts per table."""
    from ingest import store

    for s in store.source_summary(_db(args)):
        rows = ", ".join(f"{t}={n}" for t, n in sorted(s["rows"].items())) or "no rows"
        as_of = s["as_of"].isoformat() if s["as_of"] else "-"
        print(f"{s['source_id']}\t{s['publisher'] or '-'}\tas of {as_of}\t{rows}")
    return 0


def cmd_snapshot(args) -> int:
    """Regenerate the committed snapshot files from ../shared/data."""
    from ingest.snapshot import write_snapshots

    for name, path in write_snapshots(Path(args.shared), Path(args.out), args.only):
        print(f"{name}: wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m ingest", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    def with_db(sp):
        sp.add_argument(
            "--db", help="store path (default: $BORDERLINKS_DB or data/borderlinks.duckdb)"
        )
        return sp

    b = with_db(sub.add_parser("build", help=cmd_build.__doc__))
    b.add_argument("--data", default=str(REPO / "data"), help="reference data folder")
    b.set_defaults(func=cmd_build)

    ld = with_db(sub.add_parser("load", help=cmd_load.__doc__))
    ld.add_argument("source", help="source id, e.g. bts-crossings")
    ld.add_argument("file", help="the official file (CSV or gzip; Parquet for SE FDI; or a zip)")
    ld.set_defaults(func=cmd_load)

    f = with_db(sub.add_parser("fetch", help=cmd_fetch.__doc__))
    f.add_argument("source", help="bts-crossings | census-state-exports")
    f.add_argument("--base-url", help="server root (tests point this at a local server)")
    f.set_defaults(func=cmd_fetch)

    s = with_db(sub.add_parser("sources", help=cmd_sources.__doc__))
    s.set_defaults(func=cmd_sources)

    sn = sub.add_parser("snapshot", help=cmd_snapshot.__doc__)
    sn.add_argument("--shared", default=str(SHARED_DEFAULT), help="the shared/data folder")
    sn.add_argument("--out", default=str(REPO / "data"), help="where snapshot files go")
    sn.add_argument("--only", nargs="*", help="snapshot names to regenerate (default: all)")
    sn.set_defaults(func=cmd_snapshot)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one command; print one line and return non-zero on any failure."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except LoadError as exc:
        print(f"error: {exc.one_line()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; the store is unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - the one place that turns any bug into one line
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        print(f"error: unexpected {type(exc).__name__}: {first[:300]}", file=sys.stderr)
        return 1
