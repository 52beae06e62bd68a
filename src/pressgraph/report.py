"""Dossiers: Markdown and JSON renderings of query results.

Article text is untrusted: in Markdown every piece of it (names, evidence) is escaped, so
an article cannot inject links, images or HTML into a rendered report.
"""

from __future__ import annotations

import re
from typing import Any

from pressgraph.model import FACT_TYPES
from pressgraph.query import Dossier

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
FACT_FIELDS = ("type", "subject", "object", "amount", "currency", "percent", "date", "until",
               "role", "value", "modality", "sources", "evidence")  # fmt: skip


def escape_md(text: str) -> str:
    """Escape Markdown and HTML syntax in untrusted text."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def format_amount(amount: float | None, currency: str | None) -> str:
    if amount is None:
        return ""
    for div, unit in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(amount) >= div:
            value = f"{amount / div:,.2f}".rstrip("0").rstrip(".")
            return f"{value}{unit} {currency or ''}".strip()
    return f"{amount:,.0f} {currency or ''}".strip()


def fact_line(f: dict[str, Any]) -> str:
    """A fact in one plain line: "investment Renault -> Ampere 1bn EUR (2019)"."""
    parts = [f["type"], f["subject"]]
    if f.get("object"):
        parts += ["->", f["object"]]
    if f.get("amount") is not None:
        parts.append(format_amount(f["amount"], f.get("currency")))
    if f.get("percent") is not None:
        parts.append(f"{f['percent']:g}%")
    if f.get("role"):
        parts.append(f"as {f['role']}")
    if f.get("value"):
        parts.append(f"= {f['value']}")
    if f.get("date"):
        parts.append(f"({f['date']})")
    if f.get("until"):
        parts.append(f"(until {f['until']})")
    return " ".join(str(p) for p in parts)


def _sources(f: dict[str, Any]) -> list[str]:
    out = []
    for s in f.get("sources") or []:
        name = s["name"] if isinstance(s, dict) else str(s)
        kind = s.get("kind", "source") if isinstance(s, dict) else "source"
        out.append(name if kind == "source" else f"relayed by {name}")
    return out


def _ordered(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rank = {t: i for i, t in enumerate(FACT_TYPES)}
    return sorted(facts, key=lambda f: (rank.get(f["type"], 99), f.get("date") or "", f["subject"]))


def to_json(d: Dossier) -> dict[str, Any]:
    facts = []
    for f in _ordered(d.facts):
        item = {k: f.get(k) for k in FACT_FIELDS}
        item["sources"] = [s["name"] if isinstance(s, dict) else s for s in f.get("sources") or []]
        item["attribution"] = f.get("sources") or []
        item["evidence_start"] = f.get("evidence_start")
        item["evidence_end"] = f.get("evidence_end")
        item["document"] = f.get("document")
        item["title"] = f.get("title")
        item["outlet"] = f.get("outlet")
        item["published"] = f.get("published")
        facts.append(item)
    return {
        "entity": d.entity["name"],
        "with": d.other["name"] if d.other else None,
        "aliases": d.entity.get("aliases", []),
        "facts": facts,
    }


def to_markdown(d: Dossier) -> str:
    title = escape_md(d.entity["name"])
    if d.other:
        title += " — " + escape_md(d.other["name"])
    lines = [f"# {title}", ""]
    aliases = [a for a in d.entity.get("aliases", []) if a != d.entity["name"]]
    if aliases:
        lines += ["Also called: " + ", ".join(escape_md(a) for a in aliases), ""]
    if not d.facts:
        lines.append("No facts stored.")
        return "\n".join(lines) + "\n"
    current = None
    for f in _ordered(d.facts):
        if f["type"] != current:
            current = f["type"]
            lines += [f"## {current.replace('_', ' ')}", ""]
        lines.append(f"- **{escape_md(fact_line(f))}** — *{f['modality']}*")
        srcs = _sources(f)
        if srcs:
            lines.append(f"  - according to: {escape_md(', '.join(srcs))}")
        where = " · ".join(
            escape_md(str(x)) for x in (f.get("outlet"), f.get("published"), f.get("title")) if x
        )
        if where:
            lines.append(f"  - reported in: {where}")
        lines.append(f"  - evidence: “{escape_md(f.get('evidence') or '')}”")
    return "\n".join(lines) + "\n"
