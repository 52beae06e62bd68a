"""Every page of the web UI and its JSON twin, through FastAPI's TestClient, on the demo
database built by the real pipeline (and on the same plus a hostile article)."""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import pressgraph
from pressgraph import query, report
from pressgraph.cli import app as cli_app
from pressgraph.errors import StoreError
from pressgraph.store import open_readonly
from pressgraph.web import pages
from pressgraph.web.app import CSP, SECURITY_HEADERS, allowed_hosts, create_app

BASE = "http://127.0.0.1"


def _client(db: Path) -> TestClient:
    return TestClient(create_app(db, host="127.0.0.1"), base_url=BASE)


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Iterator[TestClient]:
    with _client(demo_db) as c:
        yield c


@pytest.fixture(scope="module")
def hostile_client(hostile_db: Path) -> Iterator[TestClient]:
    with _client(hostile_db) as c:
        yield c


def _valuation(data: dict[str, Any]) -> dict[str, Any]:
    [fact] = [f for f in data["facts"] if f["type"] == "valuation" and f["amount"] == 260e9]
    return fact


def _html(client: TestClient, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    for key, value in SECURITY_HEADERS.items():
        assert response.headers[key] == value
    return response.text


def _json(client: TestClient, path: str, status: int = 200) -> Any:
    sep = "&" if "?" in path else "?"
    response = client.get(f"{path}{sep}format=json")
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    return response.json()


def test_entity_json_has_the_260bn_valuation_with_its_chain(client: TestClient) -> None:
    data = _json(client, "/entity/OpenAI")
    fact = _valuation(data)
    assert fact["subject"] == "OpenAI" and fact["currency"] == "USD"
    assert fact["sources"] == ["Financial Times"]
    [claim] = fact["claims"]
    assert claim["attribution"] == [
        {"name": "Financial Times", "kind": "source"},
        {"name": "Les Echos", "kind": "relay"},
    ]
    assert "260\u00a0milliards de dollars" in claim["evidence"]


def test_dossier_json_is_the_report_json(client: TestClient, demo_db: Path) -> None:
    for path, name, other in (
        ("/entity/OpenAI", "OpenAI", None),
        ("/pair/OpenAI/Microsoft", "OpenAI", "Microsoft"),
    ):
        data = _json(client, path)
        with open_readonly(demo_db) as store:
            d = query.dossier(store, name, other)
            expected = report.to_json(d)
            timeline = report.timeline_rows(d)
        assert len(expected["facts"]) <= pages.FACTS_PER_PAGE
        assert {k: data[k] for k in expected} == expected
        assert data["timeline"] == timeline
        assert data["page"] == {
            "number": 1,
            "size": pages.FACTS_PER_PAGE,
            "total": len(expected["facts"]),
            "pages": 1,
            "has_next": False,
        }


def test_dossier_page_shows_facts_chains_evidence_graph_and_timeline(client: TestClient) -> None:
    data = _json(client, "/entity/OpenAI")
    fact = _valuation(data)
    html = _html(client, "/entity/OpenAI")
    assert "<h2>Current facts</h2>" in html
    assert f'id="fact-{fact["id"]}"' in html
    assert "valuation OpenAI 260bn USD" in html
    assert "according to Financial Times, relayed by Les Echos" in html
    claim = fact["claims"][0]
    evidence = f"/document/{claim['document']}#ev-{claim['evidence_start']}-{claim['evidence_end']}"
    assert f'href="{evidence}"' in html
    # The graph: one link per drawn fact to its anchor, each node to its dossier.
    svg = html[html.index("<svg") : html.index("</svg>")]
    edges = re.findall(r'<a href="#fact-(\w+)" class="edge', svg)
    assert edges and set(edges) <= {f["id"] for f in data["facts"]}
    assert all(f'id="fact-{e}"' in html for e in edges)
    assert 'href="/entity/Microsoft"' in svg
    assert "<h2>Timeline</h2>" in html and "reported" in html
    assert 'href="/pair/OpenAI/Microsoft"' in html


def test_pair_page(client: TestClient) -> None:
    html = _html(client, "/pair/Microsoft/OpenAI")
    assert '<a href="/entity/Microsoft">Microsoft</a> — <a href="/entity/OpenAI">OpenAI</a>' in html
    data = _json(client, "/pair/Microsoft/OpenAI")
    assert data["entity"] == "Microsoft" and data["with"] == "OpenAI"
    assert {1e9, 13e9} <= {f["amount"] for f in data["facts"] if f["type"] == "investment"}


def test_document_page_highlights_evidence_at_its_offsets(client: TestClient) -> None:
    fact = _valuation(_json(client, "/entity/OpenAI"))
    claim = fact["claims"][0]
    doc = _json(client, f"/document/{claim['document']}")
    start, end = claim["evidence_start"], claim["evidence_end"]
    assert doc["text"][start:end] == claim["evidence"]
    assert any(c["evidence_start"] == start and c["type"] == "valuation" for c in doc["claims"])
    assert doc["claims_page"]["total"] == len(doc["claims"])
    html = _html(client, f"/document/{claim['document']}")
    mark = f'<mark class="evidence" id="ev-{start}-{end}">'
    assert mark in html
    after = html[html.index(mark) + len(mark) :]
    assert after.startswith(claim["evidence"].replace("'", "&#39;") + "</mark>")
    # The whole text is there, in order, escaped segment by segment.
    article = html[html.index('<div class="article">') :]
    article = article[len('<div class="article">') : article.index("</div>")]
    plain = re.sub(r"<[^>]+>", "", article)
    assert plain.replace("&#39;", "'").replace("&#34;", '"').replace("&amp;", "&") == doc["text"]


def test_document_story_lists_near_duplicates(client: TestClient, demo_db: Path) -> None:
    with open_readonly(demo_db) as store:
        docs, _ = query.latest_documents(store)
    for d in docs:
        data = _json(client, f"/document/{d['id']}")
        assert data["story_page"]["total"] == len(data["story_documents"])
        assert all(s["id"] != d["id"] for s in data["story_documents"])


def test_home_lists_top_entities_and_latest_documents(client: TestClient) -> None:
    data = _json(client, "/")
    names = [e["name"] for e in data["entities"]]
    assert {"OpenAI", "Microsoft"} <= set(names[:3])
    claims = [e["claims"] for e in data["entities"]]
    assert claims == sorted(claims, reverse=True)
    assert data["documents_page"]["total"] == len(data["documents"]) == 2
    html = _html(client, "/")
    assert 'action="/search"' in html and 'name="q"' in html
    assert 'href="/entity/OpenAI"' in html
    assert f'href="/document/{data["documents"][0]["id"]}"' in html


def test_lists_are_paginated(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "ENTITIES_PER_PAGE", 3)
    monkeypatch.setattr(pages, "FACTS_PER_PAGE", 4)
    monkeypatch.setattr(pages, "RESULTS_PER_PAGE", 1)
    first, second = _json(client, "/"), _json(client, "/?entities_page=2")
    assert len(first["entities"]) == 3 and first["entities_page"]["has_next"]
    assert not {e["name"] for e in first["entities"]} & {e["name"] for e in second["entities"]}
    assert 'href="/?entities_page=2"' in _html(client, "/")
    full = first["entities_page"]["total"]
    last = _json(client, f"/?entities_page={first['entities_page']['pages']}")
    assert not last["entities_page"]["has_next"] and 0 < len(last["entities"]) <= 3 <= full
    one, two = _json(client, "/entity/OpenAI"), _json(client, "/entity/OpenAI?page=2")
    assert len(one["facts"]) == 4 and one["page"]["has_next"] and two["page"]["number"] == 2
    assert not {f["id"] for f in one["facts"]} & {f["id"] for f in two["facts"]}
    assert 'rel="next" href="/entity/OpenAI?page=2"' in _html(client, "/entity/OpenAI")
    s1, s2 = _json(client, "/search?q=OpenAI"), _json(client, "/search?q=OpenAI&page=2")
    assert s1["page"]["has_next"] and len(s1["entities"]) <= 1 and s2["offset"] == 1


def test_search_finds_entities_and_documents(client: TestClient, demo_db: Path) -> None:
    data = _json(client, "/search?q=OpenAI")
    with open_readonly(demo_db) as store:
        expected = query.search(store, "OpenAI", limit=pages.RESULTS_PER_PAGE).to_dict()
    assert {k: data[k] for k in expected} == expected
    assert data["entities"][0]["name"] == "OpenAI"
    assert data["documents"]
    html = _html(client, "/search?q=OpenAI")
    assert '<a href="/entity/OpenAI">OpenAI</a>' in html and "<b>OpenAI</b>" in html
    assert 'value="OpenAI"' in html
    assert "Type a name" in _html(client, "/search")
    assert "Nothing matches" in _html(client, "/search?q=zzzqqq")


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/entity/Nobody%20Corp", 404, "no entity named"),
        ("/pair/OpenAI/Nobody", 404, "no entity named"),
        ("/document/0000", 404, "no document"),
        ("/nowhere", 404, "no such page"),
        ("/search?q=%22%2A%22", 400, "nothing to search for"),
        ("/?entities_page=x", 400, "invalid parameter"),
        ("/entity/OpenAI?page=0", 400, "invalid parameter"),
        ("/entity/OpenAI?as_of=yesterday", 400, "expected a date"),
    ],
)
def test_errors_are_pages_and_json(
    client: TestClient, path: str, status: int, message: str
) -> None:
    assert message in _html(client, path, status)
    assert message in _json(client, path, status)["error"]


def test_as_of(client: TestClient) -> None:
    data = _json(client, "/entity/OpenAI?as_of=2024-12-31")
    assert data["as_of"] == "2024-12-31"
    assert all(f["first_reported"] <= "2024-12-31" for f in data["facts"])
    assert "As reported by 2024-12-31." in _html(client, "/entity/OpenAI?as_of=2024-12-31")


def test_read_only_and_guarded(client: TestClient, demo_db: Path) -> None:
    assert client.head("/entity/OpenAI").status_code == 200
    assert client.post("/search", data={"q": "x"}).status_code == 405
    # A page elsewhere cannot reach the server through a rebound DNS name.
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert "script-src 'none'" in CSP and "default-src 'self'" in CSP
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    with open_readonly(demo_db) as store, pytest.raises(StoreError, match="readonly"):
        store._transaction("writing", lambda: store._conn.execute("CREATE TABLE x (a)"))


def test_readonly_refuses_a_missing_or_foreign_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        open_readonly(tmp_path / "missing.db")
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (a)").connection.commit()
    with pytest.raises(StoreError, match="not a pressgraph database"):
        open_readonly(tmp_path / "other.db")
    assert not (tmp_path / "missing.db").exists()


def test_serve_on_a_missing_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "no such database" in lines[0] and "Traceback" not in result.output


class _Tags(HTMLParser):
    """Every start tag and attribute of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _template_tags() -> set[str]:
    """Every tag the shipped templates write: any other tag on a page came from the data."""
    folder = resources.files("pressgraph.web") / "templates"
    found: set[str] = set()
    for template in folder.iterdir():
        found |= set(re.findall(r"<([a-z][a-z0-9]*)", template.read_text(encoding="utf-8")))
    return found


_TEMPLATE_TAGS = _template_tags()


def _assert_inert(html: str) -> None:
    assert {"svg", "mark", "a"} <= _TEMPLATE_TAGS and not {"script", "img"} & _TEMPLATE_TAGS
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in _TEMPLATE_TAGS, f"<{tag}> comes from the data"
        for name, value in attrs:
            assert not name.startswith("on"), f"<{tag} {name}=...>"
            if name in ("href", "src", "action"):
                assert value is not None and re.match(r"^(/|#|https?://)", value), value
    for payload in ("<script", "<img", 'javascript:alert(1)"'):
        assert payload not in html


def test_hostile_article_is_inert(hostile_client: TestClient, hostile: Any) -> None:
    docs = _json(hostile_client, "/")["documents"]
    hostile_docs = [d for d in docs if "<script>" in (d["title"] or "")]
    assert len(hostile_docs) == 2  # the ingested one and the hand-made extraction
    _assert_inert(_html(hostile_client, "/"))
    for d in hostile_docs:
        html = _html(hostile_client, f"/document/{d['id']}")
        _assert_inert(html)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        data = _json(hostile_client, f"/document/{d['id']}")
        assert data["url"].startswith("javascript:alert(") and hostile.script in data["text"]
        assert f'<span class="url-text">{data["url"]}</span>' in html  # text, not a link
    for name in (hostile.attacker, hostile.target, hostile.linked):
        html = _html(hostile_client, "/entity/" + quote(name, safe=""))
        _assert_inert(html)
        assert _json(hostile_client, "/entity/" + quote(name, safe=""))["entity"] == name
    html = _html(hostile_client, "/entity/" + quote(hostile.attacker, safe=""))
    assert "<svg" in html and "relayed by &lt;img src=x onerror=alert(1)&gt; Wire" in html
    pair = "/pair/" + quote(hostile.attacker, safe="") + "/" + quote(hostile.target, safe="")
    _assert_inert(_html(hostile_client, pair))
    search = _html(hostile_client, "/search?q=" + quote("script alert"))
    _assert_inert(search)
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt; Corp" in search


def test_serve_on_a_port_in_use_is_one_line(demo_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli_app, ["serve", "--db", str(demo_db), "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port} (already in use)" in result.output


def test_allowed_hosts() -> None:
    assert allowed_hosts("127.0.0.1") == ["127.0.0.1", "localhost", "[::1]"]
    assert allowed_hosts("::1") == ["::1", "[::1]", "127.0.0.1", "localhost"]
    assert allowed_hosts("192.0.2.7") == ["192.0.2.7"]
    assert allowed_hosts("0.0.0.0") == ["*"]


def test_the_cli_loads_no_web_framework() -> None:
    code = "import sys, pressgraph.cli; print(sorted({'fastapi', 'uvicorn'} & set(sys.modules)))"
    src = str(Path(pressgraph.__file__).resolve().parents[1])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])),
    }
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "[]"


def test_a_reprint_is_in_the_story_of_its_article(hostile_client: TestClient) -> None:
    docs = {d["title"]: d for d in _json(hostile_client, "/")["documents"]}
    reprint = docs["Globex Industries to buy Initech (reprint)"]
    [original] = [d for t, d in docs.items() if t.startswith("<script>alert(1)</script> Globex")]
    assert reprint["story"] == original["story"] == original["id"]
    data = _json(hostile_client, f"/document/{original['id']}")
    assert [d["id"] for d in data["story_documents"]] == [reprint["id"]]
    html = _html(hostile_client, f"/document/{original['id']}")
    assert "Same story elsewhere" in html and f'href="/document/{reprint["id"]}"' in html
    back = _json(hostile_client, f"/document/{reprint['id']}")["story_documents"]
    assert [d["id"] for d in back] == [original["id"]]


def test_a_claim_saying_less_than_its_fact_shows_how(client: TestClient) -> None:
    """The stake Microsoft holds is stated by the French sample; the English sample only
    raises it ("would not comment on whether it plans to raise its stake"): that claim is
    marked hedged on the page, under the asserted fact."""
    html = client.get("/pair/Microsoft/OpenAI").text
    start = html.index("would not comment on whether")
    item = html[html.rindex("<li>", 0, start) : start]
    assert '<span class="modality hedged">hedged</span>' in item
