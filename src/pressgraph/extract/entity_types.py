"""One type per entity, decided by the evidence of the whole document.

NER labels each mention alone, and the French model often takes a company for a person
("X Capital", "Y Stanley") and a person's surname for a company. After clustering
(:func:`pressgraph.extract.clusters.cluster_names`), :func:`settle_types` reads:

* legal forms and words only organisations' names contain (``company_words.txt``: "X
  Petroleum", "Banco Y"): an organisation, whatever NER said;
* a person-labelled name that begins an organisation's full name ("X Y" before "X Y Canada
  Ltd"): that organisation's short name;
* a surname written alone ("Z") where the document gives the full name of one person "W Z":
  that person, whatever NER said, unless the word also begins an organisation's name;
* a one-word person-labelled name with no such full name, where the model's person labels
  are unreliable: untyped (``MISC``), the role it plays decides.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from pressgraph.lang import Lexicon, read_gazetteer
from pressgraph.names import entity_key, is_legal_suffix

if TYPE_CHECKING:
    from pressgraph.extract.clusters import Cluster

__all__ = ["company_name", "settle_types"]


@functools.cache
def _company_words() -> frozenset[str]:
    return frozenset(read_gazetteer("company_words.txt"))


def company_name(name: str) -> bool:
    """True when ``name`` is written as an organisation's: a legal form at either end, or a
    word only organisations' names contain."""
    words = name.replace(",", " ").split()
    if len(words) > 1 and (is_legal_suffix(words[-1]) or is_legal_suffix(words[0])):
        return True
    return any(w in _company_words() for w in words)


def _starts(short: list[str], long: list[str], lex: Lexicon) -> bool:
    """True when ``long`` begins with the words ``short``, not followed by a conjunction
    (the person "X Y" is not the firm "X Y and Co")."""
    return (
        len(long) > len(short)
        and long[: len(short)] == short
        and long[len(short)] not in lex.name_conjunctions
    )


def settle_types(clusters: list[Cluster], lex: Lexicon) -> dict[int, Cluster]:
    """Give the clusters of one document one type each (see the module docstring), in
    place; a surname's cluster is merged into its person's and removed from ``clusters``.
    Returns the merged clusters, by ``id``, to the cluster
    they joined."""
    keys = {id(c): entity_key(c.name).split() for c in clusters}
    companies = [c for c in clusters if not c.outlet and any(company_name(a) for a in c.aliases)]
    for c in companies:
        c.label = "ORG"
    company_keys = [keys[id(c)] for c in companies]
    # Indexed, so a long text costs its length, not its length squared: the word sequences
    # that begin a company's name (see _starts), and the first words of many-word ones.
    company_starts = {
        tuple(k[:n])
        for k in company_keys
        for n in range(len(k))
        if k[n] not in lex.name_conjunctions
    }
    company_firsts = {k[0] for k in company_keys if len(k) > 1}
    for c in clusters:
        if c.label == "PERSON" and tuple(keys[id(c)]) in company_starts:
            c.label = "ORG"  # "X Y" before "X Y Canada Ltd"
    persons = [c for c in clusters if c.label == "PERSON" and len(keys[id(c)]) >= 2]
    by_surname: dict[str, list[Cluster]] = {}
    for p in persons:
        by_surname.setdefault(keys[id(p)][-1], []).append(p)
    apart = {id(c) for c in persons} | {id(c) for c in companies}
    kept: list[Cluster] = []
    merged: dict[int, Cluster] = {}
    for c in clusters:
        words = keys[id(c)]
        if len(words) != 1 or c.outlet or id(c) in apart:
            kept.append(c)
            continue
        owners = by_surname.get(words[0], [])
        begins_org = words[0] in company_firsts
        if len(owners) == 1 and not begins_org and c.label in ("PERSON", "ORG", "MISC"):
            person = owners[0]  # "Ghosn" (tagged ORG) with "Carlos Ghosn"
            person.names.extend(c.names)
            person.aliases |= c.aliases
            merged[id(c)] = person
            continue
        kept.append(c)
    clusters[:] = kept
    return merged
