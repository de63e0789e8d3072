"""The help centre's search at 1,000 and 5,000 articles, against Material's own search.

The help centre searches its own index, `hc-search/`, split into small JSON files. Pages load
only assets/helpcentre/search.js (async, the search box's UI); when the search box takes focus it
loads search-query.js and search-engine.js, then `hc-search/meta.json`, and each query fetches
the few files its words need: `words/<first two letters>.json`, then `postings/<n>.json`, then
`pages/<n>.json` for the first results' titles. Material's `search` plugin writes one
`search/search_index.json` that every page load downloads whole, and a worker builds a lunr
index from it. For synthetic help centres of each size (scripts/bench/synthetic_site.py), built
both ways in the same run, this measures side by side:

1. build time, indexing included: `mkdocs build` of each, alternating in rounds after a warm-up;
2. bytes on the wire of the first query, in Chromium with a cold cache (a fresh context, the
   cache disabled over CDP): open an article page, type a query into the header's search box,
   and count every response from the page's load until the first result is shown and the
   network is idle; search's own responses (the help centre's search scripts and `hc-search/`
   files; Material's index, its search worker, lunr's language files) and the whole page's;
3. time to the first result, in a fresh context each run, sites alternating: from the search
   box taking focus right after DOMContentLoaded (a customer who types at once; on the help
   centre, once its async search.js has set the box up) until the first result is in the list;
   and the article page's DOMContentLoaded.

Bytes and times are measured twice: unthrottled, and on Chrome DevTools' Fast 3G preset
(562.5 ms latency, 180,000 B/s down, 84,375 B/s up) applied over CDP's
Network.emulateNetworkConditions to the page and to each web worker it starts. The sites are
served over HTTP/1.1 on 127.0.0.1, gzipping text (HTML, CSS, JS, JSON, SVG) as any web host does.

Targets, checked on the Fast 3G figures when the size is among --sizes:
- at 5,000 articles, each first query transfers at most 10 % of Material's search bytes;
- at 5,000 articles, the first result comes at least 3x sooner than Material's, each query;
- at 1,000 articles, the build, indexing included, takes at most 1.15x plain Material's.

Exit 0 when every target is met, 1 when one is missed, 2 when the benchmark could not run.

    .venv/bin/python scripts/bench/search_scale.py [--sizes 1000,5000] [--runs 5] [--rounds 3]
        [--categories 20] [--seed 1] [--workdir DIR] [--json PATH]
"""

from __future__ import annotations

import functools
import gc
import gzip
import http.server
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import click
from build_weight import BenchmarkFailed, quiet_mkdocs, status
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from synthetic_site import Category, generate, split_counts, write_helpcentre, write_plain

from helpcentre.browser import BrowserNotFound, launch_options

SITES = ("helpcentre", "plain")
LABELS = {"helpcentre": "helpcentre", "plain": "plain Material (lunr)"}
# What customers type, each in a good share of a synthetic help centre's articles but not in all
# of them (of 5,000, seed 1): "change" 1,837 and "card" 1,742 (payment, insurance and UI cards);
# "invoice" 1,143; "reset" 286 and "password" 328; "cancel" 547 and "appointment" 1,587;
# "refund" 447; "insurance" 691 and "claim" 639.
QUERIES = ("change card", "invoice", "reset password", "cancel appointment", "refund", "insurance claim")
SEARCH_TARGET_SIZE = 5000
BUILD_TARGET_SIZE = 1000
BYTES_SHARE_MAX = 0.10
SPEEDUP_MIN = 3.0
BUILD_RATIO_MAX = 1.15
# Chrome DevTools' "Fast 3G" preset, as Network.emulateNetworkConditions takes it; the targets
# are checked on it. None: no throttling.
FAST_3G = {"offline": False, "latency": 562.5, "downloadThroughput": 180_000, "uploadThroughput": 84_375}
NETWORKS: dict[str, dict[str, Any] | None] = {"fast3g": FAST_3G, "unthrottled": None}
NETWORK_LABELS = {"fast3g": "Fast 3G", "unthrottled": "unthrottled"}
TARGET_NETWORK = "fast3g"

VIEWPORT = {"width": 1280, "height": 800}
SEARCH_INPUT = "input.md-search__input"
RESULTS = ".md-search-result__list > li"
RESULT_META = ".md-search-result__meta"
RESULT_TIMEOUT_MS = 120_000
# Once the first result is in the list, how long it may take to be on show.
VISIBLE_TIMEOUT_MS = 5_000
# The network counts as idle after this long without a request starting or ending.
QUIET_SECONDS = 0.5
IDLE_LIMIT_SECONDS = 60
GZIP_LEVEL = 6
GZIPPED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")

# In every page before its own scripts: when the search box takes focus, when the help centre's
# search box is set up, and when the first result enters the list, on the page's clock.
BENCH_SCRIPT = """
(() => {
  const bench = window.__searchBench = { typed: null, first: null, ready: null }
  document.addEventListener("focusin", (event) => {
    if (bench.typed === null && event.target.matches && event.target.matches("INPUT_SELECTOR"))
      bench.typed = performance.now()
  }, true)
  const observer = new MutationObserver(() => {
    if (bench.ready === null && document.querySelector("[data-hc-search-ready]"))
      bench.ready = performance.now()
    if (bench.first === null && document.querySelector("RESULTS_SELECTOR")) {
      bench.first = performance.now()
      observer.disconnect()
    }
  })
  observer.observe(document, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["data-hc-search-ready"]
  })
})()
""".replace("INPUT_SELECTOR", SEARCH_INPUT).replace("RESULTS_SELECTOR", RESULTS)
# The help centre's search box is set up by an async script, which can come after
# DOMContentLoaded (what is typed before is searched then); the timing starts once it is set up,
# and the report gives that delay, to add for a reader who types at once. Material's is ready then.
SEARCH_READY = "!document.querySelector('[data-hc-search]') || !!document.querySelector('[data-hc-search-ready]')"


# ---------------------------------------------------------------------------------------------
# Builds


@dataclass(frozen=True)
class BuildTime:
    wall: float
    # This process's CPU time and its children's (git, which the plugin runs for the articles' dates).
    cpu: float
    # Wall seconds in the parts of the build that differ between the sites.
    stages: dict[str, float]


# Parts of the help centre plugin's hooks that are search's, as StageTimes labels them.
SEARCH_STAGES = ("search documents", "search vocabulary", "search index files")


class StageTimes:
    """Wall seconds spent in chosen functions during a build, by wrapping them in place.

    The help centre plugin's hooks, and within them the search documents made of each page, the
    vocabulary and the writing of `hc-search/`; Material's search plugin (its index is filled page
    by page, then written). Cheap: a clock read around each call, so the builds are timed with
    the wrappers on, both sites alike.
    """

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()

    @classmethod
    def installed(cls) -> StageTimes:
        from material.plugins.search.plugin import SearchPlugin

        from helpcentre.mkdocs_plugin import plugin
        from helpcentre.search.index_files import SearchIndexer

        stages = cls()
        for name in [name for name in vars(plugin.HelpCentrePlugin) if name.startswith("on_")]:
            stages.wrap(plugin.HelpCentrePlugin, name, "helpcentre plugin hooks")
        for name in ("article_document", "page_document"):
            stages.wrap(plugin, name, SEARCH_STAGES[0])
        stages.wrap(plugin, "build_vocabulary", SEARCH_STAGES[1])
        stages.wrap(SearchIndexer, "finish", SEARCH_STAGES[2])
        for name in ("on_config", "on_page_context", "on_post_build"):
            stages.wrap(SearchPlugin, name, "Material search plugin")
        return stages

    def wrap(self, owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name, None)
        if not callable(original):
            return

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - began

        setattr(owner, name, timed)

    def take(self) -> dict[str, float]:
        taken = dict(self.seconds)
        self.seconds.clear()
        return taken


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def build_once(config_file: Path, stages: StageTimes) -> BuildTime:
    """Time of one full build, as `mkdocs build` does it: load the config, then build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    gc.collect()
    stages.take()
    started, started_cpu = time.perf_counter(), _cpu_seconds()
    try:
        build(load_config(config_file=str(config_file)))
    except (Abort, ConfigurationError, PluginError) as error:
        raise BenchmarkFailed(f"{config_file}: the build failed: {error}") from error
    return BuildTime(time.perf_counter() - started, _cpu_seconds() - started_cpu, stages.take())


def timed_rounds(builds: dict[str, Path], rounds: int, size: int, stages: StageTimes) -> dict[str, list[BuildTime]]:
    """`rounds` rounds of one build of each, alternating which goes first."""
    names = list(builds)
    times: dict[str, list[BuildTime]] = {name: [] for name in names}
    for number in range(rounds):
        for name in names if number % 2 == 0 else names[::-1]:
            took = build_once(builds[name], stages)
            times[name].append(took)
            status(f"{size:,} articles, round {number + 1}/{rounds}: {name} build {took.wall:.2f} s")
    return times


def build_figures(times: dict[str, list[BuildTime]]) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for name, runs in times.items():
        figures[name] = {
            "median": round(statistics.median(run.wall for run in runs), 3),
            "runs": [round(run.wall, 3) for run in runs],
            "cpu_median": round(statistics.median(run.cpu for run in runs), 3),
            "stages_median": {
                label: round(statistics.median(run.stages.get(label, 0.0) for run in runs), 3)
                for label in sorted({label for run in runs for label in run.stages})
            },
        }
    figures["ratio"] = round(figures["helpcentre"]["median"] / figures["plain"]["median"], 3)
    figures["cpu_ratio"] = round(figures["helpcentre"]["cpu_median"] / figures["plain"]["cpu_median"], 3)
    figures["fastest_ratio"] = round(min(figures["helpcentre"]["runs"]) / min(figures["plain"]["runs"]), 3)
    return figures


def index_figures(helpcentre_site: Path, plain_site: Path) -> dict[str, Any]:
    """What each search index weighs on disk, as built."""
    index = helpcentre_site / "hc-search"
    files = [path for path in index.rglob("*") if path.is_file()]
    meta = index / "meta.json"
    material = plain_site / "search" / "search_index.json"
    return {
        "hc_search_bytes": sum(path.stat().st_size for path in files),
        "hc_search_files": len(files),
        # Files in each of hc-search/'s folders: words/, postings/, pages/.
        "hc_search_folders": dict(sorted(Counter(path.parent.name for path in files if path.parent != index).items())),
        "hc_search_meta_bytes": meta.stat().st_size,
        "hc_search_meta_gzip_bytes": len(gzip.compress(meta.read_bytes(), GZIP_LEVEL)),
        "material_index_bytes": material.stat().st_size,
        "material_index_gzip_bytes": len(gzip.compress(material.read_bytes(), GZIP_LEVEL)),
    }


# ---------------------------------------------------------------------------------------------
# Serving


class _CountingWriter:
    """The connection's output, counting what goes out: status line, headers and body."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.written = 0

    def write(self, data: bytes) -> int:
        self.written += len(data)
        return self.raw.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


class _Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SiteServer

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile)  # type: ignore[assignment]

    def do_GET(self) -> None:
        self._counted(with_body=True)

    def do_HEAD(self) -> None:
        self._counted(with_body=False)

    def _counted(self, with_body: bool) -> None:
        """Answer, counting the bytes that go out: status line, headers and body."""
        before = self.wfile.written  # type: ignore[attr-defined]
        self.server.begin()
        try:
            self._respond(with_body)
        finally:
            self.server.end(self.path, self.wfile.written - before)  # type: ignore[attr-defined]

    def _respond(self, with_body: bool) -> None:
        url_path = urlsplit(self.path).path
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        content_type = self.guess_type(str(path))
        compress = content_type.startswith(GZIPPED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        body = self.server.body(path, compress)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    """A built site on 127.0.0.1, logging the bytes it sends for each request."""

    daemon_threads = True

    def __init__(self, site_dir: Path) -> None:
        super().__init__(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site_dir)))
        self.site_dir = site_dir
        self.log: list[tuple[str, int]] = []
        self.inflight = 0
        self.last_activity = time.monotonic()
        self._lock = threading.Lock()
        self._gzipped: dict[Path, bytes] = {}
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def body(self, path: Path, compress: bool) -> bytes:
        """The file, gzipped once and kept: compressing must not slow one site's answers down."""
        if not compress:
            return path.read_bytes()
        with self._lock:
            found = self._gzipped.get(path)
        if found is None:
            found = gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0)
            with self._lock:
                self._gzipped[path] = found
        return found

    def begin(self) -> None:
        with self._lock:
            self.inflight += 1
            self.last_activity = time.monotonic()

    def end(self, path: str, sent: int) -> None:
        with self._lock:
            self.inflight -= 1
            self.last_activity = time.monotonic()
            self.log.append((path, sent))

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=10)


# ---------------------------------------------------------------------------------------------
# Measuring in the browser


def site_path(url: str) -> str:
    """The path on the site a URL asks for, without its query: `hc-search/words/ca.json`."""
    return unquote(urlsplit(url).path).lstrip("/")


HC_SEARCH_FOLDERS = ("words", "postings", "pages")
HC_SEARCH_SCRIPTS = tuple(f"assets/helpcentre/{name}.js" for name in ("search", "search-query", "search-engine"))


def search_part(path: str) -> str | None:
    """Which part of either site's search a request fetched; None when it is not search's."""
    if path.startswith("hc-search/"):
        folder = path.removeprefix("hc-search/").split("/")[0]
        return f"hc-search/{folder}/*" if folder in HC_SEARCH_FOLDERS else path
    if path in HC_SEARCH_SCRIPTS or path == "search/search_index.json":
        return path
    if path.startswith("assets/javascripts/workers/search"):
        return "assets/javascripts/workers/search*.js"
    if path.startswith("assets/javascripts/lunr/"):
        return "assets/javascripts/lunr/*"
    return None


@dataclass
class Request:
    url: str
    started_wall: float
    started: float
    finished: float | None = None
    wire: int | None = None
    source: str = "cdp"
    failed: str | None = None


class NetworkLog:
    """Every request of a page and of its web workers, with CDP's on-the-wire sizes; throttled.

    Material fetches its index from a web worker, whose requests the page's own Network domain
    does not report: workers are attached as they start, held until their Network domain is on
    and `network`, the conditions to emulate (None: none), applies to them too. (Chromium 156
    throttles a dedicated worker's requests with its page's conditions already; set on the
    worker as well, they hold whichever way a Chromium does it.)
    """

    def __init__(self, context: BrowserContext, page: Page, network: dict[str, Any] | None) -> None:
        self.network = network
        self.cdp = context.new_cdp_session(page)
        self.requests: dict[str, Request] = {}
        self.last_event = time.monotonic()
        self._message_id = 0
        for method in ("requestWillBeSent", "loadingFinished", "loadingFailed", "dataReceived"):
            self.cdp.on(f"Network.{method}", functools.partial(self._event, f"Network.{method}"))
        self.cdp.on("Target.attachedToTarget", self._attached)
        self.cdp.on("Target.receivedMessageFromTarget", self._from_target)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        if network:
            self.cdp.send("Network.emulateNetworkConditions", network)
        self.cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})

    def _to_target(self, session_id: str, method: str, params: dict[str, Any] | None = None) -> None:
        self._message_id += 1
        message = json.dumps({"id": self._message_id, "method": method, "params": params or {}})
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": session_id, "message": message})

    def _attached(self, event: dict[str, Any]) -> None:
        session_id = event["sessionId"]
        if event["targetInfo"]["type"] in ("worker", "shared_worker"):
            self._to_target(session_id, "Network.enable")
            self._to_target(session_id, "Network.setCacheDisabled", {"cacheDisabled": True})
            if self.network:
                self._to_target(session_id, "Network.emulateNetworkConditions", self.network)
        self._to_target(session_id, "Runtime.runIfWaitingForDebugger")

    def _from_target(self, event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        if message.get("method", "").startswith("Network."):
            self._event(message["method"], message["params"])

    def _event(self, method: str, params: dict[str, Any]) -> None:
        self.last_event = time.monotonic()
        request_id = params["requestId"]
        if method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith("data:"):
                self.requests[request_id] = Request(url, params["wallTime"], params["timestamp"])
            return
        request = self.requests.get(request_id)
        if request is None:
            return
        if method == "Network.loadingFinished":
            request.finished = params["timestamp"]
            request.wire = int(params["encodedDataLength"])
        elif method == "Network.loadingFailed":
            request.finished = params["timestamp"]
            request.failed = params.get("errorText", "failed")

    def wait_idle(self, page: Page, server: SiteServer) -> None:
        # A throttled request waits its latency with no event: quiet for that long is not idle.
        quiet = QUIET_SECONDS + 2 * (self.network or {}).get("latency", 0) / 1000
        deadline = time.monotonic() + IDLE_LIMIT_SECONDS
        while time.monotonic() < deadline:
            page.wait_for_timeout(100)
            last = max(self.last_event, server.last_activity)
            if server.inflight == 0 and time.monotonic() - last >= quiet:
                return
        status(f"warning: the network was still busy {IDLE_LIMIT_SECONDS} s after the first result")

    def settle_sizes(self, server: SiteServer) -> None:
        """Each request's size checked against what the server sent; the server's count wins.

        Both count the same thing, status line, headers and body as they went over the
        connection, and agree for every request but a web worker's own script: Chromium fetches
        it before the worker can be attached and CDP reports only its headers, or nothing.
        Anything the server sent that CDP never saw (now and then a worker's first request) is
        added too, so nothing sent goes uncounted.
        """
        unclaimed: dict[str, list[int]] = {}
        for path, sent in server.log:
            unclaimed.setdefault(_server_key(path), []).append(sent)
        for request in self.requests.values():
            sizes = unclaimed.get(_server_key(request.url), [])
            if request.wire is not None and request.wire in sizes:
                sizes.remove(request.wire)
            elif sizes:
                reported = "none" if request.wire is None else f"{request.wire:,} B"
                request.wire = sizes.pop(0)
                request.source = f"server (CDP: {reported})"
        for key, sizes in unclaimed.items():
            for sent in sizes:
                self.requests[f"server:{key}:{len(self.requests)}"] = Request(
                    server_url(server, key), 0.0, 0.0, wire=sent, source="server only"
                )


def _server_key(url: str) -> str:
    """A request as the server logged it: path and query."""
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def server_url(server: SiteServer, key: str) -> str:
    return server.url.rstrip("/") + key


@dataclass
class Problems:
    """What went wrong in the browser on one site, over every page load."""

    messages: Counter[str] = field(default_factory=Counter)

    def watch(self, page: Page) -> None:
        page.on("console", lambda message: self._console("page", message))
        page.on("worker", lambda worker: worker.on("console", lambda message: self._console("worker", message)))
        page.on("pageerror", lambda error: self.messages.update([f"page error: {error}"]))
        page.on("requestfailed", lambda request: self.messages.update([f"failed: {request.url} {request.failure}"]))
        page.on(
            "response",
            lambda response: (
                self.messages.update([f"HTTP {response.status}: {response.url}"]) if response.status >= 400 else None
            ),
        )

    def _console(self, where: str, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.messages.update([f"console {message.type} ({where}): {message.text}"])


def new_page(browser: Browser, problems: Problems) -> tuple[BrowserContext, Page]:
    """A fresh context: an empty cache, no service worker, nothing stored."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    context.add_init_script(BENCH_SCRIPT)
    page = context.new_page()
    problems.watch(page)
    return context, page


def search_now(page: Page, url: str, query: str) -> dict[str, Any]:
    """Open the page, type the query as soon as it is parsed, wait for the first result."""
    page.goto(url, wait_until="domcontentloaded", timeout=RESULT_TIMEOUT_MS)
    page.wait_for_function(SEARCH_READY, timeout=RESULT_TIMEOUT_MS, polling=10)
    began = time.perf_counter()
    page.click(SEARCH_INPUT)
    page.keyboard.type(query)
    try:
        page.wait_for_function("window.__searchBench.first !== null", timeout=RESULT_TIMEOUT_MS, polling=20)
    except PlaywrightError as error:
        meta = page.locator(RESULT_META).text_content(timeout=1000) if page.locator(RESULT_META).count() else "-"
        raise BenchmarkFailed(f"{url}: no result for {query!r} (the search says {meta!r}): {error}") from None
    try:
        page.locator(RESULTS).first.wait_for(state="visible", timeout=VISIBLE_TIMEOUT_MS)
    except PlaywrightError:
        opened = page.evaluate("document.getElementById('__search')?.checked")
        raise BenchmarkFailed(
            f"{url}: the first result for {query!r} entered the list but stayed hidden,"
            f" the search dialog {'open' if opened else 'closed'}"
        ) from None
    visible = time.perf_counter() - began
    bench = page.evaluate(
        "({...window.__searchBench, origin: performance.timeOrigin,"
        " loaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd})"
    )
    return {
        "seconds": (bench["first"] - bench["typed"]) / 1000,
        # From Playwright's side, click to visible; includes its own round trips.
        "seconds_seen_by_driver": visible,
        "typed_wall": (bench["origin"] + bench["typed"]) / 1000,
        "first_wall": (bench["origin"] + bench["first"]) / 1000,
        "meta": page.locator(RESULT_META).inner_text(),
        "shown": page.locator(RESULTS).count(),
        # The article page's DOMContentLoaded (its handlers run) from the navigation's start.
        "dom_content_loaded": bench["loaded"] / 1000,
        # When the help centre's search box was set up, from DOMContentLoaded; None on Material's.
        "search_ready": None if bench["ready"] is None else (bench["ready"] - bench["loaded"]) / 1000,
    }


def cold_search(
    browser: Browser,
    problems: Problems,
    url: str,
    query: str,
    network: dict[str, Any] | None,
    server: SiteServer | None = None,
) -> tuple[dict[str, Any], NetworkLog | None]:
    """`search_now` in a fresh context on `network`; with `server`, every request logged until idle."""
    context, page = new_page(browser, problems)
    try:
        # Unthrottled and unlogged, the page goes without CDP.
        log = NetworkLog(context, page, network) if network or server else None
        if server:
            server.log.clear()
        found = search_now(page, url, query)
        if server and log:
            log.wait_idle(page, server)
            log.settle_sizes(server)
        return found, log
    finally:
        context.close()


def measure_bytes(
    browser: Browser, server: SiteServer, url: str, query: str, problems: Problems, network: dict[str, Any] | None
) -> dict[str, Any]:
    """One cold page load and first query on `network`, with every request and its size on the wire."""
    found, log = cold_search(browser, problems, url, query, network, server)
    assert log is not None
    typed = found["typed_wall"]
    requests = []
    for request in log.requests.values():
        path = site_path(request.url)
        file = server.site_dir / path
        if file.is_dir():
            file = file / "index.html"
        requests.append(
            {
                "path": path,
                "part": search_part(path),
                "wire_bytes": request.wire or 0,
                "file_bytes": file.stat().st_size if file.is_file() else 0,
                "size_from": request.source,
                "failed": request.failed,
                # Milliseconds from the search box taking focus; negative: during the page load.
                "start_ms": round((request.started_wall - typed) * 1000) if request.started_wall else None,
                "end_ms": round((request.started_wall + request.finished - request.started - typed) * 1000)
                if request.finished is not None and request.started_wall
                else None,
            }
        )
    search = [request for request in requests if request["part"]]
    parts: dict[str, dict[str, int]] = {}
    for request in search:
        part = parts.setdefault(request["part"], {"requests": 0, "wire_bytes": 0, "file_bytes": 0})
        part["requests"] += 1
        part["wire_bytes"] += request["wire_bytes"]
        part["file_bytes"] += request["file_bytes"]
    ends = [request["end_ms"] for request in search if request["end_ms"] is not None]
    return {
        "search_wire_bytes": sum(request["wire_bytes"] for request in search),
        "search_file_bytes": sum(request["file_bytes"] for request in search),
        "search_requests": len(search),
        "total_wire_bytes": sum(request["wire_bytes"] for request in requests),
        "total_requests": len(requests),
        "server_sent_bytes": sum(sent for _, sent in server.log),
        "sizes_from_server": {r["path"]: r["size_from"] for r in requests if r["size_from"] != "cdp"},
        "search_parts": dict(sorted(parts.items(), key=lambda item: -item[1]["wire_bytes"])),
        "search_requests_done_ms": max(ends) if ends else None,
        "first_result_ms": round((found["first_wall"] - typed) * 1000),
        "results": found["meta"],
        "requests": requests,
    }


def time_first_result(
    browser: Browser, url: str, query: str, problems: Problems, network: dict[str, Any] | None
) -> dict[str, Any]:
    found, _ = cold_search(browser, problems, url, query, network)
    return {
        key: found[key]
        for key in ("seconds", "seconds_seen_by_driver", "meta", "shown", "dom_content_loaded", "search_ready")
    }


def article_url(categories: list[Category]) -> str:
    """A mid-list article of the first category: the same page on both sites."""
    ordered = categories[0].in_nav_order()
    article = ordered[len(ordered) // 2]
    return f"{article.category}/{article.slug}/"


def measure_browser(
    browser: Browser, sites: dict[str, Path], page_path: str, runs: int, problems: dict[str, Problems]
) -> dict[str, Any]:
    """Each query on each network: its bytes from one page load, its first result timed `runs` times."""
    figures: dict[str, Any] = {"page": page_path, "queries": {}}
    loaded: dict[str, dict[str, list[dict[str, Any]]]] = {network: {name: [] for name in SITES} for network in NETWORKS}
    with SiteServer(sites["helpcentre"]) as helpcentre, SiteServer(sites["plain"]) as plain:
        servers = {"helpcentre": helpcentre, "plain": plain}
        urls = {name: server.url + page_path for name, server in servers.items()}
        for query in QUERIES:
            figures["queries"][query] = {}
            for network, conditions in NETWORKS.items():
                said = f"  {query!r} {NETWORK_LABELS[network]}"
                # The first measurement also compresses and caches what the later ones are sent.
                transfer = {
                    name: measure_bytes(browser, servers[name], urls[name], query, problems[name], conditions)
                    for name in SITES
                }
                for name in SITES:
                    status(
                        f"{said} {name}: {transfer[name]['search_wire_bytes']:,} B of search, "
                        f"{transfer[name]['total_wire_bytes']:,} B in all, {transfer[name]['results']}"
                    )
                timed: dict[str, list[dict[str, Any]]] = {name: [] for name in SITES}
                for number in range(runs):
                    for name in SITES if number % 2 == 0 else SITES[::-1]:
                        timed[name].append(time_first_result(browser, urls[name], query, problems[name], conditions))
                        loaded[network][name].append(timed[name][-1])
                    status(
                        f"{said} run {number + 1}/{runs}: "
                        + ", ".join(f"{name} {timed[name][-1]['seconds']:.3f} s" for name in SITES)
                    )
                figures["queries"][query][network] = query_figures(transfer, timed)
    # Over every timed page load of the article page, all queries together.
    figures["dom_content_loaded"] = {
        network: {
            name: {"median": _median(runs, "dom_content_loaded"), "loads": len(runs)} for name, runs in by_site.items()
        }
        for network, by_site in loaded.items()
    }
    for network, by_site in loaded.items():
        ready = [run["search_ready"] for run in by_site["helpcentre"] if run["search_ready"] is not None]
        figures["dom_content_loaded"][network]["helpcentre"].update(
            search_ready_median=round(statistics.median(ready), 3) if ready else None,
            search_ready_max=round(max(ready), 3) if ready else None,
            search_ready_late=sum(1 for value in ready if value > 0),
        )
    return figures


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return round(statistics.median(run[key] for run in runs), 3)


def query_figures(transfer: dict[str, Any], timed: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for name in SITES:
        runs = timed[name]
        figures[name] = {
            "bytes": transfer[name],
            "first_result": {
                "median": _median(runs, "seconds"),
                "runs": [round(run["seconds"], 3) for run in runs],
                "driver_median": _median(runs, "seconds_seen_by_driver"),
                "dom_content_loaded_median": _median(runs, "dom_content_loaded"),
                "results": sorted({run["meta"] for run in runs}),
                "shown": sorted({run["shown"] for run in runs}),
            },
        }
    helpcentre, plain = figures["helpcentre"], figures["plain"]
    figures["search_bytes_share"] = round(
        helpcentre["bytes"]["search_wire_bytes"] / plain["bytes"]["search_wire_bytes"], 4
    )
    # As a server that compresses nothing sends them (helpcentre serve-site): the measure of the
    # 1.67 MB that Material's first search cost.
    figures["search_bytes_share_uncompressed"] = round(
        helpcentre["bytes"]["search_file_bytes"] / plain["bytes"]["search_file_bytes"], 4
    )
    figures["total_bytes_share"] = round(
        helpcentre["bytes"]["total_wire_bytes"] / plain["bytes"]["total_wire_bytes"], 4
    )
    figures["speedup"] = round(plain["first_result"]["median"] / helpcentre["first_result"]["median"], 2)
    return figures


# ---------------------------------------------------------------------------------------------
# Targets and report


def missed_targets(figures: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(missed, not measured)."""
    by_size = {entry["articles"]: entry for entry in figures["sizes"]}
    missed, unmeasured = [], []
    if SEARCH_TARGET_SIZE in by_size:
        for query, networks in by_size[SEARCH_TARGET_SIZE]["browser"]["queries"].items():
            entry = networks[TARGET_NETWORK]
            query = f"{query!r} on {NETWORK_LABELS[TARGET_NETWORK]}"
            if entry["search_bytes_share"] > BYTES_SHARE_MAX:
                missed.append(
                    f"{SEARCH_TARGET_SIZE:,} articles, {query}: the first query transfers "
                    f"{entry['search_bytes_share']:.1%} of Material's search bytes, above {BYTES_SHARE_MAX:.0%}"
                )
            if entry["speedup"] < SPEEDUP_MIN:
                missed.append(
                    f"{SEARCH_TARGET_SIZE:,} articles, {query}: the first result comes {entry['speedup']:.2f}x "
                    f"as soon as Material's, below {SPEEDUP_MIN:.0f}x"
                )
    else:
        unmeasured.append(f"the search targets at {SEARCH_TARGET_SIZE:,} articles")
    if BUILD_TARGET_SIZE in by_size:
        ratio = by_size[BUILD_TARGET_SIZE]["build"]["ratio"]
        if ratio > BUILD_RATIO_MAX:
            missed.append(
                f"{BUILD_TARGET_SIZE:,} articles: the build takes {ratio:.3f}x plain Material's, "
                f"above {BUILD_RATIO_MAX}"
            )
    else:
        unmeasured.append(f"the build target at {BUILD_TARGET_SIZE:,} articles")
    return missed, unmeasured


def _bytes(size: float) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.2f} MB"
    return f"{size / 1000:.1f} KB"


def _met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _parts_line(parts: dict[str, dict[str, int]], index: dict[str, Any]) -> str:
    """Where a first query's search bytes went; for hc-search/'s folders, how many files of how many."""
    on_disk = {f"hc-search/{folder}/*": count for folder, count in index["hc_search_folders"].items()}
    shown = []
    for name, part in parts.items():
        count = f" x{part['requests']}" if part["requests"] > 1 else ""
        if name in on_disk:
            count = f" {part['requests']:,} of {on_disk[name]:,}"
        shown.append(f"{name}{count} {_bytes(part['wire_bytes'])}")
    return ", ".join(shown)


def _stages_lines(stages: dict[str, float]) -> list[str]:
    """The medians of what the build spent in each site's own parts, nested as they run."""
    lines = []
    if "helpcentre plugin hooks" in stages:
        inside = [f"{label} {stages[label]:.2f} s" for label in SEARCH_STAGES if label in stages]
        lines.append(
            f"      of which helpcentre plugin hooks {stages['helpcentre plugin hooks']:.2f} s"
            + (f", and within them {', '.join(inside)}" if inside else "")
        )
    if "Material search plugin" in stages:
        lines.append(f"      of which Material search plugin {stages['Material search plugin']:.2f} s")
    return lines


def _query_lines(figures: dict[str, Any], index: dict[str, Any], runs: int, targeted: bool) -> list[str]:
    """One query on one network: its bytes, then its first result, on each site."""
    lines = []
    for name in SITES:
        transfer = figures[name]["bytes"]
        lines.append(
            f"        {LABELS[name]:<24} search {_bytes(transfer['search_wire_bytes']):>9} in "
            f"{transfer['search_requests']:>2} requests ({_bytes(transfer['search_file_bytes'])} uncompressed);"
            f" whole page + query {_bytes(transfer['total_wire_bytes'])} in {transfer['total_requests']}"
            f" requests; {transfer['results']}"
        )
        lines.append(f"          {_parts_line(transfer['search_parts'], index)}")
    lines.append(
        f"        share helpcentre/plain   search {figures['search_bytes_share']:.1%} gzipped"
        f" ({figures['search_bytes_share_uncompressed']:.1%} uncompressed), whole page + query "
        f"{figures['total_bytes_share']:.1%}" + (f"   target <= {BYTES_SHARE_MAX:.0%}" if targeted else "")
    )
    for name in SITES:
        first, transfer = figures[name]["first_result"], figures[name]["bytes"]
        runs_text = ", ".join(f"{seconds:.3f}" for seconds in first["runs"])
        done = transfer["search_requests_done_ms"]
        lines.append(
            f"        {LABELS[name]:<24} first result {first['median']:6.3f} s, median of {runs}   runs: {runs_text}"
        )
        lines.append(
            "          measured load: "
            + (f"search requests done at {done:+,} ms, " if done is not None else "")
            + f"first result at {transfer['first_result_ms']:+,} ms after focus"
        )
    lines.append(
        f"        Material/helpcentre      {figures['speedup']:.2f}x sooner"
        + (f"   target >= {SPEEDUP_MIN:.0f}x" if targeted else "")
    )
    return lines


def size_report(entry: dict[str, Any], runs: int) -> list[str]:
    build, index, browser = entry["build"], entry["index"], entry["browser"]
    lines = [
        f"{entry['articles']:,} articles",
        f"  Build time, indexing included: median of {len(build['plain']['runs'])} alternating rounds"
        " (CPU time in brackets)",
    ]
    for name in SITES:
        runs_text = ", ".join(f"{seconds:.2f}" for seconds in build[name]["runs"])
        lines.append(
            f"    {LABELS[name]:<24} {build[name]['median']:7.2f} s ({build[name]['cpu_median']:.2f} s)"
            f"   runs: {runs_text}"
        )
        lines += _stages_lines(build[name]["stages_median"])
    target = f"   target <= {BUILD_RATIO_MAX}" if entry["articles"] == BUILD_TARGET_SIZE else ""
    folders = ", ".join(f"{folder}/ {count:,}" for folder, count in index["hc_search_folders"].items())
    lines += [
        f"    ratio helpcentre/plain   {build['ratio']:7.3f}{target}   (CPU {build['cpu_ratio']:.3f}, "
        f"fastest runs {build['fastest_ratio']:.3f})",
        f"  Index on disk: hc-search/ {_bytes(index['hc_search_bytes'])} in {index['hc_search_files']:,} files"
        f" ({folders}; meta.json {_bytes(index['hc_search_meta_bytes'])},"
        f" {_bytes(index['hc_search_meta_gzip_bytes'])} gzipped); search/search_index.json"
        f" {_bytes(index['material_index_bytes'])} ({_bytes(index['material_index_gzip_bytes'])} gzipped)",
        f"  Article page's DOMContentLoaded, median of every timed load of {browser['page']}:",
    ]
    for network, by_site in browser["dom_content_loaded"].items():
        centre = by_site["helpcentre"]
        lines.append(
            f"    {NETWORK_LABELS[network]:<12} "
            + "; ".join(f"{LABELS[name]} {by_site[name]['median']:.3f} s" for name in SITES)
            + f" (of {centre['loads']} loads each)"
        )
        if centre["search_ready_median"] is not None:
            lines.append(
                f"      the help centre's search box set up {centre['search_ready_median']:+.3f} s after it"
                f" (median, at most {centre['search_ready_max']:+.3f} s; after it in {centre['search_ready_late']}"
                f" of {centre['loads']} loads): the benchmark focuses it then; typing sooner waits that long more"
            )
    lines.append(f"  First query from a cold cache on {browser['page']}")
    targeted = entry["articles"] == SEARCH_TARGET_SIZE
    for query, networks in browser["queries"].items():
        lines.append(f"    {query!r}")
        for network, figures in networks.items():
            lines.append(f"      {NETWORK_LABELS[network]}")
            lines += _query_lines(figures, index, runs, targeted and network == TARGET_NETWORK)
    return lines


def targets_report(figures: dict[str, Any]) -> list[str]:
    by_size = {entry["articles"]: entry for entry in figures["sizes"]}
    lines = [f"Targets, on {NETWORK_LABELS[TARGET_NETWORK]} (unthrottled in brackets)"]
    if SEARCH_TARGET_SIZE in by_size:
        queries = by_size[SEARCH_TARGET_SIZE]["browser"]["queries"]
        shares = ", ".join(
            f"{query!r} {entry[TARGET_NETWORK]['search_bytes_share']:.1%}"
            f" ({entry['unthrottled']['search_bytes_share']:.1%})"
            for query, entry in queries.items()
        )
        ok = all(entry[TARGET_NETWORK]["search_bytes_share"] <= BYTES_SHARE_MAX for entry in queries.values())
        lines.append(
            f"  {SEARCH_TARGET_SIZE:,} articles, first query <= {BYTES_SHARE_MAX:.0%} of Material's search bytes: "
            f"{shares}   {_met(ok)}"
        )
        speedups = ", ".join(
            f"{query!r} {entry[TARGET_NETWORK]['speedup']:.2f}x ({entry['unthrottled']['speedup']:.2f}x)"
            for query, entry in queries.items()
        )
        ok = all(entry[TARGET_NETWORK]["speedup"] >= SPEEDUP_MIN for entry in queries.values())
        lines.append(
            f"  {SEARCH_TARGET_SIZE:,} articles, first result >= {SPEEDUP_MIN:.0f}x sooner than Material's: "
            f"{speedups}   {_met(ok)}"
        )
    if BUILD_TARGET_SIZE in by_size:
        ratio = by_size[BUILD_TARGET_SIZE]["build"]["ratio"]
        lines.append(
            f"  {BUILD_TARGET_SIZE:,} articles, build <= {BUILD_RATIO_MAX}x plain Material's: {ratio:.3f}x   "
            f"{_met(ratio <= BUILD_RATIO_MAX)}"
        )
    lines += [f"  not measured: {text}" for text in figures["not_measured"]]
    return lines


def file_creation_ms(folder: Path, count: int = 200) -> float:
    """How long creating one small file takes in `folder`, in ms: the median of `count`.

    The help centre's build writes more files than plain Material's (a page for each short link,
    the index's many small files), so a folder where creating a file is slow weighs on it more;
    the report says how slow this one was.
    """
    probe = folder / ".file-creation-probe"
    probe.mkdir(parents=True, exist_ok=True)
    times = []
    try:
        for number in range(count):
            started = time.perf_counter()
            (probe / f"{number}.html").write_bytes(b"<p>probe</p>")
            times.append((time.perf_counter() - started) * 1000)
    finally:
        shutil.rmtree(probe, ignore_errors=True)
    return statistics.median(times)


def report_text(figures: dict[str, Any]) -> str:
    sizes = " and ".join(f"{entry['articles']:,}" for entry in figures["sizes"])
    lines = [
        f"Search at scale: synthetic help centres of {sizes} articles in {figures['categories']} categories "
        f"(seed {figures['seed']}), built and measured side by side in one run",
        f"Chromium {figures['chromium']}, headless, {VIEWPORT['width']}x{VIEWPORT['height']}, a fresh context per"
        " page load; sites served on 127.0.0.1 over HTTP/1.1, text gzipped (level"
        f" {GZIP_LEVEL}); each query measured unthrottled and on Chrome DevTools' Fast 3G"
        f" ({FAST_3G['latency']} ms latency, {FAST_3G['downloadThroughput']:,} B/s down,"
        f" {FAST_3G['uploadThroughput']:,} B/s up), emulated over CDP for the page and its web workers",
        "Search bytes: helpcentre: assets/helpcentre/search.js (with every page), search-query.js and"
        " search-engine.js (on focus), hc-search/meta.json (on focus), hc-search/words/*, postings/* and"
        " pages/* (per query); Material: search/search_index.json, assets/javascripts/workers/search*.js,"
        " assets/javascripts/lunr/*. On-the-wire sizes (headers included) from CDP's"
        " Network.loadingFinished encodedDataLength, page and web workers, each checked against the"
        " server's count of bytes sent, which wins where they differ: the web workers' own scripts,"
        " of which CDP reports only the headers or nothing, and the odd worker request CDP misses.",
        f"Built in {figures['workdir']}, where creating a small file takes {figures['file_creation_ms']:.3f} ms"
        " (median of 200); the help centre's build writes more files than Material's, so a slow"
        " folder weighs on it more: set TMPDIR or --workdir to build elsewhere.",
        f"Load average of the machine (1, 5, 15 min): {figures['load_average']['start']} at the start,"
        f" {figures['load_average']['end']} at the end; {os.cpu_count()} CPUs.",
        "First result: from the search box taking focus, typed into at once after DOMContentLoaded (and,"
        " on the help centre, once search.js has set the box up), until"
        " the first item enters .md-search-result__list; on the page's clock. DOMContentLoaded: the"
        " navigation entry's domContentLoadedEventEnd.",
        "",
    ]
    for entry in figures["sizes"]:
        lines += size_report(entry, figures["runs"])
        lines.append("")
    lines += targets_report(figures)
    lines.append("")
    problems = figures["browser_problems"]
    for name in SITES:
        found = problems[name]
        if found:
            lines.append(f"Browser problems on the {name} site:")
            lines += [f"  {count}x {message}" for message, count in found.items()]
        else:
            lines.append(f"No console errors or warnings, page errors or failed requests on the {name} site.")
    lines.append("")
    lines += [f"MISSED: {message}" for message in figures["missed"]] or ["All targets met."]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------


def parse_sizes(ctx: click.Context, param: click.Parameter, value: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in value.split(",") if part.strip()]
    except ValueError:
        raise click.BadParameter("a comma-separated list of article counts, such as 1000,5000") from None
    if not sizes or any(size < 1 for size in sizes) or len(set(sizes)) != len(sizes):
        raise click.BadParameter("distinct article counts, each at least 1")
    return sizes


@click.command()
@click.option("--sizes", default="1000,5000", show_default=True, callback=parse_sizes, help="Articles per site.")
@click.option("--categories", default=20, show_default=True, type=click.IntRange(min=2))
@click.option("--rounds", default=3, show_default=True, type=click.IntRange(min=1), help="Build rounds per size.")
@click.option("--runs", default=5, show_default=True, type=click.IntRange(min=1), help="Timed searches per query.")
@click.option("--seed", default=1, show_default=True, help="Seed of the synthetic content.")
@click.option(
    "--workdir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Generate and build in this directory and keep it, instead of a temporary one.",
)
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the figures here.")
def main(
    sizes: list[int],
    categories: int,
    rounds: int,
    runs: int,
    seed: int,
    workdir: Path | None,
    json_path: Path | None,
) -> None:
    """First-query bytes and time, and build time, of the help centre's search against Material's."""
    if min(sizes) < categories:
        raise click.BadParameter("needs at least one article a category", param_hint="--sizes")
    if workdir and workdir.exists() and any(workdir.iterdir()):
        raise click.BadParameter(
            f"{workdir} is not empty; stale pages would change the figures", param_hint="--workdir"
        )
    # Material prints an end-of-life banner on every build unless this is set.
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    quiet_mkdocs()
    started = time.perf_counter()
    load_at_start = [round(value, 2) for value in os.getloadavg()]
    problems = {name: Problems() for name in SITES}
    entries = []
    try:
        options = launch_options()
    except BrowserNotFound as error:
        raise BenchmarkFailed(str(error)) from error
    stages = StageTimes.installed()
    with tempfile.TemporaryDirectory(prefix="hc-search-bench-") as scratch:
        root = workdir.resolve() if workdir else Path(scratch)
        creation_ms = file_creation_ms(root)
        # All builds first, with no browser running beside them; every size's sites stay on disk.
        # Warm-ups import and compile what both builds use, on a 2-article-a-category copy.
        tiny = generate(seed, [2] * categories)
        for name, write in (("helpcentre", write_helpcentre), ("plain", write_plain)):
            status(f"warm-up {name} build: {build_once(write(root / f'warm-up-{name}', tiny), stages).wall:.2f} s")
        built = []
        for size in sizes:
            centre = generate(seed, split_counts(size, categories))
            builds = {
                "helpcentre": write_helpcentre(root / str(size) / "helpcentre", centre),
                "plain": write_plain(root / str(size) / "plain", centre),
            }
            status(f"generated {size:,} articles in {categories} categories in {root / str(size)}")
            times = timed_rounds(builds, rounds, size, stages)
            sites = {name: config_file.parent / "site" for name, config_file in builds.items()}
            built.append((size, times, sites, article_url(centre)))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**options)
            for size, times, sites, page_path in built:
                status(f"{size:,} articles: searching in Chromium")
                entries.append(
                    {
                        "articles": size,
                        "build": build_figures(times),
                        "index": index_figures(sites["helpcentre"], sites["plain"]),
                        "browser": measure_browser(browser, sites, page_path, runs, problems),
                    }
                )
            chromium = browser.version
            browser.close()

    figures: dict[str, Any] = {
        "categories": categories,
        "rounds": rounds,
        "runs": runs,
        "seed": seed,
        "queries": list(QUERIES),
        "chromium": chromium,
        "sizes": entries,
        "targets": {
            "search_target_articles": SEARCH_TARGET_SIZE,
            "search_bytes_share_max": BYTES_SHARE_MAX,
            "first_result_speedup_min": SPEEDUP_MIN,
            "build_target_articles": BUILD_TARGET_SIZE,
            "build_ratio_max": BUILD_RATIO_MAX,
        },
        "browser_problems": {name: dict(problems[name].messages.most_common()) for name in SITES},
        # Other work on the machine disturbs both sites alike, but widens the spread of the runs.
        "load_average": {"start": load_at_start, "end": [round(value, 2) for value in os.getloadavg()]},
        "workdir": str(root),
        "file_creation_ms": round(creation_ms, 3),
    }
    figures["missed"], figures["not_measured"] = missed_targets(figures)
    figures["wall_seconds"] = round(time.perf_counter() - started, 1)
    click.echo(report_text(figures))
    if json_path:
        json_path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    status(f"the benchmark took {figures['wall_seconds']:.0f} s")
    sys.exit(1 if figures["missed"] else 0)


if __name__ == "__main__":
    main()
