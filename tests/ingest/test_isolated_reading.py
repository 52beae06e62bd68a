"""Reading in isolation: each line of a JSON Lines file is decoded and read on its own, and
whatever fails on one input, line or folder is one error naming it."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from pressgraph.errors import IngestError
from pressgraph.ingest import iter_documents
from pressgraph.ingest.decode import decode_lines
from pressgraph.isolation import attempt, guard, rejection
from pressgraph.model import Document


def read_all(*paths: str | Path) -> tuple[list[Document], list[IngestError]]:
    docs: list[Document] = []
    errors: list[IngestError] = []
    for item in iter_documents(list(paths)):
        (errors if isinstance(item, IngestError) else docs).append(item)
    return docs, errors


def line(text: str, **fields: str) -> bytes:
    return json.dumps({"text": text, **fields}, ensure_ascii=False).encode() + b"\n"


def test_one_invalid_utf8_line_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        line("Bolloré a racheté Vivendi.")
        + b'{"text": "Bollor\xe9 a rachet\xe9 Havas."}\n'
        + line("Sanofi a racheté Regeneron.")
    )
    docs, errors = read_all(path)
    assert [d.text for d in docs] == ["Bolloré a racheté Vivendi.", "Sanofi a racheté Regeneron."]
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:3"]
    assert [str(e) for e in errors] == [f"{path}:2: invalid UTF-8 (byte 0xE9 at column 17)"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a\nb\n", [(1, "a"), (2, "b"), (3, "")]),
        # A byte-order mark dropped, newlines and Unicode normalised (NFC) as in any text.
        (codecs.BOM_UTF8 + b"cafe\xcc\x81\r\nb", [(1, "caf\u00e9\n"), (2, "b")]),
        ("été\nb".encode("utf-16"), [(1, "été"), (2, "b")]),
        (
            b"ok\n\xff\n",
            [(1, "ok"), (2, "x.jsonl:2: invalid UTF-8 (byte 0xFF at column 1)"), (3, "")],
        ),
    ],
)
def test_decode_lines(data: bytes, expected: list[tuple[int, str]]) -> None:
    got = [(n, str(text)) for n, text in decode_lines(data, "x.jsonl")]
    assert got == expected


@pytest.mark.parametrize("key", ["text", "outlet", "title", "id", "url", "date"])
def test_lone_surrogate_in_a_field_rejects_the_line(tmp_path: Path, key: str) -> None:
    record = {"text": "Orange rachète Sensity.", key: "Le \udc00 Monde"}
    path = tmp_path / "dump.jsonl"
    path.write_text(
        json.dumps({"text": "Vivendi rachète Havas."}) + "\n" + json.dumps(record) + "\n",
        encoding="utf-8",
    )
    docs, errors = read_all(path)
    assert [d.text for d in docs] == ["Vivendi rachète Havas."]
    assert len(errors) == 1 and errors[0].source == f"{path}:2"
    assert errors[0].reason.startswith(f"field {key!r} holds a lone surrogate (U+DC00 at character")


def test_an_unexpected_failure_on_a_line_costs_only_that_line(tmp_path: Path) -> None:
    # json.loads raises ValueError (not a JSONDecodeError) on an integer of 5,000 digits.
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        line("Vivendi rachète Havas.")
        + b'{"text": "x", "id": ' + b"9" * 5000 + b"}\n"
        + line("Sanofi a racheté Regeneron.")
    )  # fmt: skip
    docs, errors = read_all(path)
    assert len(docs) == 2
    assert len(errors) == 1 and errors[0].source == f"{path}:2"
    assert errors[0].reason.startswith("reading failed (ValueError: Exceeds the limit")
    assert errors[0].details and "Traceback" in errors[0].details


def test_rejection_keeps_reasons_on_one_line() -> None:
    error = rejection("a.txt", RuntimeError("line one\nline two " + "x" * 500), "extraction")
    assert "\n" not in error.reason and len(error.reason) < 260
    assert error.reason.startswith("extraction failed (RuntimeError: line one line two")
    assert rejection("a.txt", IngestError("a.txt:3", "bad"), "reading").source == "a.txt:3"
    denied = rejection("a.txt", PermissionError(13, "Permission denied"), "reading")
    assert denied.reason == "cannot read (Permission denied)"


def test_guard_and_attempt() -> None:
    def items():  # type: ignore[no-untyped-def]
        yield 1
        raise KeyError("boom")

    got = list(guard("src", "reading", items()))
    assert got[0] == 1 and isinstance(got[1], IngestError) and got[1].source == "src"
    assert attempt("src", "reading", lambda: 2) == 2
    with pytest.raises(KeyboardInterrupt):
        attempt("src", "reading", _interrupt)


def _interrupt() -> None:
    raise KeyboardInterrupt
