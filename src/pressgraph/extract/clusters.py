"""The names of one document grouped into entities: one key, an acronym in parentheses, a
short form of an earlier name ("X" after "X Motors Inc."), a surname.

:class:`Name` is a name found in the text (see :mod:`pressgraph.extract.entities`);
:class:`Cluster` the names of one entity within one document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pressgraph.extract.entity_types import settle_types
from pressgraph.extract.text import doc_text
from pressgraph.lang import LANGUAGES, lexicon
from pressgraph.names import clean_name, entity_key, is_legal_suffix

__all__ = ["Cluster", "Name", "cluster_names"]


@dataclass(frozen=True, slots=True)
class Name:
    """A name found in the text: token span [start, end) and character span."""

    start: int
    end: int
    char_start: int
    char_end: int
    text: str  # as written, without invisible characters (names.clean_name)
    label: str  # ORG, PERSON, PLACE, PRODUCT, MISC
    outlet: bool = False

    def __post_init__(self) -> None:
        # "Glo\u200bbex": the name is "Globex"; its offsets still span what is written.
        clean = clean_name(self.text)
        if clean != self.text:
            object.__setattr__(self, "text", clean)


@dataclass(slots=True)
class Cluster:
    """The names of one entity within one document."""

    name: str
    label: str
    outlet: bool
    names: list[Name] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    owner: Cluster | None = None  # for an asset named by a common noun: whose it is


def _acronym(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-zÀ-ÿ][\w\-]*", text) if w[0].isupper())


class _Index:
    """The clusters made so far, indexed by what :func:`_short_form` and acronyms look up
    (the key words of each cluster's first name), so that a lookup costs no scan."""

    def __init__(self) -> None:
        self.order: dict[int, int] = {}  # id(cluster) -> creation rank
        self.acronyms: dict[str, Cluster] = {}  # the first cluster with this acronym
        self.surnames: dict[str, list[Cluster]] = {}  # persons by last key word
        self.prefixes: dict[tuple[str, ...], list[Cluster]] = {}  # others by leading words
        self.tails: dict[str, list[Cluster]] = {}  # two-word others by last word

    def add(self, cluster: Cluster, key: str) -> None:
        self.order[id(cluster)] = len(self.order)
        self.acronyms.setdefault(_acronym(cluster.name), cluster)
        words = key.split()
        if cluster.label == "PERSON":
            if len(words) > 1:
                self.surnames.setdefault(words[-1], []).append(cluster)
            return
        for n in range(1, len(words)):
            self.prefixes.setdefault(tuple(words[:n]), []).append(cluster)
        if len(words) == 2:
            self.tails.setdefault(words[-1], []).append(cluster)


def _short_form(name: Name, key: str, index: _Index) -> Cluster | None:
    """The one earlier entity that ``name`` is a short form of: the first words of an
    organisation's name ("Dairy Farm" after "Dairy Farm International Holdings Ltd") or
    a person's surname ("Keswick" after "Simon Keswick"). Places never shorten anything.
    (A short form written with its own legal form, "Gates Corp" after "Gates Learjet Corp",
    joins here, as coreference needs, and is stored apart: :func:`.nameable.own_names`.)"""
    if name.label == "PLACE" or not key:
        return None
    words = key.split()
    found = [c for c in index.prefixes.get(tuple(words), ()) if not c.outlet]
    if name.label in ("PERSON", "MISC") and len(words) == 1:
        found += [c for c in index.surnames.get(words[0], ()) if not c.outlet]
        found.sort(key=lambda c: index.order[id(c)])
    tails = []
    if len(words) == 1 and name.text[:1].isupper():
        # "Disney" after "The Walt Disney Co." (not "Disney Studios": a prefix, above)
        tails = [
            c
            for c in index.tails.get(words[0], ())
            if not c.outlet and entity_key(c.name).split()[0] != words[0]
        ]
    if not found and tails:
        found = tails[:1]  # the first one the article named ("Walt Disney" before "Euro Disney")
    return found[0] if len(found) == 1 else None


def _vote(name: Name) -> int:
    """The weight of one name's label in its entity's type: longer spellings are labelled
    more reliably ("Carlos Ghosn" PER, "Ghosn" ORG), and an acronym counts as the words it
    stands for ("Paris Saint-Germain" LOC, "PSG" ORG: a club)."""
    words = len(name.text.split())
    if name.text.isupper() and name.text.isalpha() and 2 <= len(name.text) <= 6:
        words = len(name.text)
    return words**2


def cluster_names(doc: Doc, names: Sequence[Name]) -> tuple[list[Cluster], dict[int, Cluster]]:
    """Group the names of one document into entities.

    Names with the same normalised key are one entity; an acronym given in parentheses
    after a name ("Mitsubishi UFJ Financial Group (MUFG)") and a later name equal to the
    acronym of an earlier one join that entity. Returns the clusters and a map from each
    name's start token to its cluster.
    """
    by_key: dict[str, Cluster] = {}
    of_name: dict[int, Cluster] = {}
    clusters: list[Cluster] = []
    index = _Index()
    labels: dict[int, Counter[str]] = {}
    for i, name in enumerate(names):
        key = entity_key(name.text)
        cluster = by_key.get(key)
        if cluster is None and i > 0:
            prev = names[i - 1]
            between = doc_text(doc)[prev.char_end : name.char_start]
            if between.strip() == "(" and doc_text(doc)[name.char_end : name.char_end + 1] == ")":
                cluster = of_name.get(prev.start)
        if cluster is None and name.text.isupper() and 2 <= len(name.text) <= 6:
            cluster = index.acronyms.get(name.text)
        if cluster is None:
            cluster = _short_form(name, key, index)
        if cluster is None:
            cluster = Cluster(name=name.text, label=name.label, outlet=name.outlet)
            clusters.append(cluster)
            index.add(cluster, key)
            labels[id(cluster)] = Counter()
        by_key.setdefault(key, cluster)
        cluster.names.append(name)
        cluster.aliases.add(name.text)
        cluster.outlet = cluster.outlet or name.outlet
        labels[id(cluster)][name.label] += _vote(name)
        of_name[name.start] = cluster
    for cluster in clusters:
        # The canonical name is the longest spelling; the label the most frequent one,
        # with PERSON and ORG preferred over the model's vaguer guesses.
        cluster.name = max(
            cluster.aliases, key=lambda a: (len(a.rstrip(".")), not a.endswith("."), a)
        )
        counts = labels[id(cluster)]
        ranked = sorted(
            counts, key=lambda lab: (counts[lab], lab in {"ORG", "PERSON"}), reverse=True
        )
        legal = any(
            " " in a
            and (is_legal_suffix(a.rsplit(" ", 1)[1]) or is_legal_suffix(a.split(" ", 1)[0]))
            for a in cluster.aliases
        )  # "Lucid Motors Inc", "NV Philips Gloeilampenfabrieken"
        cluster.label = (
            "ORG" if cluster.outlet or legal else ranked[0]
        )  # "Lucid Motors Inc." is no person
    if doc.lang_ in LANGUAGES:
        merged = settle_types(clusters, lexicon(doc.lang_))
        of_name = {start: merged.get(id(c), c) for start, c in of_name.items()}
    return clusters, of_name
