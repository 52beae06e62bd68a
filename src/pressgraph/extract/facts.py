"""Fact types: how each trigger's roles become a claim's subject and object.

Verb frames name their roles in the lexicon (``verb_frames``: :mod:`.verb_frames`); noun
frames share a small set of complement rules per fact type, written once for every language
(:mod:`.noun_frames`), with role nouns apart (:mod:`.roles`). Here: legal forms, and
companies written as another company's ("X's Y").
"""

from __future__ import annotations

from pressgraph.extract.frames import Frame, Sentence, Trigger
from pressgraph.extract.noun_frames import noun_frames
from pressgraph.extract.roles import role_frames
from pressgraph.extract.verb_frames import verb_frames
from pressgraph.names import is_legal_suffix

__all__ = [
    "legal_form_frames",
    "noun_frames",
    "possessive_frames",
    "role_frames",
    "verb_frames",
]


def legal_form_frames(t: Trigger, S: Sentence) -> list[Frame]:
    """ "X se convertit / se structure en <forme juridique>" and "<forme>, utilisée par Y"."""
    tok = t.token
    lex = S.lex
    out: list[Frame] = []
    doc = S.doc
    start = None
    for i in range(tok.i + 1, min(tok.i + 10, S.sent.end)):
        w = doc[i]
        if w.is_punct:
            break
        into = w.lower_ in lex.legal_form_prepositions
        if into or (tok.lemma_.lower() in lex.legal_form_copulas and i == tok.i + 1):
            start = i + 1 if into else i
            break
    if start is None:
        return out
    words = []
    for w in doc[start : S.sent.end]:
        if (w.is_punct and w.text not in ("-", "‑")) or w.lower_ in lex.legal_form_value_ends:
            break
        words.append(w.text_with_ws)
    value = "".join(words).strip()
    if not value or not any(
        n.lower() in value.lower().split() or n.lower() in value.lower()
        for n in lex.legal_form_nouns
    ):
        return out
    subj = S.agent(tok)
    if subj is not None:
        out.append(Frame(t, subj, None, value=value))
    # "<value>, une forme juridique ... utilisée par A ou B": A and B have that form.
    for w in doc[start : S.sent.end]:
        if w.lemma_.lower() in lex.legal_form_users and "Part" in w.morph.get("VerbForm", []):
            users = S.with_prep(w, lex.agent_prepositions)
            if users is not None:
                used = Trigger(w, "legal_form", False)
                out.extend(Frame(used, u, None, value=value) for u in S.expand(users))
            break
    return out


def possessive_frames(S: Sentence) -> list[Frame]:
    """ "Cable and Wireless Plc's Cable and Wireless (Far East) Ltd", "Hillsdown Holdings
    Plc's Christie-Tyler Ltd unit": a company written as another company's holds it."""
    out: list[Frame] = []
    seen: set[int] = set()
    for ref in S.refs:
        if ref.kind != "name" or ref.cluster is None or ref.start in seen:
            continue
        seen.add(ref.start)
        owned = ref.cluster
        if not any(is_legal_suffix(a.rsplit(" ", 1)[-1]) for a in owned.aliases if " " in a):
            continue  # only a company's full name: "X's Y" with no legal form may be a product
        head = ref.head(S.sent)
        for c in head.children:
            owner = S.ref_at.get(c.i)
            if (
                c.dep_ == "poss"
                and owner is not None
                and owner.kind == "name"
                and owner.cluster is not owned
                and owner.cluster is not None
                and owner.cluster.label not in ("PERSON", "PLACE")
            ):
                held = Trigger(S.doc[owner.start], "stake", False)
                out.append(Frame(held, owner, ref, presupposed=True, modality="asserted"))
    return out
