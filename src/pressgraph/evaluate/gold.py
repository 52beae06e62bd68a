"""Gold articles: loading them, and the normalised forms facts are compared in (names,
aliases, sources, types, numbers, years)."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressgraph.errors import IngestError
from pressgraph.lang import LANGUAGES
from pressgraph.model import FACT_SCHEMA, MODALITIES

_APOSTROPHES = re.compile("[\u2019\u2018\u02bc\u201b\u0060\u00b4\u2032]")
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]")


@dataclass(frozen=True, slots=True)
class GoldProblem:
    """What is wrong with a gold article or one of its facts, and where.

    ``fact`` is the index of the fact in the article's ``facts`` list (from 0), or None when
    the whole article is unusable (an unknown language)."""

    file: str
    article: str
    fact: int | None
    reason: str

    def __str__(self) -> str:
        where = "" if self.fact is None else f" facts[{self.fact}]"
        return f"{self.file}: article {self.article!r}{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class GoldSet:
    """Gold articles ready to score (invalid facts and articles left out) and what was
    wrong with the ones left out."""

    articles: list[dict[str, Any]]
    problems: list[GoldProblem]


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The valid gold articles of ``path``: :attr:`GoldSet.articles` of :func:`read_gold`
    (facts that break the format left out; :func:`read_gold` says which and why)."""
    return read_gold(path).articles


def read_gold(path: str | Path) -> GoldSet:
    """Load gold articles from a folder of ``.json`` files (sorted by name) or from one file,
    and check them against the format of ``shared/eval/README.md``.

    A file holds one article object or a JSON list of article objects. Each article must be
    an object with an ``id`` and a ``facts`` list. Raises :class:`IngestError` when the path
    does not exist, a folder holds no ``.json`` file, or a file is not valid gold JSON.

    An article in a language pressgraph does not read, and each fact that breaks the format
    (no subject, no object where its type has one, an unknown type or modality, an amount,
    percent, currency, date or sources of the wrong shape) is left out and named in
    :attr:`GoldSet.problems`, one each, so it is never scored.
    """
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.glob("*.json") if f.is_file())
        if not files:
            raise IngestError(str(p), "no .json gold file in this folder")
    elif p.is_file():
        files = [p]
    else:
        raise IngestError(str(p), "no such file or folder")
    articles: list[dict[str, Any]] = []
    problems: list[GoldProblem] = []
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise IngestError(str(f), f"cannot read gold JSON: {exc}") from exc
        items = data if isinstance(data, list) else [data]
        for item in items:
            if not isinstance(item, dict) or "id" not in item:
                raise IngestError(str(f), "a gold article must be an object with an 'id'")
            if not isinstance(item.get("facts", []), list):
                raise IngestError(str(f), "'facts' must be a list")
            name = str(item["id"])
            language = article_language(item)
            if language not in LANGUAGES:
                reason = f"language {language!r} is not one of {', '.join(LANGUAGES)}"
                problems.append(GoldProblem(str(f), name, None, reason))
                continue
            kept: list[Any] = []
            for index, fact in enumerate(item.get("facts") or []):
                wrong = fact_problems(fact)
                problems.extend(GoldProblem(str(f), name, index, w) for w in wrong)
                if not wrong:
                    kept.append(fact)
            articles.append({**item, "facts": kept} if len(kept) < len(item["facts"]) else item)
    return GoldSet(articles, problems)


_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def fact_problems(fact: object) -> list[str]:
    """What is wrong with one gold fact against the format (empty when it is valid)."""
    if not isinstance(fact, Mapping):
        return ["a fact must be an object"]
    ftype = fact.get("type")
    schema = FACT_SCHEMA.get(ftype) if isinstance(ftype, str) else None
    found: list[str] = []
    if schema is None:
        found.append(f"unknown fact type {ftype!r}")
    if not _is_name(fact.get("subject")):
        found.append("no subject")
    if schema is not None:
        if schema.object is not None and not _is_name(fact.get("object")):
            found.append(f"no object (a {schema.name} fact has one: the {schema.object})")
        if schema.object is None and fact.get("object") is not None:
            found.append(f"an object on a {schema.name} fact, which has none")
    for key in ("amount", "percent"):
        value = fact.get(key)
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if value is not None and not (number and math.isfinite(value)):
            found.append(f"{key} {value!r} is not a number")
    currency = fact.get("currency")
    if currency is not None and not (isinstance(currency, str) and _CURRENCY.match(currency)):
        found.append(f"currency {currency!r} is not an ISO 4217 code (USD, EUR...)")
    for key in ("date", "until"):
        value = fact.get(key)
        if value is not None and not (isinstance(value, str) and _DATE.match(value)):
            found.append(f"{key} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    modality = fact.get("modality")
    if modality is not None and modality not in MODALITIES:
        found.append(f"modality {modality!r} is not one of {', '.join(MODALITIES)}")
    sources = fact.get("sources")
    if sources is not None and not (
        isinstance(sources, list) and all(_is_name(s) for s in sources)
    ):
        found.append("sources must be a list of names")
    return found


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def normalize_name(name: object) -> str:
    """Comparison key of a name: accents removed, casefolded, ``’``/``'`` and dashes unified,
    inner whitespace collapsed, surrounding whitespace and punctuation stripped.

    ``None`` gives ``""``.
    """
    if name is None:
        return ""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("'", text)
    text = _DASHES.sub("-", text)
    text = " ".join(text.casefold().split())
    start, end = 0, len(text)
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge_junk(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def alias_map(article: Mapping[str, Any]) -> dict[str, str]:
    """Map the normalised name and every normalised alias of each entity of ``article`` to
    the entity's normalised name.

    An entity's own name wins over another entity's identical alias; between two aliases the
    first entity listed wins.
    """
    mapping: dict[str, str] = {}
    entities = [e for e in article.get("entities") or [] if isinstance(e, Mapping)]
    for ent in entities:
        key = normalize_name(ent.get("name"))
        if key:
            mapping[key] = key
    for ent in entities:
        key = normalize_name(ent.get("name"))
        if not key:
            continue
        for alias in ent.get("aliases") or []:
            akey = normalize_name(alias)
            if akey:
                mapping.setdefault(akey, key)
    return mapping


def canonical_name(name: object, aliases: Mapping[str, str]) -> str | None:
    """The entity key ``name`` refers to: its normalised form, mapped through ``aliases``.

    ``None`` or a blank name gives ``None`` (absent).
    """
    key = normalize_name(name)
    if not key:
        return None
    return aliases.get(key, key)


def source_set(fact: Mapping[str, Any], aliases: Mapping[str, str]) -> frozenset[str]:
    """The fact's ``sources`` as a set of entity keys (alias-mapped, normalised)."""
    raw = fact.get("sources") or []
    if isinstance(raw, str):
        raw = [raw]
    keys = (canonical_name(s, aliases) for s in raw)
    return frozenset(k for k in keys if k)


def norm_type(value: object) -> str:
    return str(value).strip().lower() if value is not None else ""


def norm_modality(value: object) -> str | None:
    return str(value).strip().lower() if value is not None else None


def as_number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def as_year(value: object) -> str:
    return str(value).strip()[:4]


def article_language(article: Mapping[str, Any]) -> str:
    """The article's language: its ``language`` field, else the ``fr-``/``en-`` id prefix,
    else ``"unknown"``."""
    lang = article.get("language")
    if lang:
        return str(lang).strip().lower()
    prefix = str(article.get("id", "")).split("-", 1)[0].lower()
    return prefix if prefix in LANGUAGES else "unknown"
