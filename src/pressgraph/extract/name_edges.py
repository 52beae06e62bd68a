"""Where a name starts and ends: no grammar word glued to it, the numbers of its own kept.

:func:`trim` drops leading determiners and prepositions and trailing punctuation (as NER
and the proper-noun runs include them), and what the parser glued after a name: a weekday
("X jeudi"), a pronoun or an auxiliary ("la bourse de X se ...", "X is"), a preposition or
a conjunction ("X from", "X and"); a name also ends before a determiner that no link word
introduces and a title or a common word follows ("X Y le Directeur Général de Z": "X Y";
"Banque de la Z" keeps its "la", "Marine le Pen" her "le").

:func:`number_word_before` gives a capitalised number word written before a name as its
first word ("Six Flags"); digits that start a name are one token already ("3M", "21st").
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Token

from pressgraph.extract.legal_forms import legal_form_token
from pressgraph.lang import Lexicon, read_gazetteer

__all__ = ["number_word_before", "trim"]

#: Parts of speech of grammar words that never end a name.
_GRAMMAR = frozenset({"CCONJ", "SCONJ", "PRON", "ADP", "DET", "PART"})


@functools.cache
def _words(gazetteer: str) -> frozenset[str]:
    """The words of a gazetteer of name words: ``name_link_words.txt``, the words that link
    the parts of a name ("de", "of": a determiner after them belongs to the name, "Banque
    de la Z"), and ``name_determiners.txt``."""
    return frozenset(read_gazetteer(gazetteer))


def _hyphenated(tok: Token) -> bool:
    """True for a word written as part of a hyphenated one ("Kim Jong-un", "X-les-Bains")."""
    prev = tok.nbor(-1) if tok.i > 0 else None
    return prev is not None and (not prev.whitespace_ or prev.text == "-")


def _glued(tok: Token, lex: Lexicon) -> bool:
    """True for a lower-case word that cannot end a name: a grammar word, an auxiliary, a
    weekday or a month after a word of the name ("X jeudi"; not "Journal du dimanche")."""
    if not tok.is_lower or _hyphenated(tok) or legal_form_token(tok):
        return False
    if tok.pos_ in _GRAMMAR or tok.pos_ == "AUX":
        return tok.is_stop  # a closed-class word (the tagger errs on the others)
    prev = tok.nbor(-1)
    return (tok.text in lex.weekdays or tok.text in lex.months) and prev.text[:1].isupper()


def _title_or_common(doc: Doc, i: int, end: int, lex: Lexicon) -> bool:
    """True when the words from token ``i`` are a title ("le Directeur Général") or a
    lower-case word: no part of a name."""
    if doc[i].is_lower:
        return True
    words = [t.lower_ for t in doc[i:end]]
    return any(" ".join(words[:n]) in lex.title_words for n in range(1, len(words) + 1))


def _descriptor(tok: Token, lex: Lexicon) -> bool:
    """A lower-case word that may describe what a name names ("battery", "start-up")."""
    return tok.is_lower and (tok.lower_ in lex.descriptions or tok.pos_ in ("NOUN", "ADJ"))


def trim(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """The name in tokens [start, end) without the words glued around it (see the module
    docstring)."""
    while start < end and (
        doc[start].lower_ in lex.name_leading_words
        and doc[start].is_lower
        or doc[start].is_punct
        or doc[start].is_space
    ):
        start += 1
    # "M. X", "Mr. X": a courtesy title is not part of the name.
    while start + 1 < end and doc[start].text in lex.honorifics and doc[start + 1].is_title:
        start += 1
    # "battery start-up X", "software firm X": lower-case descriptors before a name.
    first = start
    while first < end and _descriptor(doc[first], lex):
        first += 1
    if first < end and doc[first].text[:1].isupper():
        start = first
    links, determiners = _words("name_link_words.txt"), _words("name_determiners.txt")
    for i in range(start + 1, end):
        tok = doc[i]
        if (
            tok.is_lower
            and tok.lower_ in determiners
            and tok.pos_ == "DET"
            and doc[i - 1].lower_ not in links
            and doc[i - 1].pos_ != "ADP"  # "Ligue contre le X"
            and not _hyphenated(tok)
            and i + 1 < end
            and _title_or_common(doc, i + 1, end, lex)  # not "Marine le Pen"
        ):
            end = i  # "X Y le Directeur Général": the name ends before the determiner
            break
    while end > start and (
        doc[end - 1].is_punct
        and doc[end - 1].text not in {".", ")"}
        or doc[end - 1].is_space
        or doc[end - 1].lower_ == "'"
        or doc[end - 1].lower_ in lex.possessive_clitics
        or doc[end - 1].lower_ in lex.name_leading_words
        and doc[end - 1].is_lower
        or end - 1 > start
        and _glued(doc[end - 1], lex)
        or _stray_number(doc[end - 1])
        or _stray_dot(doc, start, end)
    ):
        end -= 1
    return _balanced(doc, start, end)


#: A number glued after a name that is no part of it: a count ("Qintex 900,000 shares"), a
#: price in pence ("700p"), a long figure; "France 5", "Europe 1", "Boeing 777" keep theirs.
_STRAY_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?p|\d{5,}")


def _stray_number(tok: Token) -> bool:
    return _STRAY_NUMBER.fullmatch(tok.text) is not None


def _stray_dot(doc: Doc, start: int, end: int) -> bool:
    """A full stop written apart from the name ("Dresdner Bank AG   ."): the sentence's."""
    last = doc[end - 1]
    return last.text == "." and end - 1 > start and bool(doc[end - 2].whitespace_)


def _balanced(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The name with its parentheses balanced: one closed right after the name joins it
    ("Measurex (South Africa Pty)"), one never closed ends the name before it, and so does a
    word glued to a parenthesis it leaves open ("Initech alert(1" is "Initech")."""
    depth = 0
    opened = None
    for i in range(start, end):
        text = doc[i].text
        if text != "(" and "(" in text and ")" not in text[text.index("(") :]:
            # a word glued to a parenthesis it leaves open ("alert(1"): code, not a name
            end = i
            while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
                end -= 1
            break
        if text == "(":
            depth, opened = depth + 1, (i if depth == 0 else opened)
        elif doc[i].text == ")":
            if depth == 0:
                return _balanced(doc, i + 1, end) if i + 1 < end else (start, start)
            depth -= 1
    if depth and opened is not None:
        if depth == 1 and end < len(doc) and doc[end].text == ")":
            return start, end + 1
        end = opened
        while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
            end -= 1
    return start, end


def number_word_before(doc: Doc, start: int) -> bool:
    """True when the word before token ``start`` is a capitalised number word inside the
    sentence, the first word of the name starting at ``start`` ("about Six Flags")."""
    if start < 1:
        return False
    tok = doc[start - 1]
    return (
        tok.like_num
        and tok.pos_ == "NUM"
        and tok.is_alpha
        and tok.is_title
        and not tok.is_sent_start
        and doc[start].text[:1].isupper()
    )
