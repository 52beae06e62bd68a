"""One bad input never costs a run (issue 12): one input of each failing kind between good
ones, in one run, with one worker and with two; every good document is stored, each bad
one has its ``rejected`` line, and a second run neither loses nor duplicates anything.

Inputs are real: WARC archives written by warcio then cut or stripped of a header, JSON
Lines with real invalid UTF-8 bytes and lone surrogates, a folder without permissions, and
a text longer than the pipeline's ``max_length`` (lowered here, so the test stays fast: the
limit is the one spaCy enforces with error E088).
"""

from __future__ import annotations

import ctypes
import io
import json
import logging
import multiprocessing
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pressgraph import pipeline
from pressgraph.errors import IngestError, StoreError
from pressgraph.extract import extract_parsed
from pressgraph.model import Document, Extraction
from pressgraph.pipeline import RunReport, run, store_extraction
from pressgraph.store import open_store
from pressgraph.store.sqlite import database_broken

#: The parse limit of this test (spaCy's default is 1,000,000 characters).
MAX_LENGTH = 5_000
PAGE = (
    "<html><head><title>{title}</title></head><body><article><p>{title}, selon un communiqué "
    "publié lundi par le groupe, qui y voit une étape décisive de sa stratégie.</p>"
    "</article></body></html>"
)


def warc_records(site: str, titles: list[str]) -> list[bytes]:
    """One response record per title, uncompressed, each with its closing blank lines."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for i, title in enumerate(titles):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        body = io.BytesIO(PAGE.format(title=title).encode())
        record = writer.create_warc_record(
            f"https://{site}.example/{i}", "response", payload=body, http_headers=headers
        )
        writer.write_record(record)
    data = buffer.getvalue()
    starts = [m.start() for m in re.finditer(rb"WARC/1\.0\r\n", data)]
    return [data[a:b] for a, b in zip(starts, [*starts[1:], len(data)], strict=True)]


def long_text() -> str:
    """A text of three parts or so: paragraphs of deals, each naming its own parties."""
    paragraphs = [
        f"Le groupe Verdane{i} a racheté la société Lumio{i} pour {i + 10} millions d'euros, "
        "a annoncé lundi la direction dans un communiqué. L'opération doit être finalisée "
        "avant la fin de l'année, sous réserve de l'accord des autorités de la concurrence."
        for i in range(60)
    ]
    return "Rachats en série\n\n" + "\n\n".join(paragraphs)


def jsonl(*records: dict[str, str]) -> bytes:
    """JSON Lines as a dump writes them (non-ASCII escaped: a lone surrogate is ``\\udc00``)."""
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def make_inputs(root: Path) -> tuple[list[Path], set[str], dict[str, str]]:
    """(inputs in order, sources of the good documents, source -> start of the reason of
    each rejected one)."""
    good: set[str] = set()
    bad: dict[str, str] = {}
    inputs: list[Path] = []

    def add(name: str, data: bytes) -> Path:
        path = root / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        inputs.append(path)
        return path

    good.add(str(add("first.fr.txt", "Orange rachète la start-up Sensity.".encode())))

    records = warc_records(
        "a", ["Vivendi rachète Havas", "Sans adresse", "Bolloré rachète Lagardère"]
    )
    records[1] = re.sub(rb"WARC-Target-URI: [^\r]*\r\n", b"", records[1])
    path = add("no-target.warc", b"".join(records))
    offsets = [0, len(records[0]), len(records[0]) + len(records[1])]
    good |= {f"{path}@{offsets[0]}", f"{path}@{offsets[2]}"}
    bad[f"{path}@{offsets[1]}"] = "corrupt WARC record (no WARC-Target-URI header)"

    good.add(str(add("long.fr.txt", long_text().encode())))

    path = add(
        "surrogates.jsonl",
        jsonl(
            {"text": "Sanofi a racheté Regeneron."},
            {"text": "Sanofi a racheté \udc00 Genzyme."},
            {"text": "Kering a racheté Gucci.", "outlet": "Le \udc00 Monde"},
            {"text": "Danone a racheté Alpro."},
        ),
    )
    good |= {f"{path}:1", f"{path}:4"}
    bad[f"{path}:2"] = "field 'text' holds a lone surrogate"
    bad[f"{path}:3"] = "field 'outlet' holds a lone surrogate"

    path = add("locked/article.txt", "Airbus a racheté la société Bombardier Aviation.".encode())
    bad[str(path)] = "cannot read (Permission denied)"

    path = add(
        "invalid-utf8.jsonl",
        jsonl({"text": "Bolloré a racheté Vivendi."})
        + b'{"text": "Bollor\xe9 a rachet\xe9 Havas."}\n'
        + jsonl({"text": "Engie a racheté Solairedirect."}),
    )
    good |= {f"{path}:1", f"{path}:3"}
    bad[f"{path}:2"] = "invalid UTF-8 (byte 0xE9"

    records = warc_records("b", ["Total rachète Saft", "Coupé au milieu", "Accor rachète Fairmont"])
    middle = records[1][: len(records[1]) * 4 // 5]  # cut in its body
    path = add("cut-middle.warc", records[0] + middle + records[2])
    good |= {f"{path}@0", f"{path}@{len(records[0]) + len(middle)}"}
    bad[f"{path}@{len(records[0])}"] = "corrupt WARC record (no blank line"

    records = warc_records("c", ["Thales rachète Gemalto", "Coupé à la fin"])
    path = add("cut-last.warc", records[0] + records[1][:-120])
    good.add(f"{path}@0")
    bad[f"{path}@{len(records[0])}"] = "truncated WARC record"

    good.add(str(add("last.fr.txt", "Michelin rachète la société Fenner.".encode())))
    return inputs, good, bad


def _drop_root_file_access() -> None:
    """Drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from this process (``capset``), so
    that file permissions hold for root too: a folder without permissions is then really
    unreadable (root still reads its own files, as their owner)."""
    libc = ctypes.CDLL(None, use_errno=True)

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [(f, ctypes.c_uint32) for f in ("effective", "permitted", "inheritable")]

    header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget failed")
    keep = ~((1 << 1) | (1 << 2)) & 0xFFFFFFFF
    for field in ("effective", "permitted", "inheritable"):
        setattr(data[0], field, getattr(data[0], field) & keep)
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset failed")


def _run_in_child(inputs: list[Path], db: Path, workers: int, out: Path, locked: Path) -> None:
    """The run, in a process of its own that reads files as an ordinary user would."""
    if os.geteuid() == 0:
        try:
            _drop_root_file_access()
        except OSError as exc:
            out.write_text(
                json.dumps({"skip": f"running as root, cannot drop capabilities: {exc}"})
            )
            return
    if os.access(locked, os.R_OK):
        out.write_text(json.dumps({"skip": "the locked folder stays readable here"}))
        return
    with open_store(db) as store:
        report = run(inputs, store, workers=workers)
    out.write_text(json.dumps({"stored": report.stored, "skipped": report.skipped,
                               "rejected": report.rejected}))  # fmt: skip


def ingest(inputs: list[Path], db: Path, workers: int, locked: Path) -> RunReport:
    out = db.with_suffix(".json")
    child = multiprocessing.get_context("fork").Process(
        target=_run_in_child, args=(inputs, db, workers, out, locked)
    )
    child.start()
    child.join(timeout=600)
    assert child.exitcode == 0
    result: dict[str, Any] = json.loads(out.read_text())
    if "skip" in result:
        pytest.skip(result["skip"])
    return RunReport(result["stored"], result["skipped"], result["rejected"])


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    try:
        queries = {
            "documents": "select id, source from documents order by rowid",
            "claims": "select id, evidence, evidence_start, evidence_end from claims order by id",
            "mentions": "select document_id, start, end, text from mentions order by id",
        }
        return {table: con.execute(sql).fetchall() for table, sql in queries.items()}
    finally:
        con.close()


def test_one_bad_input_of_each_kind_costs_only_itself(
    tmp_path: Path, fr_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fr_nlp, "max_length", MAX_LENGTH)  # forked runs inherit it
    inputs, good, bad = make_inputs(tmp_path)
    locked = tmp_path / "locked"
    locked.chmod(0)
    try:
        dumps = []
        for workers in (1, 2):
            db = tmp_path / f"w{workers}.db"
            report = ingest(inputs, db, workers, locked)
            assert {source for _id, source in _dump(db)["documents"]} == good
            assert len(report.rejected) == len(bad), report.rejected
            for source, reason in bad.items():
                lines = [r for r in report.rejected if r.startswith(f"{source}: ")]
                assert len(lines) == 1 and lines[0][len(source) + 2 :].startswith(reason), (
                    source,
                    report.rejected,
                )
            dumps.append(_dump(db))
            # Again: nothing stored twice, nothing lost, the same lines.
            again = ingest(inputs, db, workers, locked)
            assert again.stored == [] and len(again.skipped) == len(good)
            assert sorted(again.rejected) == sorted(report.rejected)
            assert _dump(db) == dumps[-1]
    finally:
        locked.chmod(0o755)
    assert dumps[0] == dumps[1]


def test_a_long_text_is_read_in_parts_with_offsets_into_the_whole(
    tmp_path: Path, fr_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fr_nlp, "max_length", MAX_LENGTH)
    text = long_text()
    assert len(text) > 2 * MAX_LENGTH
    path = tmp_path / "long.fr.txt"
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "long.db"
    with open_store(db) as store:
        report = run([path], store)
    assert report.rejected == [] and len(report.stored) == 1
    dump = _dump(db)
    with sqlite3.connect(db) as con:
        assert con.execute("select text from documents").fetchall() == [(text,)]
    assert all(text[start:end] == evidence for _id, evidence, start, end in dump["claims"])
    assert all(text[start:end] == said for _doc, start, end, said in dump["mentions"])
    # Claims from every part: the deals of the first and of the last paragraphs.
    assert min(start for *_rest, start, _end in dump["claims"]) < MAX_LENGTH
    assert max(start for *_rest, start, _end in dump["claims"]) > 2 * MAX_LENGTH
    bought = {e for _id, e, _s, _e in dump["claims"]}
    assert any("Lumio0 " in e for e in bought) and any("Lumio59 " in e for e in bought)


def test_a_document_the_store_refuses_costs_only_itself(
    tmp_path: Path, extract_fr: Callable[[str], Extraction]
) -> None:
    """The storing stage in isolation: a lone surrogate that got as far as the store (here
    in an outlet set by hand) rolls back its own transaction only."""
    first = extract_fr("Orange rachète la start-up Sensity pour 50 millions d'euros.")
    bad = extract_fr("Vivendi rachète Havas pour 3 milliards d'euros.")
    bad = replace(bad, document=replace(bad.document, outlet="Le \udc00 Monde", source="b.txt"))
    last = extract_fr("Microsoft a investi 13 milliards de dollars dans OpenAI.")
    db = tmp_path / "s.db"
    with open_store(db) as store:
        assert store_extraction(store, first) is True
        before = _dump(db)
        refused = store_extraction(store, bad)
        assert isinstance(refused, IngestError) and refused.source == "b.txt"
        assert refused.reason.startswith("storing failed (UnicodeEncodeError: ")
        assert _dump(db) == before
        assert store_extraction(store, last) is True
    assert len(_dump(db)["documents"]) == 2


def test_a_broken_store_stops_the_run() -> None:
    broken = StoreError("x.db: storing failed (disk I/O error)")
    broken.__cause__ = sqlite3.OperationalError("disk I/O error")
    refused = StoreError("x.db: bad row")
    refused.__cause__ = sqlite3.IntegrityError("CHECK constraint failed")
    assert database_broken(broken) and not database_broken(refused)
    assert not database_broken(UnicodeEncodeError("utf-8", "\udc00", 0, 1, "surrogates"))


def test_an_unexpected_failure_is_one_line_and_its_traceback_with_debug(
    tmp_path: Path,
    fr_nlp: Language,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def extract(document: Document, *args: Any) -> Extraction:
        if "Havas" in document.text:
            raise RuntimeError("the extractor broke")
        return extract_parsed(document, *args)

    monkeypatch.setattr(pipeline, "extract_parsed", extract)
    for i, text in enumerate(
        ["Orange rachète Sensity.", "Vivendi rachète Havas.", "Kering rachète Gucci."]
    ):
        (tmp_path / f"{i}.fr.txt").write_text(text, encoding="utf-8")
    with open_store(tmp_path / "d.db") as store, caplog.at_level(logging.DEBUG, "pressgraph"):
        report = run([tmp_path], store)
    assert len(report.stored) == 2
    assert report.rejected == [
        f"{tmp_path / '1.fr.txt'}: extraction failed (RuntimeError: the extractor broke)"
    ]
    logged = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert any(
        m.startswith(report.rejected[0]) and "Traceback" in m and "the extractor broke" in m
        for m in logged
    )


@pytest.mark.usefixtures("fr_nlp")  # loaded in the parent: forked workers inherit it
def test_a_document_that_kills_its_worker_costs_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def extract(document: Document, *args: Any) -> Extraction:
        if "Havas" in document.text:
            os._exit(70)  # as a crash in native code or the memory killer would
        return extract_parsed(document, *args)

    monkeypatch.setattr(pipeline, "extract_parsed", extract)
    texts = ["Orange rachète Sensity.", "Vivendi rachète Havas.", "Kering rachète Gucci."]
    texts += [f"Le groupe Verdane{i} rachète la société Lumio{i}." for i in range(5)]
    for i, text in enumerate(texts):
        (tmp_path / f"{i}.fr.txt").write_text(text, encoding="utf-8")
    with open_store(tmp_path / "k.db") as store:
        report = run([tmp_path], store, workers=2)
    assert len(report.stored) == len(texts) - 1
    assert report.rejected == [
        f"{tmp_path / '1.fr.txt'}: extraction failed: its worker process died"
    ]
