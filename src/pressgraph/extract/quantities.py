"""Money amounts and percentages in plain French or English text.

Pure functions over a string: every :class:`~pressgraph.model.Quantity` returned carries
character offsets into the string passed in, covering the amount itself (number, magnitude
and currency: "13 milliards de dollars", "$13bn", "146.6 mln stg", "59 %"), never the
approximation cue before it ("environ", "about"), which only sets ``approximate``.

What counts as money: a number with a currency before or after it, or a number with a
magnitude ("85 milliards", "1.3 billion") that is not followed by a counted noun ("6
millions de personnes", "5.25 mln shares"); the currency is then ``None``. A number alone
("2019", "200,000 shares", "14h30") is never money.

The lexicons (magnitudes, currencies, cues: :class:`~pressgraph.lang.lexicon.NumberWords`)
are data in ``lang/fr/numbers.py`` and ``lang/en/numbers.py``, with the switch
``decimal_comma``; this module only compiles them into regular expressions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from text_to_num import text2num

from pressgraph.lang import language_of, lexicon
from pressgraph.lang.lexicon import NumberWords
from pressgraph.model import Quantity

__all__ = [
    "digits_regex",
    "find_money",
    "find_percents",
    "find_quantities",
    "lexicon_regex",
    "lexicon_lookup",
    "language_of",
    "parse_number",
    "written_value",
]

_V = TypeVar("_V")

#: Horizontal white space between the parts of an amount (no line break).
_SP = r"[ \t\u00a0\u202f\u2009]"
#: Thousands separators inside a number written with spaces ("1 550", "1 550").
_THIN = r"[ \u00a0\u202f\u2009]"


# --- building regular expressions from lexicons --------------------------------------------


def _entry_regex(entry: str, fold: bool = True) -> str:
    """One lexicon entry as a regex: all-lower-case words match in any case (if ``fold``),
    words with a capital letter match as written; spaces match any horizontal white space;
    apostrophes match both ' and ’."""
    parts = []
    for token in entry.split(" "):
        if not token:
            continue
        esc = re.sub("['’]", lambda _: "['’]", re.escape(token))
        if fold and token.lower() == token and any(c.isalpha() for c in token):
            esc = f"(?i:{esc})"
        parts.append(esc)
    body = f"{_SP}+".join(parts)
    if entry[:1].isalnum():
        body = r"(?<![^\W\d_])" + body
    if entry[-1:].isalnum():
        body = body + r"(?![^\W_])"
    return body


def lexicon_regex(entries: Iterable[str], fold: bool = True) -> str:
    """An alternation of lexicon entries, longest first, as a non-capturing group.

    With ``fold`` (the default), entries written in lower case match in any case."""
    uniq = sorted(set(entries), key=lambda e: (-len(e), e))
    return "(?:" + "|".join(_entry_regex(e, fold) for e in uniq) + ")"


def lexicon_lookup(table: Mapping[str, _V], found: str) -> _V:
    """The value of the lexicon entry that ``found`` (a match of :func:`lexicon_regex`) is.

    Raises ``KeyError`` if no entry matches."""
    norm = " ".join(found.split())
    if norm in table:
        return table[norm]
    for key in sorted(table, key=len, reverse=True):
        if re.fullmatch(_entry_regex(key), norm):
            return table[key]
    raise KeyError(found)


@dataclass(frozen=True, slots=True)
class _Patterns:
    lang: str
    lexicon: NumberWords
    money: re.Pattern[str]
    percent: re.Pattern[str]
    approx_before: re.Pattern[str]
    approx_after: re.Pattern[str]
    count_after: re.Pattern[str]
    word_after: re.Pattern[str]
    comparison: re.Pattern[str]
    range_link: re.Pattern[str]


def _digits(decimal_comma: bool) -> str:
    if decimal_comma:  # "1 550,5", "1.550", "8,5"
        return (
            rf"(?:\d{{1,3}}(?:{_THIN}\d{{3}})+(?:,\d+)?(?!\d)"
            r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])"
            r"|\d+\.\d{1,2}(?![\d.])"
            r"|\d+(?:,\d+)?(?![\d.])"
            r"|\d+(?=\.(?!\d)))"
        )
    return (  # "1,550.5", "8.5", "5-1/2"
        r"(?:\d+-\d+/\d+(?!\d)"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
        r"|\d+(?:\.\d+)?(?!\d)(?!,\d)"
        r"|\.\d+(?!\d))"
    )


def _build(lang: str, lex: NumberWords) -> _Patterns:
    words = lexicon_regex(lex.number_words)
    joiners = "|".join(re.escape(w) for w in lex.number_joiners)
    joiner = r"(?:-|" + _SP + r"+(?:(?i:" + joiners + r")" + _SP + r"+)?)"
    number = (
        r"(?<![\w.,])(?:(?P<D>" + _digits(lex.decimal_comma) + r")|(?P<W>" + words
        + r"(?:" + joiner + words + r")*))"
    )  # fmt: skip
    mags = lexicon_regex(lex.magnitudes)
    currencies_after = dict(lex.currencies_after)
    currencies_after.update(lex.cent_words)
    cur_after = lexicon_regex(currencies_after)
    cur_before = lexicon_regex(lex.currencies_before)
    link = lexicon_regex(lex.money_links) if lex.money_links else "(?!)"
    # The number of the "currency before" branch is the same pattern with other group names.
    number_b = number.replace("(?P<D>", "(?P<BD>").replace("(?P<W>", "(?P<BW>")
    # Every amount starts a word or with a sign: checking that first is much faster.
    money = (
        r"(?<!\w)(?:(?P<pre>" + cur_before + r")" + _SP + r"?" + number_b
        + r"(?:" + _SP + r"*(?P<bmag>" + mags + r")(?![^\W\d_]))?"
        + r"|" + number
        + r"(?:" + _SP + r"*(?P<mag>" + mags + r")(?![^\W\d_]))?"
        + r"(?:(?:-|" + _SP + r"*(?:(?P<link>" + link + r")" + _SP + r"*)?)"
        + r"(?P<cur>" + cur_after + r")(?![^\W\d_]))?)"
    )  # fmt: skip
    sign = r"(?:(?<![\w.,])(?P<sign>[-−+])(?=\d))?"
    percent = (
        r"(?<!\w)" + sign + number + _SP + r"*(?P<unit>" + lexicon_regex(lex.percent_units) + r")"
    )
    cue_before = lexicon_regex(lex.approx_before)
    cue_after = lexicon_regex(lex.approx_after)
    count_links = lexicon_regex(lex.count_links)
    return _Patterns(
        lang=lang,
        lexicon=lex,
        money=re.compile(money),
        percent=re.compile(percent),
        approx_before=re.compile(cue_before + _SP + r"*$"),
        approx_after=re.compile(r"^" + _SP + r"*" + cue_after),
        count_after=re.compile(r"^" + _SP + r"*" + count_links + _SP + r"*[^\W\d_][\w-]*"),
        word_after=re.compile(r"^" + _SP + r"*([^\W\d_][\w'’.-]*)"),
        comparison=re.compile(
            r"^\W*(?:[^\W\d_][\w'’-]*\W+){0,3}"
            + lexicon_regex(lex.comparison_words)
            + _SP
            + r"*(?:"
            + lexicon_regex(lex.approx_before)
            + _SP
            + r"*)?$"
        ),
        range_link=re.compile(_SP + r"*" + lexicon_regex(lex.range_links) + _SP + r"*"),
    )


@functools.cache
def _patterns(lang: str) -> _Patterns:
    """The compiled patterns of ``lang`` (a code of :data:`~pressgraph.lang.LANGUAGES`)."""
    return _build(lang, lexicon(lang))


# --- values ----------------------------------------------------------------------------------


def _parse_digits(raw: str, decimal_comma: bool) -> Decimal | None:
    s = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    frac = re.fullmatch(r"(\d+)-(\d+)/(\d+)", s)
    if frac:
        den = int(frac.group(3))
        if not den:
            return None
        return int(frac.group(1)) + Decimal(int(frac.group(2))) / den
    if decimal_comma:
        if re.fullmatch(r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?", s):
            s = s.replace(" ", "").replace(".", "")
        s = s.replace(",", ".")
    else:
        s = s.replace(",", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _parse_words(raw: str, lang: str) -> Decimal | None:
    norm = re.sub(r"\s+", " ", raw.replace("’", "'")).strip().lower()
    try:
        return Decimal(int(text2num(norm, lang)))
    except (ValueError, TypeError):
        return None


def _number(m: re.Match[str], p: _Patterns, prefix: str = "") -> tuple[Decimal | None, bool]:
    """The value of the number groups of ``m`` and whether it was written in words."""
    digits = m.group(prefix + "D")
    if digits is not None:
        return _parse_digits(digits, p.lexicon.decimal_comma), False
    return _parse_words(m.group(prefix + "W"), p.lang), True


def _approximate(p: _Patterns, text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    return bool(p.approx_before.search(before) or p.approx_after.match(text[end : end + 20]))


def _count_end(p: _Patterns, text: str, end: int) -> int | None:
    """If the bare amount ending at ``end`` counts things ("6 millions de personnes", "5.25
    mln shares"), where the counted noun ends; else None."""
    after = text[end : end + 60]
    m = p.count_after.match(after)
    if m:
        return end + m.end()
    allowed = p.lexicon.bare_amount_followers
    if not allowed:
        return None
    w = p.word_after.match(after)
    if w and w.group(1).lower().rstrip(".") not in allowed:
        return end + w.end()
    return None


@dataclass(frozen=True, slots=True)
class _Candidate:
    """What one match of the money pattern is: money (``quantity``), a count with a
    magnitude ("11.4 mln barrels", ``count``) or nothing."""

    quantity: Quantity | None = None
    bare: bool = False  # money with a magnitude and no currency word ("85 milliards")
    count_end: int | None = None  # a count: where its noun ends
    generic_dollar: bool = False  # "dlrs", "dollars": no country named


def _money_at(p: _Patterns, text: str, m: re.Match[str]) -> _Candidate:
    lex = p.lexicon
    if m.group("pre") is not None:
        value, in_words = _number(m, p, "B")
        mag_text = m.group("bmag")
        cur_text: str | None = m.group("pre")
        table: Mapping[str, str | None] = lex.currencies_before
        link = None
    else:
        value, in_words = _number(m, p)
        mag_text = m.group("mag")
        cur_text = m.group("cur")
        table = {**lex.currencies_after, **lex.cent_words}
        link = m.group("link")
    if value is None:
        return _Candidate()
    start, end = m.start(), m.end()
    magnitude = Decimal(1)
    if mag_text is not None:
        magnitude = Decimal(lexicon_lookup(lex.magnitudes, mag_text))
    currency: str | None = None
    if cur_text is not None:
        if link is not None and mag_text is None:
            return _Candidate()  # "5 de dollars": not an amount
        key = " ".join(cur_text.split())
        if key.lower() in lex.ambiguous_currencies and mag_text is None:
            return _Candidate()
        currency = lexicon_lookup(table, cur_text)
        if key.lower() in lex.cent_words:
            magnitude /= 100
    else:
        # No currency: only an amount with a (non-ambiguous) magnitude is money.
        if mag_text is None or mag_text in lex.magnitudes_need_currency:
            return _Candidate()
        count_end = _count_end(p, text, end)
        if count_end is not None:
            return _Candidate(count_end=count_end)
    quantity = Quantity(
        kind="money",
        value=float(value * magnitude),
        start=start,
        end=end,
        text=text[start:end],
        currency=currency,
        approximate=_approximate(p, text, start, end),
    )
    generic = cur_text is not None and " ".join(cur_text.split()).lower() in lex.generic_dollars
    return _Candidate(quantity=quantity, bare=cur_text is None, generic_dollar=generic)


#: What ends a sentence or clause for the ellipsis of a unit.
_CLAUSE_BREAK = re.compile(r"[.!?;]\s|\n")


# --- public API ------------------------------------------------------------------------------


def find_money(text: str, lang: str) -> list[Quantity]:
    """Money amounts in ``text`` (French if ``lang`` starts with "fr", else English).

    An amount with a magnitude and no currency takes the unit of an amount it is compared
    with or ranged with in the same sentence: "5.5 billion Canadian dlrs from 4.3 billion"
    (CAD), "300 mln to 500 mln dlrs" (USD); "11.4 mln barrels last year from 23.2 mln" is a
    count, not money. A generic "dlrs" after a named dollar in the same sentence is that
    dollar ("5.10 H.K. Dlrs each for a total of 454 mln dlrs": HKD)."""
    p = _patterns(language_of(lang))
    out: list[Quantity] = []
    # The last amount with a unit before the current match: (end, currency, is a count).
    last: tuple[int, str | None, bool] | None = None
    bare_before = -1  # index in ``out`` of a bare amount just before, if any
    named_dollar: tuple[int, str] | None = None  # the last "Canadian dlrs", "HK$"...
    for m in p.money.finditer(text):
        cand = _money_at(p, text, m)
        if cand.count_end is not None:
            last = (cand.count_end, None, True)
            continue
        q = cand.quantity
        if q is None:
            continue
        if cand.bare and last is not None:
            between = text[last[0] : q.start]
            if not _CLAUSE_BREAK.search(between) and p.comparison.match(between):
                if last[2]:
                    continue
                q = replace(q, currency=last[1])
                last = (q.end, q.currency, False)
        if cand.generic_dollar and named_dollar is not None:
            if not _CLAUSE_BREAK.search(text[named_dollar[0] : q.start]):
                q = replace(q, currency=named_dollar[1])
        elif q.currency is not None and q.currency in p.lexicon.named_dollars:
            named_dollar = (q.end, q.currency)
        if not cand.bare:
            last = (q.end, q.currency, False)
            # A range: "300 mln to 500 mln dlrs", "2 à 3 milliards d'euros".
            if (
                out
                and bare_before == len(out) - 1
                and out[-1].currency is None
                and p.range_link.fullmatch(text[out[-1].end : q.start])
            ):
                out[-1] = replace(out[-1], currency=q.currency)
        bare_before = len(out) if cand.bare else -1
        out.append(q)
    return out


def find_percents(text: str, lang: str) -> list[Quantity]:
    """Percentages in ``text``: "59%", "59 %", "22 pct", "15 per cent", "cinquante pour cent";
    a sign written against the number counts ("-7,4 %")."""
    p = _patterns(language_of(lang))
    out = []
    for m in p.percent.finditer(text):
        value, _ = _number(m, p)
        if value is None:
            continue
        if m.group("sign") in ("-", "−"):
            value = -value
        start, end = m.start(), m.end()
        out.append(
            Quantity(
                kind="percent",
                value=float(value),
                start=start,
                end=end,
                text=text[start:end],
                approximate=_approximate(p, text, start, end),
            )
        )
    return out


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Money amounts and percentages, sorted by start, without overlaps (on overlap the
    earlier, then the longer, wins)."""
    found = sorted(
        find_money(text, lang) + find_percents(text, lang),
        key=lambda q: (q.start, -(q.end - q.start)),
    )
    out: list[Quantity] = []
    for q in found:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out


def digits_regex(lang: str) -> str:
    """A number written in digits as ``lang`` writes them ("6,3" in French, "1,550.5")."""
    return _digits(_patterns(language_of(lang)).lexicon.decimal_comma)


def parse_number(raw: str, lang: str) -> float | None:
    """The value of a number that :func:`digits_regex` matched."""
    value = _parse_digits(raw, _patterns(language_of(lang)).lexicon.decimal_comma)
    return None if value is None else float(value)


def written_value(q: Quantity, lang: str) -> float | None:
    """The number written in ``q``, without magnitude or currency ("260" of "260 milliards
    de dollars"): what a bare number ranged with it is scaled by ("de 80 à 260 milliards")."""
    m = re.search(r"(?<![\w.,])" + digits_regex(lang), q.text)
    return parse_number(m.group(0), lang) if m else None
