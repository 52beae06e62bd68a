"""Dossiers: Markdown and JSON renderings of query results.

Article text is untrusted: in Markdown every piece of it (names, evidence) is escaped, so
an article cannot inject links, images or HTML into a rendered report, nor escape sequences
or bidi controls into a terminal (they are shown as ``\\x1b``, ``\\u202e``).
"""

from __future__ import annotations

import re
from typing import Any

from pressgraph.model import FACT_TYPES
from pressgraph.query import Dossier, timeline
from pressgraph.resolve.facts import Fact
from pressgraph.terminal import terminal_text

#: Characters that are Markdown or HTML syntax wherever they stand: escapes, code spans,
#: emphasis, links and images (``[``, ``]``: ``(`` and ``!`` mean nothing without them),
#: HTML and autolinks, strikethrough, and ``#`` (a heading's closing sequence).
_MD_ALWAYS = r"\\`*\[\]<~#"
#: An underscore is emphasis unless it stands between two letters or digits (``joint_venture``).
_MD_UNDERSCORE = r"(?<![^\W_])_|_(?![^\W_])"
#: ``&`` starts an entity reference (``&amp;``, ``&#x1b;``) only when one follows.
_MD_ENTITY = r"&(?=#?\w+;)"
_MD_INLINE = re.compile(f"[{_MD_ALWAYS}]|{_MD_UNDERSCORE}|{_MD_ENTITY}")
#: What makes a block when it starts a line: a list item (``- ``, ``+ ``, ``1. ``, ``1) ``),
#: a quote (``>``), a thematic break (``---``; ``*`` and ``_`` are escaped anyway).
_MD_BLOCK_START = re.compile(r"^(\s*)([-+](?=\s|$)|-(?=\s*-\s*-)|>|\d{1,9}(?=[.)](?:\s|$)))")


def escape_md(text: str) -> str:
    """Escape what Markdown (and HTML in it) would read as syntax in untrusted text, and
    make its control characters visible escapes (:func:`~pressgraph.terminal.terminal_text`,
    line breaks as spaces): a report is read on a terminal (``--format term``, ``--format
    md`` piped to a pager) as often as in a Markdown viewer.

    Only what Markdown needs is escaped, so ordinary words and figures read as written
    ("Acme -> Globex 13bn USD (2019)", "2024-10-02", "start-up."): the characters of
    :data:`_MD_ALWAYS`, an underscore that could be emphasis, an ``&`` that starts an
    entity, and a list, quote or heading marker at the start of the text (any piece of
    text may start a line of the report). In the Markdown source the backslash of an
    escape is itself escaped (``\\\\x1b``), so a rendered report shows ``\\x1b``."""
    shown = _MD_INLINE.sub(r"\\\g<0>", terminal_text(text, prose=True))
    start = _MD_BLOCK_START.match(shown)
    if start is None:
        return shown
    marker = start.end()
    if start.group(2).isdigit():  # "1986. " or "1) ": escape the "." or ")"
        return shown[:marker] + "\\" + shown[marker:]
    return shown[: marker - 1] + "\\" + shown[marker - 1 :]


def format_amount(amount: float | None, currency: str | None) -> str:
    if amount is None:
        return ""
    for div, unit in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(amount) >= div:
            value = f"{amount / div:,.2f}".rstrip("0").rstrip(".")
            return f"{value}{unit} {currency or ''}".strip()
    # A price per share has cents: "1.5 USD", "92.5 USD".
    value = f"{amount:,.2f}".rstrip("0").rstrip(".")
    return f"{value} {currency or ''}".strip()


#: How a line says what an amount counts (a total says nothing).
KIND_LABELS = {"per_share": "per share", "per_unit": "per unit"}


def fact_line(f: dict[str, Any]) -> str:
    """A fact in one plain line: "investment Renault -> Ampere 1bn EUR (2019)", "acquisition
    X -> Y 92.5 USD per share (from 80 USD)", "stake X -> Y 7.7% (from 6.3%)"."""
    parts = [f["type"], f["subject"]]
    if f.get("object"):
        parts += ["->", f["object"]]
    if f.get("amount") is not None:
        parts.append(format_amount(f["amount"], f.get("currency")))
        if f.get("amount_kind") in KIND_LABELS:
            parts.append(KIND_LABELS[f["amount_kind"]])
        if f.get("previous_amount") is not None:
            parts.append(f"(from {format_amount(f['previous_amount'], f.get('currency'))})")
    if f.get("percent") is not None:
        parts.append(f"{f['percent']:g}%")
        if f.get("previous_percent") is not None:
            parts.append(f"(from {f['previous_percent']:g}%)")
    if f.get("role"):
        parts.append(f"as {f['role']}")
    if f.get("value"):
        parts.append(f"= {f['value']}")
    if f.get("date"):
        parts.append(f"({f['date']})")
    if f.get("until"):
        parts.append(f"(until {f['until']})")
    return " ".join(str(p) for p in parts)


STATUS_TITLES = (
    ("current", "Current facts"),
    ("conflicting", "Conflicting facts"),
    ("superseded", "History: superseded facts"),
)


def _ordered(facts: list[Fact]) -> list[Fact]:
    rank = {t: i for i, t in enumerate(FACT_TYPES)}
    return sorted(
        facts, key=lambda f: (rank.get(f.type, 99), f.attributes.get("date") or "", f.subject, f.id)
    )


def to_json(d: Dossier) -> dict[str, Any]:
    """``{"entity", "with", "as_of", "aliases", "facts": [...]}``: each fact with its
    attributes, modality, status, report dates, original sources and claims."""
    return {
        "entity": d.entity["name"],
        "with": d.other["name"] if d.other else None,
        "as_of": d.as_of,
        "aliases": d.entity.get("aliases", []),
        "owner": d.entity.get("owner"),
        "products": d.entity.get("products", []),
        "facts": [f.to_dict() for f in _ordered(d.facts)],
        "mentioned_in": d.mentioned_in,
    }


def _reported(f: Fact) -> str:
    first, last = f.first_reported or "?", f.last_reported or "?"
    span = first if first == last else f"{first} → {last}"
    return span + (" (ingest date: no publication date)" if f.reported_from_ingest else "")


def _fact_block(f: Fact, by_id: dict[str, Fact]) -> list[str]:
    line = escape_md(fact_line(f.head()))
    n = f.independent_sources
    lines = [
        f"- **{line}** — *{f.modality}*, {f.status}; reported {escape_md(_reported(f))}; "
        f"{n} independent source{'s' if n != 1 else ''}: {escape_md(', '.join(f.sources))}"
    ]
    for label, ids in (("superseded by", f.superseded_by), ("conflicts with", f.conflicts_with)):
        others = [escape_md(fact_line(by_id[i].head())) for i in ids if i in by_id]
        if others:
            lines.append(f"  - {label}: " + "; ".join(others))
    for claim in f.claims:
        chain = []
        for link in claim.get("sources") or []:
            chain.append(
                link["name"] if link.get("kind") == "source" else f"relayed by {link['name']}"
            )
        where = " · ".join(
            escape_md(str(x))
            for x in (claim.get("outlet"), claim.get("published") or "no date", claim.get("title"))
            if x
        )
        according = f" — according to {escape_md(', '.join(chain))}" if chain else ""
        # A claim that says less than its fact ("would not comment on whether it plans to
        # raise its stake" under a stated stake) says how it says it.
        if claim.get("modality") and claim["modality"] != f.modality:
            according += f" ({claim['modality']})"
        # The claim of a former level: its evidence is the change's sentence.
        former = " (the level it changed from)" if claim.get("change_of") else ""
        traded = "".join(
            f"; in exchange for: {escape_md(a['text'])}"
            for a in claim.get("arguments") or []
            if a.get("role") == "consideration"
        )
        lines.append(
            f"  - {where}{according}{former}{traded}; "
            f"evidence: “{escape_md(claim.get('evidence') or '')}”"
        )
    return lines


def to_markdown(d: Dossier) -> str:
    title = escape_md(d.entity["name"])
    if d.other:
        title += " — " + escape_md(d.other["name"])
    lines = [f"# {title}", ""]
    if d.as_of:
        lines += [f"As reported by {escape_md(d.as_of)}.", ""]
    aliases = [a for a in d.entity.get("aliases", []) if a != d.entity["name"]]
    if aliases:
        lines += ["Also called: " + ", ".join(escape_md(a) for a in aliases), ""]
    if d.entity.get("owner"):
        lines += [f"A product or brand of {escape_md(str(d.entity['owner']))}.", ""]
    if d.entity.get("products"):
        products = ", ".join(escape_md(p) for p in d.entity["products"])
        lines += [f"Products and brands (their facts are in this dossier): {products}", ""]
    if not d.facts:
        lines += ["No facts stored.", ""]
        return "\n".join(lines + _mentioned_lines(d)) + "\n"
    by_id = {f.id: f for f in d.facts}
    for status, heading in STATUS_TITLES:
        chosen = _ordered(d.by_status(status))
        if not chosen:
            continue
        lines += [f"## {heading}", ""]
        current = None
        for f in chosen:
            if f.type != current:
                if current is not None:
                    lines.append("")
                current = f.type
                lines += [f"### {current.replace('_', ' ')}", ""]
            lines += _fact_block(f, by_id)
        lines.append("")
    lines += ["## Timeline", ""]
    lines += timeline_lines(d)
    lines += ["", *_mentioned_lines(d)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _mentioned_lines(d: Dossier) -> list[str]:
    """The "also mentioned in" section: documents naming the entity without a fact."""
    if not d.mentioned_in:
        return []
    lines = ["## Also mentioned in", ""]
    for m in d.mentioned_in:
        where = " · ".join(
            escape_md(str(x)) for x in (m.get("outlet"), m.get("published") or "no date") if x
        )
        title = escape_md(m.get("title") or m["document"])
        lines.append(f"- {where}: {title} (as “{escape_md(m.get('mention') or '')}”)")
    return lines


_AXIS = {"valid": "holds", "until": "until", "reported": "reported", "ingested": "ingested"}


def timeline_rows(d: Dossier) -> list[dict[str, Any]]:
    """The timeline as plain rows: date, axis, fact, status, outlet, evidence."""
    rows = []
    for event in timeline(d):
        fact: Fact = event["fact"]
        claims = event.get("claims") or []
        outlets = list(dict.fromkeys(c.get("outlet") or c.get("title") or "?" for c in claims))
        rows.append(
            {
                "date": event["date"],
                "axis": event["axis"],
                "fact": fact_line(fact.head()),
                "fact_id": fact.id,
                "type": fact.type,
                "status": fact.status,
                "modality": claims[-1]["modality"] if claims else fact.modality,
                "outlet": ", ".join(outlets) if outlets else None,
                "documents": list(dict.fromkeys(c["document"] for c in claims)),
            }
        )
    return rows


def timeline_lines(d: Dossier) -> list[str]:
    lines = []
    for row in timeline_rows(d):
        who = f" ({escape_md(row['outlet'])})" if row["outlet"] else ""
        lines.append(
            f"- {escape_md(row['date'] or '?')} · {_AXIS[row['axis']]}{who}: "
            f"{escape_md(row['fact'])} — *{row['modality']}*, {row['status']}"
        )
    return lines
