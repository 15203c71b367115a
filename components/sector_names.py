"""Names of the two sector classifications the annual views use, in en/es/fr, and the link
between the sidebar's HS chapters and the HS sections of the annual trade data.

Plain Python (no Streamlit), read once per process from committed code tables:
- SCIAN sectors (FDI by sector): Spanish titles are SE's (``data/codes/scian_fdi_sectors.csv``);
  English are NAICS 2022 titles (US Census Bureau) and French SCIAN Canada 2022 titles
  (Statistics Canada), in ``data/codes/scian_sectors_i18n.csv``, where Mexico's 43, 46
  and 93 take the titles of their NAICS counterparts (42 / 44-45 / 92; Canada 41 / 91).
- HS sections (US exports to Mexican states by commodity group, 2003 onward):
  ``data/codes/transborder_commodity_groups.csv`` (names and the chapters each holds).
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

CODES = Path(__file__).resolve().parents[1] / "data" / "codes"
LANGS = ("en", "es", "fr")


def _rows(name: str) -> list[dict[str, str]]:
    with open(CODES / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.cache
def scian_names() -> dict[str, dict[str, str]]:
    """{SCIAN sector code: {name_en, name_es, name_fr, name_short_en/es/fr}} (level 2)."""
    spanish = {
        r["scian_code"]: r["name_es"] for r in _rows("scian_fdi_sectors.csv") if r["level"] == "2"
    }
    out = {}
    for row in _rows("scian_sectors_i18n.csv"):
        code = row["scian_code"]
        names = {k: v for k, v in row.items() if k.startswith("name_")}
        names["name_es"] = spanish.get(code) or names["name_short_es"]
        out[code] = names
    return out


def scian_name(code: str, lang: str = "en", short: bool = True) -> str:
    """A SCIAN sector's name in ``lang`` (short label for charts, else the official title);
    the code itself when the table does not know it."""
    names = scian_names().get(str(code))
    if not names:
        return str(code)
    return names[f"name_short_{lang}" if short else f"name_{lang}"] or names["name_en"]


def _chapters(spec: str) -> list[str]:
    """'01-05' -> ['01', ..., '05']; '15' -> ['15']."""
    first, _, last = spec.partition("-")
    return [f"{n:02d}" for n in range(int(first), int(last or first) + 1)]


@functools.cache
def hs_sections() -> dict[str, dict[str, str]]:
    """{section 'I'..'XXII': {name_en, name_es, name_fr, hs_chapters ('86-89')}} in order."""
    return {
        row["sector"]: {k: row[k] for k in ("name_en", "name_es", "name_fr", "hs_chapters")}
        for row in _rows("transborder_commodity_groups.csv")
    }


@functools.cache
def section_of_chapter() -> dict[str, str]:
    """{HS chapter '87': its section 'XVII'} for every chapter 01-99."""
    return {ch: sec for sec, row in hs_sections().items() for ch in _chapters(row["hs_chapters"])}


def section_name(section: str, lang: str = "en", with_number: bool = True) -> str:
    """'XVII · Transportation equipment' (or just the name); the code when unknown."""
    row = hs_sections().get(str(section))
    if not row:
        return str(section)
    name = row[f"name_{lang}"] or row["name_en"]
    return f"{section} · {name}" if with_number else name


def section_chapters(section: str) -> str:
    """The chapter range a section holds ('86-89'); '' when unknown."""
    return hs_sections().get(str(section), {}).get("hs_chapters", "")
