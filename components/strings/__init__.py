"""UI strings, one module per area (``common``, ``overview``, ``place``, ...).

Each module defines ``STRINGS = {key: {"en": ..., "es": ..., "fr": ...}}``.
Keys are prefixed by area (``overview.title``) so modules never collide.
``all_strings()`` merges every module of this package found on disk, so a new
area file needs no registration.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache


@cache
def all_strings() -> dict[str, dict[str, str]]:
    """Merge ``STRINGS`` of every module in this package -> one dict; duplicate keys raise."""
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        table = getattr(module, "STRINGS", {})
        for key, texts in table.items():
            if key in merged:
                raise ValueError(f"string key {key!r} defined twice (second in {info.name})")
            merged[key] = texts
    return merged
