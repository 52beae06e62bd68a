"""From a fact candidate to a claim: its attributes, modality, sources and evidence.

Pure functions of the document and sentence being read: an amount, a percentage and dates
go to the deal word (trigger) by position and construction, the modality is read from the
trigger's clause (:func:`pressgraph.extract.modality.find_modality`) and the sources from
the sentence's attribution and the subjects of reporting verbs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pressgraph.extract.attribution import Attribution, reporting_sources
from pressgraph.extract.changes import Change
from pressgraph.extract.coref import Ref
from pressgraph.extract.entities import Cluster
from pressgraph.extract.frames import Frame, Sentence, Trigger
from pressgraph.extract.modality import find_modality
from pressgraph.extract.text import doc_text
from pressgraph.lang import Lexicon
from pressgraph.model import Argument, Claim, Document, Quantity, TimeExpr, types_with

MONEY_TYPES = types_with("amount")
PERCENT_TYPES = types_with("percent")
DATED_TYPES = types_with("date")
UNTIL_TYPES = types_with("until")
#: Deals that carry their price per share or per unit when the sentence gives no total.
PRICED_EVENTS = frozenset({"investment", "acquisition", "divestment"})
#: Deals whose percentage is the part bought or sold: never a level a change reached ("raised
#: its stake to 52 pct from 44 pct" buys 8 points, not 52 %).
SHARE_DEALS = frozenset({"acquisition", "divestment"})


@dataclass
class DocumentContext:
    """What is read once per document and shared by its sentences."""

    document: Document
    doc: Doc
    lang: str
    lex: Lexicon
    quantities: list[Quantity]
    times: list[TimeExpr]
    published: str | None
    #: What each amount counts, by its start
    #: (:func:`~pressgraph.extract.amount_kinds.amount_kinds`).
    kinds: dict[int, str] = field(default_factory=dict)


@dataclass
class SentenceContext:
    """One sentence as read: its references and role lookups, attribution, figures, dates,
    deal words and the frames the hand rules found."""

    index: int
    sent: Span
    S: Sentence
    attribution: Attribution
    quantities: list[Quantity]
    times: list[TimeExpr]
    triggers: list[Trigger]
    #: (construction, frame) for every frame the hand rules read in the sentence.
    frames: list[tuple[str, Frame]] = field(default_factory=list)
    #: The changes of level the sentence writes ("to 7.7 pct from 6.3 pct").
    changes: list[Change] = field(default_factory=list)


def dated_by(triggers: list[int], start: int) -> int | None:
    """The deal word (by character offset) that a date at ``start`` belongs to."""
    before = [c for c in triggers if c < start]
    if before:
        return before[-1]
    return min(triggers, key=lambda c: abs(c - start)) if triggers else None


def level_of(sc: SentenceContext, q: Quantity) -> tuple[Quantity, Quantity | None]:
    """The level ``q`` stands for and the former level when it is a change: a former level
    stands for the level reached ("from 12.9 pct to 18.5 pct": 18.5, from 12.9)."""
    for c in sc.changes:
        if c.previous is not None and c.previous.start == q.start:
            return c.new, c.previous
        if c.new.start == q.start:
            return q, c.previous
    return q, None


def in_change(sc: SentenceContext, q: Quantity) -> bool:
    """Whether ``q`` is a level of a change (reached or former)."""
    return any(q.start in (c.new.start, c.previous.start if c.previous else -1) for c in sc.changes)


def amount_kind(dc: DocumentContext, sc: SentenceContext, q: Quantity) -> str:
    """What amount ``q`` counts; a former level counts what the level reached does ("to 92.50
    dlrs a share from 80 dlrs")."""
    return dc.kinds.get(level_of(sc, q)[0].start, "total")


def pick_amount(
    dc: DocumentContext, sc: SentenceContext, ftype: str, trigger_char: int
) -> tuple[Quantity, Quantity | None, str] | None:
    """The amount of a claim of ``ftype`` whose deal word is at ``trigger_char``: the first
    total after it, else the nearest before it; for a deal with no total, its price per share
    or unit. With the former level when the amount is a change, and the amount's kind."""
    money = [q for q in sc.quantities if q.kind == "money"]
    if ftype != "valuation":
        # "racheter Y, valorisé à 800 millions, pour 3 milliards": not the price.
        money = [q for q in money if not valuation_amount(dc, q)]

    def nearest(found: list[Quantity]) -> Quantity | None:
        after = [q for q in found if q.start >= trigger_char]
        before = [q for q in found if q.end <= trigger_char and trigger_char - q.end < 80]
        return after[0] if after else (before[-1] if before else None)

    pick = nearest([q for q in money if amount_kind(dc, sc, q) == "total"])
    if pick is None and ftype in PRICED_EVENTS:
        pick = nearest(money)
    if pick is None:
        return None
    new, previous = level_of(sc, pick)
    return new, previous, amount_kind(dc, sc, new)


def valuation_amount(dc: DocumentContext, q: Quantity) -> bool:
    """An amount that values a company ("Y, valorisé à N"), not one that prices a deal."""
    before = doc_text(dc.doc)[max(0, q.start - 50) : q.start].lower()
    words = re.findall(r"[\w'’]+", before)[-6:]
    marks = [i for i, w in enumerate(words) if w in dc.lex.valuation_words]
    if not marks or len(words) - marks[-1] > 4:
        return False
    # "une transaction évaluée à N" prices the deal; "Y, valorisé à N" values a company.
    return marks[-1] == 0 or words[marks[-1] - 1] not in dc.lex.priced_nouns


def article_currency(dc: DocumentContext, q: Quantity) -> str | None:
    """ "Valorisé désormais à près de 19 milliards": a bare amount is in the currency the
    article last named (the one before it, else the first after it)."""
    named = [x for x in dc.quantities if x.kind == "money" and x.currency is not None]
    before = [x for x in named if x.end <= q.start]
    if before:
        return before[-1].currency
    after = [x for x in named if x.start >= q.end]
    return after[0].currency if after else None


def trigger_chars(sc: SentenceContext) -> list[int]:
    """Offsets of the sentence's deal words that the hand rules read a frame for."""
    return sorted({f.trigger.token.idx for _, f in sc.frames})


def consideration(sc: SentenceContext, lex: Lexicon, trigger_char: int) -> Argument | None:
    """What the deal whose trigger is at ``trigger_char`` is traded for, when the sentence says
    so after it: "céder une partie de sa participation, en échange d'un droit d'accès
    prolongé aux modèles" gives "un droit d'accès prolongé aux modèles". One deal word gets it: the
    nearest before the phrase that governs it in the parse, else the last one before it."""
    sent = sc.sent
    text = sent.text.lower()
    chars = sorted({*trigger_chars(sc), trigger_char})
    at_char = {t.idx: t for t in sent}
    for phrase in lex.exchange_phrases:
        at = text.find(phrase)
        while at >= 0:
            begin = sent.start_char + at
            before = [c for c in chars if c < begin]
            # the deal word that governs the phrase, else the last one written before it
            opener = at_char.get(begin)
            above = {t.i for t in opener.ancestors} if opener is not None else set()
            governing = [c for c in before if c in at_char and at_char[c].i in above]
            if (governing or before) and (governing or before)[-1] == trigger_char:
                span = _phrase_after(sent, begin + len(phrase))
                if span is not None:
                    return Argument("consideration", span.text, span.start_char, span.end_char)
            at = text.find(phrase, at + 1)
    return None


def _phrase_after(sent: Span, start: int) -> Span | None:
    """The noun phrase after a preposition that starts at ``start`` (none when punctuation
    comes first: "En contrepartie, X a obtenu...")."""
    toks = [t for t in sent if t.idx >= start]
    while toks and toks[0].pos_ == "ADP":
        toks.pop(0)
    if not toks or toks[0].pos_ in ("PUNCT", "VERB", "AUX", "PRON"):
        return None
    first = tok = toks[0]
    while tok.head.i != tok.i and tok.head.idx >= first.idx and tok.head.i < sent.end:
        tok = tok.head
    left = max(tok.left_edge.i, first.i)
    right = min(tok.right_edge.i, sent.end - 1)
    while right > left and sent.doc[right].pos_ == "PUNCT":
        right -= 1
    if right < left:
        return None
    return sent.doc[left : right + 1]


def build_claim(
    dc: DocumentContext,
    sc: SentenceContext,
    ftype: str,
    trigger: Trigger,
    subject: Ref,
    subj: Cluster,
    obj_ref: Ref | None,
    obj: Cluster | None,
    frame: Frame | None = None,
    *,
    appositive: bool = False,
    read_as: str | None = None,
    subject_type: str | None = None,
    object_type: str | None = None,
) -> Claim | None:
    """The claim that ``ftype`` holds between ``subj`` and ``obj`` as ``trigger`` says in
    ``sc``'s sentence; ``frame`` carries what a hand rule read besides (role, value, a
    percentage given in words, a modality); ``read_as`` is the type whose attributes are
    read, when a rule retyped the fact ("X will fund its project": an investment read as
    infrastructure). None for a valuation without its figure."""
    lex = dc.lex
    out_type = ftype
    ftype = read_as or ftype
    tok = trigger.token
    sent = sc.sent
    trigger_char = tok.idx
    amount = currency = percent = date = until = None
    kind = previous_amount = previous_percent = None
    arguments = [Argument("subject", subject.text, subject.char_start, subject.char_end)]
    if obj_ref is not None and obj is obj_ref.cluster:
        arguments.append(Argument("object", obj_ref.text, obj_ref.char_start, obj_ref.char_end))
    if ftype in MONEY_TYPES:
        picked = pick_amount(dc, sc, ftype, trigger_char)
        if picked is not None:
            pick, before, kind = picked
            amount, currency = pick.value, pick.currency
            if currency is None and lex.bare_amounts_in_article_currency:
                currency = article_currency(dc, pick)
            arguments.append(Argument("amount", pick.text, pick.start, pick.end))
            if before is not None:
                previous_amount = before.value
                arguments.append(Argument("previous_amount", before.text, before.start, before.end))
    if ftype in PERCENT_TYPES:
        pcts = [q for q in sc.quantities if q.kind == "percent"]
        if ftype in SHARE_DEALS:
            pcts = [q for q in pcts if not in_change(sc, q)]
        if frame is not None and frame.percent is not None:
            percent = frame.percent
        elif pcts:
            pick, before = level_of(sc, min(pcts, key=lambda q: abs(q.start - trigger_char)))
            percent = pick.value
            arguments.append(Argument("percent", pick.text, pick.start, pick.end))
            if before is not None:
                previous_percent = before.value
                arguments.append(
                    Argument("previous_percent", before.text, before.start, before.end)
                )
    if ftype in DATED_TYPES:
        # A date goes to the deal word written before it ("invested $1bn in 2019 and has
        # since committed $13bn" dates the first only), else to the nearest after it.
        # A date that opens the sentence, before every deal word ("En novembre 2013, X
        # tente de racheter Y, valorisé à N"), frames all of them.
        chars = trigger_chars(sc) or [trigger_char]
        if trigger_char not in chars:
            chars = sorted([*chars, trigger_char])
        points = [
            x
            for x in sc.times
            if x.role == "point"
            and (dated_by(chars, x.start) == trigger_char or all(c > x.start for c in chars))
        ]
        if points:
            pick_t = min(points, key=lambda x: abs(x.start - trigger_char))
            date = pick_t.value
            arguments.append(Argument("date", pick_t.text, pick_t.start, pick_t.end))
    if ftype in UNTIL_TYPES:
        untils = [x for x in sc.times if x.role == "until"]
        if untils:
            until = untils[0].value[:4] if ftype == "access_right" else untils[0].value
            arguments.append(Argument("until", untils[0].text, untils[0].start, untils[0].end))
    if ftype == "valuation" and amount is None:
        return None  # a valuation without its figure says nothing
    traded = consideration(sc, lex, trigger_char)
    if traded is not None:
        arguments.append(traded)
    # A role in apposition is the article's own identification of a person, not news.
    own_sources = [] if appositive else list(sc.attribution.sources)
    # Reporting subjects are the outermost sources, in their written order.
    reporters = (
        []
        if appositive
        else [
            r
            for r in reporting_sources(tok, sc.S.ref_at, lex)
            if r.name not in {s.name for s in own_sources}
        ]
    )
    own_sources = reporters + own_sources
    presupposed = frame.presupposed if frame is not None else False
    derived = (
        ftype == "legal_form" and not trigger.verbal and tok.lemma_.lower() in lex.legal_form_users
    )
    modality = (frame.modality if frame is not None else None) or (
        "asserted"
        if derived or appositive
        else find_modality(tok, sent, lex, presupposed=presupposed, kind=ftype)
    )
    written = dc.document.text[sent.start_char : sent.end_char]  # with its wire markup
    evidence = written.strip()
    ev_start = sent.start_char + (len(written) - len(written.lstrip()))
    return Claim(
        document=dc.document.id,
        type=out_type,
        subject=subj.name,
        object=obj.name if obj is not None else None,
        amount=amount,
        currency=currency,
        percent=percent,
        date=date,
        until=until,
        role=frame.role if frame is not None else None,
        value=frame.value if frame is not None else None,
        modality=modality,
        amount_kind=kind,
        previous_amount=previous_amount,
        previous_percent=previous_percent,
        sources=tuple(own_sources),
        evidence=evidence,
        evidence_start=ev_start,
        evidence_end=ev_start + len(evidence),
        arguments=tuple(arguments),
        subject_type=subject_type or subj.label,
        object_type=(object_type or obj.label) if obj is not None else None,
    )
