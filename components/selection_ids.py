"""Selection ids of cross-border pairs: ``pair:<a>~<b>``, one id per pair whatever the order.

Plain Python (no streamlit): map layers give each arc its pair id, and the view
(``components.state``) validates the ids that come back in the address bar.
"""

from __future__ import annotations

import re

PAIR_PREFIX = "pair:"
# A pair's ends are states/provinces or, for national governments, countries ("MX").
_PAIR_RE = re.compile(r"^pair:([A-Z]{2}(?:-[A-Z]{2,3})?)~([A-Z]{2}(?:-[A-Z]{2,3})?)$")


def pair_id(a: str, b: str) -> str:
    """Selection id of the cross-border pair of places ``a`` and ``b`` (either order).

    The ids are sorted so one pair has one id: ``pair_id("US-MI", "CA-ON")`` is
    ``"pair:CA-ON~US-MI"``.
    """
    if not a or not b or a[:2] == b[:2]:
        raise ValueError(f"not a cross-border pair: {a!r}, {b!r}")
    first, second = sorted((a, b))
    return f"{PAIR_PREFIX}{first}~{second}"


def parse_pair(sel: str | None) -> tuple[str, str] | None:
    """``"pair:<a>~<b>"`` -> (a, b) when it names two places (or countries) of different
    countries, else None."""
    match = _PAIR_RE.match(sel or "")
    if not match or match.group(1)[:2] == match.group(2)[:2]:
        return None
    return match.group(1), match.group(2)
