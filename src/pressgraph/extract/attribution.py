"""Attribution: who says a fact, outermost source first, then its relays.

"selon le journal X, relayé par Y" -> [X (source), Y
(relay)]; "d'après X"; a reporting verb whose subject (or inverted subject: "précise le
journal") is the source of the clause it governs ("X a annoncé l'acquisition de Y").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pressgraph.extract.coref import Ref
from pressgraph.extract.text import doc_text
from pressgraph.lang import Lexicon
from pressgraph.model import Source, SourceKind
from pressgraph.names import clean_name


@functools.cache
def _phrase_end(lex: Lexicon) -> re.Pattern[str]:
    """What ends a source's phrase: punctuation, or a word of ``source_phrase_ends``
    between spaces (" qui ")."""
    words = "".join(f"| {re.escape(w)} " for w in lex.source_phrase_ends)
    return re.compile(r"[,;:.()\n]" + words)


@functools.cache
def _leading_words(lex: Lexicon) -> re.Pattern[str] | None:
    """The determiners dropped from the start of an unnamed source ("des sources")."""
    if not lex.source_leading_words:
        return None
    words = (w if w.endswith(("'", "’")) else w + " " for w in lex.source_leading_words)
    return re.compile("^(" + "|".join(words) + ")", flags=re.I)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Sources that hold for a whole sentence, and the token ranges they occupy."""

    sources: tuple[Source, ...]
    spans: tuple[tuple[int, int], ...]  # character ranges of the attribution phrases


def _phrase_after(sent: Span, start_char: int, lex: Lexicon) -> tuple[int, int]:
    text = doc_text(sent.doc)
    stop = sent.end_char
    m = _phrase_end(lex).search(text, start_char, stop)
    return start_char, (m.start() if m else stop)


def _source_in(
    refs: Sequence[Ref], start: int, end: int, kind: SourceKind, text: str, lex: Lexicon
) -> Source | None:
    for ref in refs:
        if ref.char_start >= start and ref.char_end <= end and ref.cluster is not None:
            return Source(ref.cluster.name, kind, ref.char_start, ref.char_end)
    phrase = text[start:end].strip()
    # An unnamed source ("des sources proches du dossier") keeps its description.
    leading = _leading_words(lex)
    if leading is not None:
        phrase = leading.sub("", phrase)
    if 2 < len(phrase) < 80:
        return Source(clean_name(phrase), kind, end - len(phrase), end)
    return None


def sentence_attribution(sent: Span, refs: Sequence[Ref], lex: Lexicon) -> Attribution:
    """Sources introduced in ``sent`` by prepositions ("selon", "d'après") and their relays."""
    text = doc_text(sent.doc)
    low = text[sent.start_char : sent.end_char].lower()  # the sentence's, not the text's
    sources: list[Source] = []
    spans: list[tuple[int, int]] = []
    for cue in lex.source_prepositions:
        for m in re.finditer(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", low):
            begin = sent.start_char + m.end()
            start, end = _phrase_after(sent, begin, lex)
            src = _source_in(refs, start, end, "source", text, lex)
            if src is not None:
                sources.append(src)
                spans.append((sent.start_char + m.start(), end))
    if sources:
        for cue in lex.relay_cues:
            for m in re.finditer(re.escape(cue), low):
                begin = sent.start_char + m.end()
                start, end = _phrase_after(sent, begin, lex)
                src = _source_in(refs, start, end, "relay", text, lex)
                if src is not None and src.name not in {s.name for s in sources}:
                    sources.append(src)
                    spans.append((sent.start_char + m.start(), end))
    sources.sort(key=lambda s: (s.kind != "source", s.start or 0))
    return Attribution(tuple(sources), tuple(spans))


def reporting_sources(trigger: Token, ref_at: dict[int, Ref], lex: Lexicon) -> list[Source]:
    """Sources given by reporting verbs that govern ``trigger`` ("X a annoncé ..."),
    outermost first ("A said B reported that ..." gives A, B); coordinated subjects all
    count ("Boeing Co and ARGOSystems Inc said")."""
    groups: list[list[Source]] = []
    tok = trigger
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_.lower() not in lex.reporting_verbs:
            continue
        group: list[Source] = []
        for child in tok.children:
            if child.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            if child.left_edge.i <= trigger.i <= child.right_edge.i:
                continue  # "Boeing president X said": the title is not what X says
            # Coordinated speakers only when the subject is itself a name ("Boeing Co and
            # ARGOSystems Inc said"), not a noun whose conjuncts hang on it by misparse.
            speakers = (child, *child.conjuncts) if child.i in ref_at else (child,)
            members = ref_at[child.i].members if child.i in ref_at else []
            for m in members:  # "they said", for "A and B" named before
                if m.cluster is not None and m.cluster.name not in {s.name for s in group}:
                    group.append(Source(m.cluster.name, "source", m.char_start, m.char_end))
            for speaker in speakers if not members else ():
                src = _speaker(speaker, ref_at, lex)
                if src is not None and src.name not in {s.name for s in group}:
                    group.append(src)
        groups.append(group)
    out: list[Source] = []
    for group in reversed(groups):
        out.extend(s for s in group if s.name not in {o.name for o in out})
    return out


def _speaker(subject: Token, ref_at: dict[int, Ref], lex: Lexicon) -> Source | None:
    """The source behind a reporting verb's subject: the entity it names ("Cable and
    Wireless said", "an SAT spokesman said", "a spokesman for X said"), or, when it names
    none, its own words ("a Finance Ministry official said", "people familiar with...")."""
    ref = ref_at.get(subject.i)
    if (
        ref is not None
        and ref.cluster is not None
        and ref.kind in ("name", "description", "pronoun")
        and (ref.kind != "pronoun" or subject.lower_ in lex.subject_pronouns)
    ):
        return Source(ref.cluster.name, "source", ref.char_start, ref.char_end)
    # "Sources close to X", "people familiar with the matter": unnamed, kept as written.
    unnamed = subject.lemma_.lower() in lex.unnamed_sources
    for t in subject.subtree if not unnamed else ():
        inner = ref_at.get(t.i)
        if (
            inner is not None
            and inner.cluster is not None
            and inner.kind in ("name", "description")
            and inner.cluster.label != "PLACE"
        ):
            return Source(inner.cluster.name, "source", inner.char_start, inner.char_end)
    if subject.pos_ == "PRON" or subject.lower_ in lex.personal_pronouns:
        return None
    words = list(subject.subtree)
    if not (1 <= len(words) <= 10) or subject.pos_ not in ("NOUN",):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return Source(clean_name(doc_text(subject.doc)[start:end]), "source", start, end)
