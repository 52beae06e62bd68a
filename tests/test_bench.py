"""The bench command: its pure core on made-up figures, and one tiny real run (no timing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from pressgraph import bench
from pressgraph.bench import Measurement, harness, select_articles, summarise
from pressgraph.cli import app, sample_paths
from pressgraph.errors import IngestError, PressgraphError
from pressgraph.model import Document

runner = CliRunner()


def _doc(text: str, lang: str) -> Document:
    return Document.from_text(text, language=lang)


def test_selection_alternates_languages_and_leaves_out_unsupported() -> None:
    items: list[Document | PressgraphError] = [
        _doc("en one", "en"), _doc("en two", "en"), _doc("fr one", "fr"), _doc("fr one", "fr"),
        IngestError("x.txt", "empty file"), _doc("de one", "de"), _doc("fr two", "fr"),
        _doc("fr three", "fr"),
    ]  # fmt: skip
    selection = select_articles(
        items,
        language_of=lambda d: d.language or "",
        unsupported=lambda lang: "no lexicon" if lang == "de" else None,
        limit=4,
    )
    assert [d.text for _, d in selection.articles] == ["en one", "fr one", "en two", "fr two"]
    assert selection.languages == {"en": 2, "fr": 2}
    assert selection.excluded == {"de": 1} and selection.reasons == {"de": "no lexicon"}
    assert selection.unreadable == ("x.txt: empty file",) and selection.duplicates == 1


def _m(kind: str, workers: int, seconds: float, **kw: int) -> Measurement:
    return Measurement(kind=kind, workers=workers, articles=100, seconds=seconds, cpu_seconds=1.0,
                       load_seconds=2.0, rss_self_kib=500 * 1024, rss_children_kib=400 * 1024,
                       **kw)  # fmt: skip


def test_ray_rows_sit_next_to_the_local_engine_without_its_targets() -> None:
    """``bench --engine ray``: the Ray engine's rows get their throughput, ratio to bare
    spaCy and speed-up; the targets (and the memory target: Ray's own processes are not
    pressgraph's) stay the local engine's."""
    measurements = [
        _m("spacy", 1, 10.0, tokens=20_000), _m("pipeline", 1, 12.5), _m("ray", 1, 12.5),
        _m("spacy", 2, 6.0, tokens=20_000), _m("pipeline", 2, 7.5),
        _m("ray", 2, 6.25, pss_peak_kib=3000 * 1024),
    ]  # fmt: skip
    report = summarise(measurements, {"articles": 100})
    assert report.row("ray", 1).articles_per_s == 8.0 and report.row("ray", 1).vs_spacy == 0.8
    assert report.speedups["ray"] == 2.0 and report.speedups["pipeline"] == 1.666
    names = [t.name for t in report.targets]
    assert not any("ray" in n for n in names)
    assert next(t for t in report.targets if t.name.startswith("peak memory")).passed


def test_summary_figures_ratios_and_targets() -> None:
    measurements = [
        _m("spacy", 1, 10.0, tokens=20_000), _m("pipeline", 1, 12.5),
        _m("spacy", 2, 6.0, tokens=20_000), _m("pipeline", 2, 10.0, pss_peak_kib=700 * 1024),
    ]  # fmt: skip
    report = summarise(measurements, {"articles": 100})
    pipe1, pipe2 = report.row("pipeline", 1), report.row("pipeline", 2)
    assert pipe1.articles_per_s == 8.0 and pipe1.tokens_per_s == 1600.0
    assert pipe1.vs_spacy == 0.8 and report.row("spacy", 1).vs_spacy is None
    assert report.speedups == {"spacy": 1.667, "pipeline": 1.25}
    assert report.cpu_bound_speedups == {"spacy": 2.0, "pipeline": 2.0}  # same CPU seconds
    assert report.row("spacy", 2).peak_mb == 1300.0  # no PSS: main + 2 x largest worker
    assert pipe2.peak_mb == 700.0  # sampled PSS when there is one
    passed = {t.name: t.passed for t in report.targets}
    assert passed == {
        "pipeline >= 70% of bare spaCy (1 process)": True,
        "pipeline >= 70% of bare spaCy (2 processes)": False,
        "pipeline 2 processes >= 1.6x 1 process": False,
        "peak memory < 2048 MB": True,
    }
    assert report.row("pipeline", 2).cores_used == 0.1
    assert any("pipeline with 2 processes kept only 0.10 cores" in n for n in report.notes)
    speedup = next(t for t in report.targets if "1.6x" in t.name)
    assert speedup.caveat is None
    busy = summarise(measurements, {"articles": 100}, control_speedup=1.05)
    caveat = next(t for t in busy.targets if "1.6x" in t.name).caveat
    assert caveat is not None and "1.05x" in caveat
    assert busy.to_json()["control_speedup"] == 1.05
    data = report.to_json()
    assert set(data) >= {"selection", "configurations", "ratios", "speedups", "targets", "memory"}
    assert data["ratios"] == {"1": 0.8, "2": 0.6}


def test_fastest_run_of_each_configuration_is_kept() -> None:
    runs = [_m("spacy", 1, 9), _m("pipeline", 1, 12), _m("spacy", 1, 8), _m("pipeline", 1, 13)]
    kept = [(m.kind, m.seconds) for m in bench.fastest(runs)]
    assert kept == [("spacy", 8.0), ("pipeline", 12.0)]


def test_corpus_folder_is_found_from_the_current_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "shared" / "corpus"
    corpus.mkdir(parents=True)
    (tmp_path / "repo").mkdir()
    assert harness.corpus_folders(tmp_path / "repo") == [corpus.resolve()]


def _french_sample() -> Path:
    return next(p for p in sample_paths() if p.name.endswith(".fr.txt"))


def test_configurations_with_two_processes_run(tmp_path: Path, fr_nlp: Language) -> None:
    articles = tmp_path / "a.jsonl"
    record = {"id": "s", "language": "fr", "text": _french_sample().read_text(encoding="utf-8")}
    articles.write_text(json.dumps(record) + "\n", encoding="utf-8")
    for kind in bench.KINDS:
        figures = harness._run_configuration(kind, 2, articles)
        assert Measurement(**figures).articles == 1
        assert figures["rss_self_kib"] > 0 and figures["seconds"] > 0
    assert figures["stored"] == 1 and figures["claims"] > 0


def test_bench_command_json_on_the_sample() -> None:
    sample = str(_french_sample())
    args = ["bench", sample, "--limit", "2", "--workers", "1", "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["selection"]["articles"] == 1 and data["selection"]["languages"] == {"fr": 1}
    rows = {(c["kind"], c["workers"]): c for c in data["configurations"]}
    assert set(rows) == {("spacy", 1), ("pipeline", 1)}
    assert rows["spacy", 1]["tokens"] > 100 and rows["pipeline", 1]["stored"] == 1
    for row in rows.values():
        assert row["articles"] == 1 and row["articles_per_s"] > 0 and 0 < row["peak_mb"] < 24_000
    assert data["ratios"]["1"] > 0
    assert {t["name"] for t in data["targets"]} >= {"peak memory < 2048 MB"}


def test_bench_errors_are_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["bench", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1 and result.output.startswith("error:")
    line = " ".join(result.output.split())  # rich wraps at the terminal width
    assert "missing.txt: no such file or directory" in line and "Traceback" not in line


def test_incremental_bench_reports_windows_and_resolution(tmp_path: Path) -> None:
    """`bench --incremental` ingests every article once and reports both windows (the
    figures themselves are measured by the command, not asserted here)."""
    from pressgraph.bench.scaling import run_incremental

    data = Path(__file__).parent / "data" / "multi"
    keep = tmp_path / "kept.db"
    result = run_incremental([data], workers=1, window=3, keep_db=keep)
    assert result["articles"] == 9 and result["rejected"] == 0
    assert set(result["ratio"]) == {"ingest", "store"}
    assert (
        result["ingest_ms_per_article"]["first"] > 0
        and result["store_cpu_ms_per_article"]["last"] >= 0
    )
    res = result["resolution"]
    assert res["documents"] == 9 and res["entities"] < res["local_entities"]
    assert res["resolved_by"]["new"] == res["entities"]
    assert keep.exists()
    with pytest.raises(PressgraphError, match="at least 20 articles"):
        run_incremental([data], workers=1, window=10)


def test_sizes_read_the_same_characters_as_longer_documents() -> None:
    """``bench --sizes``: every row extracts the same text, cut into documents of at most its
    size (no timing asserted: the figures are the benchmark's)."""
    from pressgraph.bench.sizes import _groups, run_sizes

    assert _groups(["aaaa", "bb", "cccccc", "d"], 6) == [[0, 1], [2], [3]]
    assert _groups(["aaaaaaaa", "b"], 6) == [[0], [1]]
    sample = Path(__file__).parents[1] / "src/pressgraph/data/samples"
    result = run_sizes([sample / "microsoft-openai-funding.en.jsonl"], sizes=(600, 3_000))
    small, large = result["sizes"]
    assert small["characters"] == large["characters"] == result["characters"] >= 2_900
    assert small["documents"] > large["documents"] >= 1
    assert small["longest"] <= 600 < large["longest"] <= 3_000
    assert large["claims"] > 0
    assert result["ratio"] > 0 and result["passed"] == (result["ratio"] < 2)
