"""Tickers written after a company's name, kept as that company's aliases.

Wire copy puts a ticker in angle brackets right after a name ("McDonnell Douglas Corp
<MD>", "Svenska Cellulosa <SCAB ST>"); press releases and newer copy write the exchange
("Acme Corp (Nasdaq: ACME)", exchanges in ``data/gazetteers/stock_exchanges.txt``).
The ticker becomes an alias written ``<MD>`` or ``NYSE: BA``: resolution gives it a key
of its own (:func:`pressgraph.resolve.entities.ticker_key`), so two articles that cite
one ticker name one company, and a ticker never joins a name ("MD" is not "M.D.").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from pressgraph.extract.clusters import Name
from pressgraph.lang import read_gazetteer

__all__ = ["TICKER", "ticker_aliases"]

#: What a ticker looks like: capitals and digits, a dot or a dash, and an exchange code
#: after a space ("SKFR ST", "REED L"; not "KEBO AB", a company's legal form).
TICKER = re.compile(r"[A-Z0-9][A-Z0-9.\-]{0,9}(?: (?:ST|L|T|N|O|PA|AS|F|MI|TO|HK|CO|OL|HE|SW|BR))?")

#: Characters allowed between a name and its ticker.
_GAP = re.compile(r"[ \t]{0,3}")


@functools.cache
def _exchange_pattern() -> re.Pattern[str]:
    exchanges = sorted(read_gazetteer("stock_exchanges.txt"), key=len, reverse=True)
    alternation = "|".join(re.escape(e) for e in exchanges)
    return re.compile(rf"\(\s*({alternation})\s*:\s*({TICKER.pattern})\s*\)")


def _after(text: str, end: int) -> tuple[str, int] | None:
    """The ticker written right after position ``end`` of ``text``, as its alias."""
    gap = _GAP.match(text, end)
    start = gap.end() if gap else end
    if text.startswith("<", start):
        close = text.find(">", start)
        inner = text[start + 1 : close] if 0 < close - start <= 14 else ""
        if inner and TICKER.fullmatch(inner):
            return f"<{inner}>", close + 1
        return None
    m = _exchange_pattern().match(text, start)
    if m is not None:
        return f"{m.group(1)}: {m.group(2)}", m.end()
    return None


def ticker_aliases(text: str, names: Sequence[Name]) -> Iterator[tuple[Name, str]]:
    """Each organisation's name in ``text`` followed by a ticker, with the ticker alias."""
    for name in names:
        if name.label not in ("ORG", "MISC", "PRODUCT") or name.outlet:
            continue
        found = _after(text, name.char_end)
        if found is not None:
            yield name, found[0]
