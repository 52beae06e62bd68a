"""Dates and periods in plain French or English text, normalised to ISO.

Pure functions over a string. :func:`find_times` returns :class:`~pressgraph.model.TimeExpr`
values whose offsets index the string passed in and cover the date itself ("2030",
"31 décembre 2030", "mars dernier", "last year"), not the preposition before it; the
preposition gives the role: "jusqu'en 2030", "until 2030" -> ``until``; "depuis 2019",
"since 1985" -> ``since``; anything else -> ``point``.

Values are as precise as the text: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. A date without a
year ("dimanche 24 janvier", "March 30", "en mars dernier") and a relative period ("l'an
dernier", "next year") take their year from ``reference`` (an ISO date, usually the
publication date) and are skipped when there is none.

:func:`find_dateline` reads the publication date given by a dateline at the very start of
an article ("24 janvier 2016. –", "DUESSELDORF, March 30 -").

Regular expressions only (no ``dateparser``), compiled from the lexicon's
:class:`~pressgraph.lang.lexicon.DateWords` (data in ``lang/fr/dates.py``, ``lang/en/dates.py``)
and its switches: ``month_first`` ("March 30" or "30 mars"), ``weekdays_alone``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal, cast

from pressgraph.extract.quantities import lexicon_lookup, lexicon_regex
from pressgraph.lang import Lexicon, language_of, lexicon
from pressgraph.model import TimeExpr

__all__ = ["find_times", "find_dateline"]

_SP = r"[ \t\u00a0\u202f\u2009]"
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_DASH = r"[-–—]"


@dataclass(frozen=True, slots=True)
class _Patterns:
    lexicon: Lexicon
    times: re.Pattern[str]
    not_year_after: re.Pattern[str]
    role: re.Pattern[str]
    needs_prep: re.Pattern[str]
    dateline: re.Pattern[str]
    dateline_line: re.Pattern[str]
    byline: re.Pattern[str]


def _guard_after(lex: Lexicon) -> str:
    """What may not follow a year or a day: a digit, a decimal part, a unit, a currency..."""
    words = [
        w
        for w in (
            *lex.not_year_after,
            *lex.magnitudes,
            *lex.currencies_after,
            *lex.percent_units,
            *lex.cent_words,
        )
        if len(w) > 1 or not w.isalpha()
    ]
    return r"(?:\d|[.,]\d|" + _SP + r"?\d|" + _SP + r"*" + lexicon_regex(words) + r")"


def _optional_words(words: tuple[str, ...]) -> str:
    """Optional words as written, each followed by white space ("of " in "30th of March")."""
    if not words:
        return ""
    return r"(?:(?:" + "|".join(re.escape(w) for w in words) + r")" + _SP + r"+)?"


def _build(lex: Lexicon) -> _Patterns:
    months = lexicon_regex(lex.months, fold=False)
    weekdays = lexicon_regex(lex.weekdays, fold=False)
    past = lexicon_regex(lex.past_markers)
    future = lexicon_regex(lex.future_markers)
    relative = lexicon_regex(lex.relative_periods)
    guard = _guard_after(lex)
    year = r"(?<![\d.,$€£])(?<!\d" + _SP + r")" + _YEAR + r"(?!" + guard + r")(?![^\W_])"
    if not lex.month_first:  # "30 mars 2024", "1er mars", "mars dernier"
        day = r"(?<![\d.,])(?:" + lexicon_regex(lex.first_day) + r"|3[01]|[12]\d|0?[1-9])(?!\d)"
        full = (
            r"(?:(?P<wd>" + weekdays + r")" + _SP + r"+)?(?P<day>" + day + r")" + _SP + r"+"
            r"(?P<mon>" + months + r")(?:" + _SP + r"+(?P<year>" + year + r")"
            r"|" + _SP + r"+(?P<dmark>" + past + r"|" + future + r"))?"
        )
        month_year = r"(?P<mon2>" + months + r")" + _SP + r"+(?P<year2>" + year + r")"
        month_alone = (
            r"(?P<mon3>"
            + months
            + r")(?![^\W\d_])(?:"
            + _SP
            + r"+(?P<mark3>"
            + past
            + r"|"
            + future
            + r"))?"
        )
    else:  # "March 30, 2024", "the 30th of March", "last March"
        suffix = r"(?:" + "|".join(lex.day_suffixes) + r")?"
        day = r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])(?!\d)" + suffix + r"(?!" + guard + r")"
        full = (
            r"(?:(?P<wd>" + weekdays + r"),?" + _SP + r"+)?"
            r"(?:(?P<mon>" + months + r")" + _SP + r"+(?P<day>" + day + r")"
            r"|(?P<dayb>"
            + day
            + r")"
            + _SP
            + r"+"
            + _optional_words(lex.day_month_links)
            + r"(?P<monb>"
            + months
            + r"))"
            r"(?:,?" + _SP + r"+(?P<year>" + year + r"))?(?![^\W_])"
        )
        month_year = r"(?P<mon2>" + months + r"),?" + _SP + r"+(?P<year2>" + year + r")"
        month_alone = (
            r"(?:(?P<mark3>"
            + past
            + r"|"
            + future
            + r")"
            + _SP
            + r"+)?(?P<mon3>"
            + months
            + r")(?![^\W\d_])"
        )
    # A weekday alone ("ce lundi", "lundi dernier", "Vendredi, X a été nommé"): the latest
    # such day of the week up to the reference (before it with a past marker, after it with
    # a future one). Any case: a weekday opens a sentence too.
    if lex.weekdays_alone:
        weekday_alone = (
            _optional_words(lex.weekday_determiners)
            + r"(?P<wd4>"
            + lexicon_regex(lex.weekdays)
            + r")(?![^\W_])(?:"
            + _SP
            + r"+(?P<mark4>"
            + past
            + r"|"
            + future
            + r")(?![^\W_])|(?!"
            + _SP
            + r"*\d))"  # "lundi 30 mars" is a full date
        )
    else:
        weekday_alone = r"(?!x)x"
    # Every date starts a word: checking that first spares trying each branch everywhere.
    times = re.compile(
        r"(?<!\w)(?=\w)(?:(?P<iso>(?<![\d-])" + _YEAR
        + r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-]))"
        + r"|(?P<full>" + full + r")"
        + r"|(?P<my>" + month_year + r")"
        + r"|(?P<rel>" + relative + r")"
        + r"|(?P<ma>" + month_alone + r")"
        + r"|(?P<wa>" + weekday_alone + r")"
        + r"|(?P<y>" + year + r"))"
    )  # fmt: skip
    roles = {k: v for k, v in lex.date_prepositions.items() if v != "point"}
    mods = lexicon_regex(lex.period_modifiers)
    role = re.compile(
        r"(?<![^\W\d_])(?P<prep>" + lexicon_regex(roles) + r")(?:" + _SP + r"*" + mods + r")*"
        + _SP + r"*$"
    )  # fmt: skip
    needs_prep = re.compile(r"(?<![^\W\d_])" + lexicon_regex(lex.date_prepositions) + _SP + r"*$")
    any_months = r"(?i:" + months + r")"
    if not lex.month_first:  # "24 janvier 2016. –", "PARIS, 24 janvier (Reuters) -"
        tail = (
            r"(?:" + _SP + r"*,[^\n,–—]{1,40})?" + _SP + r"*(?:\([^)\n]{1,30}\)" + _SP + r"*)?"
            r"\.?" + _SP + r"*" + _DASH
        )
        dateline = (
            r"\A\s*(?:[A-ZÀ-Ý][^\n,]{0,40},\s*)?(?P<day>"
            + day
            + r")"
            + _SP
            + r"+(?P<mon>"
            + any_months
            + r")(?:"
            + _SP
            + r"+(?P<year>"
            + _YEAR
            + r"))?"
            + tail
        )
        # Wikinews puts an image caption before the dateline: a full dateline starting one of
        # the first lines is accepted too.
        dateline_line = (
            r"(?m)^(?P<day>"
            + day
            + r")"
            + _SP
            + r"+(?P<mon>"
            + any_months
            + r")"
            + _SP
            + r"+(?P<year>"
            + _YEAR
            + r")"
            + tail
        )
    else:  # "DUESSELDORF, March 30 -"
        dateline = (
            r"\A\s*(?:[A-Z][^\n]{0,60}?[,\s]\s*)?(?P<mon>"
            + any_months
            + r")"
            + _SP
            + r"+(?P<day>"
            + day
            + r")(?:,\s*(?P<year>"
            + _YEAR
            + r"))?\s*"
            r"(?:\([^)\n]{1,30}\)\s*)?" + _DASH
        )
        dateline_line = r"(?!)"
    byline = (
        r"\A(?:[^\n]*\n){0,2}[^\n|]{1,60}\|"
        + _SP
        + r"*(?P<mon>"
        + months
        + r")"
        + _SP
        + r"+(?P<day>"
        + day
        + r"),?"
        + _SP
        + r"+(?P<year>"
        + _YEAR
        + r")"
    )
    return _Patterns(
        lexicon=lex,
        times=re.compile(times.pattern),
        not_year_after=re.compile(guard),
        role=role,
        needs_prep=needs_prep,
        dateline=re.compile(dateline),
        dateline_line=re.compile(dateline_line),
        byline=re.compile(byline),
    )


@functools.cache
def _patterns(lang: str) -> _Patterns:
    """The compiled patterns of ``lang`` (a code of :data:`~pressgraph.lang.LANGUAGES`)."""
    return _build(lexicon(lang))


# --- resolution ------------------------------------------------------------------------------


def _parse_reference(reference: str | None) -> dt.date | None:
    if not reference:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", reference.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _day_value(raw: str) -> int:
    digits = re.match(r"\d+", raw)
    return int(digits.group(0)) if digits else 1  # "premier"


def _pick_year(
    month: int,
    day: int | None,
    ref: dt.date,
    direction: int = 0,
    weekday: int | None = None,
) -> int | None:
    """The year of a day or month given without one: the candidate (reference year -1, 0,
    +1) that lies before (``direction`` -1), after (+1) or nearest to (0, a later date
    counting double) the reference and, when a weekday is given, falls on it."""
    cands: list[tuple[int, int]] = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if day is None:
            delta = (y - ref.year) * 12 + month - ref.month
        else:
            try:
                d = dt.date(y, month, day)
            except ValueError:
                continue
            if weekday is not None and d.weekday() != weekday:
                continue
            delta = (d - ref).days
        if (direction < 0 and delta > 0) or (direction > 0 and delta < 0):
            continue
        # News tell the recent past more often than the future: a later date costs double.
        cands.append((2 * delta if delta > 0 else -delta, y))
    return min(cands)[1] if cands else None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _relative(unit: str, offset: int, ref: dt.date) -> str:
    if unit == "year":
        return f"{ref.year + offset:04d}"
    if unit == "month":
        idx = ref.year * 12 + ref.month - 1 + offset
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}"
    if unit == "day":
        d = ref + dt.timedelta(days=offset)
        return d.isoformat()
    d = ref + dt.timedelta(weeks=offset)
    return f"{d.year:04d}-{d.month:02d}"


def _direction(p: _Patterns, marker: str | None) -> int:
    if not marker:
        return 0
    low = " ".join(marker.lower().split())
    return -1 if low in p.lexicon.past_markers else 1


def _value(p: _Patterns, text: str, m: re.Match[str], ref: dt.date | None) -> str | None:
    lex = p.lexicon
    g = m.groupdict()
    if g["iso"]:
        y, mo, d = (int(x) for x in g["iso"].split("-"))
        return _iso(y, mo, d)
    if g["full"]:
        mon_text = cast(str, g["mon"] or g.get("monb"))  # "monb"/"dayb": English "30 March"
        day_text = cast(str, g["day"] or g.get("dayb"))
        month = lexicon_lookup(lex.months, mon_text)
        day = _day_value(day_text)
        if g["year"]:
            return _iso(int(g["year"]), month, day)
        if ref is None:
            return None
        weekday = None
        if g["wd"]:
            wd_key = lexicon_lookup(dict(zip(lex.weekdays, range(7), strict=True)), g["wd"])
            weekday = wd_key
        direction = _direction(p, g.get("dmark"))
        year = _pick_year(month, day, ref, direction, weekday)
        if year is None and weekday is not None:
            year = _pick_year(month, day, ref, direction)
        return _iso(year, month, day) if year is not None else None
    if g["my"]:
        return _iso(int(g["year2"]), lexicon_lookup(lex.months, g["mon2"]))
    if g["rel"]:
        if ref is None:
            return None
        unit, offset = lexicon_lookup(lex.relative_periods, g["rel"])
        return _relative(unit, offset, ref)
    if g["ma"]:
        if ref is None:
            return None
        if not g["mark3"] and not p.needs_prep.search(text[max(0, m.start() - 40) : m.start()]):
            return None
        month = lexicon_lookup(lex.months, g["mon3"])
        year = _pick_year(month, None, ref, _direction(p, g["mark3"]))
        return _iso(year, month) if year is not None else None
    if g.get("wa"):
        if ref is None:
            return None
        wd = lexicon_lookup(dict(zip(lex.weekdays, range(7), strict=True)), g["wd4"])
        direction = _direction(p, g.get("mark4"))
        if direction > 0:
            when = ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or 7)
        else:  # "lundi dernier" in a Monday's paper: a week before
            when = ref - dt.timedelta(days=(ref.weekday() - wd) % 7 or (7 if direction else 0))
        return _iso(when.year, when.month, when.day)
    if g["y"]:
        return _iso(int(g["y"]))
    return None


Role = Literal["point", "until", "since"]


def _role(p: _Patterns, text: str, start: int) -> Role:
    m = p.role.search(text[max(0, start - 60) : start])
    if not m:
        return "point"
    role = lexicon_lookup(p.lexicon.date_prepositions, m.group("prep"))
    return cast(Role, role) if role in ("until", "since") else "point"


# --- public API ------------------------------------------------------------------------------


def find_times(text: str, lang: str, reference: str | None = None) -> list[TimeExpr]:
    """Dates and periods in ``text``, sorted by start, normalised to ISO.

    ``reference`` (ISO date) supplies the year of dates written without one and anchors
    relative periods; without it those are skipped."""
    p = _patterns(language_of(lang))
    ref = _parse_reference(reference)
    out: list[TimeExpr] = []
    for m in p.times.finditer(text):
        value = _value(p, text, m, ref)
        if value is None:
            continue
        start, end = m.start(), m.end()
        role = _role(p, text, start)
        out.append(TimeExpr(value=value, start=start, end=end, text=text[start:end], role=role))
    return out


def find_dateline(text: str, lang: str, reference: str | None = None) -> str | None:
    """The publication date given by a dateline at the start of ``text``, as ISO, or None.

    Reads "24 janvier 2016. –", "1er janvier 2016, 14h30. –", "PARIS, 24 janvier (Reuters) -",
    "DUESSELDORF, March 30 -" and a byline "IANS | Mar 9, 2021, 10:56 IST" in the first lines.
    A dateline without a year takes it from ``reference`` (the nearest year), else None."""
    p = _patterns(language_of(lang))
    head = text[:600]
    m = p.dateline.match(head) or p.byline.match(head)
    if not m:
        lines = p.dateline_line.search(head)
        m = lines if lines and head.count("\n", 0, lines.start()) <= 4 else None
    if not m:
        return None
    mon = m.group("mon")
    months = p.lexicon.months
    month = months.get(mon) or months.get(mon.lower()) or lexicon_lookup(months, mon.title())
    day = _day_value(m.group("day"))
    if m.group("year"):
        return _iso(int(m.group("year")), month, day)
    ref = _parse_reference(reference)
    if ref is None:
        return None
    year = _pick_year(month, day, ref)
    return _iso(year, month, day) if year is not None else None
