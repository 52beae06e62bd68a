"""Within-article coreference: descriptions, pronouns and possessives to entities.

A cheap, explicit salience model (see ``shared/EXTRACTION.md``):

* a description in subject position ("La start-up conserve...") continues the topic: the
  subject of the latest sentences (the subject of claims already read weighs most);
* a description elsewhere ("l'introduction en Bourse de la start-up") takes the most recent
  compatible mention, except entities that are core arguments of a verb governing it
  ("la société X a obtenu un accès aux modèles de la jeune entreprise": not X);
* a demonstrative that repeats a noun already read with a possessor ("son entité
  commerciale" ... "cette nouvelle entité") refers to that possessor;
* a possessive ("sa participation") refers to the subject of the nearest governing verb,
  or to the "de X" of a governing noun ("la volonté de X d'étendre ses collaborations");
* a dative pronoun ("lui") refers to the most salient entity other than the clause subject.

No entity name appears here: only syntax, order and the relations already extracted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain

from spacy.tokens import Span, Token

from pressgraph.extract.entities import Cluster
from pressgraph.extract.salience import Salience
from pressgraph.lang import Lexicon
from pressgraph.names import clean_name, is_description

ORG_LIKE = frozenset({"ORG", "MISC"})
_SUBJ = ("nsubj", "nsubj:pass", "nsubjpass", "csubj")
_CORE = ("nsubj", "nsubj:pass", "obj", "iobj", "obl:arg", "dative", "dobj", "nsubjpass")


@dataclass(eq=False, slots=True)
class Ref:
    """A reference to an entity in a sentence: a name, a description or a pronoun."""

    start: int  # token span [start, end) in the document
    end: int
    kind: str  # name, description, pronoun, possessive
    cluster: Cluster | None = None
    text: str = ""
    char_start: int = 0
    char_end: int = 0
    # "la société dirigée par X": the person and the relation the description gives.
    described_by: tuple[str, Ref] | None = None
    members: list[Ref] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = clean_name(self.text)  # as for names: no invisible character

    @property
    def entity(self) -> str | None:
        return self.cluster.name if self.cluster else None

    def head(self, sent: Span) -> Token:
        """The token of the span whose syntactic head lies outside it."""
        doc = sent.doc
        for i in range(self.start, self.end):
            tok = doc[i]
            if tok.head.i < self.start or tok.head.i >= self.end or tok.head.i == tok.i:
                return tok
        return doc[self.start]


def _compatible(cluster: Cluster) -> bool:
    # Institutions named by a common noun ("the government") are never what "the
    # company" refers back to.
    return cluster.label in ORG_LIKE and not cluster.outlet and not is_description(cluster.name)


def _ancestors(tok: Token) -> Iterable[Token]:
    while tok.head.i != tok.i:
        tok = tok.head
        yield tok


_SKIP_LEFT_POS = frozenset({"ADV", "AUX", "PART", "SPACE"})


def left_ref(tok: Token, ref_at: dict[int, Ref], lex: Lexicon) -> Ref | None:
    """The reference right before ``tok``, across adverbs, auxiliaries and clitics only.

    The fallback for subjects when the parse is broken (company names the model tags as
    auxiliaries or punctuation: "Ynsect renforce", "Renault et Nissan renégocient")."""
    doc = tok.doc
    start = tok.sent.start
    i = tok.i - 1
    while i >= start:
        if i in ref_at:
            ref = ref_at[i]
            return ref if ref.kind != "possessive" else None
        t = doc[i]
        if t.pos_ in _SKIP_LEFT_POS or t.lower_ in lex.preverbal_words:
            i -= 1
            continue
        return None
    return None


def subject_ref(tok: Token, ref_at: dict[int, Ref]) -> Ref | None:
    """The reference a subject token stands for: itself, or the name apposed to its head noun
    ("la firme californienne Adobe Systems", "le groupe X": the name, a few tokens on)."""
    if tok.i in ref_at:
        return ref_at[tok.i]
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if (
                child.dep_ in ("nmod", "appos", "flat:name", "amod")
                and child.i in ref_at
                and 0 < child.i - tok.i <= 3
                and ref_at[child.i].kind == "name"
                and not any(c.dep_ == "case" for c in child.children)
            ):
                return ref_at[child.i]
    return None


def governing_subject(tok: Token, ref_at: dict[int, Ref], lex: Lexicon) -> Ref | None:
    """The subject that controls ``tok``: nearest governing verb's subject, or the "de X" of
    a governing noun, or the indirect object of "permettre à X de"."""
    for anc in _ancestors(tok):
        for child in anc.children:
            if child.dep_ in _SUBJ and child.i != tok.i:
                inside = child.left_edge.i <= tok.i <= child.right_edge.i
                # "its subsidiary Y would...": a possessive never refers to its own phrase.
                ref = ref_at.get(child.i) if inside else subject_ref(child, ref_at)
                if ref is not None:
                    return ref
        if anc.pos_ in ("VERB", "AUX") and not any(c.dep_ in _SUBJ for c in anc.children):
            ref = left_ref(anc, ref_at, lex)
            if ref is not None and ref.start != tok.i:
                return ref
        if anc.pos_ == "VERB":
            for child in anc.children:
                if (
                    child.dep_ in ("obl:arg", "iobj")
                    and child.i in ref_at
                    and any(c.dep_ in ("xcomp", "ccomp") for c in anc.children)
                ):
                    return ref_at[child.i]
        if anc.pos_ in ("NOUN", "PROPN"):
            for child in anc.children:
                if child.dep_ == "nmod" and child.i in ref_at and child.i < tok.i:
                    return ref_at[child.i]
    return None


def _unnamed_subject(tok: Token, ref_at: dict[int, Ref]) -> bool:
    """True when the clause of ``tok`` has a plural common-noun subject that names no
    entity ("foreign investors can boost their stake")."""
    for anc in _ancestors(tok):
        if anc.pos_ in ("VERB", "AUX"):
            subjects = [c for c in anc.children if c.dep_ in _SUBJ]
            return any(
                s.pos_ == "NOUN" and "Plur" in s.morph.get("Number", []) and s.i not in ref_at
                for s in subjects
            )
    return False


def core_arguments(
    tok: Token, ref_at: dict[int, Ref], lex: Lexicon, clause_only: bool = False
) -> list[Ref]:
    """Entities that are core arguments of a verb governing ``tok`` (of its own clause only
    with ``clause_only``: where the parse is reliable enough to tell clauses apart)."""
    out: list[Ref] = []
    for anc in _ancestors(tok):
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        for child in anc.children:
            dative = child.dep_.startswith("obl") and any(
                c.dep_ == "case"
                and lex.contractions.get(c.lower_, c.lower_) in lex.dative_prepositions
                for c in child.children
            )
            if (child.dep_ in _CORE or dative) and child.i in ref_at and child.i != tok.i:
                out.append(ref_at[child.i])
        if anc.dep_ == "acl" and anc.head.pos_ in ("NOUN", "PROPN"):
            # "X utilise l'application Y acquise par le réseau social": the participle's noun
            # and the name apposed to it are its patient, not its agent; X may be.
            noun = anc.head
            named = [
                ref_at[t.i]
                for t in [noun, *noun.children]
                if t.i in ref_at
                and t.i < anc.i
                and t.i != tok.i
                and (
                    t is noun
                    or (
                        t.dep_ in ("nmod", "appos", "flat:name", "compound", "amod")
                        and not any(g.dep_ == "case" for g in t.children)
                    )
                )
            ]
            if named:
                out.extend(named)
                break  # the participle's own clause: the main verb's subject may be its agent
        if clause_only and anc.dep_ not in ("xcomp", "aux", "aux:pass", "cop"):
            break  # the co-arguments of the clause, not of the clauses above it
    return out


def _fronted_clause_subject(sent: Span, ref: Ref, refs: Sequence[Ref], lex: Lexicon) -> Ref | None:
    """ "Après avoir lancé, via sa filiale Y, un service..., X teste...": a possessive in a
    clause fronted before the main one belongs to the main clause's subject, named after it
    (the name after a comma that a finite verb follows)."""
    doc = sent.doc
    if doc[sent.start].lower_ not in lex.fronted_clause_markers:
        return None
    for r in refs:
        if r.start <= ref.start or r.kind != "name" or r.cluster is None or r.end >= sent.end:
            continue
        after = doc[r.end]
        finite = after.pos_ in ("VERB", "AUX") and "Fin" in after.morph.get("VerbForm", [])
        if doc[r.start - 1].text == "," and finite:
            return r
    return None


def find_descriptions(sent: Span, lex: Lexicon, taken: set[int]) -> list[Ref]:
    """Descriptions of organisations in ``sent`` ("la start-up", "cette nouvelle entité")."""
    refs: list[Ref] = []
    doc = sent.doc
    heads = lex.descriptions
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if tok.lower_ in lex.description_determiners and i not in taken:
            j = i + 1
            # "la jeune pousse", "the entertainment company", "the Menlo Park-based firm"
            while (
                j < sent.end
                and j - i <= 3
                and (
                    doc[j].pos_ == "ADJ"
                    or (
                        doc[j].dep_ in ("compound", "amod")
                        and doc[j].head.i > j
                        and (
                            doc[j].is_lower
                            and doc[j].pos_ in ("NOUN", "VERB")
                            or doc[j].pos_ in ("PROPN", "NOUN")
                            and lex.modifiers_before_noun
                        )
                    )  # "the ChatGPT maker"
                )
            ):
                j += 1
            if lex.modifiers_before_noun and j < sent.end and doc[j].lower_ not in heads:
                # "the Sunnyvale, Calif., defense electronics firm": places and commas too.
                k = j
                while (
                    k < sent.end
                    and k - i <= 9
                    and doc[k].lower_ not in heads
                    and (
                        doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "SPACE")
                        or doc[k].text in (",", "-")
                        or doc[k].pos_ == "VERB"
                        and doc[k].dep_ == "amod"
                    )  # "California-based"
                    and i < doc[k].head.i <= min(i + 10, sent.end - 1)
                ):
                    k += 1
                if k < sent.end and doc[k].lower_ in heads and doc[k].pos_ == "NOUN" and k > j:
                    j = k
            if j < sent.end:
                two = f"{doc[j].lower_} {doc[j + 1].lower_}" if j + 1 < sent.end else ""
                width = (
                    2
                    if two in heads
                    else (1 if doc[j].lower_ in heads or doc[j].lemma_ in heads else 0)
                )
                end = j + width
                # An apposed name follows: "la firme californienne Adobe Systems" is the name.
                # ("le PDG du groupe Hervé Dupont": a person's name after it is the holder of a
                # title, not the company's name.)
                after = end
                # "le fabricant de batteries Norvala": a complement before the apposed name
                if (
                    after + 2 < sent.end
                    and doc[after].lower_ in lex.description_links
                    and doc[after + 1].pos_ == "NOUN"
                    and doc[after + 1].is_lower
                ):
                    after += 2
                named = (
                    after < sent.end
                    and after in taken
                    and doc[after].ent_type_ not in ("PER", "PERSON")
                )
                if width and not named and not doc[j].is_title:
                    while end < sent.end and doc[end].pos_ == "ADJ" and doc[end].dep_ == "amod":
                        end += 1
                    # "la société dirigée par X": the description runs to the end of X.
                    if (
                        end + 2 < sent.end
                        and "Part" in doc[end].morph.get("VerbForm", [])
                        and doc[end + 1].lower_ in lex.agent_prepositions
                        and end + 2 in taken
                    ):
                        stop = end + 2
                        while stop < sent.end and stop in taken:
                            stop += 1
                        end = stop
                    ref = Ref(
                        i,
                        end,
                        "description",
                        text=doc[i:end].text,
                        char_start=doc[i].idx,
                        char_end=doc[end - 1].idx + len(doc[end - 1]),
                    )
                    refs.append(ref)
                    i = end
                    continue
        i += 1
    return refs


def find_pronouns(sent: Span, lex: Lexicon, taken: set[int]) -> list[Ref]:
    """Dative and subject pronouns, and possessive determiners of ``sent``."""
    refs: list[Ref] = []
    for tok in sent:
        if tok.i in taken:
            continue
        if tok.lower_ in lex.possessives and (tok.pos_ == "DET" or tok.dep_ == "poss"):
            refs.append(
                Ref(
                    tok.i,
                    tok.i + 1,
                    "possessive",
                    text=tok.text,
                    char_start=tok.idx,
                    char_end=tok.idx + len(tok),
                )
            )
        elif tok.pos_ == "PRON" and (
            tok.lower_ in lex.dative_pronouns
            or (tok.lower_ in lex.subject_pronouns and tok.dep_ in _SUBJ + ("nsubjpass",))
        ):
            refs.append(
                Ref(
                    tok.i,
                    tok.i + 1,
                    "pronoun",
                    text=tok.text,
                    char_start=tok.idx,
                    char_end=tok.idx + len(tok),
                )
            )
    return refs


def resolve(
    sent: Span,
    sent_index: int,
    refs: Sequence[Ref],
    salience: Salience,
    lex: Lexicon,
) -> None:
    """Resolve the descriptions and pronouns among ``refs`` in place, in text order."""
    doc = sent.doc
    ref_at: dict[int, Ref] = {}
    for ref in refs:
        for i in range(ref.start, ref.end):
            ref_at[i] = ref

    def first(order: Iterable[Cluster], exclude: Iterable[Cluster | None] = ()) -> Cluster | None:
        """The first compatible cluster of ``order`` not in ``exclude`` (``order`` is read
        only as far as needed)."""
        banned = {id(c) for c in exclude if c is not None}
        return next((c for c in order if _compatible(c) and id(c) not in banned), None)

    def salient(before: int) -> Iterator[Cluster]:
        return chain(salience.topics(sent_index), salience.recent(before))

    for ref in sorted(refs, key=lambda r: r.start):
        if ref.cluster is not None:
            continue
        head = ref.head(sent)
        if ref.kind == "possessive":
            owner = governing_subject(doc[ref.start], ref_at, lex)
            if owner is not None and owner is not ref and owner.cluster is not None:
                ref.cluster = owner.cluster
            elif _unnamed_subject(doc[ref.start], ref_at):
                continue  # "foreign investors ... can boost their stake": nobody named
            else:
                earlier = [
                    r
                    for r in refs
                    if r.end <= ref.start
                    and r.cluster is not None
                    and not r.cluster.outlet
                    and r.cluster.label != "PRODUCT"
                ]
                main = None if earlier else _fronted_clause_subject(sent, ref, refs, lex)
                if main is not None:
                    ref.cluster = main.cluster
                elif earlier:
                    ref.cluster = earlier[-1].cluster
                else:
                    ref.cluster = first(salient(ref.start))
            possessed = doc[ref.start].head
            if ref.cluster is not None and possessed.pos_ == "NOUN":
                salience.possessed[possessed.lemma_] = ref.cluster
            continue
        if ref.kind == "pronoun" and doc[ref.start].lower_ in lex.subject_pronouns:
            # "X said it would buy Y": the subject of the reporting clause, else the topic.
            subject = governing_subject(doc[ref.start], ref_at, lex)
            if subject is not None and subject.cluster is not None and _compatible(subject.cluster):
                ref.cluster = subject.cluster
            else:
                ref.cluster = first(salient(ref.start))
            continue
        if ref.kind == "pronoun":
            subject = governing_subject(doc[ref.start], ref_at, lex)
            ref.cluster = first(salient(ref.start), [subject.cluster if subject else None])
            continue
        # Descriptions.
        same_sentence = [
            r.cluster
            for r in refs
            if r is not ref
            and r.cluster is not None
            and r.start < ref.start
            and r.kind in ("name", "description")
        ]
        noun = doc[ref.end - 1] if doc[ref.end - 1].pos_ == "NOUN" else head
        if doc[ref.start].lower_ in lex.demonstratives and noun.lemma_ in salience.possessed:
            ref.cluster = salience.possessed[noun.lemma_]
            continue
        # "Le groupe racheté ... le PDG du groupe": the same noun again in the sentence is
        # the same entity (not in English wires: "The company said it would buy 20 pct of
        # the company" names the speaker, then the target).
        again = [
            r
            for r in refs
            if r is not ref
            and r.kind == "description"
            and r.cluster is not None
            and r.start < ref.start
            and any(t.pos_ == "NOUN" and t.lemma_ == noun.lemma_ for t in doc[r.start : r.end])
        ]
        if again and lex.repeated_descriptions_corefer:
            ref.cluster = again[-1].cluster
            continue
        is_subject = head.dep_ in _SUBJ or ref.start == sent.start
        if is_subject:
            ref.cluster = first(salient(ref.start), same_sentence)
        else:
            exclude = [
                r.cluster
                for r in core_arguments(head, ref_at, lex, clause_only=not lex.parse_repair)
            ]
            ref.cluster = first(salience.recent(ref.start), exclude) or first(
                salience.recent(ref.start)
            )
