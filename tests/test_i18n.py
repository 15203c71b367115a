"""Language completeness: every catalog is fully translated, and es/fr pages show no English UI text.

The UI strings are gettext catalogs (``locale/<lang>/LC_MESSAGES/messages.po``, msgid = key,
see ``components.catalogs``). The page checks run every page of the dashboard (AppTest) on a store built from the
committed data, collect what a user sees (headings, text, captions, notes, widget labels
and placeholders, chart titles/axes/legends) and look for English-only UI strings.
Sources and proper names are data, not UI strings, so they never match.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

import pytest

from components import catalogs, i18n

REPO = Path(__file__).resolve().parents[1]
PAGES = sorted(p.stem for p in (REPO / "pages").glob("*.py") if not p.name.startswith("_"))
LANGS = ("en", "es", "fr")
# Short English words that are also ordinary es/fr text or names (e.g. "Total", "Canada").
MIN_LEN = 4
# Proper names that have a key only for their usual translation, but also appear as published
# inside source titles ("... Otay Mesa East Port of Entry"): not UI text.
PROPER_NAMES = {"Otay Mesa East"}


@functools.cache
def all_strings() -> dict[str, dict[str, str]]:
    """{key: {lang: text}} as compiled from the catalogs (read once per test process)."""
    return catalogs.all_texts()


def english_texts() -> dict[str, str]:
    return {m.id: m.string for m in catalogs.read_catalog(catalogs.po_path("en"), "en") if m.id}


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_every_catalog_is_fully_translated_without_fuzzy_entries_or_placeholder_mismatches(lang):
    catalog = catalogs.read_catalog(catalogs.po_path(lang), lang)
    assert len(catalog) > 400, "the catalog lost its strings: the check would prove nothing"
    assert catalogs.problems(catalog, english_texts()) == []


TINY_PO = """\
msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=utf-8\\n"

#. Year
msgid "a.year"
msgstr "Année"

#. Map, {year}
#, fuzzy
msgid "a.map"
msgstr "Carte, {year}"

#. {n} ports
msgid "a.ports"
msgstr "{count} points d’entrée"

#. Source
msgid "a.source"
msgstr ""

msgid "a.stray"
msgstr "Égaré"
"""
TINY_ENGLISH = {
    "a.year": "Year",
    "a.map": "Map, {year}",
    "a.ports": "{n} ports",
    "a.source": "Source",
    "a.gone": "Gone",
}


def test_catalog_check_reports_fuzzy_empty_stray_missing_and_placeholder_problems(tmp_path):
    po = tmp_path / "messages.po"
    po.write_text(TINY_PO, encoding="utf-8")
    found = catalogs.problems(catalogs.read_catalog(po, "fr"), TINY_ENGLISH)
    assert [line.split(":")[0] for line in found] == [
        "a.map",  # fuzzy
        "a.ports",  # {count} for {n}
        "a.source",  # empty
        "a.stray",  # not in English
        "a.gone",  # missing
    ]


def test_every_key_the_code_uses_literally_is_in_the_english_catalog():
    used = catalogs.extract_keys()
    assert "overview.title" in used, "extraction found nothing: the check would prove nothing"
    assert sorted(set(used) - set(english_texts())) == []


def test_the_template_lists_exactly_the_english_keys_so_make_messages_was_run():
    template = catalogs.read_catalog(catalogs.template_path())
    assert {m.id for m in template if m.id} == set(english_texts())


def test_every_spanish_and_french_entry_shows_translators_the_current_english():
    english = english_texts()
    for lang in ("es", "fr"):
        stale = [
            m.id
            for m in catalogs.read_catalog(catalogs.po_path(lang), lang)
            if m.id
            and " ".join(" ".join(m.auto_comments).split()) != " ".join(english[m.id].split())
        ]
        assert stale == [], f"{lang}: run make messages"


def write_catalogs(locale_dir: Path, entries: dict[str, dict[str, str]]) -> None:
    """Tiny synthetic catalogs: {lang: {key: text}} -> locale_dir/<lang>/LC_MESSAGES/messages.po."""
    for lang, texts in entries.items():
        lines = ['msgid ""', 'msgstr ""', f'"Language: {lang}\\n"', ""]
        for key, text in texts.items():
            lines += [f'msgid "{key}"', f'msgstr "{text}"', ""]
        path = locale_dir / lang / "LC_MESSAGES" / "messages.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def tiny_locale(tmp_path, monkeypatch):
    """Synthetic catalogs in a temporary locale/ and fresh run-time tables."""
    monkeypatch.setattr(catalogs, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(i18n, "_TABLES", {})
    write_catalogs(
        tmp_path,
        {
            "en": {"a.title": "Summary: {n} ports", "a.only_en": "Only English"},
            "es": {"a.title": "Resumen: {n} puertos", "a.only_en": ""},
            "fr": {"a.title": "Résumé : {n} points"},
        },
    )
    return tmp_path


def test_t_reads_the_catalogs_and_falls_back_to_english_then_to_the_key(tiny_locale):
    assert i18n.t("a.title", lang="es", n=3) == "Resumen: 3 puertos"
    assert i18n.t("a.title", lang="fr", n=3) == "Résumé\u202f: 3 points"  # French spacing kept
    assert i18n.t("a.only_en", lang="es") == "Only English"  # empty translation
    assert i18n.t("a.only_en", lang="fr") == "Only English"  # no entry at all
    assert i18n.t("a.unknown", lang="fr") == "a.unknown"
    assert i18n.t("a.title", lang="xx", n=1) == "Summary: 1 ports"  # unknown language
    assert i18n.has("a.only_en") and not i18n.has("a.unknown")


def test_a_missing_or_stale_mo_is_compiled_from_its_po(tiny_locale):
    mo = catalogs.mo_path("es")
    assert not mo.exists()
    assert catalogs.texts("es")["a.title"] == "Resumen: {n} puertos"
    assert mo.exists()  # written for the next process
    write_catalogs(tiny_locale, {"es": {"a.title": "Nuevo"}})
    os.utime(mo, (1, 1))  # the .po is now newer than the .mo
    assert catalogs.texts("es") == {"a.title": "Nuevo"}


def test_a_fuzzy_translation_is_not_shown(tiny_locale):
    po = catalogs.po_path("es")
    po.write_text(po.read_text().replace('msgid "a.title"', '#, fuzzy\nmsgid "a.title"'))
    assert "a.title" not in catalogs.texts("es")
    assert i18n.t("a.title", lang="es", n=2) == "Summary: 2 ports"


def test_make_messages_adds_new_keys_empty_and_flags_translations_whose_english_changed(
    tiny_locale,
):
    catalogs.update({"a.title": ["pages/x.py"], "a.new": ["pages/x.py"]})
    english = english_texts()
    spanish = catalogs.read_catalog(catalogs.po_path("es"), "es")
    assert english["a.new"] == "" and spanish.get("a.new").string == ""
    assert spanish.get("a.title").auto_comments == ["Summary: {n} ports"]
    assert not spanish.get("a.title").fuzzy
    assert "a.only_en" in english  # a key the code builds (no literal use) is kept

    po = catalogs.po_path("en")
    po.write_text(po.read_text().replace("Summary: {n} ports", "Overview: {n} ports"))
    todo = catalogs.update({"a.title": ["pages/x.py"], "a.new": ["pages/x.py"]})
    spanish = catalogs.read_catalog(catalogs.po_path("es"), "es")
    assert spanish.get("a.title").fuzzy
    assert spanish.get("a.title").auto_comments == ["Overview: {n} ports"]
    assert "es: a.title" in todo and "en: a.new" in todo


def english_only(lang: str) -> dict[str, str]:
    """{English text: key} for strings whose ``lang`` translation differs from the English."""
    out = {}
    for key, texts in all_strings().items():
        english = (texts.get("en") or "").strip()
        other = (texts.get(lang) or "").strip()
        if english in PROPER_NAMES:
            continue
        if english and other and english != other and len(english) >= MIN_LEN:
            # Templates: compare their fixed parts only (the longest literal chunk).
            chunks = [c.strip() for c in re.split(r"\{[^}]*\}", english)]
            literal = max(chunks, key=len) if chunks else ""
            if len(literal) >= MIN_LEN and literal not in other:
                out[literal] = key
    return out


def _plotly_texts(spec: dict) -> list[str]:
    layout = spec.get("layout", {})
    found = []

    def title(obj):
        value = (obj or {}).get("title")
        if isinstance(value, dict):
            value = value.get("text")
        if value:
            found.append(str(value))

    title(layout)
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")):
            title(axis)
    title(layout.get("legend"))
    for trace in spec.get("data", []):
        if trace.get("name"):
            found.append(str(trace["name"]))
    return found


def visible_texts(at) -> list[str]:
    """What a user reads on one AppTest run: text elements, widget labels, chart titles."""
    out: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error"):
        out += [str(el.value) for el in at.get(kind)]
    for kind in (
        "button",
        "download_button",
        "selectbox",
        "multiselect",
        "toggle",
        "checkbox",
        "slider",
        "radio",
        "text_input",
        "number_input",
        "expander",
        "tab",
        "metric",
    ):
        for el in at.get(kind):
            proto = getattr(el, "proto", None)
            for attr in ("label", "placeholder", "help"):
                value = getattr(proto, attr, None) if proto is not None else None
                if isinstance(value, str) and value:
                    out.append(value)
    for chart in at.get("plotly_chart"):
        out += _plotly_texts(json.loads(chart.proto.spec))
    return out


def _is_citation(text: str, lang: str) -> bool:
    """Source lines name publications as published (often English): not UI text."""
    strings = all_strings()
    labels = [
        (strings.get(key) or {}).get(lang) for key in ("ui.source", "ui.sources", "present.cited")
    ]
    return any(label and text.startswith(label + i18n.colon(lang)) for label in labels)


def english_leaks(texts: list[str], lang: str) -> set[str]:
    """English-only UI strings found in ``texts``: a whole text, or a phrase of 3+ words inside one."""
    table = english_only(lang)
    leaks = set()
    for text in texts:
        if _is_citation(text, lang):
            continue
        for english in table:
            phrase = len(english.split()) >= 3 and len(english) >= 12
            if text.strip() == english or (phrase and english in text):
                leaks.add(f"{english!r} ({table[english]})")
    return leaks


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_english_leak_detector_catches_an_untranslated_label(lang):
    key, texts = next(
        (k, v)
        for k, v in all_strings().items()
        if len(v["en"].split()) >= 3 and "{" not in v["en"] and v["en"] != v[lang]
    )
    assert english_leaks([texts[lang]], lang) == set()
    assert english_leaks([f"Label: {texts['en']}"], lang)


@pytest.mark.parametrize("lang", ["es", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_page_shows_no_english_ui_text_in_spanish_or_french(run_page_plain, page, lang):
    at = run_page_plain(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert english_leaks(visible_texts(at), lang) == set()


@pytest.fixture
def run_page_plain(tmp_path_factory, monkeypatch):
    """Run one dashboard page with query params on a store built from the committed data."""
    import os

    from streamlit.testing.v1 import AppTest

    db = os.environ.get("BORDERLINKS_APPTEST_DB")
    if not db:
        db = str(_session_store(tmp_path_factory))
    monkeypatch.setenv("BORDERLINKS_DB", db)
    monkeypatch.chdir(REPO)

    def run(page: str, **params):
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
        for key, value in params.items():
            at.query_params[key] = str(value)
        at.switch_page(f"pages/{page}.py")
        at.run()
        return at

    return run


_STORE: dict[str, Path] = {}


def _session_store(tmp_path_factory) -> Path:
    """One store per test session, built by ``python -m ingest build`` from committed data."""
    from tests.conftest import build_reference_store

    if "db" not in _STORE:
        path = build_reference_store(tmp_path_factory.mktemp("i18n-store") / "borderlinks.duckdb")
        _STORE["db"] = path
    return _STORE["db"]


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_integers_are_grouped_exactly_as_babel_groups_them(lang):
    from babel import numbers

    from components import i18n

    values = [0, 7, 999, 1000, 1234, -1234, 12345.6, 999_999.5, 1_234_567, -(10**12), 10**15]
    for value in values:
        want = numbers.format_decimal(round(value), locale=i18n.LOCALES[lang])
        assert i18n.fmt_int(value, lang=lang) == want


@pytest.mark.parametrize(
    "value,want",
    [(1.8751e9, "US$1.9 mil M"), (30.8e9, "US$30.8 mil M"), (1.2e12, "US$1.2 billones")],
)
def test_short_spanish_dollars_never_show_an_ungrouped_1875_m_or_a_bare_b(value, want):
    # Metric tiles (place profile) use short=True; CLDR's es_MX short forms gave
    # 'US$1875.1 M' for 1.9e9 and 'US$1.2 B' (billones, read as billions) for 1.2e12.
    assert i18n.fmt_money(value, "es", short=True).replace("\xa0", " ") == want


@pytest.mark.parametrize("value,want", [(1.9e9, "1,9 G $ US"), (1.1e12, "1,1 billion $ US")])
def test_short_french_dollars_write_billion_not_t(value, want):
    # CLDR's fr_CA short form for 10^12 is '1,1 T $ US' (place profile of a province).
    assert i18n.fmt_money(value, "fr", short=True).replace("\xa0", " ") == want


@pytest.mark.parametrize("missing", [None, float("nan"), "", "  "])
def test_in_lang_falls_back_to_english_when_the_translation_is_missing(missing):
    from components import i18n

    row = {"summary_en": "A pact", "summary_fr": missing}
    assert i18n.in_lang(row, "summary", "fr") == "A pact"
    assert i18n.in_lang({"summary_en": None, "summary_fr": missing}, "summary", "fr") == ""


def test_in_lang_prefers_the_language_text():
    import pandas as pd

    from components import i18n

    row = pd.Series({"name_en": "A pact", "name_es": "Un pacto", "name_fr": None})
    assert i18n.in_lang(row, "name", "es") == "Un pacto"
    assert i18n.in_lang(row, "name", "fr") == "A pact"


@pytest.mark.parametrize("missing", [None, float("nan"), "", "  "])
def test_leader_role_falls_back_to_the_english_role(missing):
    leader = {"name": "A. Person", "role": "Premier of Manitoba", "role_fr": missing}
    assert i18n.leader_role(leader, "fr") == "Premier of Manitoba"
    assert i18n.leader_role({"name": "A. Person"}, "fr") == ""


def test_leader_role_prefers_the_language_title():
    leader = {
        "role": "Premier of Manitoba",
        "role_es": "Primer ministro de Manitoba",
        "role_fr": "Premier ministre du Manitoba",
    }
    assert i18n.leader_role(leader, "fr") == "Premier ministre du Manitoba"
    assert i18n.leader_role(leader, "es") == "Primer ministro de Manitoba"
    assert i18n.leader_role(leader, "en") == "Premier of Manitoba"


def test_colon_has_a_narrow_no_break_space_in_french_only():
    from components import i18n

    assert i18n.colon("fr") == "\u202f: "
    assert i18n.colon("en") == i18n.colon("es") == ": "


def test_french_text_gets_a_narrow_no_break_space_before_high_punctuation():
    assert i18n.french_spacing("Bilan : lacunes; Source:x? Quoi !") == (
        "Bilan\u202f: lacunes\u202f; Source:x\u202f? Quoi\u202f!"
    )
    # Not inside a URL or a format spec.
    assert i18n.french_spacing("https://a.org {n:,}") == "https://a.org {n:,}"
    assert i18n.t("stock.title", lang="fr").startswith("Bilan\u202f: ")
    assert i18n.t("stock.title", lang="en").startswith("Stocktaking: ")
