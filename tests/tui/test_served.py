"""`arrears serve` in a real browser: headless Chromium loads the app, an officer signs in and sees the queues.

The terminal in the page is xterm.js, which draws on a canvas; the test reads
its text buffer (the Terminal object is caught as the page creates it). Without
Chromium the test is skipped, unless ARREARS_REQUIRE_BROWSER=1 (CI), which makes
that a failure.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("ARREARS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "correct horse battery"
ENV = {**os.environ, "ARREARS_TODAY": "2035-06-30", "COLUMNS": "200"}

CATCH_TERMINAL = """
(() => {
  window.__xterms = [];
  Object.defineProperty(Object.prototype, "_core", {
    configurable: true,
    get() { return undefined; },
    set(value) {
      Object.defineProperty(this, "_core", { value, writable: true, configurable: true, enumerable: true });
      if (typeof this.loadAddon === "function" && typeof this.open === "function") { window.__xterms.push(this); }
    },
  });
})();
"""
SCREEN = """
() => {
  const term = window.__xterms && window.__xterms[0];
  if (!term) return "";
  const buf = term.buffer.active, lines = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buf.getLine(buf.viewportY + y);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _arrears(db: str, *args: str, stdin: str | None = None) -> None:
    done = subprocess.run([sys.executable, "-m", "arrears", "--db", db, *args], input=stdin, text=True,
                          capture_output=True, timeout=120, env=ENV)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A council with an officer who has a password, served on a loopback port."""
    folder = tmp_path_factory.mktemp("served")
    db = f"sqlite:///{folder / 'arrears.db'}"
    data = Path(__file__).parents[1] / "data"
    _arrears(db, "init", "--council", "testshire", "--profile", str(data / "sundry_council.toml"))
    (folder / "a.csv").write_text("reference,debt_type,debtor_ref,debtor_name,amount,date\n"
                                  + "".join(f"S{i},sundry,D{i},Debtor {i},{10 + i}.00,2035-01-0{i + 1}\n" for i in range(5)))
    _arrears(db, "import", "accounts", str(folder / "a.csv"), "--council", "testshire")
    _arrears(db, "officer", "add", "alice", "--council", "testshire", "--role", "recovery_officer")
    _arrears(db, "officer", "password", "alice", "--council", "testshire", "--password-stdin", stdin=PASSWORD + "\n")
    port = _free_port()
    log = folder / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "arrears", "--db", db, "serve", "--council", "testshire",
                                   "--port", str(port)], stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  start_new_session=True, env=ENV)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, f"arrears serve exited:\n{log.read_text(errors='replace')}"
            try:
                with urllib.request.urlopen(url, timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"arrears serve did not answer:\n{log.read_text(errors='replace')}"
            time.sleep(0.1)
        yield url
    finally:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(server.pid, sig)
                server.wait(5)
                break
            except (ProcessLookupError, subprocess.TimeoutExpired):
                continue


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (Debian: apt-get install chromium)"
        if os.environ.get("ARREARS_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--disable-gpu", "--disable-dev-shm-usage"])
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
    context.route("https://fonts.gstatic.com/**", lambda route: route.abort())
    context.add_init_script(CATCH_TERMINAL)
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(served, wait_until="domcontentloaded")
        page.wait_for_function("() => window.__xterms && window.__xterms.length > 0")
        yield page
    finally:
        context.close()


def screen(page) -> str:
    return page.evaluate(SCREEN)


def wait_for(page, text: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while text not in (shown := screen(page)):
        assert time.monotonic() < deadline, f"{text!r} never appeared; the screen:\n{shown}"
        time.sleep(0.05)
    return shown


def wait_for_cursor_row(page, row: int) -> None:
    page.wait_for_function("(row) => window.__xterms[0].buffer.active.cursorY === row", arg=row, polling=50)


def sign_in(page, login: str, password: str) -> None:
    shown = wait_for(page, "Password")
    page.evaluate("() => window.__xterms[0].focus()")
    page.keyboard.type(login)
    wait_for(page, login)
    password_row = next(y for y, line in enumerate(shown.split("\n")) if "Password" in line)
    page.keyboard.press("Tab")
    wait_for_cursor_row(page, password_row)
    page.keyboard.type(password)
    wait_for(page, "•" * len(password))
    page.keyboard.press("Enter")


def test_an_officer_signs_in_and_sees_the_queues(page):
    sign_in(page, "alice", PASSWORD)
    shown = wait_for(page, "Waiting for an officer's decision")
    assert "Reviews due" in shown and "alice" in shown


def test_a_wrong_password_is_refused(page):
    sign_in(page, "alice", "not the password")
    shown = wait_for(page, "wrong login or password")
    assert "Waiting for an officer's decision" not in shown
