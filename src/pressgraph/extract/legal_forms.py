"""Legal forms stay inside the names they end: NER often cuts them off or cuts the name at
an inner "and".

* A span made only of legal forms ("N.V.", "Co Inc", "S.A.") is the end of the name written
  before it: "Dutch insurer X Anno 1720 N.V." (NER: a person, then "N.V."), "X de Y, S.A.",
  "X and Co Inc", "X's Inc", "X (Media) Ltd", "A, B and Co" (a partnership of surnames).
  Alone, it names nothing.
* "X Telephone and Telegraph Co": NER took "X Telephone" for the company and left "Telegraph
  Co" unlabelled; a capitalised run that ends with a legal form, written right after "and"
  and a name without one, and that NER did not label, ends that name.
"""

from __future__ import annotations

from collections.abc import Container, Mapping

from spacy.tokens import Doc, Token

from pressgraph.lang import Lexicon
from pressgraph.names import is_legal_suffix

__all__ = [
    "continued_by_legal_form",
    "legal_form_only",
    "legal_form_token",
    "name_before_legal_form",
]

#: At most this many comma-separated surnames before "and X Co" ("A, B, C and Co").
_MAX_PARTNERS = 4


def legal_form_token(tok: Token) -> bool:
    """True when ``tok`` is written as a legal form: "SE", "plc", but not the grammar words
    spelled alike ("se", "sa")."""
    return is_legal_suffix(tok.text) and not (tok.is_lower and tok.is_stop)


def legal_form_only(doc: Doc, start: int, end: int) -> bool:
    """True when tokens [start, end) are legal forms only ("Co Inc", "N.V.", "S.A.")."""
    words = [t for t in doc[start:end] if not (t.is_punct or t.is_space)]
    return bool(words) and all(legal_form_token(t) for t in words)


def _capitalised(tok: Token) -> bool:
    return (tok.text[:1].isupper() or tok.text[:1].isdigit()) and not is_legal_suffix(tok.text)


def _word_start(doc: Doc, i: int, lex: Lexicon, names: Mapping[int, int]) -> int | None:
    """The first token of the name (a found name, else a run of capitalised words) whose
    last token is ``i``; None when token ``i`` ends no name."""
    if i < 0 or doc[i].is_space:
        return None
    if i in names:
        return names[i]
    if not _capitalised(doc[i]) or doc[i].pos_ in ("DET", "ADP", "PRON", "AUX", "VERB"):
        return None
    start = i
    while (
        start - 1 >= 0
        and _capitalised(doc[start - 1])
        and not doc[start - 1].is_space
        and doc[start - 1].pos_ not in ("DET", "ADP", "PRON", "AUX", "VERB")
        and doc[start - 1].text not in lex.months
        and doc[start - 1].text not in lex.weekdays
        and not (doc[start - 1].is_sent_start and doc[start - 1].pos_ != "PROPN")
    ):
        start -= 1
    return start


def name_before_legal_form(
    doc: Doc, start: int, lex: Lexicon, names: Mapping[int, int], taken: Container[int]
) -> int | None:
    """The start of the name that the legal forms beginning at token ``start`` end, or None.

    ``names`` maps the last token of each name found so far to its first token; ``taken``
    holds tokens that belong to names that must not grow (outlets)."""
    i = start - 1
    linked_by = None
    if i >= 0 and doc[i].text == ")":  # "X (Media) Ltd"
        j = i - 1
        while j >= 0 and doc[j].text != "(" and doc[j].text not in ".;\n" and i - j <= 6:
            j -= 1
        if j < 0 or doc[j].text != "(" or j == i - 1:
            return None
        i = j - 1
    elif i >= 0 and (doc[i].lower_ in lex.possessive_clitics or doc[i].text == ","):
        linked_by = doc[i].text  # "Albertson's Inc", "Petroleos de Venezuela, S.A."
        i -= 1
    elif i >= 0 and doc[i].lower_ in lex.name_conjunctions:
        linked_by = "and"  # "Kohlberg Kravis Roberts and Co"
        i -= 1
    if i < 0 or i in taken:
        return None
    first = _word_start(doc, i, lex, names)
    if first is None or any(t in taken for t in range(first, i + 1)):
        return None
    if linked_by == "and" and is_legal_suffix(doc[i].text):
        return None  # "X Corp and Co": two companies
    if linked_by in ("and", ","):
        # "Donaldson, Lufkin and Co", "Howard, Weil, Friedrichs, Inc": partners' surnames.
        for _ in range(_MAX_PARTNERS):
            j = first - 1
            if j < 1 or doc[j].text != "," or first != i and linked_by == ",":
                break
            before = _word_start(doc, j - 1, lex, {})
            if before is None or before != j - 1 or (j - 1) in taken:
                break
            first = i = j - 1
    return first


def continued_by_legal_form(
    doc: Doc, start: int, end: int, lex: Lexicon, names: Mapping[int, int], in_ents: Container[int]
) -> int | None:
    """ "X Telephone and Telegraph Co": the start of the name before "and" that the run
    [start, end) ending with a legal form completes, or None.

    The run must be unlabelled by NER (``in_ents``), and the name before it must end with no
    legal form of its own ("X Corp and Y Inc" are two companies)."""
    if not (end - start >= 2 and is_legal_suffix(doc[end - 1].text)):
        return None
    if any(i in in_ents for i in range(start, end)):
        return None
    conj = start - 1
    if conj < 1 or doc[conj].lower_ not in lex.name_conjunctions:
        return None
    last = conj - 1
    if last not in names or is_legal_suffix(doc[last].text):
        return None
    first = names[last]
    if first > 0 and doc[first - 1].text == ",":
        return None  # "A, B and C Co": a list of names
    return first
