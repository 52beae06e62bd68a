"""Products, brands and platforms, and the company they belong to.

"X's Y cloud", "la plateforme Y de X": the article says whose the product is, so a fact
about Y shows in X's dossier. Two constructions, read
from the names' neighbourhood and the lexicon's ``product_nouns``:

- a possessive: an organisation's name, a possessive clitic, the product's name, which the
  recogniser calls a product or untyped (``PRODUCT``, ``MISC``), or which a product noun
  follows ("Y cloud", "Alphabet's Waymo unit");
- a product noun, the product's name, "de" and an organisation's name ("la plateforme
  Y de X", "le moteur de recherche Y de X").

A person or a place is never a product; a company named after another with nothing that
says it is a product ("Renault's Nissan stake") is not one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from pressgraph.extract.clusters import Cluster, Name
from pressgraph.lang import Lexicon

__all__ = ["product_owners"]

_OWNED = ("PRODUCT", "MISC", "ORG")


def _noun_at(doc: Doc, start: int, end: int, nouns: frozenset[str], *, before: bool) -> bool:
    """True when a product noun of one to three words ends right before token ``start``
    (``before``) or starts at token ``end``."""
    for n in (1, 2, 3):
        lo, hi = (start - n, start) if before else (end, end + n)
        if lo < 0 or hi > len(doc):
            continue
        if " ".join(t.lower_ for t in doc[lo:hi]) in nouns:
            return True
    return False


def product_owners(
    doc: Doc, names: Sequence[Name], of_name: Mapping[int, Cluster], lex: Lexicon
) -> dict[int, Cluster]:
    """The owner of each product cluster (by ``id`` of the product's cluster)."""
    owners: dict[int, Cluster] = {}
    links = {"de", "d'", "d’", "du", "of"}
    for left, right in zip(names, names[1:], strict=False):
        a, b = of_name.get(left.start), of_name.get(right.start)
        if a is None or b is None or a is b or a.outlet or b.outlet:
            continue
        between = [t.lower_ for t in doc[left.end : right.start]]
        if (
            between
            and all(t in lex.possessive_clitics or t in ("'", "’") for t in between)
            and a.label == "ORG"
            and b.label in _OWNED
            and (
                b.label != "ORG"
                or _noun_at(doc, right.start, right.end, lex.product_nouns, before=False)
            )
        ):
            owners.setdefault(id(b), a)  # "X's Y cloud"
        elif (
            len(between) == 1
            and between[0] in links
            and b.label == "ORG"
            and a.label in _OWNED
            and _noun_at(doc, left.start, left.end, lex.product_nouns, before=True)
        ):
            owners.setdefault(id(a), b)  # "la plateforme Y de X"
    return owners
