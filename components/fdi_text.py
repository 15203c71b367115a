"""Words for investment (FDI) figures, in any language: origin names, partial years, and
"confidential" for a value the source withheld (never 0). Plain Python (no Streamlit), so
the PDF brief says exactly what the pages say.
"""

from __future__ import annotations

import functools

import pandas as pd

from components import i18n
from components.i18n import N_, t

# Keys built at run time (extracted for translators through N_).
_RUNTIME_KEYS = (
    N_("fdi.origin.all"),
    N_("fdi.origin.other"),
    N_("fdi.origin.rest"),
    N_("fdi.origin.GB-SCT"),
    N_("fdi.months_1"),
    N_("fdi.months_2"),
    N_("fdi.months_3"),
)


def money_m(value, lang: str | None = None) -> str:
    """US$ millions -> money text ('–' when unknown)."""
    return i18n.fmt_money(None if pd.isna(value) else float(value) * 1e6, lang=lang)


def value_text(value_musd, confidential, lang: str | None = None) -> str:
    """A cell's text: 'confidential' (translated) for a withheld value, else the money."""
    if pd.isna(value_musd) and bool(confidential):
        return t("fdi.confidential", lang=lang)
    return money_m(value_musd, lang)


def marker(confidential, lang: str | None = None) -> str:
    """The table/CSV marker column: 'confidential' or ''."""
    return t("fdi.confidential", lang=lang) if bool(confidential) else ""


@functools.cache
def _territories(lang: str) -> dict:
    from babel import Locale

    return dict(Locale.parse(i18n.LOCALES[lang]).territories)


def origin_name(origin: str, lang: str | None = None) -> str:
    """'United States' / 'Estados Unidos' for an ISO code (CLDR names via Babel); 'all',
    'other', 'rest' and Scotland ('GB-SCT') from the catalogs."""
    if origin in ("all", "other", "rest", "GB-SCT"):
        return t(f"fdi.origin.{origin}", lang=lang)
    code = lang or i18n.lang()
    return _territories(code).get(origin) or origin


def period_text(year: int, quarters: int, lang: str | None = None) -> str:
    """'2024', or '2025 (January–June)' for a year the source has only in part."""
    if quarters and int(quarters) < 4:
        months = t(f"fdi.months_{int(quarters)}", lang=lang)
        return t("fdi.partial_year", lang=lang, year=year, months=months)
    return str(year)
