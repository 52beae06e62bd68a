"""Reading one document, sentence after sentence: references, hand-rule frames, candidates.

:class:`Reader` keeps what reading a document accumulates (entities and their clusters,
salience for coreference, the hand rules' claims and memory of objects) and, for each
sentence, builds its :class:`~pressgraph.extract.claims.SentenceContext` once, runs the
hand rules (:mod:`.titles`, :mod:`.facts`, :mod:`.lists`: their claims, filtered by the
fact type's handler in :mod:`.admission`), then proposes candidates
(:mod:`.candidates`) and reads their features (:mod:`.features`). At the end the trained
scorer decides which candidates are facts (:meth:`Reader.extraction`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span

from pressgraph.extract.admission import admit
from pressgraph.extract.amount_kinds import amount_kinds
from pressgraph.extract.attribution import sentence_attribution
from pressgraph.extract.candidates import Candidate, propose
from pressgraph.extract.changes import find_changes
from pressgraph.extract.claims import DocumentContext, SentenceContext, build_claim
from pressgraph.extract.coref import Ref, Salience, find_descriptions, find_pronouns, resolve
from pressgraph.extract.dates import find_dateline, find_times
from pressgraph.extract.entities import Cluster, cluster_names, find_names
from pressgraph.extract.facts import legal_form_frames, noun_frames, possessive_frames, verb_frames
from pressgraph.extract.features import SentenceFeatures
from pressgraph.extract.frames import Frame, Sentence, find_triggers
from pressgraph.extract.lists import list_frames
from pressgraph.extract.merge import merge_claims
from pressgraph.extract.nameable import clean_aliases, is_name, own_names, stored_clusters
from pressgraph.extract.owners import product_owners
from pressgraph.extract.quantities import find_quantities
from pressgraph.extract.scorer import Model, select
from pressgraph.extract.text import doc_text
from pressgraph.extract.tickers import ticker_aliases
from pressgraph.extract.titles import title_frames
from pressgraph.lang import Lexicon
from pressgraph.model import Claim, Document, Entity, Extraction, Mention, Quantity, TimeExpr


@dataclass(frozen=True, slots=True)
class Proposal:
    """A candidate as training sees it: its features and the claim it would be."""

    features: tuple[str, ...]
    claim: Claim


def _in(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


_T = TypeVar("_T", Quantity, TimeExpr)


class _ByOffset(Generic[_T]):
    """Items indexed by start offset: those starting in a range, in their original order."""

    def __init__(self, items: list[_T]):
        self.items: list[_T] = items
        self.order = sorted(range(len(items)), key=lambda i: items[i].start)
        self.starts = [items[i].start for i in self.order]

    def within(self, start: int, end: int) -> list[_T]:
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end, lo)
        return [self.items[i] for i in sorted(self.order[lo:hi])]


class Reader:
    """The state of reading one document, sentence after sentence."""

    def __init__(self, document: Document, doc: Doc, lang: str, lex: Lexicon):
        self.document = document
        self.doc = doc
        self.lang = lang
        self.lex = lex
        self.salience = Salience()
        reference = document.published or find_dateline(document.text, lang)
        quantities = find_quantities(doc_text(doc), lang)
        self.dc = DocumentContext(
            document=document,
            doc=doc,
            lang=lang,
            lex=lex,
            quantities=quantities,
            times=find_times(doc_text(doc), lang, reference),
            published=reference,
            kinds=amount_kinds(doc_text(doc), quantities, lex),
        )
        self.quantities_at = _ByOffset(self.dc.quantities)
        self.times_at = _ByOffset(self.dc.times)
        names = find_names(doc, lex, document.text)
        self.clusters, of_name = cluster_names(doc, names)
        for name, ticker in ticker_aliases(document.text, names):
            of_name[name.start].aliases.add(ticker)  # "McDonnell Douglas Corp <MD>"
        self.product_owners = product_owners(doc, names, of_name, lex)
        self.name_refs = [
            Ref(n.start, n.end, "name", of_name[n.start], n.text, n.char_start, n.char_end)
            for n in names
        ]
        self.claims: list[Claim] = []
        self.mentions: list[Ref] = []
        self.last_object: dict[tuple[int, str], Cluster] = {}
        self.investee: Ref | None = None
        # Claims of the members of a grouping ("un consortium formé de A, B et C").
        self.grouped: list[int] = []
        self.contexts: list[SentenceContext] = []
        self.candidates: list[Candidate] = []
        # The clusters by name (the latest on a tie), kept as clusters are added.
        self.named: dict[str, Cluster] = {c.name: c for c in self.clusters}

    def _add_cluster(self, cluster: Cluster) -> None:
        self.clusters.append(cluster)
        self.named[cluster.name] = cluster

    # -- per sentence ------------------------------------------------------------------
    def read(self) -> None:
        for sent in self.doc.sents:
            if sent.text.strip():
                self.read_sentence(len(self.contexts), sent)

    def _references(self, index: int, sent: Span) -> tuple[list[Ref], list[Ref]]:
        """The sentence's names, and all its references resolved (names, descriptions,
        pronouns), salience updated."""
        lex = self.lex
        refs_ = self.name_refs  # in text order: the sentence's names by bisection
        lo = bisect_left(refs_, sent.start, key=lambda r: r.start)
        hi = bisect_left(refs_, sent.end, lo, key=lambda r: r.start)
        names = refs_[lo:hi]
        taken = {i for r in names for i in range(r.start, r.end)}
        refs = names + find_descriptions(sent, lex, taken)
        taken |= {i for r in refs for i in range(r.start, r.end)}
        refs += find_pronouns(sent, lex, taken)
        refs.sort(key=lambda r: r.start)
        for ref in names:
            head = ref.head(sent)
            if ref.cluster is not None:
                self.salience.add(
                    index, ref.start, ref.cluster, head.dep_ in ("nsubj", "nsubj:pass")
                )
        resolve(sent, index, refs, self.salience, lex)
        for ref in refs:
            if ref.kind == "description" and ref.cluster is not None:
                ref.cluster.aliases.add(ref.text)
                head = ref.head(sent)
                self.salience.add(
                    index, ref.start, ref.cluster, head.dep_ in ("nsubj", "nsubj:pass")
                )
        self.mentions.extend(r for r in refs if r.cluster is not None)
        return names, refs

    def read_sentence(self, index: int, sent: Span) -> None:
        lex = self.lex
        names, refs = self._references(index, sent)
        attribution = sentence_attribution(sent, refs, lex)
        blocked = {r.start for r in refs if _in(attribution.spans, r.char_start, r.char_end)}
        S = Sentence(sent, refs, lex, blocked)
        S.topic = self.topic(index)
        S.investee = self.investee
        taken_by_names = {i for r in names for i in range(r.start, r.end)}
        quantities = self.quantities_at.within(sent.start_char, sent.end_char)
        S.percents = [q for q in quantities if q.kind == "percent"]
        times = self.times_at.within(sent.start_char, sent.end_char)
        # A deal noun inside a name (an outlet named after a word of trade) is no deal.
        deal_words = [t for t in find_triggers(sent, lex) if t.token.i not in taken_by_names]
        sc = SentenceContext(index, sent, S, attribution, quantities, times, deal_words)
        sc.changes = find_changes(sent, quantities, lex)
        found: list[tuple[str, Frame]] = [("title", f) for f in title_frames(S)]
        found += [("possessive", f) for f in possessive_frames(S)]
        found += [("list", f) for f in list_frames(S)]
        for trigger in deal_words:
            if trigger.type == "legal_form":
                found += [("legal_form", f) for f in legal_form_frames(trigger, S)]
            elif trigger.verbal:
                found += [("verb", f) for f in verb_frames(trigger, S)]
            else:
                found += [("noun", f) for f in noun_frames(trigger, S)]
        sc.frames = found
        self.contexts.append(sc)
        for asset in S.assets:
            self._add_cluster(asset)
        if S.raised is not None:
            self.investee = S.raised
        S.trigger_chars = sorted({f.trigger.token.idx for _, f in found})
        self.date_grouping(sent, times)
        read: list[tuple[int, str, Frame, Claim]] = []
        for kind, frame in found:
            claim = self.claim(frame, sc)
            if claim is not None:
                if (
                    claim.type == "partnership"
                    and frame.trigger.token.lemma_.lower() in lex.grouping_nouns
                ):
                    self.grouped.append(len(self.claims))
                read.append((len(self.claims), kind, frame, claim))
                self.claims.append(claim)
                if claim.type == "investment" and frame.object is not None:
                    self.investee = frame.object
                self.salience.add(index, frame.subject.start, frame.subject.cluster, True)  # type: ignore[arg-type]
        self._propose(sc, read)

    def _propose(self, sc: SentenceContext, read: list[tuple[int, str, Frame, Claim]]) -> None:
        rules: dict[tuple[str, str, str | None], frozenset[str]] = {}
        for _, kind, _, claim in read:
            for key, value in (
                ((claim.type, claim.subject, claim.object), kind),
                (("*", claim.subject, claim.object), claim.type),
            ):
                rules[key] = rules.get(key, frozenset()) | {value}
        named = self.named
        found = propose(sc, self.lex, ((i, f, c) for i, _, f, c in read), named)
        people = {id(p.cluster): p for c in found for p in (c.subject, c.object) if p is not None}
        for p in people.values():
            if p.cluster.name not in named:  # an unnamed party (a phrase) or a rule's asset
                self._add_cluster(p.cluster)
        reading = SentenceFeatures(sc, self.lex, rules, list(people.values()))
        for c in found:
            c.features = reading.features(c)
        self.candidates.extend(found)

    def date_grouping(self, sent: Span, times: list[TimeExpr]) -> None:
        """ "Ce consortium ... a été constitué en 2004", "la coentreprise, créée en 2004": the
        founding date of a grouping dates its members' partnership read before."""
        points = [x for x in times if x.role == "point"]
        if not self.grouped or not points:
            return
        founding: frozenset[str] = self.lex.grouping_founding_verbs
        grouping: frozenset[str] = self.lex.grouping_nouns
        for tok in sent:
            determiners = self.lex.description_determiners
            if tok.lemma_.lower() not in grouping or not any(
                c.dep_ == "det" and c.lower_ in determiners for c in tok.children
            ):
                continue
            verbs = [c for c in tok.children if c.dep_ == "acl"]
            if tok.dep_.startswith("nsubj"):
                verbs.append(tok.head)
            if any(v.lemma_.lower() in founding for v in verbs):
                for i in self.grouped:
                    if self.claims[i].date is None:
                        self.claims[i] = replace(self.claims[i], date=points[0].value)
                return

    def claim(self, frame: Frame, sc: SentenceContext) -> Claim | None:
        """The hand rules' claim of ``frame``, if its type's handler admits it."""
        admitted = admit(frame, sc, self)
        if admitted is None:
            return None
        read_as, subj, obj, appositive = admitted
        ftype = read_as
        if ftype == "investment" and obj is not None and obj.owner is subj:
            ftype = "infrastructure"  # "X will fund its Trans Mountain project": X builds it
        claim = build_claim(
            self.dc,
            sc,
            ftype,
            frame.trigger,
            frame.subject,
            subj,
            frame.object,
            obj,
            frame,
            appositive=appositive,
            read_as=read_as,
        )
        if (
            claim is not None
            and claim.percent is not None
            and obj is not None
            and obj.label == "PERSON"
            and not self.lex.person_labels_reliable
        ):
            obj.label = "ORG"  # "9,9 % des actions Morgan Stanley": shares are a company's
            claim = replace(claim, object_type="ORG")
        return claim

    def topic(self, index: int) -> Ref | None:
        """The organisation the article is about so far: the one most often the subject of
        a sentence before ``index`` (the earliest on a tie), as a reference to its latest
        mention (whose "Chief Executive Officer X", whose "round")."""
        found = self.salience.topic(index, lambda c: c.label in ("ORG", "MISC") and not c.outlet)
        if found is None:
            return None
        tok, cluster = found
        t = self.doc[tok]
        return Ref(tok, tok + 1, "name", cluster, t.text, t.idx, t.idx + len(t))

    # -- candidates to claims ---------------------------------------------------------------
    def candidate_claims(self, c: Candidate) -> list[Claim]:
        """The claims candidate ``c`` stands for: its hand rules', else one read for it."""
        if c.rule_claims:
            return [self.claims[i] for i in c.rule_claims]
        claim = self._generic_claim(c)
        return [claim] if claim is not None else []

    def _generic_claim(self, c: Candidate) -> Claim | None:
        subject_ref = c.subject.ref
        if subject_ref is None:
            return None
        obj = c.object
        return build_claim(
            self.dc,
            self.contexts[c.sentence],
            c.type,
            c.trigger,
            subject_ref,
            c.subject.cluster,
            obj.ref if obj is not None else None,
            obj.cluster if obj is not None else None,
            subject_type=_party_type(c.type, c.subject.cluster, subject=True),
            object_type=_party_type(c.type, obj.cluster, subject=False) if obj else None,
        )

    def proposals(self) -> list[Proposal]:
        """Every candidate with its features and claim (for training)."""
        return [
            Proposal(c.features, claim)
            for c in self.candidates
            for claim in self.candidate_claims(c)
        ]

    # -- results -------------------------------------------------------------------------
    def extraction(self, model: Model) -> Extraction:
        """The document's entities, mentions and the claims ``model`` keeps."""
        best: dict[int, tuple[float, int, Claim]] = {}  # one entry per rule claim
        scored: list[tuple[float, int, Claim]] = []
        for position, c in enumerate(self.candidates):
            p = model.probability(c.features)
            if p < model.threshold:
                continue
            for i in c.rule_claims:
                if i not in best or p > best[i][0]:
                    best[i] = (p, i, self.claims[i])
            if c.rule_claims:
                continue
            claim = self._generic_claim(c)
            if claim is not None:
                scored.append((p, len(self.claims) + position, claim))
        claims = merge_claims(select([*best.values(), *scored], model.threshold))
        used = {k.subject for k in claims} | {k.object for k in claims if k.object}
        used |= {s.name for k in claims for s in k.sources}
        # A source is an entity when it names one ("selon le Monde", "BP said"); unnamed
        # sources ("people familiar with the matter", "analysts") stay words on the claim.
        # Every organisation, person and named product is stored, fact or no fact.
        stored = stored_clusters(self.clusters, used, self.doc, self.lex)
        kept = {id(c) for c in stored}
        # A product the article says is a company's ("la plateforme Y de X") is
        # stored whatever NER called it.
        stored += [
            c
            for c in self.clusters
            if id(c) not in kept
            and id(self.product_owners.get(id(c))) in kept
            and is_name(c.name, self.lex)
        ]
        kept = {id(c) for c in stored}
        entities = []
        apart: dict[tuple[int, str], str] = {}  # (cluster, text) -> an entity of its own
        for cluster in stored:
            label = "ORG" if cluster.label == "MISC" else cluster.label
            owner = self.product_owners.get(id(cluster))
            if owner is not None and id(owner) in kept:
                label = "PRODUCT"  # "Y" of "X's Y cloud"
            own = own_names(cluster)  # "Gates Corp" beside "Gates Learjet Corp"
            for name in own:
                apart[(id(cluster), name)] = name
                entities.append(Entity(name, "ORG"))
            aliases = tuple(a for a in clean_aliases(cluster, self.lex) if a not in own)
            entities.append(
                Entity(
                    cluster.name,
                    label,
                    aliases,
                    owner.name if owner is not None and id(owner) in kept else None,
                )
            )
        known = {e.name for e in entities}
        mentions = tuple(
            Mention(
                r.text,
                r.char_start,
                r.char_end,
                apart.get((id(r.cluster), r.text), r.cluster.name),
                "ORG" if r.cluster.label == "MISC" else r.cluster.label,
                "name"
                if r.kind == "name"
                else ("description" if r.kind == "description" else "pronoun"),
            )
            for r in self.mentions
            if r.cluster is not None and r.cluster.name in known
        )
        document = self.document
        if document.published is None and self.dc.published is not None:
            document = replace(document, published=self.dc.published)
        if document.language is None:
            document = replace(document, language=self.lang)
        return Extraction(document, self.lang, tuple(entities), mentions, tuple(claims))


def _party_type(ftype: str, cluster: Cluster, *, subject: bool) -> str:
    """The entity type a party of ``ftype`` is stored with: what the type says its role is
    when the model's label is unsure (MISC, or a place that invests or is bought)."""
    from pressgraph.model import FACT_SCHEMA

    schema = FACT_SCHEMA[ftype]
    wanted = schema.subject_type if subject else schema.object_type
    if cluster.label in ("MISC", "PLACE") and wanted in ("ORG", "PRODUCT"):
        return wanted
    return cluster.label
