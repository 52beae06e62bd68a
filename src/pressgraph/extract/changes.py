"""Changes of level: "to 7.7 pct from 6.3 pct", "de 6 % à 8 %", "raised its stake to 52 pct".

A figure that a change word leads to ("raise", "cut", "lift", "porter", "passer", "hausse":
``change_words`` in the lexicon) through a "to" word ("to", "à") is a *level reached*; the
figure of the same kind (two percentages, two amounts of money) the sentence gives as its
start is the *former level*: written before it after a "from" word ("from 12.9 pct to 18.5
pct", "de 6 % à 8 %", "de 10 à 15 %" with a bare number that takes the unit of the level
reached, "de 80 à 260 milliards"), or after it ("to 7.7 pct from 6.3 pct", "to 25 pct from
the present 3.5 pct", "à 15 %, contre 10 %").

The change word must stand before the figures in the same clause, with no other verb
between ("a ajouté ... estimé à 13 milliards" changes nothing): without it, "de 8 à 10
milliards" is a range and "acquérir de 25 à 29,9 %" a bid for up to 29.9 %.

Why: a change is one statement. Read as two figures, "raised its stake in X to 7.7 pct from
6.3 pct" made two stakes that conflicted, and the level a stake was raised to made an
acquisition of that much.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from pressgraph.extract.quantities import digits_regex, lexicon_regex, parse_number, written_value
from pressgraph.extract.text import doc_text
from pressgraph.lang import Lexicon
from pressgraph.model import Quantity

__all__ = ["Change", "find_changes"]

_SP = r"[ \t\u00a0\u202f\u2009]"
#: Tokens read back from a "to" or "from" word for the change word.
WINDOW = 20
#: Words that may stand between a former level written first and the "to" word ("de 9,9 %
#: en 2015, à 9,4 %", "from 45 pct at the end of 1985 to 35 pct").
_GAP_WORDS = 6
#: Words between the level reached and the "from" word after it ("to 24.9 pct of the
#: outstanding common stock from 5.03 pct").
_TAIL_WORDS = 8


@dataclass(frozen=True, slots=True)
class Change:
    """A level reached, and the former level when the sentence gives it."""

    new: Quantity
    previous: Quantity | None = None


@dataclass(frozen=True, slots=True)
class _Links:
    to_before: re.Pattern[str]  # "to (about) " at the end of the text before a figure
    from_before: re.Pattern[str]  # "from (the present) (about) " at the end
    bare_from: re.Pattern[str]  # "de 10 " (a bare number) at the end, before "à"
    gap: re.Pattern[str]  # what may stand between a former level and "to"
    tail: re.Pattern[str]  # what may stand between a level reached and "from" + former level
    approx_end: re.Pattern[str]  # an approximation cue ending the text ("up to ", "jusqu'à ")


def _alt(entries: Sequence[str]) -> str:
    return lexicon_regex(entries) if entries else "(?!)"


@functools.cache
def _links(lex: Lexicon) -> _Links:
    approx = rf"(?:{_alt(lex.approx_before)}{_SP}+)?"
    modifiers = rf"(?:{_alt(lex.previous_modifiers)}{_SP}+)*"
    word = r"[^\W\d_][\w'’.-]*"
    return _Links(
        to_before=re.compile(rf"(?<![\w'’]){_alt(lex.change_to)}{_SP}+{approx}$"),
        from_before=re.compile(rf"(?<![\w'’]){_alt(lex.change_from)}{_SP}*{modifiers}{approx}$"),
        bare_from=re.compile(
            rf"(?<![\w'’]){_alt(lex.change_from)}{_SP}*{approx}"
            rf"(?P<num>(?<![\w.,]){digits_regex(lex.lang)}){_SP}+$"
        ),
        gap=re.compile(rf"^(?:[\s,]*[\w'’.-]+){{0,{_GAP_WORDS}}}[\s,]*$"),
        tail=re.compile(
            rf"^[\s,]*(?:{word}[\s,]+){{0,{_TAIL_WORDS}}}?{_alt(lex.change_from_after)}"
            rf"{_SP}+{modifiers}{approx}$"
        ),
        approx_end=re.compile(rf"{_alt(lex.approx_before)}{_SP}*$"),
    )


def _changed(sent: Span, char: int, lex: Lexicon) -> bool:
    """Whether a change word leads to the link word at ``char``: read back over at most
    :data:`WINDOW` tokens of the clause, stopping at any other verb."""
    doc = sent.doc
    i = next((t.i for t in sent if t.idx >= char), sent.end)
    for j in range(i - 1, max(sent.start, i - WINDOW) - 1, -1):
        tok = doc[j]
        if tok.lemma_.lower() in lex.change_words or tok.lower_ in lex.change_words:
            return True
        if tok.pos_ == "VERB" or tok.text in (";", ":"):
            return False
    return False


def _to_word(text: str, start: int, floor: int, links: _Links) -> int | None:
    """Where the "to" word before the figure at ``start`` starts, if there is one and it is no
    part of an approximation ("up to 45 pct", "jusqu'à 20 %")."""
    before = text[max(floor, start - 40) : start]
    m = links.to_before.search(before)
    if m is None:
        return None
    cue = links.approx_end.search(before)
    if cue is not None and cue.start() <= m.start():
        return None
    return start - len(before) + m.start()


def _bare_previous(
    text: str, floor: int, to_char: int, new: Quantity, links: _Links, lang: str
) -> tuple[Quantity, int] | None:
    """ "de 10 à 15 %", "de 80 à 260 milliards": the bare number before the "to" word, in the
    unit of the level reached; with where its "from" word starts."""
    before = text[max(floor, to_char - 40) : to_char]
    m = links.bare_from.search(before)
    if m is None:
        return None
    value = parse_number(m.group("num"), lang)
    written = written_value(new, lang)
    if value is None or not written:
        return None
    offset = to_char - len(before)
    start, end = offset + m.start("num"), offset + m.end("num")
    previous = Quantity(
        kind=new.kind,
        value=value * new.value / written,
        start=start,
        end=end,
        text=text[start:end],
        currency=new.currency,
    )
    return previous, offset + m.start()


def find_changes(sent: Span, quantities: Sequence[Quantity], lex: Lexicon) -> list[Change]:
    """The changes of level written in ``sent`` among its ``quantities`` (offsets in the
    document's text), in the order of their level reached."""
    text = doc_text(sent.doc)
    links = _links(lex)
    floor = sent.start_char
    qs = sorted(
        (q for q in quantities if sent.start_char <= q.start < sent.end_char),
        key=lambda q: q.start,
    )
    out: list[Change] = []
    for new in qs:
        to_char = _to_word(text, new.start, floor, links)
        if to_char is None:
            continue
        same = [q for q in qs if q.kind == new.kind and q is not new]
        earlier = [q for q in same if q.end <= to_char]
        later = [q for q in same if q.start >= new.end]
        previous: Quantity | None = None
        anchor = to_char
        first = earlier[-1] if earlier else None
        if (
            first is not None
            and links.gap.match(text[first.end : to_char])
            and (m := links.from_before.search(text[max(floor, first.start - 40) : first.start]))
        ):
            previous, anchor = first, first.start - (min(40, first.start - floor) - m.start())
        elif (bare := _bare_previous(text, floor, to_char, new, links, lex.lang)) is not None:
            previous, anchor = bare
        elif later and links.tail.match(text[new.end : later[0].start]):
            previous = later[0]
        if _changed(sent, anchor, lex):
            out.append(Change(new, previous))
    return out
