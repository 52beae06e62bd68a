"""Named entities: spaCy's NER, cleaned and completed by gazetteers (clustered per document
in :mod:`pressgraph.extract.clusters`).

The French model has no MONEY/DATE labels and mislabels companies (``MISC``, ``LOC``,
``PER``); this stage keeps every candidate name with its model label and lets the fact
frames retype it by role (what invests, buys or partners is an organisation).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from spacy.tokens import Doc, Span

from pressgraph.extract.clusters import Cluster, Name, cluster_names
from pressgraph.extract.found_names import FoundNames
from pressgraph.extract.institutions import institution_spans
from pressgraph.extract.legal_forms import (
    continued_by_legal_form,
    legal_form_only,
    legal_form_token,
    name_before_legal_form,
)
from pressgraph.extract.name_edges import number_word_before, trim
from pressgraph.extract.name_lists import split_lists
from pressgraph.extract.text import WordIndex, doc_text
from pressgraph.extract.tickers import TICKER
from pressgraph.lang import Lexicon
from pressgraph.names import is_legal_suffix

__all__ = ["Cluster", "Name", "cluster_names", "find_names"]

#: spaCy labels kept as candidate names, mapped to pressgraph types (MISC decided by role).
_LABELS = {
    "ORG": "ORG",
    "PER": "PERSON",
    "PERSON": "PERSON",
    "LOC": "PLACE",
    "GPE": "PLACE",
    "MISC": "MISC",
    "PRODUCT": "PRODUCT",
    "FAC": "PRODUCT",
}


_ANGLE = re.compile(r"<([^<>\n]{2,80})>")


_TICKER = re.compile(r"^(?:[A-Z0-9.\-]{1,10}|[a-z0-9.\-]{1,10})$")


#: A dateline city at the start of a line: "HONG KONG, Oct 19 -", "PARIS (Reuters) -".
_DATELINE_HEAD = re.compile(r"[^\n]{3,80}? [-–—] ")


_DATELINE_CITY = re.compile(r"(?m)^[A-Z][A-Z .'\-]{1,30}(?=,| \()")


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """True when tokens [start, end) are part of a longer proper name ("Capital" in
    "X Capital"; a name standing alone is not inside anything)."""

    def proper(i: int) -> bool:
        return (
            0 <= i < len(doc)
            and doc[i].text[:1].isupper()
            and doc[i].is_alpha
            and (doc[i].pos_ == "PROPN" or not doc[i].is_sent_start)
        )

    return proper(start - 1) or proper(end)


@functools.cache
def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regular expression for a gazetteer: whole words, longest phrase first."""
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w'’])")


def _gazetteer_spans(doc: Doc, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Token spans of ``doc`` that spell one of ``phrases`` (whole tokens, case-sensitive)."""
    spans: list[tuple[int, int]] = []
    for m in _alternation(phrases).finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            spans.append((span.start, span.end))
    return spans


def find_names(doc: Doc, lex: Lexicon, text: str | None = None) -> list[Name]:
    """Every candidate name of ``doc``, non-overlapping, in text order.

    ``text`` is the document as written, when the parser read it with markup blanked
    (bracketed names "<Cie du Midi>" are read from it)."""
    written = doc_text(doc) if text is None else text
    found = FoundNames()
    ends = found.last_tokens()  # last token of each name found so far -> its first
    covered: set[int] = set()  # tokens of the names found so far

    def add(start: int, end: int, label: str, outlet: bool = False) -> None:
        start, end = trim(doc, start, end, lex)
        if start >= end:
            return
        if number_word_before(doc, start) and start - 1 not in covered and label != "PLACE":
            start -= 1  # "about Six Flags": NER read the number word as a number
        if legal_form_only(doc, start, end):
            # "X Anno 1720 N.V.", "X and Co Inc": the legal form ends the name before it.
            opening = name_before_legal_form(doc, start, lex, ends, outlet_tokens)
            if opening is None:
                return  # a legal form alone names nothing
            start, label = opening, "ORG"
        else:
            opening = continued_by_legal_form(doc, start, end, lex, ends, ner_tokens)
            if opening is not None:
                start, label = opening, "ORG"  # "X Telephone and Telegraph Co"
        span = doc[start:end]
        text = " ".join(span.text.split())  # "BankAmerica       Corp": one space
        if not text or text in lex.not_entities or text.lower() in lex.not_entities_lower:
            return
        if not any(ch.isupper() for ch in text) or sum(ch.isalnum() for ch in text) < 2:
            return  # "288", "A.": no name ("C8", "3M" are)
        if all(t.text in lex.months or t.like_num for t in span):
            return  # "Feb 9"
        # "Bourse de la start-up": a capitalised common word followed by a description.
        if span[0].text in lex.not_entities:
            return
        # "Valorisé désormais à N, Y...": a participle opening a sentence, capitalised, is no name.
        first = span[0]
        if (
            len(span) == 1
            and first.is_sent_start
            and first.pos_ == "VERB"
            and "Part" in first.morph.get("VerbForm", [])
        ):
            return
        if any(s <= span.start_char and span.end_char <= e for s, e in datelines):
            return
        char_start, char_end = span.start_char, span.end_char
        glued = next((h for h in lex.honorifics if h.endswith(".") and text.startswith(h)), None)
        if glued is not None and text[len(glued) : len(glued) + 1].isupper():
            text, char_start = text[len(glued) :], char_start + len(glued)  # "M.Trudeau"
        if text.endswith(".") and " " in text and is_legal_suffix(text.rsplit(" ", 1)[1]):
            text, char_end = text[:-1], char_end - 1  # "Sony Corp." ends a sentence: "Sony Corp"
        # A fragment of the longer name ("Clayton" in "Clayton and Dubilier Inc") goes.
        for key in found.overlapping(start, end):
            if start <= key[0] and key[1] <= end and key != (start, end):
                del found[key]
        found[(start, end)] = Name(start, end, char_start, char_end, text, label, outlet)
        covered.update(range(start, end))

    ner_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    outlet_tokens: set[int] = set()
    datelines = [(m.start(), m.end()) for m in _DATELINE_CITY.finditer(doc_text(doc)[:200])]
    head = _DATELINE_HEAD.match(doc_text(doc))
    if head is not None and any(w.strip(".,") in lex.months for w in head.group().split()):
        datelines.append((0, head.end()))  # "Calgary, Alberta, March 16 -"
    outlet_spans = [
        (s, e) for s, e in _gazetteer_spans(doc, lex.outlets) if not _inside_name(doc, s, e)
    ]
    outlet_tokens.update(i for s, e in outlet_spans for i in range(s, e))
    for s, e in outlet_spans:
        add(s, e, "ORG", outlet=True)
    for m in _ANGLE.finditer(written):
        inner = m.group(1).strip()
        if _TICKER.match(inner) or TICKER.fullmatch(inner):
            continue  # a ticker: the alias of the name before it (.tickers)
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and not (set(range(span.start, span.end)) & outlet_tokens):
            add(span.start, span.end, "ORG")
    for phrase in lex.institutions:
        det, _, noun = phrase.partition(" ")
        # "the government", and "the territory's government" (the determiner's own noun).
        pattern = (
            re.escape(phrase) if not noun else rf"{re.escape(det)} (?:\w+['’]s )?{re.escape(noun)}"
        )
        for m in re.finditer(r"(?<![\w'’])" + pattern + r"(?![\w'’])", written, flags=re.I):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and not found.overlapping(span.start, span.end):
                found[(span.start, span.end)] = Name(
                    span.start, span.end, span.start_char, span.end_char, span.text, "ORG"
                )
    taken = {i for (s, e) in found for i in range(s, e)}
    # Tokens of other NER names, but a lone word taken for a person ("Clayton and Dubilier
    # Inc", "Procter and Gamble Co") can start a company's name.
    in_ents = {
        i
        for ent in doc.ents
        if not (len(ent) == 1 and ent.label_ != "ORG")
        for i in range(ent.start, ent.end)
    }
    reach: list[int] | None = None  # built on first use (one pass over the document)
    for ent in split_lists(doc.ents, lex):
        label = _LABELS.get(ent.label_)
        if label is None:
            continue
        if any(i in taken or i in covered for i in range(ent.start, ent.end)):
            continue
        start = ent.start
        if ent.end - ent.start > 1 and is_legal_suffix(doc[ent.end - 1].text):
            label = "ORG"  # "Wireless Plc" is no person
            # "Cable and Wireless Plc", "Fichtel und Sachs AG": NER keeps only the last part.
            while (
                start >= 2
                and doc[start - 1].lower_ in lex.name_conjunctions
                and doc[start - 2].pos_ == "PROPN"
                and doc[start - 2].is_title
                and doc[start - 2].i not in taken
                and doc[start - 2].i not in in_ents
                and doc[start - 2].text not in lex.name_endings
                and not is_legal_suffix(doc[start - 2].text)
            ):
                start -= 2
        end = ent.end
        if (
            label == "ORG"
            and end < len(doc)
            and legal_form_token(doc[end])
            and doc[end].i not in taken
        ):
            end += 1  # "Olivetti SpA": NER stops before the legal form
        if (
            label == "ORG"
            and start >= 2
            and doc[start - 1].text == "-"
            and not doc[start - 2].whitespace_
            and doc[start - 2].text[:1].isupper()
            and doc[start - 2].i not in taken
        ):
            start -= 2  # "Allis-Chalmers Corp": NER dropped the first half of the hyphenated name
        if label == "ORG" and lex.proper_noun_names:
            # "McDowell Enterprises Inc": NER cut one name in two; the fragment joins.
            fragment = next(
                (
                    k
                    for k in found.ending_at(start)
                    if not found[k].outlet
                    and not doc[start].is_sent_start
                    and not is_legal_suffix(doc[start - 1].text)  # "X Corp" "Y Inc": two
                    and all(t.is_title or t.is_upper for t in doc[k[0] : k[1]])
                ),
                None,
            )
            if fragment is not None and fragment[0] not in taken:
                del found[fragment]
                covered.difference_update(range(*fragment))
                start = fragment[0]
            # "Tsing Capital": the tagger took "Tsing" for a verb and NER dropped it.
            if reach is None:
                reach = _capitalised_reach(doc, lex, taken)
            start = reach[start]
        add(start, end, label)
    if lex.proper_noun_names:
        _proper_noun_runs(doc, lex, {i for (s, e) in found for i in range(s, e)}, add)
    if lex.listed_acronyms:
        _listed_acronyms(doc, found, add, lex)
    for start, end, label in institution_spans(doc, found):
        for key in found.overlapping(start, end):
            del found[key]  # the place inside, the determiner and the head ("le gouvernement")
        span = doc[start:end]
        found[(start, end)] = Name(start, end, span.start_char, span.end_char, span.text, label)
    _propagate(doc, found, lex)
    return sorted(found.values(), key=lambda n: n.start)


def _capitalised_reach(doc: Doc, lex: Lexicon, taken: set[int]) -> list[int]:
    """For each token, where the run of capitalised words that may open a name before it
    starts (within its sentence): ``reach[i] <= i``. One pass, so that extending every NER
    name to the left costs a lookup, not a walk back over a sentence of capitalised words."""
    reach = list(range(len(doc) + 1))
    sent_start = 0
    for i, tok in enumerate(doc):
        if tok.is_sent_start:
            sent_start = i
        prev = i - 1
        if prev < sent_start:
            continue
        t = doc[prev]
        if (
            t.text[:1].isupper()
            and prev not in taken
            and (not t.is_sent_start or t.pos_ == "PROPN")
            and t.pos_ not in ("DET", "ADP", "PRON", "CCONJ", "AUX")
            and t.text not in lex.months
            and t.text not in lex.weekdays
        ):
            reach[i] = reach[prev]
    return reach


def _listed_acronyms(doc: Doc, found: dict[tuple[int, int], Name], add: Any, lex: Lexicon) -> None:
    """ "des firmes BPR, Dessau et Axor": an acronym that NER missed, listed next to a name,
    is a name too."""
    starts = {s for s, _ in found}
    ends = {e for _, e in found}
    taken = {i for s, e in found for i in range(s, e)}
    for tok in doc:
        if (
            tok.i in taken
            or tok.pos_ != "PROPN"
            or not tok.is_upper
            or not tok.is_alpha
            or not 2 <= len(tok) <= 6
        ):
            continue
        listing = (",", *lex.list_conjunctions)
        after = tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in listing and tok.i + 2 in starts
        before = tok.i >= 2 and doc[tok.i - 1].lower_ in listing and tok.i - 1 in ends
        if after or before:
            add(tok.i, tok.i + 1, "MISC")


def _proper_noun_runs(doc: Doc, lex: Lexicon, taken: set[int], add: Any) -> None:
    """Runs of capitalised proper nouns that NER missed ("Argo AI"), as candidate names;
    the fact frames decide what they are by the role they play."""
    # The first token of each token's sentence (``tok.sent`` walks the sentence each time).
    sent_start: list[int] = []
    first = 0
    for tok in doc:
        if tok.is_sent_start:
            first = tok.i
        sent_start.append(first)
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if (
            tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and i not in taken
            and (not tok.is_sent_start or (i + 1 < n and doc[i + 1].pos_ == "PROPN"))
        ):
            j = i
            while j < n and j not in taken and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
                j += 1
            while (
                i - 1 >= sent_start[tok.i]
                and i - 1 not in taken
                and doc[i - 1].text[:1].isupper()
                and not doc[i - 1].is_sent_start
                and doc[i - 1].dep_ in ("compound", "amod", "nmod")
                and i <= doc[i - 1].head.i < j
            ):
                i -= 1  # "Tsing Capital": the tagger took "Tsing" for a verb
            words = [t.text for t in doc[i:j]]
            if (
                not any(w in lex.months or w in lex.weekdays or "/" in w for w in words)
                and doc[i:j].text.lower() not in lex.title_words
                and any(t.is_alpha for t in doc[i:j])
                and len(doc[i:j].text) > 2
            ):
                add(i, j, "MISC")
            i = j
            continue
        i += 1


def _recut(
    doc: Doc,
    span: Span,
    found: dict[tuple[int, int], Name],
    inside: list[tuple[int, int]],
    conjunctions: frozenset[str],
) -> tuple[int, int, list[tuple[int, int]], Name | None] | None:
    """ "Hong Kong Telephone and Cable and Wireless Hong Kong": NER cut at the wrong "and".
    A name the document spelled whole with an inner conjunction ("Cable and Wireless")
    takes its words back: a name overlapping it from the left keeps what stands before the
    conjunction that precedes it, one overlapping it from the right is its continuation.
    Returns the new span, the names it replaces and the shortened left name; None when the
    spelling has no conjunction or lies inside a longer name."""
    if not any(t.lower_ in conjunctions for t in span[1:-1]):
        return None
    start, end, left = span.start, span.end, None
    for k in inside:
        if k[0] <= span.start and k[1] >= span.end:
            return None
        if k[0] < span.start:
            conj = span.start - 1
            if doc[conj].lower_ not in conjunctions or conj <= k[0]:
                return None
            kept = doc[k[0] : conj]
            left = Name(k[0], conj, kept.start_char, kept.end_char, kept.text, found[k].label)
        elif k[1] > span.end:
            end = k[1]
    return start, end, inside, left


def _propagate(doc: Doc, found: FoundNames, lex: Lexicon) -> None:
    """Give every other occurrence of a multi-word name found once the same span.

    The parser and NER cut the same name differently from one sentence to the next
    ("<Fichtel und Sachs AG>" once, then "Fichtel" and "Sachs"); a name the document has
    spelled out whole is read whole wherever it is written again."""
    firsts = {
        n.text.split()[0] for n in found.values() if n.label == "ORG" and len(n.text.split()) >= 2
    }
    # One-word names: organisations, and the first word of an organisation's full name
    # whatever NER called it ("Lucid", tagged a person, after "Lucid Motors Inc.").
    names = sorted(
        {
            n.text: n
            for n in found.values()
            if len(n.text.split()) >= 2 or (n.label == "ORG" and not n.outlet) or n.text in firsts
        }.values(),
        key=lambda n: len(n.text),
        reverse=True,
    )
    spellings = [(n.text, n) for n in names]
    for n in names:  # "Cable and Wireless" for "Cable and Wireless Plc"
        words = n.text.split()
        if len(words) >= 3 and is_legal_suffix(words[-1]) and n.label == "ORG":
            # "Cable and Wireless" for "... Plc"; "X" (not "X and") for "X and Co".
            while len(words) > 1 and (
                is_legal_suffix(words[-1]) or words[-1].lower() in lex.name_conjunctions
            ):
                words = words[:-1]
            spellings.append((" ".join(words).rstrip(","), n))
    # "la 21st" after "21st Century Fox": the first word of an organisation's full name,
    # written alone as a proper noun, is that organisation.
    known = {t for t, _ in spellings}
    for n in names:
        first = n.text.split()[0]
        if (
            n.label == "ORG"
            and not n.outlet
            and len(n.text.split()) >= 2
            and len(first) > 2
            and first not in known
        ):
            spellings.append((first, n))
            known.add(first)
    spellings.sort(key=lambda s: len(s[0]), reverse=True)
    conjunctions = lex.name_conjunctions
    index = WordIndex(doc_text(doc))
    for text, name in spellings:
        for m_start, m_end in index.whole_occurrences(text):
            span = doc.char_span(m_start, m_end)
            if span is None or (span.start, span.end) in found:
                continue
            if len(span) == 1 and span[0].pos_ != "PROPN":
                continue  # a one-word name spelled like a common word ("Orange", "Total")
            inside = found.overlapping(span.start, span.end)
            start, end = whole = span.start, span.end
            if any(k[0] < span.start or k[1] > span.end for k in inside):
                recut = _recut(doc, span, found, inside, conjunctions) if " " in text else None
                if recut is None:
                    continue  # part of a longer name already found
                start, end, inside, left = recut
                if left is not None:  # "A Telephone and [Cable and Wireless ...]": A stays
                    found[(left.start, left.end)] = left
            for k in inside:
                del found[k]
            span = doc[start:end]
            found[(start, end)] = Name(
                start,
                end,
                span.start_char,
                span.end_char,
                text if (start, end) == whole else span.text,
                name.label,
                name.outlet,
            )
