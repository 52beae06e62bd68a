"""The web UI in a real browser: Playwright driving Debian's Chromium against a real
``pressgraph serve`` process on loopback.

One browser for the module. Chromium must be installed (``apt-get install chromium``, as
``.ci/run`` does): without it these tests fail, they do not skip. Set
``PRESSGRAPH_SCREENSHOT=docs/dossier.png`` to save the dossier screenshot of the README.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

import pressgraph
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import open_store

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_SECONDS = 60


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium for the browser tests "
            "(apt-get install -y --no-install-recommends chromium; .ci/run does it)"
        )
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Server:
    base: str
    db: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``python -m pressgraph serve`` on a copy of the demo database (the tests add to it)."""
    db = tmp_path_factory.mktemp("served") / "demo.db"
    with open_store(demo_db) as store:
        store.pragma("wal_checkpoint")
    shutil.copy(demo_db, db)
    port = _free_port()
    env = dict(os.environ)
    # The pressgraph under test, installed or not.
    src = str(Path(pressgraph.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    log = db.with_suffix(".log")
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "pressgraph", "serve", "--db", str(db), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"pressgraph serve exited: {log.read_text(errors='replace')}")
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"pressgraph serve did not answer in {STARTUP_SECONDS} s")
            time.sleep(0.2)
        yield Server(base, db)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 960})
    try:
        yield context.new_page()
    finally:
        context.close()


def test_search_dossier_chain_and_evidence(page: Page, server: Server) -> None:
    page.goto(server.base + "/")
    form = page.locator("main form.search")
    form.locator("input[name=q]").fill("OpenAI")
    form.locator("input[name=q]").press("Enter")
    page.wait_for_url("**/search?q=OpenAI")
    page.locator("table.results").get_by_role("link", name="OpenAI", exact=True).click()
    page.wait_for_url("**/entity/OpenAI")
    heading = page.get_by_role("heading", name="valuation OpenAI 260bn USD", exact=True)
    fact = page.locator("article.fact", has=heading)
    expect(fact).to_have_count(1)
    expect(fact).to_be_visible()
    expect(fact.locator(".status")).to_have_text("current")
    expect(fact.locator(".chain")).to_have_text(
        "according to Financial Times, relayed by Les Echos"
    )
    # The deal graph is drawn, its curves link to facts of the page.
    expect(page.locator("svg.graph a.edge").first).to_be_attached()
    if os.environ.get("PRESSGRAPH_SCREENSHOT"):  # the README's picture: the fact, targeted
        fact_id = fact.get_attribute("id")
        page.goto(f"{server.base}/entity/OpenAI#{fact_id}")
        page.evaluate("window.scrollBy(0, -120)")
        page.screenshot(path=os.environ["PRESSGRAPH_SCREENSHOT"])
    evidence = fact.locator("a.evidence")
    href = evidence.get_attribute("href")
    assert href is not None and "#ev-" in href
    evidence.click()
    page.wait_for_url("**" + href)
    anchor = href.split("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    expect(mark).to_be_visible()
    expect(mark).to_contain_text("260")
    expect(mark).to_contain_text("selon le Financial Times, relayé par Les Echos")
    expect(mark).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == anchor


_ACTIVE_CONTENT = """() => {
    const all = Array.from(document.querySelectorAll('*'));
    return {
        scripts: document.scripts.length,
        images: document.images.length,
        frames: document.querySelectorAll('iframe, object, embed, frame').length,
        handlers: all.filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on')))
            .map(e => e.outerHTML.slice(0, 80)),
        links: Array.from(document.querySelectorAll('[href], [src], [action], [formaction]'))
            .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action')
                 || e.getAttribute('formaction'))
            .filter(v => !/^(\\/|#|https?:\\/\\/)/.test(v)),
    };
}"""


def _assert_inert(page: Page, url: str, dialogs: list[str], console: list[str]) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.wait_for_load_state("load")
    found: dict[str, Any] = page.evaluate(_ACTIVE_CONTENT)
    assert found == {"scripts": 0, "images": 0, "frames": 0, "handlers": [], "links": []}, url
    assert not dialogs, f"{url}: a dialog opened: {dialogs}"
    assert not console, f"{url}: {console}"


def test_hostile_article_opens_no_dialog_and_adds_no_element(
    page: Page, server: Server, hostile: Any, tmp_path: Path
) -> None:
    source = tmp_path / "hostile.jsonl"
    source.write_text(hostile.jsonl, encoding="utf-8")
    ingest = subprocess.run(
        [sys.executable, "-m", "pressgraph", "ingest", str(source), "--db", str(server.db)],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                filter(
                    None,
                    [
                        str(Path(pressgraph.__file__).resolve().parents[1]),
                        os.environ.get("PYTHONPATH"),
                    ],
                )
            ),
        },
        check=False,
        timeout=300,
    )
    assert ingest.returncode == 0, ingest.stderr
    with open_store(server.db) as store:  # names holding the payloads, by the store's write path
        assert store.add(hostile.extraction(), RESOLUTION)
    dialogs: list[str] = []
    console: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console.append(str(e)))
    # The server reads the store read-only and sees what was just added.
    found = httpx.get(server.base + "/", params={"format": "json"}).json()
    docs = [d["id"] for d in found["documents"] if hostile.script in (d["title"] or "")]
    assert len(docs) == 2
    _assert_inert(page, server.base + "/", dialogs, console)
    for doc in docs:
        _assert_inert(page, f"{server.base}/document/{doc}", dialogs, console)
        # The payloads are there, as text.
        expect(page.locator("div.article")).to_contain_text(hostile.script)
        expect(page.locator("h1")).to_contain_text(hostile.img)
        expect(page.locator("dl.docmeta .url-text")).to_contain_text("javascript:alert(")
    for name in (hostile.target, hostile.linked, hostile.attacker):
        _assert_inert(page, f"{server.base}/entity/{quote(name, safe='')}", dialogs, console)
        expect(page.locator("h1")).to_have_text(name)
    expect(page.locator("svg.graph")).to_contain_text(hostile.target[:20])  # the attacker's
    pair = f"/pair/{quote(hostile.attacker, safe='')}/{quote(hostile.target, safe='')}"
    _assert_inert(page, server.base + pair, dialogs, console)
    expect(page.locator(".chain").first).to_have_text(
        f"according to Financial Times, relayed by {hostile.relay}"
    )
    # Following the hostile evidence link lands on its highlighted sentence, inert.
    page.locator("a.evidence").first.click()
    page.wait_for_load_state("load")
    assert "#ev-" in page.url
    expect(page.locator("mark.evidence", has_text=hostile.attacker).first).to_be_visible()
    _assert_inert(page, server.base + "/search?q=" + quote("script alert"), dialogs, console)
    expect(page.locator("table.results")).to_contain_text(hostile.attacker)
