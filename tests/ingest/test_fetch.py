"""Fetching URLs against a real HTTP server on 127.0.0.1 (the ``local_site`` fixture), and
the hostile-input corpus: every bad file or URL gives one line, the good ones are stored."""

from __future__ import annotations

import gzip
import io
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pressgraph.cli import app
from pressgraph.errors import IngestError
from pressgraph.ingest import IngestOptions, iter_documents, read_url_list
from pressgraph.ingest.fetch import Fetcher, FetchPolicy, refused_address
from pressgraph.model import Document

WEB = Path(__file__).resolve().parents[1] / "data/web"
ARTICLE_FR = (WEB / "article-fr.html").read_bytes()
ARTICLE_EN = (WEB / "article-en.cp1252.html").read_bytes()
#: What ``--allow-private`` means for these tests: the loopback test server only.
LOCAL = FetchPolicy(timeout=1.0, min_interval=0.0, allowed_networks=("127.0.0.1/32",))


def read(
    inputs: list[str], policy: FetchPolicy = LOCAL, **options: Any
) -> tuple[list[Document], list[IngestError]]:
    docs: list[Document] = []
    errors: list[IngestError] = []
    with Fetcher(policy) as fetcher:
        for item in iter_documents(
            inputs, options=IngestOptions(fetch=policy, **options), fetcher=fetcher
        ):
            (errors if isinstance(item, IngestError) else docs).append(item)
    return docs, errors


def test_page_fetched_with_user_agent_and_robots(local_site: Any) -> None:
    url = local_site.serve("/news/verdane", ARTICLE_FR)
    docs, errors = read([url])
    assert errors == []
    (doc,) = docs
    assert doc.title == "Verdane investit 40 millions d'euros dans Lumio"
    assert doc.source == url
    assert [path for path, _ in local_site.requests] == ["/robots.txt", "/news/verdane"]
    assert all(agent.startswith("pressgraph/") for _, agent in local_site.requests)


def test_header_charset_and_language(local_site: Any) -> None:
    page = ARTICLE_EN.replace(b"charset=windows-1252", b"charset=utf-8")  # the page lies
    url = local_site.serve(
        "/en",
        page,
        content_type="text/html; charset=windows-1252",
        headers={"Content-Language": "en-GB"},
    )
    (doc,), errors = read([url])
    assert errors == [] and "for €1.2bn" in doc.text and doc.language == "en"
    assert doc.url == url  # no canonical link: the URL fetched


def test_robots_txt_disallow(local_site: Any) -> None:
    local_site.serve(
        "/robots.txt", "User-agent: pressgraph\nDisallow: /private/\n", content_type="text/plain"
    )
    url = local_site.serve("/private/a", ARTICLE_FR)
    docs, errors = read([url])
    assert docs == [] and [e.reason for e in errors] == ["disallowed by robots.txt"]


def test_redirects_followed_and_capped(local_site: Any) -> None:
    target = local_site.serve("/final", ARTICLE_FR)
    local_site.serve("/old", status=301, headers={"Location": "/final"})
    (doc,), errors = read([local_site.url("/old")])
    assert (
        errors == []
        and doc.url == "https://www.journal-economie.example/tech/verdane-lumio-40-millions"
    )
    for i in range(4):
        local_site.serve(f"/loop{i}", status=302, headers={"Location": f"/loop{i + 1}"})
    policy = FetchPolicy(
        timeout=1.0, min_interval=0, max_redirects=2, allowed_networks=("127.0.0.1/32",)
    )
    docs, errors = read([local_site.url("/loop0")], policy)
    assert docs == [] and errors[0].reason == "too many redirects (more than 2)"
    assert target


def test_polite_rate_per_host(local_site: Any) -> None:
    waits: list[float] = []
    now = [100.0]
    policy = FetchPolicy(timeout=1.0, min_interval=2.0, allowed_networks=("127.0.0.1/32",))

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(policy, clock=lambda: now[0], sleep=sleep)
    urls = [
        local_site.serve(f"/p{i}", ARTICLE_FR.replace(b"Lumio", f"L{i}".encode())) for i in range(2)
    ]
    items = list(iter_documents(urls, options=IngestOptions(fetch=policy), fetcher=fetcher))
    fetcher.close()
    assert all(isinstance(i, Document) for i in items)
    assert waits == [2.0, 2.0]  # robots.txt, then each page: one request per 2 s


def test_private_addresses_refused_by_default(local_site: Any) -> None:
    url = local_site.serve("/a", ARTICLE_FR)
    docs, errors = read([url], FetchPolicy(timeout=1.0, min_interval=0))
    assert docs == []
    assert errors[0].reason.startswith(
        "refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address"
    )
    assert local_site.requests == []  # nothing was sent
    docs, errors = read([url], FetchPolicy(timeout=1.0, min_interval=0, allow_private=True))
    assert errors == [] and len(docs) == 1


@pytest.mark.parametrize(
    ("address", "why"),
    [("10.1.2.3", "a private address"), ("169.254.169.254", "a link-local address"),
     ("::1", "a loopback address"), ("::ffff:192.168.0.1", "a private address"),
     ("fe80::1", "a link-local address"), ("0.0.0.0", "a private address"),
     ("100.64.0.1", "a non-public address"), ("93.184.215.14", None)],
)  # fmt: skip
def test_refused_address(address: str, why: str | None) -> None:
    assert refused_address(address) == why


def test_feed_url_and_follow(local_site: Any) -> None:
    feed = (WEB / "feed.rss").read_bytes()
    feed = feed.replace(
        b"https://gazette-affaires.example/2025/02/orvane-plastika", b"/articles/one"
    )
    feed = feed.replace(
        b"https://gazette-affaires.example/2025/02/serac-tessel", b"/articles/missing"
    )
    url = local_site.serve("/feed.xml", feed, content_type="application/rss+xml")
    local_site.serve("/articles/one", ARTICLE_FR)
    docs, errors = read([url])
    assert errors == [] and [d.source for d in docs] == [f"{url}[1]", f"{url}[2]"]
    assert docs[0].url == local_site.url("/articles/one")  # relative link resolved
    docs, errors = read([url], follow=True)
    (page,) = docs
    assert page.title == "Verdane investit 40 millions d'euros dans Lumio"  # the page's own
    assert page.published == "2025-03-14" and page.outlet == "Le Journal de l'Économie"
    assert [str(e) for e in errors] == [
        f"{url}[2] {local_site.url('/articles/missing')}: HTTP 404 Not Found"
    ]


def test_read_url_list(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "# morning run\nhttps://a.example/1\n\n  https://b.example/2  \n", encoding="utf-8"
    )
    assert read_url_list(listing) == ["https://a.example/1", "https://b.example/2"]
    with pytest.raises(IngestError, match="cannot read URL list"):
        read_url_list(tmp_path / "nope.txt")


def test_url_list_reads_web_urls_only(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Microsoft rachète OpenAI pour 10 milliards de dollars.\n", "utf-8")
    listing = tmp_path / "urls.txt"
    listing.write_text(
        f"HTTPS://a.example/1\n{secret}\nfile://{secret}\nfile:{secret}\n"
        f"ftp://b.example/x\n{tmp_path}\nsecret.txt\nhttp://c.example/2\n",
        encoding="utf-8",
    )
    found = read_url_list(listing)
    assert [f for f in found if isinstance(f, str)] == [
        "HTTPS://a.example/1",
        "http://c.example/2",
    ]
    refused = [f for f in found if isinstance(f, IngestError)]
    assert [e.source for e in refused] == [f"{listing}:{n}" for n in range(2, 8)]
    assert all("not an http(s) URL" in e.reason for e in refused)


def test_cli_urls_file_never_reads_local_files(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Microsoft investit 10 milliards de dollars dans OpenAI, a annoncé le groupe.\n",
        encoding="utf-8",
    )
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{article}\nfile://{article}\n", encoding="utf-8")
    db = tmp_path / "g.db"
    result = CliRunner().invoke(app, ["ingest", "--urls", str(listing), "--db", str(db)])
    text = " ".join(result.output.split())
    assert result.exit_code == 1
    assert text.count("rejected:") == 2 and text.count("not an http(s) URL") == 2
    assert "stored 0 document(s)" in text and "rejected 2" in text


def test_cli_ingest_url_needs_allow_private(local_site: Any, tmp_path: Path) -> None:
    url = local_site.serve("/a", ARTICLE_FR)
    listing = tmp_path / "urls.txt"
    listing.write_text(url + "\n", encoding="utf-8")
    db = tmp_path / "g.db"
    refused = CliRunner().invoke(app, ["ingest", "--urls", str(listing), "--db", str(db)])
    assert refused.exit_code == 1 and "a loopback address" in " ".join(refused.output.split())
    allowed = CliRunner().invoke(app, ["ingest", url, "--allow-private", "--db", str(db)])
    assert allowed.exit_code == 0, allowed.output
    assert "stored 1 document(s)" in " ".join(allowed.output.split())


# -- the hostile corpus --------------------------------------------------------------------


def _warc_with_corrupt_record() -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for i in range(2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = ARTICLE_EN.replace(b"Harwell", f"Harwell{i}".encode())
        writer.write_record(
            writer.create_warc_record(
                f"https://w.example/{i}", "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    data = buffer.getvalue()
    second = data.index(b"WARC/1.0\r\n", 10)
    return data[:second] + b"WARC/1.0\r\nno headers here\r\n\r\n" + data[second + 10 :]


def hostile_files(folder: Path) -> dict[str, str]:
    """Write the hostile files; returns file name -> a word its one error line must hold."""
    deep = "<div>" * 100_000 + "<p>deep</p>" + "</div>" * 100_000
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1 if i > 1 else "") + ";") * 10}">'
            for i in range(1, 10)
        )
        + ']><rss version="2.0"><channel><title>&lol9;</title><item><title>x</title>'
        "<description>&lol9;</description></item></channel></rss>"
    )
    malformed = b"<html><body><p>unclosed <b><i><table><tr><td>\x01</p></html></html><" + b"<" * 500
    scripts = (
        b"<html><body onload='x()'><script>alert(1)</script>"
        b"<a href='javascript:x()'>x</a></body></html>"
    )
    not_feed = b"<?xml version='1.0'?><catalog><book>x</book></catalog>"
    no_text = (
        b"<rss version='2.0'><channel><title>F</title><item><title>Only a title</title>"
        b"<link>https://x.example/a</link></item></channel></rss>"
    )
    files: dict[str, tuple[bytes, str]] = {
        "empty.html": (b"", "empty file"),
        "binary.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
        "truncated.html.gz": (gzip.compress(ARTICLE_FR)[:-40], "truncated gzip"),
        "bomb.txt.gz": (gzip.compress(b"A" * 3_000_000), "decompression bomb"),
        "huge.txt": (b"Titre\n\n" + b"mot " * 600_000, "file too large"),
        "deep.html": (deep.encode(), "no article text"),
        "malformed.html": (malformed, "no article text"),
        "scripts-only.html": (scripts, "no article text"),
        "laughs.xml": (laughs.encode(), "entity declarations refused"),
        "not-a-feed.xml": (not_feed, "not an RSS or Atom feed"),
        "no-text.rss": (no_text, "no text"),
        "corrupt.warc": (_warc_with_corrupt_record(), "corrupt WARC record"),
    }  # fmt: skip
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: word for name, (_, word) in files.items()}


def test_hostile_corpus_one_line_each_and_good_inputs_stored(
    local_site: Any, tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    expected = hostile_files(hostile)
    good = tmp_path / "good"
    good.mkdir()
    (good / "page.html").write_bytes(ARTICLE_FR)
    (good / "page-cp1252.html").write_bytes(ARTICLE_EN)
    (good / "mislabelled.html").write_bytes(
        ARTICLE_FR.replace(b'charset="utf-8"', b'charset="iso-8859-1"')
    )
    (good / "invalid-utf8.html").write_bytes(
        ARTICLE_FR.replace(b"fondateur", "fondateur \xe9\xff".encode("latin-1"))
    )
    (good / "feed.atom.gz").write_bytes(gzip.compress((WEB / "feed.atom").read_bytes()))
    slow = local_site.serve("/slow", ARTICLE_FR, delay=3)
    private = local_site.serve(
        "/to-private", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    image = local_site.serve("/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    fine = local_site.serve("/fine", ARTICLE_EN.replace(b"Harwell", b"Hartwell"))
    urls = {
        slow: "timed out",
        private: "a link-local address",
        image: "unsupported content type 'image/png'",
    }

    docs, errors = read([str(hostile), str(good), slow, private, image, fine], max_bytes=2_000_000)

    lines = [str(e) for e in errors]
    assert len(lines) == len(expected) + len(urls), "\n".join(lines)
    for name, word in expected.items():
        (line,) = [line for line in lines if f"/hostile/{name}" in line]
        assert word in line, line
        assert "\n" not in line
    for url, word in urls.items():
        (line,) = [line for line in lines if line.startswith(url + ":")]
        assert word in line, line
    # The good ones, all of them: 4 pages, 2 feed entries, the page fetched, the WARC's good record.
    sources = sorted(Path(d.source or "").name for d in docs)
    assert len(docs) == 8, sources
    mislabelled = next(d for d in docs if (d.source or "").endswith("mislabelled.html"))
    assert "énergétique" in mislabelled.text and "Ã" not in mislabelled.text


@pytest.mark.parametrize("encoding", [None, "gzip"])
def test_a_dripped_body_is_cut_at_the_deadline_of_the_whole_answer(
    local_site: Any, encoding: str | None
) -> None:
    """A byte every 0.2 s never trips the read timeout (1.5 s here): the deadline of the
    whole answer cuts it, compressed or not (a compressed drip decodes to nothing for long)."""
    body = ARTICLE_FR if encoding is None else gzip.compress(ARTICLE_FR)
    headers = {"Content-Encoding": encoding} if encoding else {}
    url = local_site.serve("/drip", body, headers=headers, drip=0.2)
    policy = FetchPolicy(timeout=1.5, min_interval=0.0, allowed_networks=("127.0.0.1/32",))
    started = time.monotonic()
    docs, errors = read([url], policy)
    elapsed = time.monotonic() - started
    assert docs == [] and [str(e) for e in errors] == [
        f"{url}: timed out after 1.5 s (body too slow)"
    ]
    assert elapsed < 1.5 + 1.0


def _fetch(url: str, policy: FetchPolicy, resolve: Any) -> Document | IngestError:
    docs: list[Document] = []
    with Fetcher(policy, resolve=resolve) as fetcher:
        for item in iter_documents([url], options=IngestOptions(fetch=policy), fetcher=fetcher):
            if isinstance(item, IngestError):
                return item
            docs.append(item)
    return docs[0]


def test_the_connection_goes_to_the_address_checked(local_site: Any) -> None:
    """A host name no DNS knows, resolved by the fetcher's resolver only: the connection is
    made to the address the guard checked, whatever the system resolver would say."""
    url = local_site.serve("/a", ARTICLE_FR).replace("127.0.0.1", "news.pressgraph.test")
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    doc = _fetch(url, LOCAL, resolve)
    assert isinstance(doc, Document), doc
    assert asked and set(asked) == {"news.pressgraph.test"}
    assert [path for path, _agent in local_site.requests] == ["/robots.txt", "/a"]


def test_dns_rebinding_is_refused_at_connect(local_site: Any) -> None:
    """The host resolves to a public address when the URL is checked, then to a loopback
    address when the connection is made: the connection is refused, nothing is sent."""
    url = local_site.serve("/a", ARTICLE_FR).replace("127.0.0.1", "rebind.pressgraph.test")
    answers = iter([["93.184.215.14"], ["127.0.0.1"]])

    def resolve(host: str, port: int) -> list[str]:
        return next(answers, ["127.0.0.1"])

    policy = FetchPolicy(timeout=1.0, min_interval=0.0, robots=False)
    error = _fetch(url, policy, resolve)
    assert isinstance(error, IngestError)
    assert error.reason == (
        "refused: rebind.pressgraph.test resolves to 127.0.0.1, a loopback address"
    )
    assert local_site.requests == []


def test_a_redirect_to_a_private_address_is_refused_before_connecting(local_site: Any) -> None:
    url = local_site.serve("/old", status=302, headers={"Location": "http://10.1.2.3/admin"})
    error = _fetch(url, LOCAL, lambda host, port: [host])
    assert isinstance(error, IngestError)
    assert error.reason == (
        "redirected to http://10.1.2.3/admin: refused: 10.1.2.3 resolves to 10.1.2.3, "
        "a private address (see --allow-private)"
    )


def test_fetch_touches_no_private_name_of_httpx_or_httpcore() -> None:
    """The guard is built on the public interfaces of httpx and httpcore (issue 12): no
    ``_name`` of another object than the fetcher's own, no import of a ``_module``."""
    import ast

    from pressgraph.ingest import fetch

    tree = ast.parse(Path(fetch.__file__).read_text(encoding="utf-8"))
    private = [
        f"line {node.lineno}: {ast.unparse(node)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and not (isinstance(node.value, ast.Name) and node.value.id == "self")
    ]
    private += [
        f"line {node.lineno}: from {node.module}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and any(p[:1] == "_" != p[1:2] for p in (node.module or "").split("."))
        and not (node.module or "").startswith("pressgraph.")
    ]
    assert private == []
