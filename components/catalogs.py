"""The gettext catalogs of the UI strings: paths, compiling, reading, checking, updating.

``locale/<lang>/LC_MESSAGES/messages.po`` holds one entry per string key, "monolingual"
style: the msgid is the key (``overview.title``), ``en`` holds the English text as msgstr,
``es``/``fr`` hold translations with the English as an extracted comment (``#.``) for
translators. ``make`` compiles each ``.po`` to ``.mo``; ``texts`` compiles on demand when a
``.mo`` is missing or older than its ``.po`` (fresh clone, no ``make``).

Plain Python (no Streamlit): ``components.i18n`` reads the tables, tests check the
catalogs, ``python -m components.catalogs update`` is ``make messages``.
"""

from __future__ import annotations

import gettext
import io
import os
import string
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

# babel.messages (~30 ms to import and parse) is imported only where a .po is read or
# written: a process whose .mo files are current reads them with gettext alone.

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "messages"
SOURCE_LANG = "en"
CATALOG_LANGS = ("en", "es", "fr")
REPO = LOCALE_DIR.parent
# What ``make messages`` extracts: the files babel.cfg names, the first argument of these calls.
BABEL_CFG = REPO / "babel.cfg"
KEYWORDS = {"t": None, "N_": None}
HEADER = """\
# Borderlinks UI strings. msgid = string key (as in t("overview.title")); en holds the
# English text, es/fr the translations with the English as a #. comment.
# Update with `make messages`; see CONTRIBUTING.md, "Translations".
#"""


def po_path(code: str) -> Path:
    """The ``.po`` file of language ``code`` (one of ``CATALOG_LANGS``)."""
    if code not in CATALOG_LANGS:
        raise ValueError(f"no catalog for language {code!r}")
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def template_path() -> Path:
    """The template ``messages.pot``: every key, with its English as comment."""
    return LOCALE_DIR / f"{DOMAIN}.pot"


def mo_path(code: str) -> Path:
    """The compiled ``.mo`` beside ``po_path(code)`` (a build output, not committed)."""
    return po_path(code).with_suffix(".mo")


def read_catalog(path: Path | str, code: str | None = None) -> Catalog:
    """Parse a ``.po``/``.pot`` file -> Babel ``Catalog`` (fuzzy entries kept, flagged)."""
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        return read_po(fh, locale=code, domain=DOMAIN)


def compile_catalog(code: str) -> bytes:
    """``.po`` of ``code`` -> ``.mo`` bytes, also written to ``mo_path(code)`` when writable.

    Fuzzy and empty entries are left out, as ``pybabel compile`` does, so they fall
    back to English at run time. The file is replaced atomically: replicas starting
    together never read half a file. A read-only tree still gets the bytes.
    """
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(po_path(code), code), use_fuzzy=False)
    data = buffer.getvalue()
    target = mo_path(code)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".messages-", suffix=".mo")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a server user must read it
        os.replace(tmp, target)
    except OSError:  # read-only checkout: serve from memory
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return data


def _is_stale(code: str) -> bool:
    mo, po = mo_path(code), po_path(code)
    return not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime


def texts(code: str) -> dict[str, str]:
    """{key: text} of language ``code`` as compiled: translated, non-fuzzy entries only.

    Reads the ``.mo`` with ``gettext`` (compiling it first if missing or older than the
    ``.po``). Callers cache the result: this reads files on every call.
    """
    data = compile_catalog(code) if _is_stale(code) else mo_path(code).read_bytes()
    translations = gettext.GNUTranslations(io.BytesIO(data))
    # gettext keeps no public list of ids; its parsed table is the one place that has them.
    table = translations._catalog
    return {key: text for key, text in table.items() if isinstance(key, str) and key and text}


def all_texts() -> dict[str, dict[str, str]]:
    """{key: {lang: text}} of every English key as compiled (a language lacking a key or
    with an empty entry has no item for it). For checks and tools; ``i18n.t`` reads text."""
    tables = {code: texts(code) for code in CATALOG_LANGS}
    return {
        key: {code: table[key] for code, table in tables.items() if key in table}
        for key in tables[SOURCE_LANG]
    }


def fields(text: str) -> set[str]:
    """The ``str.format`` field names in ``text`` (``'{n:,} of {total}'`` -> {n, total})."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def problems(catalog: Catalog, english: dict[str, str]) -> list[str]:
    """What keeps ``catalog`` from being complete -> one line per problem ([] when none).

    In: a parsed catalog and the English {key: text}. A problem is a fuzzy or empty
    entry, a key that English lacks or that the catalog lacks, or a translation whose
    ``{fields}`` differ from the English ones (``t`` would raise or drop a value).
    """
    out = []
    seen = set()
    for message in catalog:
        key = message.id
        if not key:
            continue
        seen.add(key)
        if message.fuzzy:
            out.append(f"{key}: fuzzy (review it, then remove the fuzzy flag)")
        if not str(message.string or "").strip():
            out.append(f"{key}: not translated")
        elif key not in english:
            out.append(f"{key}: not in the English catalog")
        else:
            try:
                mismatch = fields(message.string) != fields(english[key])
            except ValueError:  # an unbalanced brace
                mismatch = True
            if mismatch:
                out.append(f"{key}: placeholders differ from the English {english[key]!r}")
    out += [f"{key}: missing" for key in sorted(set(english) - seen)]
    return out


def extract_keys(root: Path = REPO) -> dict[str, list[str]]:
    """Keys passed literally to ``t(...)``/``N_(...)`` in the files babel.cfg names
    -> {key: [files using it]} (what ``pybabel extract -F babel.cfg -k t -k N_`` finds)."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with open(BABEL_CFG, encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    found: dict[str, list[str]] = {}
    for path, _line, key, _comments, _context in extract_from_dir(
        root, method_map, options_map, keywords=KEYWORDS
    ):
        if isinstance(key, str) and key:
            files = found.setdefault(key, [])
            if path not in files:
                files.append(path)
    return found


def _template(found: dict[str, list[str]], english: Catalog) -> Catalog:
    """Keys found in the code plus every English key (dynamic ones like ``nav.{stem}``
    cannot be extracted) -> the template, with the English text as comment."""
    from babel.messages.catalog import Catalog

    # No python-brace-format flag: Babel derives it from the msgid (here a key, never
    # braced) and drops it on every read; ``problems`` checks the {fields} instead.
    template = Catalog(
        domain=DOMAIN,
        project="Borderlinks",
        version="1.0",
        copyright_holder="Borderlinks contributors",
        header_comment=HEADER,
        fuzzy=False,
    )
    for key in sorted(set(found) | {m.id for m in english if m.id}):
        source = english.get(key)
        text = source.string if source is not None else ""
        template.add(
            key,
            locations=[(path, None) for path in sorted(found.get(key, ()))],
            auto_comments=[text] if text else (),
        )
    return template


def _flat(comments) -> str:
    """Comment lines -> one string: a ``.po`` file wraps a long comment over several."""
    return " ".join(" ".join(comments).split())


def _write(path: Path, catalog: Catalog, **options) -> None:
    """Write ``catalog`` as a ``.po``/``.pot``, unless only its creation date would change
    (so ``make messages`` with nothing new leaves git clean)."""
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, **options)
    new = buffer.getvalue()

    def undated(data: bytes) -> list[bytes]:
        return [line for line in data.splitlines() if not line.startswith(b'"POT-Creation-Date')]

    if path.exists() and undated(path.read_bytes()) == undated(new):
        return
    path.write_bytes(new)


def update(found: dict[str, list[str]] | None = None) -> list[str]:
    """``make messages``: merge the keys the code uses into the template and the catalogs.

    In: {key: files} (default: ``extract_keys()``). New keys arrive empty in en/es/fr
    (tests fail until filled); keys are never fuzzy-matched to neighbours (``a.title2``
    is not ``a.title``). An es/fr entry whose English changed since it was translated
    is flagged fuzzy for review. Out: the keys that still need a text, as
    ``lang: key`` lines. Keys are removed by deleting them from the English catalog.
    """
    found = extract_keys() if found is None else found
    english = read_catalog(po_path(SOURCE_LANG), SOURCE_LANG)
    template = _template(found, english)
    _write(template_path(), template, include_lineno=False)
    todo = []
    for code in CATALOG_LANGS:
        catalog = read_catalog(po_path(code), code)
        before = {m.id: _flat(m.auto_comments) for m in catalog if m.id}
        catalog.update(template, no_fuzzy_matching=True)
        for message in catalog:
            if not message.id:
                continue
            if code == SOURCE_LANG:
                message.auto_comments = []  # the English is the msgstr itself
            elif message.string and before.get(message.id) not in (
                None,
                "",  # added by hand without the English: nothing to compare
                _flat(message.auto_comments),
            ):
                message.flags.add("fuzzy")
            if message.fuzzy or not message.string:
                todo.append(f"{code}: {message.id}")
        _write(po_path(code), catalog, no_location=True, ignore_obsolete=True)
    return todo


def main(argv: list[str]) -> int:
    """``python -m components.catalogs update`` or ``compile``; exit status."""
    if argv == ["update"]:
        todo = update()
        for line in todo:
            print(f"to translate or review (locale/<lang>/LC_MESSAGES/{DOMAIN}.po): {line}")
    elif argv == ["compile"]:
        for code in CATALOG_LANGS:
            compile_catalog(code)
    else:
        print("usage: python -m components.catalogs update | compile", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
