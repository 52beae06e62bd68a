"""Web formats: HTML pages, RSS and Atom feeds, WARC archives and gzip, from saved pages of
news layouts (tests/data/web) and archives written here with warcio."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pressgraph.errors import IngestError
from pressgraph.ingest import iter_documents
from pressgraph.ingest.compress import gunzip
from pressgraph.ingest.decode import decode_markup
from pressgraph.ingest.feed import parse_feed
from pressgraph.ingest.html import declared_language, fragment_text, parse_html
from pressgraph.ingest.warc import iter_warc
from pressgraph.model import Document, content_id

WEB = Path(__file__).resolve().parents[1] / "data/web"
ARTICLE_FR = WEB / "article-fr.html"
ARTICLE_EN = WEB / "article-en.cp1252.html"
BOILERPLATE = (
    "Accueil", "Abonnez-vous", "Se connecter", "Publicité", "crédit immobilier", "Partager",
    "Commentaires", "lecteur42", "ne doit pas apparaître", "À lire aussi", "Mentions légales",
    "injected by script", "dataLayer", "tracker", "document.cookie", "alert", "javascript:",
    "Par Claire Dubois",
)  # fmt: skip


def read_all(*paths: str | Path, **kwargs: int) -> tuple[list[Document], list[IngestError]]:
    docs: list[Document] = []
    errors: list[IngestError] = []
    for item in iter_documents(list(paths), **kwargs):
        (errors if isinstance(item, IngestError) else docs).append(item)
    return docs, errors


def warc_bytes(pages: list[tuple[str, str, bytes]], *, gz: bool) -> bytes:
    """A WARC written by warcio: a request and a response record per page."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for url, content_type, body in pages:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request)
        )
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return buffer.getvalue()


# -- HTML ----------------------------------------------------------------------------------


def test_news_page_main_text_and_metadata() -> None:
    doc = parse_html(ARTICLE_FR.read_bytes(), source="page.html")
    assert doc.title == "Verdane investit 40 millions d'euros dans Lumio"
    assert doc.outlet == "Le Journal de l'Économie"
    assert doc.url == "https://www.journal-economie.example/tech/verdane-lumio-40-millions"
    assert doc.published == "2025-03-14"
    assert doc.language == "fr"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == doc.title
    assert paragraphs[1].startswith("Le fonds nordique Verdane a annoncé vendredi")
    assert paragraphs[-1].startswith("Verdane détiendra environ 25 % du capital")
    assert len(paragraphs) == 5
    for noise in BOILERPLATE:
        assert noise not in doc.text, noise
    assert doc.id == content_id(doc.text) and doc.source == "page.html"


def test_cp1252_page_decoded_by_its_meta_charset() -> None:
    doc = parse_html(ARTICLE_EN.read_bytes(), source="en.html")
    assert doc.title == "Harwell Capital buys Norrland’s data-centre unit"
    assert "for €1.2bn" in doc.text and "“This is the right owner" in doc.text
    assert "Ã" not in doc.text and "\ufffd" not in doc.text
    assert doc.outlet == "The Northern Ledger" and doc.published == "2024-11-05"
    assert doc.language is None  # not declared: detected from the text downstream
    for noise in ("cookies", "Most read", "Advertisement", "newsletter", "Back to top"):
        assert noise not in doc.text


@pytest.mark.parametrize(
    ("data", "declared", "expected"),
    [
        ("<meta charset=windows-1252><p>déjà 5 € l’an".encode("cp1252"), None, "déjà 5 € l’an"),
        # Labelled Latin-1 by a template, saved as UTF-8: read as UTF-8 (no "Ã©").
        ("<meta charset=iso-8859-1><p>déjà 5 € l’an".encode(), None, "déjà 5 € l’an"),
        # The HTTP header wins over the page; a header that cannot decode it is passed over.
        ("<meta charset=utf-8><p>déjà".encode("cp1252"), "windows-1252", "déjà"),
        ("<p>déjà vu, été".encode("cp1252"), "utf-8", "déjà vu, été"),
        # No declaration at all: detection (short French text in Windows-1252).
        ("<p>café, déjà été".encode("cp1252"), None, "café, déjà été"),
        ("<p>Сделка года".encode("cp1251"), None, "Сделка года"),
        ("\ufeff<p>café".encode(), "latin-1", "café"),
    ],
)
def test_decode_markup_order(data: bytes, declared: str | None, expected: str) -> None:
    assert expected in decode_markup(data, "x", declared=declared)


def test_declared_language() -> None:
    assert declared_language('<html lang="en-GB"><head>') == "en"
    assert declared_language('<meta http-equiv="Content-Language" content="fr-CA">') == "fr"
    assert declared_language('<meta property="og:locale" content="fr_FR">') == "fr"
    assert declared_language("<html><head>", "en-US") == "en"
    assert declared_language("<html><head>") is None


def test_fragment_text_drops_scripts_and_keeps_paragraphs() -> None:
    html = "<p>Un.</p><script>alert(1)</script><div>Deux <b>mots</b>.</div><style>p{}</style>"
    assert fragment_text(html) == "Un.\n\nDeux mots."
    assert fragment_text("texte brut") == "texte brut"
    assert fragment_text("") == ""


def test_time_budget_stops_a_slow_page() -> None:
    paragraph = "<p>La société Exemple{0} a levé {0} millions d'euros auprès d'investisseurs.</p>"
    page = "<html><body><article>" + "".join(paragraph.format(i) for i in range(6000))
    with pytest.raises(IngestError, match="time budget"):
        parse_html(page.encode(), source="slow.html", budget=0.02)


def test_html_file_and_gzipped_html_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(ARTICLE_FR.read_bytes())
    (tmp_path / "b.htm.gz").write_bytes(gzip.compress(ARTICLE_EN.read_bytes()))
    (tmp_path / "c.fr.txt.gz").write_bytes(gzip.compress(b"Titre\n\nUn texte."))
    (tmp_path / "d.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Un article."}\n'))
    (tmp_path / "e.zip").write_bytes(b"PK\x03\x04")  # not supported: left out of a folder
    docs, errors = read_all(tmp_path)
    assert errors == []
    assert [Path(d.source or "").name for d in docs] == [
        "a.html",
        "b.htm.gz",
        "c.fr.txt.gz",
        "d.jsonl.gz:1",
    ]
    assert docs[2].language == "fr"


# -- gzip ----------------------------------------------------------------------------------


def test_gunzip_members_and_caps() -> None:
    assert gunzip(gzip.compress(b"ab") + gzip.compress(b"cd"), source="x", max_bytes=10) == b"abcd"
    with pytest.raises(IngestError, match="truncated gzip"):
        gunzip(gzip.compress(b"x" * 1000)[:-12], source="x", max_bytes=10_000)
    with pytest.raises(IngestError, match="decompression bomb"):
        gunzip(gzip.compress(b"\0" * 100_000), source="x", max_bytes=50_000)
    with pytest.raises(IngestError, match="not a gzip file"):
        gunzip(b"plain text", source="x", max_bytes=100)


# -- feeds ---------------------------------------------------------------------------------


def test_rss_feed_entries_are_articles() -> None:
    docs, errors = read_all(WEB / "feed.rss")
    assert errors == []
    first, second = docs
    assert first.title == "Orvane rachète le spécialiste du recyclage Plastika"
    assert first.text.split("\n\n") == [
        first.title,
        "Le groupe industriel Orvane a annoncé mardi l'acquisition de Plastika, spécialiste du "
        "recyclage des plastiques, pour 85 millions d'euros.",
        "La transaction doit être finalisée au deuxième trimestre.",
    ]
    assert first.url == "https://gazette-affaires.example/2025/02/orvane-plastika"
    assert first.published == "2025-02-04"
    assert first.outlet == "La Gazette des Affaires" and first.language == "fr"
    assert first.source == f"{WEB / 'feed.rss'}[1]"
    # content:encoded is longer than the summary: it is the text; its script link is text.
    assert "participation de 15 % dans Tessel" in second.text
    assert "Résumé court" not in second.text and "javascript" not in second.text
    assert "alert" not in first.text


def test_atom_feed_entries_are_articles() -> None:
    docs, errors = read_all(WEB / "feed.atom")
    assert errors == []
    assert [d.title for d in docs] == [
        "Calder Robotics raises $60m led by Brightline Ventures",
        "Pellham and Osterby agree to merge",
    ]
    calder, pellham = docs
    assert "raised $60m in a round led by Brightline Ventures" in calder.text
    assert "Short teaser" not in calder.text
    assert calder.published == "2025-01-18" and pellham.published == "2025-01-17"  # updated
    assert calder.outlet == "Deal Desk Weekly" and calder.language == "en"
    assert calder.url == "https://dealdesk.example/calder-robotics-series-c"


def test_gzipped_feed(tmp_path: Path) -> None:
    (tmp_path / "feed.xml.gz").write_bytes(gzip.compress((WEB / "feed.atom").read_bytes()))
    docs, errors = read_all(tmp_path / "feed.xml.gz")
    assert errors == [] and len(docs) == 2


def test_feed_refuses_entity_declarations() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel>'
        b"<title>&b;</title><item><title>t</title><description>&b;</description></item>"
        b"</channel></rss>"
    )
    with pytest.raises(IngestError, match="entity declarations refused"):
        parse_feed(laughs, source="laughs.xml")


# -- WARC ----------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_are_articles(tmp_path: Path, gz: bool) -> None:
    data = warc_bytes(
        [
            (
                "https://journal.example/verdane",
                "text/html; charset=utf-8",
                ARTICLE_FR.read_bytes(),
            ),
            ("https://journal.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\0\0"),
            ("https://ledger.example/harwell", "text/html", ARTICLE_EN.read_bytes()),
        ],
        gz=gz,
    )
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    docs, errors = read_all(path)
    assert errors == []
    assert [d.title for d in docs] == [
        "Verdane investit 40 millions d'euros dans Lumio",
        "Harwell Capital buys Norrland’s data-centre unit",
    ]
    assert docs[1].url == "https://ledger.example/harwell"  # no canonical: the record's URI
    assert "€1.2bn" in docs[1].text
    assert all(d.source and d.source.startswith(f"{path}@") for d in docs)


def test_warc_corrupt_record_the_others_still_read() -> None:
    pages = [
        (
            f"https://site.example/{i}",
            "text/html",
            ARTICLE_FR.read_bytes().replace(b"Lumio", f"Lumio{i}".encode()),
        )
        for i in range(3)
    ]
    plain = warc_bytes(pages, gz=False)
    starts = [i for i in range(len(plain)) if plain.startswith(b"WARC/1.0\r\n", i)]
    hit = starts[3]  # the second page's response record: its headers garbled
    broken = plain[:hit] + b"WARC/1.0\r\nthis is not a header\r\n\r\n" + plain[hit + 10 :]
    items = list(iter_warc(io.BytesIO(broken), source="b.warc", max_bytes=10**7))
    errors = [i for i in items if isinstance(i, IngestError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert len(errors) == 1 and "corrupt WARC record" in errors[0].reason
    assert errors[0].source == f"b.warc@{hit}"
    assert [d.title for d in docs] == [
        "Verdane investit 40 millions d'euros dans Lumio0",
        "Verdane investit 40 millions d'euros dans Lumio2",
    ]

    zipped = warc_bytes(pages, gz=True)
    iterator = ArchiveIterator(io.BytesIO(zipped))
    members = [iterator.offset for _record in iterator]
    hit = members[3]  # the second page's response record
    broken = zipped[: hit + 20] + b"\xde\xad\xbe\xef" * 8 + zipped[hit + 52 :]
    items = list(iter_warc(io.BytesIO(broken), source="b.warc.gz", max_bytes=10**7))
    errors = [i for i in items if isinstance(i, IngestError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert len(errors) == 1 and "corrupt WARC record" in errors[0].reason
    assert sorted(d.title or "" for d in docs) == [
        "Verdane investit 40 millions d'euros dans Lumio0",
        "Verdane investit 40 millions d'euros dans Lumio2",
    ]


def test_recovered_encodings_say_so_in_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Invalid UTF-8 and a mislabelled page are read (the text comes out right) and each
    says once what was done."""
    import logging

    from pressgraph.ingest import iter_documents

    (tmp_path / "latin.txt").write_bytes(
        "Accord conclu à Québec\n\nLe groupe a signé.".encode("cp1252")
    )
    page = ("<html><head><meta charset='utf-8'><title>Accord</title></head><body><article>"
            "<p>Le groupe a signé un accord décisif à Québec avec son partenaire historique, "
            "selon la presse économique, qui y voit un tournant pour le secteur.</p>"
            "</article></body></html>")  # fmt: skip
    (tmp_path / "mislabelled.html").write_bytes(page.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="pressgraph.ingest"):
        docs = list(iter_documents([tmp_path]))
    assert all(not isinstance(d, Exception) for d in docs) and len(docs) == 2
    assert all("signé" in d.text for d in docs)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2
    assert any("latin.txt" in w and "not valid UTF-8" in w for w in warnings)
    assert any("mislabelled.html" in w and "labelled" in w for w in warnings)
