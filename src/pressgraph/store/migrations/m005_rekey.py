"""Migration 5: resolution keys rebuilt (issue 11). Shipped: never edit.

The keys are computed by the code below, frozen as it was when this migration shipped
(``pressgraph.names.resolution_key``, ``is_description``, ``initials``; and
``pressgraph.resolve.entities.blocking_keys``, ``ticker_key``, with the word lists of
``data/gazetteers/`` they read, copied here as data). Live key code may change later; what
this migration does to an old database does not.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Literal

__all__ = ["_m005_rekey"]

# -- the word lists (data/gazetteers/, as shipped with this migration) -------------------

_ARTICLES = ("le", "la", "les", "the", "l'")
_ELISIONS = frozenset({"l'", "d'"})
_DETERMINERS = frozenset(
    {"le", "la", "les", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur",
     "leurs", "the", "a", "an", "this", "that", "its", "their"}
)  # fmt: skip
_LINK_WORDS = frozenset(
    {"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "of", "and", "the", "und", "der",
     "di", "del", "y", "for", "&", "+"}
)  # fmt: skip
_PLURALS = {
    "holdings": "holding", "services": "service", "industries": "industry",
    "systems": "system", "communications": "communication", "enterprises": "enterprise",
    "resources": "resource", "products": "product", "partners": "partner",
    "investments": "investment", "properties": "property", "technologies": "technology",
    "laboratories": "laboratory", "companies": "company", "stores": "store", "mills": "mill",
    "airlines": "airline", "foods": "food", "hotels": "hotel", "brands": "brand",
    "networks": "network", "mines": "mine", "petroleums": "petroleum",
    "pharmaceuticals": "pharmaceutical", "restaurants": "restaurant",
    "associates": "associate", "ventures": "venture", "financials": "financial",
    "capitals": "capital", "assurances": "assurance", "participations": "participation",
    "investissements": "investissement",
}  # fmt: skip
_LEGAL_SUFFIXES = (
    "SA", "S.A.", "SAS", "SARL", "SE", "AG", "KGaA", "Inc", "Inc.", "Incorporated", "Corp",
    "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd", "Ltd.", "Limited", "plc", "GmbH",
    "NV", "N.V.", "BV", "B.V.", "LLC", "LLP", "SpA", "S.p.A.",
)  # fmt: skip

# -- names.py, as shipped ---------------------------------------------------------------

_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u0060\u00b4\u2032"})
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d"})
_PUNCT = re.compile(r"[^\w\s'&+]")
_LEADING_ARTICLES = frozenset(w for w in _ARTICLES if not w.endswith("'"))
_LEADING_ELISIONS = tuple(sorted(w for w in _ARTICLES if w.endswith("'")))
_ELISION_GAP = re.compile(
    r"\b(" + "|".join(sorted(re.escape(w[:-1]) for w in _ELISIONS)) + r")'\s+"
)
_WORD = re.compile(r"[^\W_][\w'’&+.\-]*")


def _normalise(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.translate(_LIGATURES).replace(".", "").replace("_", " ")
    text = _ELISION_GAP.sub(r"\1'", _PUNCT.sub(" ", text))
    raw = text.split()
    tokens = [token.strip("'") for token in raw]
    return [token for token in tokens if token and token not in {"&", "+"}] or raw


_SUFFIXES = tuple(
    sorted({tuple(_normalise(s)) for s in _LEGAL_SUFFIXES}, key=lambda s: (-len(s), s))
)


def _drop_article(tokens: list[str]) -> list[str]:
    if len(tokens) > 1 and tokens[0] in _LEADING_ARTICLES:
        return tokens[1:]
    first = tokens[0]
    for elision in _LEADING_ELISIONS:
        if first.startswith(elision) and len(first) > len(elision):
            return [first[len(elision) :], *tokens[1:]]
    return tokens


def _drop_suffixes(tokens: list[str]) -> list[str]:
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            n = len(suffix)
            if len(tokens) > n and tuple(tokens[-n:]) == suffix:
                tokens = tokens[:-n]
                changed = True
                break
    return tokens


def _drop_descriptor(name: str, tokens: list[str]) -> list[str]:
    words = [w.strip("'’") for w in _WORD.findall(name.translate(_APOSTROPHES))]
    words = [
        w.split("'", 1)[1] if w[:2].casefold() in _ELISIONS and len(w) > 2 else w for w in words
    ]
    if len(words) != len(tokens) or len(words) < 2:
        return tokens
    start = 1 if words[0].casefold() in _LEADING_ARTICLES else 0
    n = 0
    while start + n < len(words) and not any(c.isupper() for c in words[start + n]):
        link = words[start + n].casefold() in _LINK_WORDS
        if not words[start + n][:1].islower() or link:
            return tokens
        n += 1
    if 1 <= n <= 3 and start + n < len(words) and words[start + n][:1].isupper():
        return tokens[start + n :]
    return tokens


def _resolution_key(name: str) -> str:
    tokens = _normalise(name)
    if not tokens:
        return name.strip().casefold()
    tokens = _drop_descriptor(name, tokens)
    tokens = _drop_suffixes(_drop_article(tokens))
    kept = tokens[:1] + [t for t in tokens[1:] if t not in _LINK_WORDS]
    return " ".join(_PLURALS.get(t, t) for t in kept)


def _is_acronym(name: str) -> bool:
    text = name.strip().replace(".", "")
    return 3 <= len(text) <= 6 and text.isalpha() and text.isupper()


def _is_description(name: str) -> bool:
    text = name.strip().translate(_APOSTROPHES)
    head, _, rest = text.partition(" ")
    if head.casefold() in _DETERMINERS and rest:
        text = rest
    elif text[:2].casefold() in _ELISIONS:
        text = text[2:]
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.isupper() for c in letters)


def _initials(name: str) -> str | None:
    if _is_description(name) or _is_acronym(name):
        return None
    words = _resolution_key(name).split()
    letters = [w[0] for w in words if w not in _LINK_WORDS and w[0].isalpha()]
    if len(letters) < 3:
        return None
    return "".join(letters)


def _is_legal_suffix(word: str) -> bool:
    return tuple(_normalise(word)) in _SUFFIXES


# -- resolve/entities.py, as shipped ----------------------------------------------------

_KeyKind = Literal["name", "initials", "short"]

_TICKER_ALIAS = re.compile(
    r"<([A-Z0-9][A-Z0-9.\- ]{0,12})>"  # "<MD>", "<SKFR ST>"
    r"|[A-Za-z][\w -]{1,20}: ([A-Z0-9.\-]{1,10})"  # "NYSE: BA"
)


def _ticker_key(alias: str) -> str | None:
    m = _TICKER_ALIAS.fullmatch(alias)
    if m is None:
        return None
    return "ticker:" + " ".join((m.group(1) or m.group(2)).split()).casefold()


def _name_kind(alias: str, name: str) -> _KeyKind:
    akey, nkey = _resolution_key(alias).split(), _resolution_key(name).split()
    if len(akey) < len(nkey) and all(word in nkey for word in akey):
        return "short"
    return "name"


def _names(name: str, aliases: Iterable[str], descriptions: set[str]) -> list[str]:
    return [
        n
        for n in dict.fromkeys((name, *aliases))
        if n.casefold() not in descriptions
        and not _is_description(n)
        and _ticker_key(n) is None
        and not all(_is_legal_suffix(word) for word in n.split())
    ]


def _person_keys(name: str) -> tuple[str | None, str | None]:
    words = _resolution_key(name).split()
    if len(words) < 2:
        return None, None
    if len(words) == 2:
        return words[-1], None
    return words[-1], f"{words[0]} {words[-1]}" if len(words[0]) > 1 else None


def _blocking_keys(
    name: str,
    aliases: Sequence[str] = (),
    descriptions: Iterable[str] = (),
    *,
    person: bool = False,
) -> list[tuple[str, _KeyKind]]:
    described = {d.casefold() for d in descriptions}
    out: dict[str, _KeyKind] = {}
    names = _names(name, aliases, described)
    for n in names:
        kind: _KeyKind = "name" if n == name else _name_kind(n, name)
        key = _resolution_key(n)
        if key and (key not in out or kind == "name"):
            out[key] = kind
    for n in names:
        acronym = None if person else _initials(n)
        if acronym and acronym not in out:
            out[acronym] = "initials"
    tickers = [k for k in dict.fromkeys(_ticker_key(a) for a in aliases) if k is not None]
    for ticker in tickers:
        out[ticker] = "name"
    if person:
        for n in names:
            for pkey in _person_keys(n):
                if pkey and pkey not in out:
                    out[pkey] = "short"
    return list(out.items())


# -- the migration ----------------------------------------------------------------------


def _m005_rekey(conn: sqlite3.Connection) -> None:
    """Resolution keys rebuilt for issue 11's merges: link words and the plural of company
    words left out ("Banco de Santander" = "Banco Santander", "RMJ Holdings" = "RMJ
    Holding"), tickers keyed apart ("<MD>": ``ticker:md``), people's surnames and names
    without middle initials as short keys. Every entity's keys, every alias's key and every
    correction's key are rebuilt from the names its documents gave it, with the keys below
    (the code that keyed new documents when this migration shipped)."""
    corrections = conn.execute("SELECT id, name FROM entity_corrections").fetchall()
    conn.executemany(
        "UPDATE entity_corrections SET key = ? WHERE id = ?",
        [(_resolution_key(name), cid) for cid, name in corrections],
    )
    aliases = conn.execute("SELECT rowid, alias FROM aliases").fetchall()
    conn.executemany(
        "UPDATE aliases SET key = ? WHERE rowid = ?",
        [(_ticker_key(a) or _resolution_key(a), rowid) for rowid, a in aliases],
    )
    barred: dict[int, set[str]] = {}
    for key, entity_id in conn.execute(
        "SELECT key, entity_id FROM entity_corrections WHERE action = 'split'"
    ):
        barred.setdefault(int(entity_id), set()).add(key)
    conn.execute("DELETE FROM entity_keys")
    types = dict(conn.execute("SELECT id, type FROM entities").fetchall())
    rows = conn.execute(
        "SELECT l.entity_id, l.name, l.names FROM local_entities l"
        " JOIN entities e ON e.id = l.entity_id WHERE e.key NOT LIKE '%@%' ORDER BY l.id"
    ).fetchall()
    for entity_id, name, names in rows:
        all_names = list(dict.fromkeys([name, *json.loads(names)]))
        descriptions = [n for n in all_names if _is_description(n)]
        keys = _blocking_keys(
            name, all_names[1:], descriptions, person=types.get(entity_id) == "PERSON"
        )
        block = [(k, kind, entity_id) for k, kind in keys if k not in barred.get(entity_id, ())]
        conn.executemany(
            "INSERT OR IGNORE INTO entity_keys (key, kind, entity_id) VALUES (?, ?, ?)", block
        )
        conn.executemany(
            "UPDATE entity_keys SET kind = 'name' WHERE key = ? AND entity_id = ?",
            [(k, eid) for k, kind, eid in block if kind == "name"],
        )
