"""The HTML report in headless Chromium (Debian's /usr/bin/chromium through Playwright)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ficlens.model import Chapter, Character, Document, Metadata, Paragraph, Quote
from ficlens.writers.html_report import write_html_report
from ficlens.writers.outputs import OutputOptions, report_path, write_outputs

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
FLAG = "__ficlensInjected"
PAYLOADS = (f"<script>window.{FLAG}=1;alert(1)</script>",
            f"<img src=x onerror=\"window.{FLAG}=2;alert(2)\">",
            f"javascript:window.{FLAG}=3;alert(3)")
HOSTILE = " ".join(PAYLOADS)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian Chromium at /usr/bin/chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_report(browser):
    pages = []

    def open_page(path: Path):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(20_000)
        page.errors, page.dialogs = [], []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("html[data-ready=true]")
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()


def rgb(colour: str) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def embedded_data(page) -> dict:
    return json.loads(page.locator("#ficlens-data").text_content())


@pytest.mark.integration
def test_report_browser_demo(open_report, tmp_path):
    from ficlens.demo import DEMO_NAME, run_demo

    write_outputs(run_demo(), tmp_path, DEMO_NAME, OutputOptions(html=True))
    page = open_report(report_path(tmp_path, DEMO_NAME))
    data = embedded_data(page)
    characters = data["characters"]

    attributed = page.locator("#chapter-text .q[data-speaker]")
    assert attributed.count() > 0
    first = attributed.first
    speaker = next(c for c in characters if c["id"] == first.get_attribute("data-speaker"))
    assert first.evaluate("node => getComputedStyle(node).borderBottomColor") == rgb(
        speaker["color"])
    assert first.evaluate("node => getComputedStyle(node).backgroundColor") == rgb(
        speaker["tint"])

    first.click()
    assert page.locator("#quote-card").is_visible()
    assert page.locator("#card-speaker").text_content() == speaker["name"]

    nodes = page.locator("#network-svg .node")
    main_cast = {c["id"] for c in characters if c["lines"] or c["mentions"]}
    assert nodes.count() == len(data["network"]["nodes"]) == len(main_cast)
    assert {nodes.nth(i).get_attribute("data-character") for i in range(nodes.count())} == main_cast

    assert page.locator("#cast-table tbody tr").count() == len(characters)
    assert page.locator("#chapter-chart rect.seg").count() > 0

    screenshot = tmp_path / "demo-report.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    assert page.errors == [] and page.dialogs == []


def hostile_document() -> Document:
    said = f'"{HOSTILE}" {HOSTILE} said.'
    paragraphs = [said, f'"{PAYLOADS[2]}" asked the other.', "Then nothing."]
    text, spans = "", []
    for paragraph in paragraphs:
        spans.append(Paragraph(len(text), len(text) + len(paragraph)))
        text += paragraph + "\n\n"
    second = spans[1].start + 1
    return Document(
        text=text,
        metadata=Metadata(title=HOSTILE, authors=[HOSTILE], fandoms=[HOSTILE], tags=list(PAYLOADS),
                          summary=HOSTILE, url=PAYLOADS[2]),
        chapters=[Chapter(0, spans[1].end, HOSTILE), Chapter(spans[2].start, len(text), HOSTILE)],
        paragraphs=spans,
        characters=[Character("c0", HOSTILE, list(PAYLOADS), "she/her"),
                    Character("c1", PAYLOADS[1])],
        quotes=[Quote("q0", 1, 1 + len(HOSTILE), speaker="c0", confidence=0.9,
                      addressees=["c1"], type="explicit"),
                Quote("q1", second, second + len(PAYLOADS[2]), speaker="c1", confidence=0.2)],
    )


def test_report_browser_story_cannot_inject(open_report, tmp_path):
    page = open_report(write_html_report(hostile_document(), tmp_path / "hostile.report.html"))
    page.locator("#chapter-text .q").first.click()
    assert page.locator("#card-speaker").text_content() == HOSTILE
    page.locator("#clarity-list a").first.click()
    page.wait_for_selector("#quote-card:not([hidden])")
    page.select_option("#chapter-select", "1")
    page.wait_for_selector("#chapter-text h3")
    page.locator("#cast-table th[data-key=name] button").click()
    page.locator("#network-svg .node").first.hover()

    assert page.evaluate(f"window.{FLAG}") is None
    assert page.dialogs == []
    assert page.errors == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 2
    assert page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(n => [...n.attributes])"
        ".filter(a => a.name.startsWith('on') || /javascript:/i.test(a.value)).length") == 0
    assert PAYLOADS[0] in page.locator("body").inner_text()


def big_document(chapters: int = 40, paragraphs_per_chapter: int = 230,
                 cast: int = 300) -> Document:
    """About 2.2 MB of invented text in 40 chapters, a quote in most paragraphs."""
    words = ("lantern harbour rope evening gull stone window letter kettle shadow "
             "quietly slowly across under beyond toward").split()
    names = [f"Keeper{number} Vale" for number in range(cast)]
    pieces, spans, quotes, chapter_spans, offset = [], [], [], [], 0
    for chapter in range(chapters):
        chapter_start = offset
        for number in range(paragraphs_per_chapter):
            speaker = (chapter * 7 + number * 3) % cast
            speech = " ".join(words[(number + k) % len(words)] for k in range(14))
            narration = " ".join(words[(chapter + number * k) % len(words)] for k in range(20))
            paragraph = f'"{speech}," {names[speaker]} said. {narration}.'
            spans.append(Paragraph(offset, offset + len(paragraph)))
            quotes.append(Quote(f"q{len(quotes)}", offset + 1, offset + 1 + len(speech) + 1,
                                speaker=None if number % 9 == 0 else f"c{speaker}",
                                confidence=0.3 if number % 5 == 0 else 0.9,
                                addressees=[f"c{(speaker + 1) % cast}"], type="explicit"))
            pieces.append(paragraph + "\n\n")
            offset += len(paragraph) + 2
        chapter_spans.append(Chapter(chapter_start, offset - 2, f"Part {chapter + 1}"))
    doc = Document(text="".join(pieces), metadata=Metadata(title="Long work"),
                   chapters=chapter_spans, paragraphs=spans, quotes=quotes,
                   characters=[Character(f"c{i}", name) for i, name in enumerate(names)])
    from ficlens.stages import interactions
    return interactions.run(doc)


def test_report_browser_big_work_opens_quickly(browser, tmp_path):
    doc = big_document()
    assert len(doc.text) > 2_000_000
    path = write_html_report(doc, tmp_path / "big.report.html")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        session = page.context.new_cdp_session(page)
        session.send("Performance.enable", {"timeDomain": "threadTicks"})
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-ready=true]", timeout=30_000)
        painted_at = page.evaluate(
            "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame("
            "() => done(performance.now()))))")
        metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
        # Main-thread CPU time, which other load on the machine does not inflate.
        assert metrics["TaskDuration"] < 2.0, metrics
        assert page.locator("#chapter-text p").count() == 230
        print(f"big report: {path.stat().st_size:,} bytes, painted {painted_at / 1000:.2f} s "
              f"after navigation, main thread {metrics['TaskDuration']:.2f} s")
    finally:
        page.close()


def test_report_browser_served_report_runs_in_its_sandbox(browser, tmp_path):
    import threading

    from ficlens.server import make_server
    from ficlens.writers.json import write_json

    write_json(hostile_document(), tmp_path / "hostile.json")
    server = make_server(tmp_path, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    page = browser.new_page()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page.goto(base + "/")
        page.click("a[href='/hostile.report.html']")
        page.wait_for_selector("html[data-ready=true]", timeout=20_000)
        assert page.locator("#chapter-text .q").count() == 2
        assert page.evaluate(f"window.{FLAG}") is None
    finally:
        page.close()
        server.shutdown()
        server.server_close()
