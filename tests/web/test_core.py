"""The pure core of the web UI: links, highlighting at offsets, the deal graph's layout."""

from __future__ import annotations

import pytest

from pressgraph.web.graph import MAX_LABELS, deal_graph
from pressgraph.web.highlight import highlight
from pressgraph.web.links import (
    chain_text,
    document_href,
    entity_href,
    fact_anchor,
    href_of,
    pair_href,
    with_params,
)


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://www.lesechos.fr/tech/openai", "https://www.lesechos.fr/tech/openai"),
        ("http://example.com/a?b=c#d", "http://example.com/a?b=c#d"),
        ("HTTPS://EXAMPLE.COM/", "HTTPS://EXAMPLE.COM/"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//evil.example/x", None),
        ("/relative/path", None),
        ("http:///no-host", None),
        ('https://example.com/"onmouseover="alert(1)', None),
        ("https://example.com/<script>", None),
        ("https://exa mple.com/", None),
        ("file:///etc/passwd", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_urls_become_links(url: str | None, href: str | None) -> None:
    assert href_of(url) == href


def test_paths_encode_every_character_of_a_name() -> None:
    assert entity_href("AT&T / Time Warner") == "/entity/AT%26T%20%2F%20Time%20Warner"
    assert entity_href("<script>") == "/entity/%3Cscript%3E"
    assert pair_href("Microsoft", "Open AI") == "/pair/Microsoft/Open%20AI"
    assert document_href("abc", 10, 25) == "/document/abc#ev-10-25"
    assert document_href("a/b") == "/document/a%2Fb"
    assert fact_anchor('x"><script>') == "fact-xscript"
    assert with_params("/", {"q": "a&b", "page": None}) == "/?q=a%26b"


def test_chain_in_words() -> None:
    chain = [{"name": "Financial Times", "kind": "source"}, {"name": "Les Echos", "kind": "relay"}]
    assert chain_text(chain) == "Financial Times, relayed by Les Echos"
    assert chain_text([]) == ""


def test_highlight_cuts_at_offsets_and_keeps_every_character() -> None:
    text = "One. Two <b>bold</b>. Three."
    blocks = highlight(text, [(5, 21), (5, 21), (0, 4)])
    assert "".join(b.text for b in blocks) == text
    marks = [b for b in blocks if b.mark]
    assert [(b.id, b.text) for b in marks] == [("ev-0-4", "One."), ("ev-5-21", "Two <b>bold</b>.")]


def test_overlapping_evidence_is_one_block_with_an_anchor_per_sentence() -> None:
    text = "abcdefghij"
    blocks = highlight(text, [(2, 6), (4, 9), (50, 60), (7, 3)])
    assert [b.text for b in blocks] == ["ab", "cdefghi", "j"]
    mark = blocks[1]
    assert mark.id == "ev-2-6" and mark.spans == ("ev-2-6", "ev-4-9")
    assert [(p.text, p.anchors) for p in mark.parts] == [("cd", ()), ("efghi", ("ev-4-9",))]


def _fact(i: int, subject: str, obj: str | None, type_: str = "investment") -> dict[str, object]:
    return {
        "id": f"f{i}",
        "type": type_,
        "subject": subject,
        "object": obj,
        "amount": 1e9 * i,
        "currency": "USD",
        "percent": None,
        "status": "current",
        "modality": "asserted",
    }


def test_graph_draws_one_edge_per_fact_linking_to_its_anchor() -> None:
    facts = [_fact(1, "Microsoft", "OpenAI"), _fact(2, "OpenAI", None, "valuation")]
    facts += [_fact(i, "Microsoft", "OpenAI") for i in range(3, 3 + MAX_LABELS)]
    facts.append(_fact(9, "SoftBank", "OpenAI"))
    graph = deal_graph("OpenAI", facts)
    assert [n.name for n in graph.nodes] == ["OpenAI", "Microsoft", "SoftBank"]
    assert graph.nodes[0].center and graph.nodes[1].href == "/entity/Microsoft"
    assert sorted(e.href for e in graph.edges) == sorted(
        f"#fact-f{i}" for i in (1, 3, 4, 5, 9)
    )  # the valuation has no counterparty: not an edge
    # Four parallel curves share one label; a single edge has its own.
    labels = [e.label for e in graph.edges if e.label]
    assert labels == ["4 facts", "investment 9bn"]
    assert len({e.path for e in graph.edges}) == len(graph.edges)
