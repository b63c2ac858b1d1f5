"""Open a page in headless Chromium over the DevTools protocol: errors, images, screenshot.

The tests use Debian's ``chromium`` (``.ci/run`` installs it); ``find_chromium`` returns
None where there is none, and the test skips saying so. The browser runs with a fresh
profile, no network services, listening on 127.0.0.1 only; it is talked to through
``websocket-client`` (a dependency of jupyter_server).
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",  # as root, and in containers, Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
    "--window-size=1280,1600",
)


def find_chromium() -> str | None:
    """The Chromium (or Chrome) executable: ``$CORPUS_TOOLS_CHROMIUM``, else on PATH."""
    named = os.environ.get("CORPUS_TOOLS_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    return next(filter(None, map(shutil.which, CANDIDATES)), None)


@dataclass
class PageReport:
    """What the browser saw: console errors, each image's natural width, a screenshot."""

    errors: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    title: str = ""
    screenshot: Path | None = None


class _DevTools:
    def __init__(self, url: str) -> None:
        import websocket

        self.socket = websocket.create_connection(url, timeout=60, suppress_origin=True)
        self.ids = itertools.count(1)
        self.events: list[dict] = []

    def call(self, method: str, **params: object) -> dict:
        number = next(self.ids)
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str, timeout: float = 60) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.events:
                if event.get("method") == method:
                    return event
            self.events.append(json.loads(self.socket.recv()))
        raise TimeoutError(f"no {method} within {timeout} s")

    def close(self) -> None:
        self.socket.close()


def _errors(events: list[dict]) -> list[str]:
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append(" ".join(str(a.get("value", a)) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            found.append(str(params.get("exceptionDetails", {}).get("text")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            found.append(f"{entry.get('text')} {entry.get('url', '')}".strip())
    return found


def open_page(chromium: str, page: Path, screenshot: Path) -> PageReport:
    """Load ``page`` (a file) in headless Chromium; report errors and images, save a PNG."""
    profile = Path(tempfile.mkdtemp(prefix="corpus-tools-chromium-"))
    process = subprocess.Popen(
        [chromium, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    tools = None
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.is_file() and port_file.read_text().count("\n") >= 1):
            if process.poll() is not None:
                raise RuntimeError(f"{chromium} exited with status {process.returncode}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{chromium} did not open its DevTools port in 60 s")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as answer:
            targets = json.load(answer)
        target = next(t for t in targets if t.get("type") == "page")
        tools = _DevTools(target["webSocketDebuggerUrl"])
        for domain in ("Runtime", "Log", "Page"):
            tools.call(f"{domain}.enable")
        tools.call("Page.navigate", url=page.resolve().as_uri())
        tools.wait_for("Page.loadEventFired")
        metrics = tools.call("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        width, height = int(size["width"]), min(int(size["height"]), 12000)
        tools.call(
            "Emulation.setDeviceMetricsOverride",
            width=width, height=height, deviceScaleFactor=1, mobile=False,
        )  # fmt: skip
        evaluated = tools.call(
            "Runtime.evaluate",
            expression="Promise.all(Array.from(document.images, i => i.decode().catch(() => 0)))"
            ".then(() => JSON.stringify({title: document.title, images: Array.from("
            "document.images, i => ({src: i.getAttribute('src'), complete: i.complete, "
            "naturalWidth: i.naturalWidth}))}))",
            awaitPromise=True,
            returnByValue=True,
        )
        seen = json.loads(evaluated["result"]["value"])
        shot = tools.call("Page.captureScreenshot", format="png")
        screenshot.write_bytes(base64.b64decode(shot["data"]))
        return PageReport(_errors(tools.events), seen["images"], seen["title"], screenshot)
    finally:
        if tools is not None:
            tools.close()
        process.kill()
        process.wait()
        shutil.rmtree(profile, ignore_errors=True)
