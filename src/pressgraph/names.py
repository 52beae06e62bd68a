"""Keys for entity names: two spellings of one company get one key.

``entity_key`` (within an article) and ``resolution_key`` (across articles, the same key
without descriptors) give::

    "Renault SA"             -> "renault"
    "ACME"                   -> "acme"
    "L’Oréal S.A."           -> "oreal"
    "Hydro-Québec"           -> "hydro quebec"
    "The Walt Disney Co."    -> "walt disney"
    "Groupe SM"              -> "groupe sm"     ("Group(e)" is part of a name)

    "l'assureur AIG"         -> "aig"           (resolution_key: a descriptor before a name)

Steps: apostrophes unified (``’`` -> ``'``), accents stripped, case folded, dots dropped
(``N.V.`` = ``NV``), other punctuation but ``'``, ``&`` and ``+`` turned to spaces, one
leading article or elision (``le``, ``la``, ``les``, ``l'``, ``the``) dropped, then up to
three lower-case words standing right before a capitalised one (``assureur`` in
``"l'assureur AIG"``, ``carmaker`` in ``"the carmaker Renault"``; not ``gouvernement du
Québec``, where a lower-case word follows), trailing legal suffixes
(``data/gazetteers/legal_suffixes.txt``) dropped, whitespace collapsed. A name is never
reduced to nothing: ``"SA"`` alone keeps its key ``"sa"``.

Invisible characters are no part of a name (:func:`clean_name`): ``"Glo\u200bbex"``,
``"Glo\u00adbex"`` and ``"\ufeffGlobex"`` are ``"Globex"``, and so are their keys.

Names are written in many languages whatever the article's, so the words that shape them
are gazetteers shared by all: ``name_articles.txt``, ``name_elisions.txt``,
``name_determiners.txt`` and ``name_link_words.txt`` in ``data/gazetteers/``.

:func:`initials` gives the acronym a long name may be known by ("American International
Group" -> ``"aig"``), which entity resolution uses as a blocking key.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

from pressgraph.lang import read_gazetteer

__all__ = [
    "clean_name",
    "entity_key",
    "resolution_key",
    "has_legal_suffix",
    "initials",
    "is_acronym",
    "is_description",
    "legal_suffixes",
]

_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u0060\u00b4\u2032"})
#: Letters that NFKD does not split into a base letter and an accent.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d"})
_PUNCT = re.compile(r"[^\w\s'&+]")


#: Unicode categories of the characters never written in a name: format characters (Cf:
#: zero-width space, non-joiner and joiner, word joiner, soft hyphen, byte order mark, bidi
#: marks, embeddings, overrides and isolates...) and controls (Cc: NUL, C0, DEL, C1).
_INVISIBLE = frozenset({"Cf", "Cc"})


def clean_name(text: str) -> str:
    """``text`` as a name is written: its invisible characters (format characters, and
    controls but those that separate words) dropped, and the controls that separate words
    (tab, line feed, U+001C-U+001F, U+0085) written as a space. ``"Glo\u200bbex"`` ->
    ``"Globex"``, ``"Alpha\x00bet"`` -> ``"Alphabet"``, ``"Intel\u200d Corp"`` ->
    ``"Intel Corp"``. Names keep their offsets into the article: only their text is clean.
    """
    if text.isprintable():  # no Cc, Cf, nor space but " " (the common case)
        return text
    return "".join(
        (" " if ch.isspace() else "") if unicodedata.category(ch) in _INVISIBLE else ch
        for ch in text
    )


@functools.cache
def _words(gazetteer: str) -> frozenset[str]:
    """The words of a gazetteer of name words (``data/gazetteers/name_*.txt``), read once."""
    return frozenset(read_gazetteer(gazetteer))


@functools.cache
def _leading_articles() -> frozenset[str]:
    """Articles dropped before a name ("the", "la")."""
    return frozenset(w for w in _words("name_articles.txt") if not w.endswith("'"))


@functools.cache
def _elision_gap() -> re.Pattern[str]:
    """An elided word written apart from the next one ("l' Oréal"), to glue them."""
    stems = sorted(re.escape(w[:-1]) for w in _words("name_elisions.txt"))
    return re.compile(r"\b(" + "|".join(stems) + r")'\s+")


@functools.cache
def _leading_elisions() -> tuple[str, ...]:
    """Elided articles cut from the name's first word ("l'")."""
    return tuple(sorted(w for w in _words("name_articles.txt") if w.endswith("'")))


def _normalise(name: str) -> list[str]:
    """Tokens of ``name`` after apostrophes, accents, case and punctuation are normalised."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.translate(_LIGATURES).replace(".", "").replace("_", " ")
    text = _elision_gap().sub(r"\1'", _PUNCT.sub(" ", text))
    raw = text.split()
    tokens = [token.strip("'") for token in raw]
    return [token for token in tokens if token and token not in {"&", "+"}] or raw


@functools.cache
def legal_suffixes() -> tuple[tuple[str, ...], ...]:
    """Legal suffixes as normalised token tuples, longest first (read once)."""
    data = resources.files("pressgraph").joinpath("data/gazetteers/legal_suffixes.txt")
    suffixes = set()
    for line in data.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            suffixes.add(tuple(_normalise(line)))
    return tuple(sorted(suffixes, key=lambda s: (-len(s), s)))


def _drop_article(tokens: list[str]) -> list[str]:
    if len(tokens) > 1 and tokens[0] in _leading_articles():
        return tokens[1:]
    first = tokens[0]
    for elision in _leading_elisions():
        if first.startswith(elision) and len(first) > len(elision):
            return [first[len(elision) :], *tokens[1:]]
    return tokens


def _drop_suffixes(tokens: list[str]) -> list[str]:
    suffixes = legal_suffixes()
    changed = True
    while changed:
        changed = False
        for suffix in suffixes:
            n = len(suffix)
            if len(tokens) > n and tuple(tokens[-n:]) == suffix:
                tokens = tokens[:-n]
                changed = True
                break
    return tokens


_WORD = re.compile(r"[^\W_][\w'’&+.\-]*")


def _drop_descriptor(name: str, tokens: list[str]) -> list[str]:
    """Drop up to three lower-case words that stand right before the first capitalised word
    of ``name`` ("l'assureur AIG", "the carmaker Renault") once the article is gone."""
    words = [w.strip("'’") for w in _WORD.findall(name.translate(_APOSTROPHES))]
    elisions = _words("name_elisions.txt")
    words = [
        w.split("'", 1)[1] if w[:2].casefold() in elisions and len(w) > 2 else w for w in words
    ]
    if len(words) != len(tokens) or len(words) < 2:
        return tokens
    start = 1 if words[0].casefold() in _leading_articles() else 0
    n = 0
    while start + n < len(words) and not any(c.isupper() for c in words[start + n]):
        link = words[start + n].casefold() in _words("name_link_words.txt")
        if not words[start + n][:1].islower() or link:
            return tokens  # "gouvernement du Québec", "ministère de la Culture": one name
        n += 1
    if 1 <= n <= 3 and start + n < len(words) and words[start + n][:1].isupper():
        return tokens[start + n :]
    return tokens


def entity_key(name: str, *, descriptors: bool = False) -> str:
    """The key of an entity name (see the module docstring). Extraction, within one
    article, keeps descriptors ("projet Eastmain" is not "Eastmain"); resolution across
    articles (:func:`resolution_key`) drops them. Invisible characters do not count
    (:func:`clean_name`)."""
    name = clean_name(name)
    tokens = _normalise(name)
    if not tokens:
        return name.strip().casefold()
    if descriptors:
        tokens = _drop_descriptor(name, tokens)
    tokens = _drop_suffixes(_drop_article(tokens))
    if descriptors:
        tokens = _variants(tokens)
    return " ".join(tokens)


def _variants(tokens: list[str]) -> list[str]:
    """The tokens of a resolution key with what varies between spellings of one name
    removed: link words ("Banco de Santander" = "Banco Santander", "Goldman, Sachs and
    Co" = "Goldman Sachs", "Fichtel und Sachs" = "Fichtel & Sachs") and the plural of the
    words of company names (``name_plurals.txt``: "RMJ Holdings" = "RMJ Holding")."""
    links = _words("name_link_words.txt")
    kept = tokens[:1] + [t for t in tokens[1:] if t not in links]  # "De Beers" keeps its "de"
    plurals = _plurals()
    return [plurals.get(t, t) for t in kept]


@functools.cache
def _plurals() -> dict[str, str]:
    """Plural -> singular of the words company names use in either number."""
    out = {}
    for line in read_gazetteer("name_plurals.txt"):
        plural, _, singular = line.partition(" ")
        out[plural.casefold()] = singular.strip().casefold()
    return out


def resolution_key(name: str) -> str:
    """The key entities are resolved by across documents: :func:`entity_key` without a
    leading lower-case descriptor ("l'assureur AIG" -> ``"aig"``)."""
    return entity_key(name, descriptors=True)


def initials(name: str) -> str | None:
    """The acronym of a name of at least three words, lower case, link words and legal
    suffixes left out ("American International Group" -> ``"aig"``, "Cie Generale de
    Constructions Telephoniques" -> ``"cgct"``); None for shorter names (two letters name
    too many things), descriptions and acronyms."""
    if is_description(name) or is_acronym(name):
        return None
    words = resolution_key(name).split()
    links = _words("name_link_words.txt")
    letters = [w[0] for w in words if w not in links and w[0].isalpha()]
    if len(letters) < 3:
        return None  # two letters ("BP", "SA", "US") name too many things
    return "".join(letters)


def is_acronym(name: str) -> bool:
    """True for a name written as an acronym: one word of 3 to 6 capitals ("AIG", "MUFG")."""
    text = name.strip().replace(".", "")
    return 3 <= len(text) <= 6 and text.isalpha() and text.isupper()


def has_legal_suffix(name: str) -> bool:
    """True when ``name`` ends with a legal form ("Acme AG", "Acme Corp.")."""
    tokens = _normalise(name)
    return len(tokens) > 1 and _drop_suffixes(list(tokens)) != tokens


def is_description(name: str) -> bool:
    """True for a common-noun description rather than a name, which must not resolve across
    documents: once a leading determiner is dropped (``"L'assureur"``, ``"Ce groupe"``), no
    letter is upper case. ``"eBay"``, ``"Le Monde"`` and ``"gouvernement du Québec"`` are
    names; so is a bare sentence-initial ``"Assureur"`` (a known gap)."""
    text = name.strip().translate(_APOSTROPHES)
    head, _, rest = text.partition(" ")
    if head.casefold() in _words("name_determiners.txt") and rest:
        text = rest
    elif text[:2].casefold() in _words("name_elisions.txt"):
        text = text[2:]
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.isupper() for c in letters)


def is_legal_suffix(word: str) -> bool:
    """True when ``word`` alone is a legal-form suffix ("Plc", "AG", "Inc.", "S.A.")."""
    return tuple(_normalise(word)) in legal_suffixes()
