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
from pressgraph.names import entity_key, is_legal_suffix

__all__ = ["Cluster", "Name", "cluster_names"]


@dataclass(frozen=True, slots=True)
class Name:
    """A name found in the text: token span [start, end) and character span."""

    start: int
    end: int
    char_start: int
    char_end: int
    text: str
    label: str  # ORG, PERSON, PLACE, PRODUCT, MISC
    outlet: bool = False


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


def _short_form(name: Name, key: str, clusters: Sequence[Cluster]) -> Cluster | None:
    """The one earlier entity that ``name`` is a short form of: the first words of an
    organisation's name ("Dairy Farm" after "Dairy Farm International Holdings Ltd") or
    a person's surname ("Keswick" after "Simon Keswick"). Places never shorten anything.
    (A short form written with its own legal form, "Gates Corp" after "Gates Learjet Corp",
    joins here, as coreference needs, and is stored apart: :func:`.nameable.own_names`.)"""
    if name.label == "PLACE" or not key:
        return None
    words = key.split()
    found = []
    tails = []
    for c in clusters:
        if c.outlet:
            continue
        other = entity_key(c.name).split()
        if c.label == "PERSON":
            if (
                name.label in ("PERSON", "MISC")
                and len(words) == 1
                and len(other) > 1
                and other[-1] == words[0]
            ):
                found.append(c)
        elif len(other) > len(words) and other[: len(words)] == words:
            # "Lucid" after "Lucid Motors Inc." (even when NER calls the short form a person)
            found.append(c)
        elif (
            len(words) == 1
            and len(other) == 2
            and other[-1] == words[0]
            and name.text[:1].isupper()
        ):
            tails.append(c)  # "Disney" after "The Walt Disney Co."
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
            cluster = next((c for c in clusters if _acronym(c.name) == name.text), None)
        if cluster is None:
            cluster = _short_form(name, key, clusters)
        if cluster is None:
            cluster = Cluster(name=name.text, label=name.label, outlet=name.outlet)
            clusters.append(cluster)
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
