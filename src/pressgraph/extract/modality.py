"""Modality: is a fact asserted, hedged (reported, unconfirmed), planned or negated?

Read from the trigger and the verbs and nouns that govern it up to the clause root:
French conditional mood (``Mood=Cnd`` or the -rait/-raient ending checked against the
lemma, since the model often tags "envisagerait" as imperfect), intention and possibility
frames ("souhaiter", "prévoir", "projet de", "possible", future tense), and negation or
ending ("mettre fin à", "renoncer", "ne ... pas").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pressgraph.lang import Lexicon


def is_conditional(tok: Token, lex: Lexicon) -> bool:
    """True when ``tok`` is a verb in the conditional mood."""
    text = tok.lower_
    if not text.endswith(lex.conditional_endings) or tok.pos_ not in ("VERB", "AUX"):
        return False
    if "Cnd" in tok.morph.get("Mood", []):
        return True
    lemma = tok.lemma_.lower()
    inflection = next((e for e in lex.conditional_inflections if text.endswith(e)), "")
    stem = text[: len(text) - len(inflection)]
    if stem in (lemma, lemma[:-1]):
        return True
    return stem in lex.irregular_conditional_stems


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the tokens that govern it, up to the root of its sentence."""
    out = [trigger]
    tok = trigger
    while tok.head.i != tok.i and not _own_clause(tok):
        tok = tok.head
        out.append(tok)
    return out


def _own_clause(tok: Token) -> bool:
    """A relative clause or a detached participle asserts on its own: "Y, qui détient 24 % de
    Z, a refusé" and "Z, détenue par Y, a refusé" do not deny the holding."""
    if tok.dep_ == "acl:relcl":
        return True
    return (
        tok.dep_ in ("acl", "advcl")
        and "Part" in tok.morph.get("VerbForm", [])
        and "Past" in tok.morph.get("Tense", [])
        and not any(c.dep_.startswith("aux") for c in tok.children)
    )


def _negated_here(tok: Token, lex: Lexicon) -> bool:
    words = {c.lower_ for c in tok.children if c.dep_ in ("advmod", "neg")}
    comparative = lex.comparative_negations
    if (
        words & comparative
        and not words - comparative
        and not any(c.lower_ in lex.negation_particles for c in tok.children)
    ):
        return False  # "obtient plus de contrôle": a comparison, not "ne ... plus"
    return bool(words & lex.negation_words)


def _intended_infinitive(trigger: Token, sent: Span, lex: Lexicon) -> bool:
    """ "compte racheter", "va céder", "veut s'offrir": an infinitive right after a verb of
    intention or of the near future, read on the words since the parse often breaks there."""
    if "Inf" not in trigger.morph.get("VerbForm", []):
        return False
    forms: frozenset[str] = lex.intention_forms
    i = trigger.i - 1
    while i >= sent.start and (
        sent.doc[i].pos_ == "ADV" or sent.doc[i].lower_ in lex.infinitive_links
    ):
        i -= 1
    return i >= sent.start and sent.doc[i].lower_ in forms


def says_nothing(trigger: Token, lex: Lexicon) -> bool:
    """A fact under a refusal to speak is not stated: "X would not comment on whether it
    plans to raise its stake", "X declined to confirm that it sold Y", "X n'a pas souhaité
    commenter" say neither that it does nor that it does not; the article raises it,
    unconfirmed (hedged)."""
    chain = _chain(trigger)
    for depth, tok in enumerate(chain):
        if depth == 0 or tok.lemma_.lower() not in lex.no_comment_verbs:
            continue
        if _negated_here(tok, lex):
            return True
        if any(t.lemma_.lower() in lex.declining_verbs for t in chain[depth + 1 :]):
            return True
        # "n'a pas souhaité commenter": the negation sits on the verb that governs it
        if depth + 1 < len(chain) and _negated_here(chain[depth + 1], lex):
            return True
    return False


def find_modality(
    trigger: Token, sent: Span, lex: Lexicon, *, presupposed: bool = False, kind: str | None = None
) -> str:
    """The modality of the fact whose trigger is ``trigger`` in ``sent``.

    ``presupposed`` marks a state noun under a possessive ("sa participation", "ses
    collaborations"): the state exists whatever is planned or denied about it, so only its own
    negation and the cues that end it ("mettre fin à", "give up") apply.
    ``kind`` is the fact type: a partnership's own agreement noun ("signed a partnership
    agreement") is the partnership, not a plan of one, as "an agreement to buy" would be.
    """
    if says_nothing(trigger, lex):
        return "hedged"  # raised, not stated: "would not comment on whether it plans to..."
    chain = _chain(trigger)
    negated = hedged = planned = False
    # "a annoncé avoir levé": a perfect infinitive tells a thing done, whatever governs it.
    done = any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm", []) for c in trigger.children
    )
    for depth, tok in enumerate(chain):
        lemma = tok.lemma_.lower()
        if _negated_here(tok, lex) and not (
            depth > 0 and (presupposed or lemma in lex.reporting_verbs | lex.no_comment_verbs)
        ):
            # "would not comment on whether it plans to buy": not a denial; "would not sell
            # its stake": the action is denied, the stake its possessive presupposes is not.
            negated = True
        if lemma in lex.negated_cues and (depth > 0 or tok.pos_ != "NOUN"):
            negated = True
        if (tok.head.lemma_, lemma) in lex.ending_phrases:
            negated = True
        particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        if particle is not None and f"{lemma} {particle}" in lex.negated_phrasals and depth > 0:
            negated = True  # "called off their plans to buy", "gave up its plans"
        if any((lemma, c.lemma_) in lex.ending_phrases for c in tok.children):
            negated = True  # "X a mis fin au partenariat": "fin" is the trigger's sibling
        if presupposed:
            continue
        if tok.pos_ in ("VERB", "AUX"):
            conditional = is_conditional(tok, lex) or any(
                c.dep_.startswith("aux") and is_conditional(c, lex) for c in tok.children
            )
            if conditional:
                if lemma in lex.planned_conditionals:
                    planned = True
                else:
                    hedged = True
            if (
                "Fut" in tok.morph.get("Tense", [])
                or any(
                    c.dep_.startswith("aux") and c.lemma_ in lex.future_auxiliaries
                    for c in tok.children
                )
                or any(c.dep_ == "aux" and c.lower_ in lex.modal_auxiliaries for c in tok.children)
            ):
                planned = True
            if (
                depth == 0
                and tok.tag_ == "VBG"
                and any(
                    c.dep_ == "aux"
                    and c.lemma_ in lex.progressive_auxiliaries
                    and c.tag_ in ("VBZ", "VBP")
                    for c in tok.children
                )
            ):  # "X is buying Y": announced, not done
                planned = True
        # the trigger's own noun phrase ("a partnership agreement"): a partnership's agreement
        # is the partnership itself
        own_phrase = depth == 0 or (depth == 1 and chain[0].dep_ in ("compound", "amod"))
        cue = lemma in lex.planned_cues and not done and (depth > 0 or tok.pos_ == "NOUN")
        if cue and not (own_phrase and tok.pos_ == "NOUN" and kind == "partnership"):
            planned = True  # "a takeover bid for Y", "une offre sur Y": not done yet
        for child in tok.children:
            if child.dep_ in ("amod", "advmod") and child.lemma_.lower() in lex.planned_cues:
                planned = True
            if child.dep_ == "mark" and child.lower_ in lex.purpose_markers and depth > 0:
                planned = True
    if not presupposed and _intended_infinitive(trigger, sent, lex):
        planned = True
    text = sent.text.lower()
    if not presupposed and not any(_own_clause(t) for t in chain):
        head_text = sent.doc[sent.start : trigger.i].text.lower()
        for elided, written in lex.phrase_elisions.items():  # "en passe d'acheter"
            head_text = head_text.replace(elided, written)
        if any(p in head_text for p in lex.planned_phrases):
            planned = True
        if any(cue in text for cue in lex.hedge_cues):
            hedged = True
    if negated:
        return "negated"
    if hedged:
        return "hedged"
    if planned:
        return "planned"
    return "asserted"
