"""The analysis pages' strings: every key they use exists, in English, Spanish and French."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from components import catalogs

REPO = Path(__file__).resolve().parents[1]
PAGES = ["ports_crossings", "trade_flows", "jobs_investment", "initiatives", "stocktaking"]
# Key prefixes of those pages' strings in the catalogs.
AREAS = ["ports", "trade", "jobs", "initiatives", "stock"]
# Literal keys only: t("x.y") and t('x.y'); f-string keys are checked through their prefixes.
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_]+\.[A-Za-z0-9_.\-]+)["']""")


@functools.cache
def all_strings() -> dict[str, dict[str, str]]:
    return catalogs.all_texts()


@pytest.mark.parametrize("page", PAGES)
def test_every_literal_string_key_of_the_page_is_defined(page):
    source = (REPO / "pages" / f"{page}.py").read_text(encoding="utf-8")
    keys = set(LITERAL_KEY.findall(source))
    assert keys, "the regex found no key: the test would prove nothing"
    missing = sorted(k for k in keys if k not in all_strings())
    assert missing == []


@pytest.mark.parametrize("area", AREAS)
def test_every_string_of_the_area_has_three_non_empty_languages_with_the_same_fields(area):
    table = {k: v for k, v in all_strings().items() if k.startswith(f"{area}.")}
    assert len(table) >= 5, f"no {area}.* strings: the test would prove nothing"
    for key, texts in table.items():
        assert set(texts) == {"en", "es", "fr"}, key
        assert all(texts[lang].strip() for lang in texts), key
        fields = {lang: set(re.findall(r"{(\w+)}", texts[lang])) for lang in texts}
        assert fields["en"] == fields["es"] == fields["fr"], key
