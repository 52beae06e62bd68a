"""Institutions the press names with a common noun and a proper complement.

"la bourse de X", "le gouvernement du X", "la banque d'X", "l'aéroport d'X-Y" (a head of
``institution_heads.txt``, a link word, a place): the entity is the phrase as written,
without its determiner ("bourse de X"), not the place. A state's government named with
its adjective ("le gouvernement belge", "the French government", "the X government":
``government_heads.txt``) and a family named by its surname ("la famille X":
``family_heads.txt``) are entities too.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from pressgraph.extract.found_names import FoundNames
from pressgraph.lang import read_gazetteer

__all__ = ["institution_spans"]


@functools.cache
def _words(gazetteer: str) -> frozenset[str]:
    return frozenset(read_gazetteer(gazetteer))


def _name_at(found: FoundNames, start: int) -> tuple[int, int] | None:
    return next(iter(found.starting_at(start)), None)


def institution_spans(doc: Doc, found: FoundNames) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) of the institutions named in ``doc`` (see the module
    docstring), given the names ``found`` so far."""
    heads = _words("institution_heads.txt")
    governments = _words("government_heads.txt")
    families = _words("family_heads.txt")
    links = _words("name_link_words.txt")
    articles = _words("name_articles.txt")
    every_head = heads | governments | families
    spans: list[tuple[int, int, str]] = []
    for tok in doc:
        word = tok.lower_
        if word not in every_head or not tok.text[:1].islower():
            continue
        i = tok.i
        # "la bourse de X", "chef de police de X"; not "la première banque du X" (a
        # description of a bank, not the institution).
        introduced = i > 0 and (doc[i - 1].lower_ in articles or doc[i - 1].pos_ == "ADP")
        if (
            word in heads
            and introduced
            and i + 2 < len(doc)
            and doc[i + 1].lower_ in links
            and doc[i + 1].pos_ == "ADP"
        ):
            place = _name_at(found, i + 2)
            if place is not None and found[place].label == "PLACE":
                spans.append((i, place[1], "ORG"))  # "la bourse de X"
                continue
        if word in families and i + 1 < len(doc):
            name = _name_at(found, i + 1)
            if name is not None and found[name].label in ("PERSON", "MISC", "ORG"):
                spans.append((i, name[1], "MISC"))  # "la famille X"
                continue
        if word not in governments:
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None
        definite = i > 0 and doc[i - 1].lower_ in articles
        if (
            definite
            and after is not None
            and after.pos_ == "ADJ"
            and after.is_lower
            and not after.is_stop
        ):
            spans.append((i, i + 2, "ORG"))  # "le gouvernement belge"
            continue
        before = next(iter(found.ending_at(i)), None)
        if before is not None and found[before].label == "PLACE":
            spans.append((before[0], i + 1, "ORG"))  # "the X government"
        elif i > 0 and doc[i - 1].ent_type_ == "NORP" and doc[i - 1].text[:1].isupper():
            spans.append((i - 1, i + 1, "ORG"))  # "the French government"
    return spans
