"""Figure locale: a Plotly figure's numbers in the page's language, and the offline config.

Number separators come from the same Babel locales as every other number
(``components.i18n.LOCALES``), so a chart reads '1 234,5' where a table does. Money axes
get their scale in words. No streamlit.
"""

from __future__ import annotations

import math
import re

import pandas as pd
from babel import numbers as babel_numbers

from components import i18n
from components.i18n import t

# Plotly config that keeps the chart offline: no MathJax, no "edit in Chart Studio" link.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "showLink": False,
    "showEditInChartStudio": False,
    "showSendToCloud": False,
    "typesetMath": False,
    "responsive": True,
}
# Plotly ``layout.separators`` (decimal then group) per language, from the Babel locales:
# Mexico writes 1,234.5; Canadian French 1 234,5 with a no-break space.
SEPARATORS = {
    code: babel_numbers.get_decimal_symbol(locale) + babel_numbers.get_group_symbol(locale)
    for code, locale in i18n.LOCALES.items()
}


def separators_for(lang: str) -> str:
    """Plotly ``layout.separators`` for a UI language code ('en'|'es'|'fr'); English's
    for an unknown code."""
    return SEPARATORS.get(lang, SEPARATORS[i18n.DEFAULT_LANG])


# A US-dollar unit in a column header or axis title, as the string tables write it:
# 'Value (USD)', 'Trade, cumulative (USD)', 'FDI inflow (US$ M)', 'IDE reçu (M$ US)'.
_MONEY_UNIT = re.compile(r"(?<=[(\s])(US\$ M|millones de US\$|M\$ US|USD)(?=\))")
_MILLIONS = {"US$ M", "millones de US$", "M$ US"}
# Axis scales: (dollars per tick unit, unit in words), largest first.
_MONEY_SCALES = ((1e9, "unit.usd_bn"), (1e6, "unit.usd_m"), (1e4, "unit.usd_k"))


def money_scale(header) -> float | None:
    """Dollars per unit of a column or axis titled ``header``: 1.0 for '(USD)', 1e6 for
    '(US$ M)' and its translations; None when the header names no dollar unit."""
    match = _MONEY_UNIT.search(str(header or ""))
    if match is None:
        return None
    return 1e6 if match.group(1) in _MILLIONS else 1.0


def is_year_like(values) -> bool:
    """True when every number in ``values`` is a whole number from 1800 to 2200 (a year:
    shown '2024', never grouped as '2,024'); False for no numbers at all."""
    numbers = pd.to_numeric(pd.Series(list(values), dtype=object), errors="coerce").dropna()
    return not numbers.empty and bool(((numbers % 1 == 0) & numbers.between(1800, 2200)).all())


def localise_figure(fig, lang: str | None = None) -> None:
    """Number format of a Plotly figure in the language (current one by default), in place.

    Money axes (a title naming US dollars, see ``money_scale``) get plain ticks in
    billions/millions/thousands with the scale in words in the title ('Valor (miles de
    millones de US$)'): Plotly's 'B' reads as 'billón'/'billion' (10^12) in es/fr and
    its SI 'G' as giga. Other number axes group thousands ('5,000'); year axes do not.
    Both x and y axes: ranked bars carry their values on x.
    """
    code = lang if lang in SEPARATORS else i18n.lang()
    fig.update_layout(separators=SEPARATORS[code])
    for axis_name, values in _axis_values(fig).items():
        axis = fig.layout[axis_name]
        title = axis.title.text if axis.title else None
        scale = money_scale(title)
        if scale is not None:
            _money_axis(axis, values, scale, code)
        elif not is_year_like(values):
            axis.update(exponentformat="B" if code == "en" else "SI", separatethousands=True)


def _axis_values(fig) -> dict[str, list[float]]:
    """{'xaxis'|'yaxis2'|…: numbers drawn along it} for the number axes of ``fig``.

    Stacked bars count as their stack totals, so money ticks reach the top of a stack.
    """
    stacked = fig.layout.barmode in ("stack", "relative")
    values: dict[str, list[float]] = {}
    for trace in fig.data:
        if trace.type not in ("scatter", "scattergl", "bar"):
            continue
        for letter in ("x", "y"):
            numbers = pd.to_numeric(pd.Series(trace[letter], dtype=object), errors="coerce")
            if numbers.isna().all():
                continue  # a category axis (names)
            ref = trace[f"{letter}axis"] or letter
            values.setdefault(f"{letter}axis{ref[1:]}", []).extend(numbers.dropna().tolist())
    if stacked:  # stacked bars add up per category: the axis runs to the stack totals
        values.update(_stack_totals(fig))
    return values


def _stack_totals(fig) -> dict[str, list[float]]:
    # Per value axis, the sum of every bar trace at each category.
    totals: dict[str, dict] = {}
    for trace in fig.data:
        if trace.type != "bar":
            continue
        horizontal = getattr(trace, "orientation", None) == "h"
        letter = "x" if horizontal else "y"
        ref = trace[f"{letter}axis"] or letter
        name = f"{letter}axis{ref[1:]}"
        categories = trace["y" if horizontal else "x"]
        amounts = pd.to_numeric(pd.Series(trace[letter], dtype=object), errors="coerce")
        for category, amount in zip(categories, amounts.fillna(0), strict=False):
            totals.setdefault(name, {})
            totals[name][category] = totals[name].get(category, 0.0) + float(amount)
    return {name: list(by_category.values()) for name, by_category in totals.items()}


def _money_axis(axis, values: list[float], scale: float, lang: str) -> None:
    """Ticks of a money axis in a readable unit, the unit in words in its title."""
    dollars = [v * scale for v in values if v == v]  # NaN != NaN
    top = max((abs(v) for v in dollars), default=0.0)
    per_tick, words = next(((d, k) for d, k in _MONEY_SCALES if top >= d), (1.0, "unit.usd"))
    low = min(0.0, min(dollars, default=0.0)) / per_tick
    high = max(0.0, max(dollars, default=0.0)) / per_tick
    ticks, digits = nice_ticks(low, high)
    axis.update(
        tickmode="array",
        tickvals=[tick * per_tick / scale for tick in ticks],
        ticktext=[i18n.fmt_num(tick, lang=lang, digits=digits) for tick in ticks],
        title_text=_MONEY_UNIT.sub(t(words, lang=lang), axis.title.text, count=1),
    )


def nice_ticks(low: float, high: float, target: int = 5) -> tuple[list[float], int]:
    """About ``target`` round tick values (steps of 1, 2, 2.5 or 5 x 10^k) covering
    ``low``..``high`` -> (ticks, fraction digits needed to print them)."""
    span = (high - low) or abs(high) or 1.0
    magnitude = 10 ** math.floor(math.log10(span / target))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if span / (m * magnitude) <= target)
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    ticks = [round(i * step, 12) for i in range(first, last + 1)]
    digits = 0
    while digits < 6 and abs(round(step, digits) - step) > step * 1e-9:
        digits += 1
    return ticks, digits
