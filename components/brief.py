"""One-page PDF brief of a place: static map, key figures, partners, ports, initiatives, sources.

Plain Python (fpdf2, no Streamlit, no network): ``collect(db, place_id, lang)``
(``components.brief_content``) gathers the numbers from the store; ``render(brief)``
(``components.brief_drawing``) draws the page; ``brief_pdf(db, place_id, lang)`` does both.
CLI: ``python -m components.brief US-TX --lang es --out texas.pdf [--db PATH]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from components import brief_drawing, i18n, query
from components.brief_content import MEASURES, Brief, BriefError, collect
from components.brief_drawing import render

__all__ = ["MEASURES", "Brief", "BriefError", "brief_pdf", "collect", "download_button", "render"]


def _t(key: str, lang: str, **fmt) -> str:
    return i18n.t(key, lang=lang, **fmt)


def brief_pdf(db, place_id: str, lang: str = "en", year: int | None = None) -> bytes:
    """The one-page brief of ``place_id`` as PDF bytes (raises BriefError with a plain message)."""
    return render(collect(db, place_id, lang, year))


def download_button(place_id: str, lang: str, key: str = "brief") -> None:
    """Streamlit button that builds the brief of ``place_id`` in ``lang`` when clicked."""
    import streamlit as st

    if not brief_drawing.fonts_installed():
        st.caption(_t("brief.no_font", lang))
        return
    db = str(query.db_path())

    def make() -> bytes:
        try:
            return brief_pdf(db, place_id, lang)
        except BriefError as exc:  # shown in the file rather than as a traceback
            return f"{exc}\n".encode()

    st.download_button(
        _t("brief.download", lang),
        data=make,
        file_name=f"borderlinks-{place_id}-{lang}.pdf",
        mime="application/pdf",
        key=f"{key}-{place_id}-{lang}",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; prints one line on error and returns 1."""
    parser = argparse.ArgumentParser(prog="python -m components.brief", description=__doc__)
    parser.add_argument("place", help="place id, e.g. US-TX, CA-QC, MX-NLE")
    parser.add_argument("--lang", default="en", choices=i18n.LANGS)
    parser.add_argument("--out", type=Path, help="output PDF (default <place>.pdf)")
    parser.add_argument("--db", type=Path, default=None, help="store (default: BORDERLINKS_DB)")
    parser.add_argument("--year", type=int, default=None)
    args = parser.parse_args(argv)
    db = args.db or query.db_path()
    out = args.out or Path(f"{args.place}.pdf")
    try:
        data = brief_pdf(db, args.place, args.lang, args.year)
    except BriefError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    out.write_bytes(data)
    print(f"wrote {out} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
