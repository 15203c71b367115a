"""Translation and locale formatting: ``t(key)``, ``lang()``, number/date formats, place names.

Strings live in gettext catalogs, ``locale/<lang>/LC_MESSAGES/messages.po`` (msgid = the
key, see ``components.catalogs``), read once per process. The current language comes
from the view (``st.session_state["view_lang"]``, set by ``state.read_view``);
every function also takes an explicit ``lang=`` so the CLI/PDF can use them
without a Streamlit session.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import re
import threading
import time
import weakref

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from components import catalogs

LANGS = ("en", "es", "fr")
DEFAULT_LANG = "en"
LANG_NAMES = {"en": "English", "es": "Español", "fr": "Français"}
# Babel locales: North American variants, since users are US/CA/MX officials.
LOCALES = {"en": "en_US", "es": "es_MX", "fr": "fr_CA"}
SESSION_KEY = "view_lang"


def lang() -> str:
    """Current language code ('en' | 'es' | 'fr'); 'en' outside a Streamlit session."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx(suppress_warning=True)
        if ctx is None:
            return DEFAULT_LANG
        value = _SESSION_LANG.get(ctx.session_state)
        if value is None:
            value = ctx.session_state[SESSION_KEY] if SESSION_KEY in ctx.session_state else None
    except Exception:  # no Streamlit runtime (CLI, plain pytest): default language
        value = None
    return value if value in LANGS else DEFAULT_LANG


# A session's state -> its language, as set by ``set_lang``. A run formats hundreds of
# labels; reading st.session_state for each (locks, widget-id checks) cost ~10 ms a run.
_SESSION_LANG: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def set_lang(code: str) -> None:
    """Make ``code`` this session's language (``st.session_state`` and the fast lookup)."""
    import streamlit as st
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    st.session_state[SESSION_KEY] = code
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is not None:
        _SESSION_LANG[ctx.session_state] = code


def _lang(value: str | None) -> str:
    return value if value in LANGS else lang()


def t(key: str, lang: str | None = None, **fmt) -> str:
    """Text for ``key`` in the language (current one by default), ``str.format``-ed with ``fmt``.

    A missing translation falls back to English; a missing key returns the key
    itself so a gap is visible on screen instead of raising.
    """
    code = lang if lang in LANGS else _lang(lang)
    text = (_TABLES.get(code) or _table(code)).get(key)
    if text is None:
        return key
    return text.format(**fmt) if fmt else text


def N_(key: str) -> str:
    """``key`` unchanged: marks a key built elsewhere (``t(f"nav.{stem}")``) for
    ``make messages``, which extracts the literal arguments of ``t`` and ``N_``."""
    return key


# lang -> {key: final text}: English filled in where a translation is missing, French
# spacing applied, so ``t`` is one dict lookup (it runs hundreds of times a page).
_TABLES: dict[str, dict[str, str]] = {}
_TABLES_LOCK = threading.Lock()


def _table(code: str) -> dict[str, str]:
    """The ready {key: text} of ``code``, built from the compiled catalogs on first use."""
    with _TABLES_LOCK:  # Streamlit runs sessions in threads: read the files once
        if not _TABLES:
            english = catalogs.texts(DEFAULT_LANG)
            for other in LANGS:
                merged = english | (catalogs.texts(other) if other != DEFAULT_LANG else {})
                if other == "fr":
                    merged = {key: french_spacing(text) for key, text in merged.items()}
                _TABLES[other] = merged
    return _TABLES[code]


# A ':' ';' '?' '!' ending a word (followed by a space or the end: not a URL's '://' nor a
# '{n:,}' format spec), with whatever space the translator typed before it.
_FR_MARK = re.compile(r"[ \u00a0\u202f]*(?<=\S|[ \u00a0\u202f])([:;?!])(?=\s|$)")


@functools.cache
def french_spacing(text: str) -> str:
    """French ``text`` with a narrow no-break space (U+202F) before each ':' ';' '?' '!'.

    Applied by ``t`` to every French string, so translators may type 'Source :',
    'Source:' or 'Source\u202f:' alike and the screen never breaks a line before the mark.
    """
    return _FR_MARK.sub(lambda m: NNBSP + m.group(1), text)


@functools.cache
def _locale(code: str) -> Locale:
    """The Babel Locale of a language code, parsed once (Babel re-parses a locale string
    on every call, which dominated formatting a map's thousand tooltips)."""
    return Locale.parse(LOCALES[code])


def _missing(value) -> bool:
    """None, NaN, NaT or pandas NA (what a NULL cell becomes in a DataFrame)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    import pandas as pd  # local: pandas is already loaded wherever frames are formatted

    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def fmt_int(value, lang: str | None = None) -> str:
    """Integer with locale grouping (``12,345`` / ``12 345``); '–' for missing."""
    if _missing(value):
        return "–"
    # The locale's symbols with Python's grouping: the same text as Babel's
    # format_decimal for en_US/es_MX/fr_CA (tested), ~20x faster on map tooltips.
    symbols = _symbols(_lang(lang))
    number = round(value)
    text = f"{abs(number):,}".replace(",", symbols["group"])
    return f"{symbols['minusSign']}{text}" if number < 0 else text


@functools.cache
def _symbols(code: str) -> dict:
    return dict(_locale(code).number_symbols["latn"])


def fmt_num(value, lang: str | None = None, digits: int = 1) -> str:
    """Decimal number with ``digits`` fraction digits in the locale; '–' for missing."""
    if _missing(value):
        return "–"
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return babel_numbers.format_decimal(value, format=pattern, locale=_locale(_lang(lang)))


def fmt_money(value, lang: str | None = None, compact: bool = True, short: bool = False) -> str:
    """US dollars in the locale: compact (``$348.5B``) by default, else full units.

    ``short`` uses CLDR's short words in es/fr too ('US$348.5 mil M', '348,5 G$ US'),
    for narrow places like metric tiles.
    """
    if _missing(value):
        return "–"
    code = _lang(lang)
    locale = _locale(code)
    if compact and abs(value) >= 1000:
        if code == "en":
            return babel_numbers.format_compact_currency(
                value, "USD", locale=locale, fraction_digits=1
            )
        # CLDR's short Spanish/French forms ('15.4 MUSD', 'MRD') read badly;
        # the long words ('mil millones', 'milliards') are what officials write.
        if short and code == "es" and abs(value) >= 1e9:
            return f"US${_es_short_billions(value)}"
        # fr_CA short 10^12 is 'T', which nobody writes; 'billion' is (Statistique Canada).
        long_words = not short or (code == "fr" and abs(value) >= 1e12)
        words = babel_numbers.format_compact_decimal(
            value, locale=locale, fraction_digits=1, format_type="long" if long_words else "short"
        )
        if short and code == "fr":
            return f"{words} $ US"
        return f"US${words}" if code == "es" else f"{words} $ US"
    return babel_numbers.format_currency(value, "USD", locale=locale, format_type="standard")


def _es_short_billions(value) -> str:
    """A dollar amount of 10^9 or more -> short es_MX words without the sign.

    CLDR's es_MX short forms write 10^9 as an ungrouped '1875.1 M' and 10^12 as 'B',
    which a reader of English takes for billions; '1,875.1 M' is not what officials
    write either. Out: '1.9 mil M' below 10^12, else the long word ('1.2 billones').
    """
    if round(abs(value) / 1e9, 1) < 1000:
        return f"{fmt_num(value / 1e9, 'es')}\xa0mil\xa0M"
    return babel_numbers.format_compact_decimal(
        value, locale=_locale("es"), fraction_digits=1, format_type="long"
    )


def fmt_pct(value, lang: str | None = None, digits: int = 1) -> str:
    """Share (0.123) as a percentage in the locale (``12.3%`` / ``12,3 %``)."""
    if _missing(value):
        return "–"
    locale = _locale(_lang(lang))
    # The locale's own pattern keeps its spacing ('12,3 %' in French), with our digits.
    pattern = locale.percent_formats[None].pattern
    if digits:
        pattern = pattern.replace("#,##0", "#,##0." + "0" * digits, 1)
    return babel_numbers.format_percent(value, format=pattern, locale=locale)


def fmt_month(value, lang: str | None = None) -> str:
    """Month (date/datetime/'YYYY-MM[-DD]') as 'March 2024' / 'marzo de 2024'."""
    if _missing(value):
        return "–"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10] if len(value) >= 10 else value + "-01")
    if isinstance(value, dt.datetime):
        value = value.date()
    elif hasattr(value, "to_pydatetime"):  # pandas Timestamp
        value = value.to_pydatetime().date()
    return babel_dates.format_skeleton("yMMMM", value, locale=_locale(_lang(lang)))


def fmt_date(value, lang: str | None = None) -> str:
    """Day (date or ISO string) in the locale's medium format; '–' for missing."""
    if _missing(value):
        return "–"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        value = value.date()
    return babel_dates.format_date(value, format="medium", locale=_locale(_lang(lang)))


# (db path, store version, lang) -> {place_id: name}; a few entries at most.
_PLACE_NAMES: dict[tuple, dict[str, str]] = {}


def place_names(lang: str | None = None) -> dict[str, str]:
    """{place_id: name} in the language for the current store, built once per store version.

    ``query.place_names`` copies a cached frame on every call; loops over
    thousands of rows call ``place_name`` once per row, so the dict is kept
    here, and the store's version is checked at most once a second (names are
    reference data: a load that changes one shows it a second later at worst).
    """
    from components import query  # late import: query is the data module, i18n stays light

    code = _lang(lang)
    recent_key = (code, os.environ.get(query.DB_ENV))  # tests switch stores by env
    recent = _RECENT.get(recent_key)
    now = time.monotonic()
    if recent and now - recent[0] < 1.0:
        return recent[1]
    db = str(query.db_path())
    key = (db, query.store_version(db), code)
    names = _PLACE_NAMES.get(key)
    if names is None:
        if len(_PLACE_NAMES) > 12:  # old store versions: drop them
            _PLACE_NAMES.clear()
        names = _PLACE_NAMES[key] = query.place_names(code)
    _RECENT[recent_key] = (now, names)
    return names


# (lang, store env) -> (monotonic time checked, names) of the last lookup.
_RECENT: dict[tuple, tuple[float, dict[str, str]]] = {}


def place_name(place_id: str | None, lang: str | None = None) -> str:
    """Name of a state/province/city in the language; the id itself when unknown."""
    if not place_id:
        return "–"
    return place_names(lang).get(place_id, place_id)


def has(key: str) -> bool:
    """True when ``key`` has an entry in the English catalog."""
    return key in (_TABLES.get(DEFAULT_LANG) or _table(DEFAULT_LANG))


def label(prefix: str, value, lang: str | None = None) -> str:
    """Translated label for a data value (``t(f'{prefix}.{value}')``), else the value as published."""
    key = f"{prefix}.{value}"
    return t(key, lang=lang) if has(key) else str(value)


def in_lang(row, field: str, lang: str | None = None) -> str:
    """A record's ``{field}_{lang}`` text, else its ``{field}_en``; '' when both are missing.

    In: a dict or pandas row with ``name_en``/``name_es``/... columns. A NULL cell arrives
    as None or NaN (NaN is truthy, so ``a or b`` would show "nan"/"None"); both, and "",
    count as missing here.
    """
    for code in (_lang(lang), DEFAULT_LANG):
        value = row.get(f"{field}_{code}")
        if not _missing(value) and str(value).strip():
            return str(value)
    return ""


def leader_role(leader: dict, lang: str | None = None) -> str:
    """A leader's title in the language: ``role_<lang>``, else ``role`` (English); '' if none.

    In: one item of the inventory's ``leaders`` JSON ({name, role, role_es, role_fr, ...}).
    The English title is stored as plain ``role`` (the schema's original key), so
    ``in_lang`` cannot serve here.
    """
    code = _lang(lang)
    for key in (f"role_{code}", "role"):
        value = leader.get(key)
        if not _missing(value) and str(value).strip():
            return str(value)
    return ""


def port_name(name: str, lang: str | None = None) -> str:
    """A port's name as CBP publishes it -> the name used in the language's texts.

    Only names that have a usual translation have a key (the planned "Otay Mesa East"
    is "Otay Mesa Este"/"Otay Mesa Est" in the scenes and initiatives); others stay.
    """
    return label("ports.name", name, lang=lang)


def hs_chapter_title(code: str, lang: str | None = None, short: bool = False) -> str:
    """The name of HS chapter ``code`` ('87') in the language; '' for an unknown chapter.

    ``short``: our ≤ 40-character label ('Vehicles (not railway)') for selects and chart
    axes; else the official title. Falls back to English where a language has none.
    """
    from ingest.transborder_codes import hs_chapter_names  # reference files, read once

    names = hs_chapter_names().get(str(code), {})
    return in_lang(names, "name_short" if short else "name", lang)


def hs_chapter(code: str | None, lang: str | None = None, full: bool = False) -> str:
    """'87 · Vehicles (not railway)': chapter code and short label (``full``: official title).

    A chapter without a name (not in ``data/codes``) reads 'Chapter 87' in the language.
    """
    if not code:
        return "–"
    name = hs_chapter_title(code, lang, short=not full)
    return f"{code} · {name}" if name else t("sidebar.hs_chapter", lang=lang, code=code)


NNBSP = "\u202f"  # narrow no-break space: French puts it before : ; ? !


def punct(mark: str, lang: str | None = None) -> str:
    """``mark`` (':' ';' '?' '!') and a space as written in the language: French puts a
    narrow no-break space before it (so it never starts a line), en/es nothing."""
    return f"{NNBSP}{mark} " if _lang(lang) == "fr" else f"{mark} "


def colon(lang: str | None = None) -> str:
    """The label separator ': ' in the language ('\u202f: ' in French)."""
    return punct(":", lang)
