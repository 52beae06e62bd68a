"""Which hand-rule frames make claims: one handler per fact type.

A frame (a trigger with its parties, :mod:`.frames`) becomes a claim when its parties are
there and of kinds its type admits. Checks shared by every type run first (a subject, an
object unless the type has none, two different parties, deal verbs with other senses);
then the handler registered for the frame's type (:data:`HANDLERS`) says yes or no and may
retype what the frame's roles make certain (what invests is an organisation; what is
built is a facility). The reader remembers objects for frames that leave theirs to the
context ("X a renforcé sa participation" after "X a investi dans Y").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pressgraph.extract.claims import SentenceContext
from pressgraph.extract.entities import Cluster
from pressgraph.extract.frames import Frame, Sentence
from pressgraph.lang import Lexicon
from pressgraph.model import FACT_SCHEMA, UNARY_TYPES

if TYPE_CHECKING:
    from pressgraph.extract.reader import Reader

#: Types whose object, when the sentence does not name it, is the counterpart of the latest
#: claim of the same subject ("X a renforcé sa participation" after "X a investi dans Y").
CARRY_OBJECT = frozenset({"investment", "stake", "divestment"})
REMEMBER_OBJECT = CARRY_OBJECT | {"acquisition"}


@dataclass
class Admission:
    """A frame under examination: its type, parties and context."""

    frame: Frame
    type: str
    subject: Cluster
    object: Cluster | None
    sc: SentenceContext
    lex: Lexicon
    appositive: bool = False


#: A handler says whether a frame of its type makes a claim (it may retype parties).
Handler = Callable[[Admission], bool]
HANDLERS: dict[str, Handler] = {}


def handles(*types: str) -> Callable[[Handler], Handler]:
    """Register a handler for ``types``."""

    def register(fn: Handler) -> Handler:
        for t in types:
            if t in HANDLERS:
                raise ValueError(f"fact type {t!r} has two handlers")
            HANDLERS[t] = fn
        return fn

    return register


@handles("leadership", "founder")
def _person_in_organisation(a: Admission) -> bool:
    """ "X, PDG de Y", "le fondateur de Y, X": a person and the organisation it leads or
    founded; political offices ("dirige l'Ouzbékistan", "le gouvernement dirigé par X")
    are not labelled."""
    obj, subj, frame = a.object, a.subject, a.frame
    a.appositive = not frame.trigger.verbal
    if (
        a.appositive
        and frame.object is not None
        and frame.object.kind == "name"
        and obj is not None
        and obj.label == "PERSON"
        and " " not in obj.name
    ):
        obj.label = "ORG"  # "le fondateur de Snapchat": a one-word name under a role is a company
    if subj.label != "PERSON" or obj is None or obj.label in ("PERSON", "PLACE"):
        return False
    institutions = {x.lower() for x in a.lex.institutions}
    return (
        obj.name[:1].isupper() or obj.name[:1].isdigit()
    ) and obj.name.lower() not in institutions


@handles(
    *(
        t.name
        for t in FACT_SCHEMA.values()
        if t.subject_type == "ORG" and t.object_type in ("ORG", None)
    )
)
def _between_organisations(a: Admission) -> bool:
    """Deals between organisations; people invest, buy, sell and hold, but do not partner or
    list; companies buy companies and assets, not people; places are places."""
    subj, obj, lex = a.subject, a.object, a.lex
    schema = FACT_SCHEMA[a.type]
    if subj.label == "PERSON" and len(subj.name.split()) > 1 and not schema.person_party:
        return False
    if (
        obj is not None
        and obj.label == "PERSON"
        and lex.person_labels_reliable
        and len(obj.name.split()) > 1
        and a.type in ("acquisition", "divestment", "stake", "investment")
    ):
        return False
    if not lex.places_as_parties and (
        subj.label == "PLACE" or (obj is not None and obj.label == "PLACE")
    ):
        return False  # the model's places are places: "Sunnyvale, Calif." buys nothing
    if subj.label in ("PLACE", "MISC"):
        subj.label = "ORG"  # what invests, buys, holds or partners is an organisation
    return not (subj.outlet and a.type in ("valuation", "ipo", "legal_form", "supplier"))


@handles("infrastructure")
def _facility(a: Admission) -> bool:
    """An organisation and the facility or platform it builds or runs."""
    return True


def _open_object(frame: Frame, S: Sentence) -> bool:
    """True when the trigger leaves its object to the context: a verb with no direct
    object ("X a encore investi"), a noun under a possessive ("sa participation"); not
    "possède 256 avions" or "des investissements étrangers"."""
    tok = frame.trigger.token
    if frame.trigger.verbal:
        # Counted or plural things as object ("possède 256 avions") are not the
        # counterpart; an amount ("investira six milliards") or a vague noun ("back a
        # move") leaves it open.
        magnitudes = S.lex.magnitudes
        return not any(
            c.dep_ in ("obj", "dobj")
            and not (c.like_num or c.lower_ in magnitudes)
            and ("Plur" in c.morph.get("Number", []) or any(g.dep_ == "nummod" for g in c.children))
            for c in tok.children
        )
    return S.possessor(tok) is not None or "Plur" not in tok.morph.get("Number", [])


def admit(
    frame: Frame, sc: SentenceContext, reader: Reader
) -> tuple[str, Cluster, Cluster | None, bool] | None:
    """(type, subject, object, appositive) of the claim ``frame`` makes, or None."""
    lex = reader.lex
    t = frame.trigger
    subj = frame.subject.cluster
    obj_ref = frame.object
    obj = obj_ref.cluster if obj_ref is not None else None
    if (
        t.type == "acquisition"
        and obj_ref is not None
        and obj_ref.kind == "name"
        and obj_ref.start > 0
    ):
        prev = reader.doc[obj_ref.start - 1]
        if prev.like_num and prev.i >= sc.sent.start:
            # "l'achat de 114 Airbus": units of a maker's product, bought from it.
            t = replace(t, type="supplier")
            frame = replace(frame, trigger=t)
    if subj is None:
        return None
    if t.type in CARRY_OBJECT and obj is None and _open_object(frame, sc.S):
        obj = reader.last_object.get((id(subj), "any"))
    if t.type not in UNARY_TYPES and obj is None:
        return None
    if obj is not None and obj is subj:
        return None
    lemma = t.token.lemma_.lower()
    if (
        t.verbal
        and lemma in lex.ambiguous_deal_verbs
        and (subj.label in ("PERSON", "PLACE") or obj is None or obj.label in ("PERSON", "PLACE"))
    ):
        return None  # "l'armée a repris Mossoul", "reprendre le Norvégien": no deal
    if (
        t.verbal
        and lemma in lex.membership_verbs
        and (
            obj is None
            or obj.label in ("PERSON", "PLACE")
            or subj.label == "PLACE"
            or obj_ref is None
            or not any(
                c.dep_.startswith("nsubj") and c.left_edge.i <= obj_ref.start <= c.right_edge.i
                for c in t.token.children
            )
        )
    ):
        return None  # "X appartient au parti Y", "n'appartiennent ni à la France": no holding
    a = Admission(frame, t.type, subj, obj, sc, lex)
    handler = HANDLERS.get(t.type)
    if handler is not None and not handler(a):
        return None
    if obj is not None:
        if t.type == "infrastructure" and obj.label in ("MISC", "PLACE", "ORG"):
            obj.label = "PRODUCT"
        elif obj.label in ("MISC", "PLACE") and HANDLERS.get(t.type) is _between_organisations:
            obj.label = "ORG"
    if t.type in REMEMBER_OBJECT and obj is not None:
        reader.last_object[(id(subj), "any")] = obj
    return t.type, subj, obj, a.appositive
