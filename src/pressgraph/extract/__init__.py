"""Extraction: a parsed document becomes entities, mentions and claims.

:func:`extract_parsed` is a pure function of (document, spaCy ``Doc``, language): no
database, no global state, so it can be mapped over a process pool or a cluster.
:func:`extract` parses first (loading the pipeline once per process).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span

from pressgraph.extract.attribution import reporting_sources, sentence_attribution
from pressgraph.extract.coref import Ref, Salience, find_descriptions, find_pronouns, resolve
from pressgraph.extract.dates import find_dateline, find_times
from pressgraph.extract.entities import Cluster, cluster_names, find_names
from pressgraph.extract.facts import legal_form_frames, noun_frames, possessive_frames, verb_frames
from pressgraph.extract.frames import Frame, Sentence, find_triggers
from pressgraph.extract.lists import list_frames
from pressgraph.extract.merge import merge_claims
from pressgraph.extract.modality import find_modality
from pressgraph.extract.quantities import find_quantities
from pressgraph.extract.text import doc_text
from pressgraph.extract.titles import title_frames
from pressgraph.lang import Lexicon, function_words, lexicon
from pressgraph.model import (
    FACT_SCHEMA,
    UNARY_TYPES,
    Argument,
    Claim,
    Document,
    Entity,
    Extraction,
    Mention,
    Quantity,
    Source,
    TimeExpr,
    types_with,
)

__all__ = ["detect_language", "extract", "extract_parsed"]

MONEY_TYPES = types_with("amount")
PERCENT_TYPES = types_with("percent")
DATED_TYPES = types_with("date")
UNTIL_TYPES = types_with("until")
#: Types whose parties are organisations (an object, if any, too).
ORG_TYPES = frozenset(
    t.name
    for t in FACT_SCHEMA.values()
    if t.subject_type == "ORG" and t.object_type in ("ORG", None)
)
PERSON_SUBJECT = frozenset(t.name for t in FACT_SCHEMA.values() if t.subject_type == "PERSON")
#: Deal types whose party may be a person (an investor, a seller, a shareholder).
PERSON_PARTY_TYPES = frozenset(t.name for t in FACT_SCHEMA.values() if t.person_party)
#: Types whose object, when the sentence does not name it, is the counterpart of the latest
#: claim of the same subject ("X a renforcé sa participation" after "X a investi dans Y").
CARRY_OBJECT = frozenset({"investment", "stake", "divestment"})
REMEMBER_OBJECT = CARRY_OBJECT | {"acquisition"}

_FR_WORDS = function_words("fr")
_EN_WORDS = function_words("en")


def detect_language(text: str) -> str:
    """ "fr" or "en", by counting frequent function words (enough for press articles)."""
    sample = text[:5000]
    fr = len(_FR_WORDS.findall(sample))
    en = len(_EN_WORDS.findall(sample))
    return "en" if en > fr else "fr"


def extract(document: Document) -> Extraction:
    """Parse ``document`` and extract its claims."""
    from pressgraph import nlp

    lang = document.language or detect_language(document.text)
    return extract_parsed(document, nlp.load(lang)(document.text), lang)


def _dated_by(triggers: list[int], start: int) -> int | None:
    """The deal word (by character offset) that a date at ``start`` belongs to."""
    before = [c for c in triggers if c < start]
    if before:
        return before[-1]
    return min(triggers, key=lambda c: abs(c - start)) if triggers else None


def _in(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


class _Reader:
    """The state of reading one document, sentence after sentence."""

    def __init__(self, document: Document, doc: Doc, lang: str, lex: Lexicon):
        self.document = document
        self.doc = doc
        self.lang = lang
        self.lex = lex
        self.salience = Salience()
        self.quantities = find_quantities(doc_text(doc), lang)
        reference = document.published or find_dateline(document.text, lang)
        self.published = reference
        self.times = find_times(doc_text(doc), lang, reference)
        names = find_names(doc, lex, document.text)
        self.clusters, of_name = cluster_names(doc, names)
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

    # -- per sentence ------------------------------------------------------------------
    def read(self) -> None:
        for index, sent in enumerate(self.doc.sents):
            if sent.text.strip():
                self.read_sentence(index, sent)

    def read_sentence(self, index: int, sent: Span) -> None:
        lex = self.lex
        names = [r for r in self.name_refs if sent.start <= r.start < sent.end]
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

        attribution = sentence_attribution(sent, refs, lex)
        blocked = {r.start for r in refs if _in(attribution.spans, r.char_start, r.char_end)}
        S = Sentence(sent, refs, lex, blocked)
        S.topic = self.topic(index)
        S.investee = self.investee
        taken_by_names = {i for r in names for i in range(r.start, r.end)}
        quantities = [q for q in self.quantities if sent.start_char <= q.start < sent.end_char]
        S.percents = [q for q in quantities if q.kind == "percent"]
        times = [t for t in self.times if sent.start_char <= t.start < sent.end_char]
        found: list[Frame] = title_frames(S) + possessive_frames(S) + list_frames(S)
        for trigger in find_triggers(sent, lex):
            if trigger.token.i in taken_by_names:
                continue  # a deal noun inside a name ("L'Usine ...", an outlet) is no deal
            if trigger.type == "legal_form":
                found.extend(legal_form_frames(trigger, S))
            elif trigger.verbal:
                found.extend(verb_frames(trigger, S))
            else:
                found.extend(noun_frames(trigger, S))
        self.clusters.extend(S.assets)
        if S.raised is not None:
            self.investee = S.raised
        S.trigger_chars = sorted({f.trigger.token.idx for f in found})
        self.date_grouping(sent, times)
        for frame in found:
            claim = self.claim(frame, S, sent, attribution.sources, quantities, times)
            if claim is not None:
                if (
                    claim.type == "partnership"
                    and frame.trigger.token.lemma_.lower() in lex.grouping_nouns
                ):
                    self.grouped.append(len(self.claims))
                self.claims.append(claim)
                if claim.type == "investment" and frame.object is not None:
                    self.investee = frame.object
                self.salience.add(index, frame.subject.start, frame.subject.cluster, True)  # type: ignore[arg-type]

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

    def claim(
        self,
        frame: Frame,
        S: Sentence,
        sent: Span,
        sources: tuple[Source, ...],
        quantities: list[Quantity],
        times: list[TimeExpr],
    ) -> Claim | None:
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
            prev = self.doc[obj_ref.start - 1]
            if prev.like_num and prev.i >= sent.start:
                # "l'achat de 114 Airbus": units of a maker's product, bought from it.
                t = replace(t, type="supplier")
                frame = replace(frame, trigger=t)
        if subj is None:
            return None
        if t.type in CARRY_OBJECT and obj is None and self._open_object(frame, S):
            obj = self.last_object.get((id(subj), "any"))
        if t.type not in UNARY_TYPES and obj is None:
            return None
        if obj is not None and obj is subj:
            return None
        if (
            t.verbal
            and t.token.lemma_.lower() in self.lex.ambiguous_deal_verbs
            and (
                subj.label in ("PERSON", "PLACE") or obj is None or obj.label in ("PERSON", "PLACE")
            )
        ):
            return None  # "l'armée a repris Mossoul", "reprendre le Norvégien": no deal
        if (
            t.verbal
            and t.token.lemma_.lower() in self.lex.membership_verbs
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
        appositive = (
            t.type in PERSON_SUBJECT and not t.verbal
        )  # "X, PDG de Y", "le fondateur de Y, X"
        if t.type in PERSON_SUBJECT:
            if (
                appositive
                and obj_ref is not None
                and obj_ref.kind == "name"
                and obj is not None
                and obj.label == "PERSON"
                and " " not in obj.name
            ):
                obj.label = (
                    "ORG"  # "le fondateur de Snapchat": a one-word name under a role is a company
                )
            if subj.label != "PERSON" or obj is None or obj.label in ("PERSON", "PLACE"):
                return None  # political offices ("dirige l'Ouzbékistan") are not labelled
            if not (obj.name[:1].isupper() or obj.name[:1].isdigit()) or obj.name.lower() in {
                x.lower() for x in self.lex.institutions
            }:
                return None  # "le gouvernement dirigé par X": a State's offices are political
        elif t.type in ORG_TYPES:
            if (
                subj.label == "PERSON"
                and len(subj.name.split()) > 1
                and t.type not in PERSON_PARTY_TYPES
            ):
                return None  # people invest, buy, sell and hold; companies partner and list
            if (
                obj is not None
                and obj.label == "PERSON"
                and self.lex.person_labels_reliable
                and len(obj.name.split()) > 1
                and t.type in ("acquisition", "divestment", "stake", "investment")
            ):
                return None  # companies buy companies and assets, not people
            if not self.lex.places_as_parties and (
                subj.label == "PLACE" or (obj is not None and obj.label == "PLACE")
            ):
                return None  # the model's places are places: "Sunnyvale, Calif." buys nothing
            if subj.label in ("PLACE", "MISC"):
                subj.label = "ORG"  # what invests, buys, holds or partners is an organisation
            if subj.outlet and t.type in ("valuation", "ipo", "legal_form", "supplier"):
                return None
        if obj is not None:
            if t.type == "infrastructure" and obj.label in ("MISC", "PLACE", "ORG"):
                obj.label = "PRODUCT"
            elif obj.label in ("MISC", "PLACE") and t.type in ORG_TYPES:
                obj.label = "ORG"
        if t.type in REMEMBER_OBJECT and obj is not None:
            self.last_object[(id(subj), "any")] = obj

        ftype = t.type
        if ftype == "investment" and obj is not None and obj.owner is subj:
            ftype = "infrastructure"  # "X will fund its Trans Mountain project": X builds it
        tok = t.token
        trigger_char = tok.idx
        amount = currency = percent = date = until = None
        arguments = [
            Argument(
                "subject", frame.subject.text, frame.subject.char_start, frame.subject.char_end
            )
        ]
        if obj_ref is not None and obj is obj_ref.cluster:
            arguments.append(Argument("object", obj_ref.text, obj_ref.char_start, obj_ref.char_end))
        if t.type in MONEY_TYPES:
            money = [q for q in quantities if q.kind == "money" and not self._per_unit(q)]
            if t.type != "valuation":
                # "racheter Y, valorisé à 800 millions, pour 3 milliards": not the price.
                money = [q for q in money if not self._valuation_amount(q)]
            after = [q for q in money if q.start >= trigger_char]
            before = [q for q in money if q.end <= trigger_char and trigger_char - q.end < 80]
            pick = after[0] if after else (before[-1] if before else None)
            if pick is not None:
                amount, currency = pick.value, pick.currency
                in_article = self.lex.bare_amounts_in_article_currency
                if currency is None and in_article:
                    currency = self._article_currency(pick)
                arguments.append(Argument("amount", pick.text, pick.start, pick.end))
        if t.type in PERCENT_TYPES:
            pcts = [q for q in quantities if q.kind == "percent"]
            if frame.percent is not None:
                percent = frame.percent
            elif pcts:
                pick = min(pcts, key=lambda q: abs(q.start - trigger_char))
                percent = pick.value
                arguments.append(Argument("percent", pick.text, pick.start, pick.end))
            if (
                percent is not None
                and obj is not None
                and obj.label == "PERSON"
                and not self.lex.person_labels_reliable
            ):
                obj.label = "ORG"  # "9,9 % des actions Morgan Stanley": shares are a company's
        if t.type in DATED_TYPES:
            # A date goes to the deal word written before it ("invested $1bn in 2019 and has
            # since committed $13bn" dates the first only), else to the nearest after it.
            # A date that opens the sentence, before every deal word ("En novembre 2013, X
            # tente de racheter Y, valorisé à N"), frames all of them.
            points = [
                x
                for x in times
                if x.role == "point"
                and (
                    _dated_by(S.trigger_chars, x.start) == trigger_char
                    or all(c > x.start for c in S.trigger_chars)
                )
            ]
            if points:
                pick_t = min(points, key=lambda x: abs(x.start - trigger_char))
                date = pick_t.value
                arguments.append(Argument("date", pick_t.text, pick_t.start, pick_t.end))
        if t.type in UNTIL_TYPES:
            untils = [x for x in times if x.role == "until"]
            if untils:
                until = untils[0].value[:4] if t.type == "access_right" else untils[0].value
                arguments.append(Argument("until", untils[0].text, untils[0].start, untils[0].end))

        if t.type == "valuation" and amount is None:
            return None  # a valuation without its figure says nothing
        # A role in apposition is the article's own identification of a person, not news.
        own_sources = [] if appositive else list(sources)
        # Reporting subjects are the outermost sources, in their written order.
        reporters = (
            []
            if appositive
            else [
                r
                for r in reporting_sources(tok, S.ref_at, self.lex)
                if r.name not in {s.name for s in own_sources}
            ]
        )
        own_sources = reporters + own_sources
        presupposed = frame.presupposed
        derived = (
            t.type == "legal_form"
            and not t.verbal
            and tok.lemma_.lower() in self.lex.legal_form_users
        )
        modality = frame.modality or (
            "asserted"
            if derived or appositive
            else find_modality(tok, sent, self.lex, presupposed=presupposed, kind=t.type)
        )
        written = self.document.text[sent.start_char : sent.end_char]  # with its wire markup
        evidence = written.strip()
        ev_start = sent.start_char + (len(written) - len(written.lstrip()))
        return Claim(
            document=self.document.id,
            type=ftype,
            subject=subj.name,
            object=obj.name if obj is not None else None,
            amount=amount,
            currency=currency,
            percent=percent,
            date=date,
            until=until,
            role=frame.role,
            value=frame.value,
            modality=modality,
            sources=tuple(own_sources),
            evidence=evidence,
            evidence_start=ev_start,
            evidence_end=ev_start + len(evidence),
            arguments=tuple(arguments),
            subject_type=subj.label,
            object_type=obj.label if obj is not None else None,
        )

    @staticmethod
    def _open_object(frame: Frame, S: Sentence) -> bool:
        """True when the trigger leaves its object to the context: a verb with no direct
        object ("X a encore investi"), a noun under a possessive ("sa participation"); not
        "possède 256 avions" or "des investissements étrangers"."""
        tok = frame.trigger.token
        if frame.trigger.verbal:
            # An amount as object ("investira six milliards") leaves the investee open.
            # Counted or plural things as object ("possède 256 avions") are not the
            # counterpart; an amount ("investira six milliards") or a vague noun ("back a
            # move") leaves it open.
            magnitudes = S.lex.magnitudes
            return not any(
                c.dep_ in ("obj", "dobj")
                and not (c.like_num or c.lower_ in magnitudes)
                and (
                    "Plur" in c.morph.get("Number", [])
                    or any(g.dep_ == "nummod" for g in c.children)
                )
                for c in tok.children
            )
        return S.possessor(tok) is not None or "Plur" not in tok.morph.get("Number", [])

    def _valuation_amount(self, q: Quantity) -> bool:
        before = self.doc.text[max(0, q.start - 50) : q.start].lower()
        words = re.findall(r"[\w'’]+", before)[-6:]
        marks = [i for i, w in enumerate(words) if w in self.lex.valuation_words]
        if not marks or len(words) - marks[-1] > 4:
            return False
        # "une transaction évaluée à N" prices the deal; "Y, valorisé à N" values a company.
        return marks[-1] == 0 or words[marks[-1] - 1] not in self.lex.priced_nouns

    def topic(self, index: int) -> Ref | None:
        """The organisation the article is about so far: the one most often the subject of
        a sentence before ``index`` (the earliest on a tie), as a reference to its latest
        mention (whose "Chief Executive Officer X", whose "round")."""
        counts: dict[int, int] = {}
        latest: dict[int, tuple[int, Cluster]] = {}
        first: dict[int, int] = {}
        for s, tok, cluster, subj in self.salience.mentions:
            if s < index and subj and cluster.label in ("ORG", "MISC") and not cluster.outlet:
                key = id(cluster)
                counts[key] = counts.get(key, 0) + 1
                first.setdefault(key, tok)
                if key not in latest or tok > latest[key][0]:
                    latest[key] = (tok, cluster)
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], -first[k]))
        tok, cluster = latest[best]
        t = self.doc[tok]
        return Ref(tok, tok + 1, "name", cluster, t.text, t.idx, t.idx + len(t))

    def _article_currency(self, q: Quantity) -> str | None:
        """ "Valorisé désormais à près de 19 milliards": a bare amount is in the currency the
        article last named (the one before it, else the first after it)."""
        named = [x for x in self.quantities if x.kind == "money" and x.currency is not None]
        before = [x for x in named if x.end <= q.start]
        if before:
            return before[-1].currency
        after = [x for x in named if x.start >= q.end]
        return after[0].currency if after else None

    def _per_unit(self, q: Quantity) -> bool:
        """A price per share ("at 4.50 stg each", "37 dlrs a share", "au prix unitaire de
        25 dollars") is not a deal's amount."""
        after = doc_text(self.doc)[q.end : q.end + 14].lower().lstrip()
        before = " ".join(doc_text(self.doc)[max(0, q.start - 30) : q.start].lower().split())
        # "au prix unitaire de 25,25 dollars": the words before may say it too.
        unit_before: tuple[str, ...] = self.lex.per_unit_before
        return after.startswith(self.lex.per_unit) or before.endswith(unit_before)

    # -- results -------------------------------------------------------------------------
    def extraction(self) -> Extraction:
        claims = merge_claims(self.claims)
        used = {c.subject for c in claims} | {c.object for c in claims if c.object}
        used |= {s.name for c in claims for s in c.sources}
        entities = []
        for cluster in self.clusters:
            if cluster.name in used or cluster.outlet:
                label = "ORG" if cluster.label == "MISC" else cluster.label
                aliases = tuple(sorted(a for a in cluster.aliases if a != cluster.name))
                entities.append(Entity(cluster.name, label, aliases))
        known = {e.name for e in entities}
        for c in claims:
            for s in c.sources:
                if s.name not in known:
                    entities.append(Entity(s.name, "ORG", ()))
                    known.add(s.name)
        mentions = tuple(
            Mention(
                r.text,
                r.char_start,
                r.char_end,
                r.cluster.name,
                "ORG" if r.cluster.label == "MISC" else r.cluster.label,
                "name"
                if r.kind == "name"
                else ("description" if r.kind == "description" else "pronoun"),
            )
            for r in self.mentions
            if r.cluster is not None and r.cluster.name in known
        )
        document = self.document
        if document.published is None and self.published is not None:
            document = replace(document, published=self.published)
        if document.language is None:
            document = replace(document, language=self.lang)
        return Extraction(document, self.lang, tuple(entities), mentions, tuple(claims))


def extract_parsed(document: Document, doc: Doc, lang: str) -> Extraction:
    """Claims of ``document``, given its spaCy parse ``doc`` (pure: no I/O, no global state)."""
    reader = _Reader(document, doc, lang, lexicon(lang))
    reader.read()
    return reader.extraction()
