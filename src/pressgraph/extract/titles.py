"""Titles: leadership and founder facts written as a person's title, with no verb.

Journalists name people by their role far more often than with a verb ("X dirige Y"):
- "Bill May, chairman of ARGOSystems" / "X, directeur général de Y" (person, title of org);
- "X president Y" / "X's CEO Y" (org, title, person);
- "Peter Leav, McAfee president and CEO" (person, org title);
- "the chief executive of Y, X" / "le PDG de Y, X" (title of org, person).
Titles come from the language's ``leadership_roles`` and ``founder_nouns``; the patterns
are linear over references, since the parser often hangs appositions on the wrong word.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from pressgraph.extract.coref import Ref
from pressgraph.extract.frames import Frame, Sentence, Trigger
from pressgraph.lang import lexicon


@dataclass(frozen=True, slots=True)
class Title:
    """A title in a sentence: tokens [start, end), fact type and the role it names."""

    start: int
    end: int
    type: str
    role: str


def _key(text: str, acronym: bool) -> str:
    """A title as compared: spaces and hyphens dropped, case folded unless an acronym."""
    flat = text.replace(" ", "").replace("-", "")
    return flat if acronym else flat.lower()


@functools.cache
def _title_table(
    lang: str,
) -> tuple[dict[str, tuple[str, str]], dict[tuple[str, bool], str], frozenset[str]]:
    """The titles of ``lang``: their fact types and roles, the lookup table compared on
    letters ("vice-president", "vice president", "Vice-President"), and their first words."""
    lex = lexicon(lang)
    roles: dict[str, tuple[str, str]] = {
        k: ("leadership", v) for k, v in lex.leadership_roles.items()
    }
    roles.update({k: ("founder", k) for k in lex.founder_nouns})
    table = {(_key(k, k.isupper()), k.isupper()): k for k in roles}
    firsts = frozenset(k.replace("-", " ").split()[0].lower() for k in roles)
    return roles, table, firsts


def _titles(S: Sentence) -> Iterator[Title]:
    roles, table, firsts = _title_table(S.lex.lang)
    doc = S.doc

    def match_at(i: int) -> tuple[str, int] | None:
        if doc[i].lower_ not in firsts:
            return None
        best = None
        for n in range(1, 6):  # the longest title written from token i
            if i + n > S.sent.end:
                break
            text = doc[i : i + n].text
            for acronym in (True, False):
                key = table.get((_key(text, acronym), acronym))
                if key is not None:
                    best = (key, i + n)
        return best

    i = S.sent.start
    while i < S.sent.end:
        if i in S.ref_at and S.ref_at[i].kind == "name":
            i = max(i + 1, S.ref_at[i].end)  # a relative pronoun maps to an earlier name
            continue
        found = match_at(i)
        if found is None:
            i += 1
            continue
        key, end = found
        ftype, role = roles[key]
        # "president and chief executive": one title.
        while end + 1 < S.sent.end and (
            doc[end].lower_ in S.lex.title_conjunctions or doc[end].lower_ == "&"
        ):
            nxt = match_at(end + 1)
            if nxt is None:
                break
            role = f"{role} and {roles[nxt[0]][1]}" if roles[nxt[0]][0] == ftype else role
            end = nxt[1]
        yield Title(i, end, ftype, role)
        i = end


def _ref_before(S: Sentence, i: int, skip: frozenset[str] = frozenset()) -> Ref | None:
    j = i - 1
    while j >= S.sent.start and (
        S.doc[j].lower_ in skip
        or S.doc[j].lower_ in S.lex.title_modifiers
        or S.doc[j].lower_ in S.lex.former_words
        or S.doc[j].is_space
    ):
        j -= 1
    ref = S.ref_at.get(j)
    return ref if ref is not None and ref.kind in ("name", "description") else None


def _ref_after(S: Sentence, i: int, skip: frozenset[str] = frozenset()) -> Ref | None:
    j = i
    # "chairman of office furniture maker Steelcase Inc.": descriptive words before the name
    while j < S.sent.end and (
        S.doc[j].lower_ in skip
        or S.doc[j].pos_ in ("DET", "SPACE")
        or (
            S.doc[j].is_lower
            and S.doc[j].pos_ in ("NOUN", "ADJ")
            and S.doc[j].dep_ in ("compound", "amod")
            and S.doc[j].head.i > j
        )
    ):
        j += 1
    ref = S.ref_at.get(j)
    return ref if ref is not None and ref.kind in ("name", "description") else None


def _is_person(ref: Ref | None) -> bool:
    return ref is not None and ref.cluster is not None and ref.cluster.label == "PERSON"


def _is_org(ref: Ref | None) -> bool:
    return (
        ref is not None and ref.cluster is not None and ref.cluster.label not in ("PERSON", "PLACE")
    )


def title_frames(S: Sentence) -> list[Frame]:
    """Leadership and founder frames read from titles in ``S``."""
    out: list[Frame] = []
    preps = frozenset(S.lex.title_prepositions)
    comma = S.lex.title_person_links | {","}
    for title in _titles(S):
        org: Ref | None = None
        left_org = _ref_before(S, title.start, S.lex.title_org_links)
        nxt = S.doc[title.end] if title.end < S.sent.end else None
        if nxt is not None and nxt.lower_ in preps:
            org = _ref_after(S, title.end + 1)  # "chairman of ARGOSystems"
            after_org = org.end if org is not None else title.end
        elif _is_org(left_org):
            org = left_org  # "X president ...", "X's CEO ..."
            after_org = title.end
        prev = S.doc[title.start - 1] if title.start > S.sent.start else None
        unread = (
            prev is not None
            and prev.text[:1].isupper()
            and prev.is_alpha
            and prev.pos_ == "PROPN"
            and prev.i not in S.ref_at
        )
        if org is None and not unread and _is_person(_ref_after(S, title.end)):
            # ("Boliden president X": an organisation the NER missed; no guessing then.)
            # "Chief Executive Officer Jim Hackett": the one organisation the sentence names
            # before the title, or, when it names none, the one the article is about.
            named = {
                r.cluster.name: r
                for r in S.refs
                if r.cluster is not None
                and r.kind == "name"
                and _is_org(r)
                and r.start < title.start
            }
            if len(named) == 1:
                org = next(iter(named.values()))
            elif not named and _is_org(S.topic):
                org = S.topic
            after_org = title.end
        if not _is_org(org):
            continue
        assert org is not None
        person = _ref_after(S, after_org, S.lex.copula_forms | {",", "(", "-", "–", "—", ":"})
        if not _is_person(person):
            person = _ref_before(S, min(org.start, title.start), comma)  # "X, chairman of Y"
        if not _is_person(person):
            continue
        assert person is not None
        anchor: Token = S.doc[title.start]
        j = title.start - 1
        while j >= S.sent.start and S.doc[j].lower_ in S.lex.title_modifiers:
            j -= 1
        former = j >= S.sent.start and S.doc[j].lower_ in S.lex.former_words
        trigger = Trigger(anchor, title.type, False, title.end - title.start)
        role = title.role if title.type == "leadership" else None
        # A title describes; what the sentence says around it does not change it.
        out.append(
            Frame(
                trigger,
                person,
                org,
                role=role,
                presupposed=True,
                modality="negated" if former else "asserted",
            )
        )
    return out
