"""Which of a document's entities are stored, and under which names.

Every organisation, person and named product an article names is stored with its
mentions, whether or not a fact was read about it (a user who ingests a month of news must
find every company it names). What the recogniser takes for a name but is not one is left
out, by rules that read how names are written, in both languages:

- a description ("the company", "le gouvernement": no capital once the determiner is gone);
- a legal form alone ("Co", "Inc", "SA");
- a capitalised common word of the lexicon's ``not_entities`` ("État", "CEO", "Internet");
- a common noun capitalised because it opens a sentence ("Analysts said...", "Acquisition
  of..."): every mention is one word, first in its sentence, and the tagger reads no
  proper noun there;
- fewer than two letters or digits ("M", "A."; "C8" and "3M" are names).

Aliases obey the same rules, and a person's all-capital alias must be the initials of the
person's name: "Jean-Luc Laurent (PS)" gives the party, not a nickname; "DSK" stays
Dominique Strauss-Kahn's. An alias without two letters ("1:10.65") is no alias.

Entities that take part in a fact, or that are an outlet, are always stored: what the
scorer kept is the scorer's decision.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from spacy.tokens import Doc

from pressgraph.extract.clusters import Cluster
from pressgraph.lang import Lexicon
from pressgraph.names import entity_key, has_legal_suffix, is_description, is_legal_suffix

__all__ = [
    "STORED_LABELS",
    "clean_aliases",
    "is_name",
    "nameable",
    "own_names",
    "stored_clusters",
]

#: The entity types stored without a fact: organisations, people, and named products.
STORED_LABELS = frozenset({"ORG", "PERSON", "PRODUCT"})

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


@functools.cache
def _not_entity_keys(words: frozenset[str]) -> frozenset[str]:
    return frozenset(entity_key(w) for w in words)


def _letters(name: str) -> int:
    """Letters and digits of a name, if it has a letter ("C8", "3M": two)."""
    if not any(ch.isalpha() for ch in name):
        return 0
    return sum(ch.isalnum() for ch in name)


def is_name(name: str, lex: Lexicon) -> bool:
    """True when ``name`` is written as a name, not a description, a legal form, a common
    word or a fragment (see the module docstring)."""
    if _letters(name) < 2 or is_description(name):
        return False
    words = name.split()
    if all(is_legal_suffix(w) for w in words):
        return False
    return entity_key(name) not in _not_entity_keys(lex.not_entities)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isupper())


def clean_aliases(cluster: Cluster, lex: Lexicon) -> list[str]:
    """The other names of ``cluster`` worth storing, sorted (descriptions are kept: they
    are stored as such and never resolve across documents)."""
    out = set()
    for written in cluster.aliases:
        alias = " ".join(written.split())
        if alias == cluster.name or _letters(alias) < 2:
            continue
        if not is_description(alias) and not is_name(alias, lex):
            continue
        if (
            cluster.label == "PERSON"
            and alias.isupper()
            and alias.replace(".", "") != _initials(cluster.name)
        ):
            continue  # "Jean-Luc Laurent (PS)": the party, not the person
        out.add(alias)
    return sorted(out)


def _sentence_initial_common_word(cluster: Cluster, doc: Doc) -> bool:
    """Every mention of ``cluster`` is one word opening its sentence that the tagger does
    not read as a proper noun ("Analysts said", "Acquisition of ...")."""
    mentions = cluster.names
    return bool(mentions) and all(
        n.end - n.start == 1 and doc[n.start].is_sent_start and doc[n.start].pos_ != "PROPN"
        for n in mentions
    )


def nameable(cluster: Cluster, doc: Doc, lex: Lexicon) -> bool:
    """True when ``cluster`` is an organisation, a person or a named product worth storing
    even without a fact."""
    if cluster.label not in STORED_LABELS or not is_name(cluster.name, lex):
        return False
    if cluster.label == "PRODUCT" and not cluster.name[:1].isupper():
        return False  # "its Bass shoe division": an asset read for a fact, not a name
    return not _sentence_initial_common_word(cluster, doc)


def stored_clusters(
    clusters: Iterable[Cluster], used: set[str], doc: Doc, lex: Lexicon
) -> list[Cluster]:
    """The clusters stored as entities: those a fact or a source uses, outlets, and every
    nameable one."""
    return [c for c in clusters if c.name in used or c.outlet or nameable(c, doc, lex)]


def own_names(cluster: Cluster) -> list[str]:
    """The names of ``cluster`` that name another company: a shorter start of its name
    written with a legal form of its own ("Gates Corp" beside "Gates Learjet Corp": the
    parent; "USAir Inc" beside "USAir Group Inc": a subsidiary). Reading the article joins
    them (what one says of "Gates" may be said of either); the store keeps them apart."""
    if cluster.label not in ("ORG", "MISC"):
        return []
    full = entity_key(cluster.name).split()
    out = []
    for alias in cluster.aliases:
        words = entity_key(alias).split()
        if has_legal_suffix(alias) and 0 < len(words) < len(full) and full[: len(words)] == words:
            out.append(alias)
    return sorted(out)
