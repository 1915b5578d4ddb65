#!/usr/bin/python3
"""Checks a Zhibiao HTML report in headless Chromium, as a reader's browser would show it.

    check_report.py REPORT.html SUMMARY.json --screenshot OUT.png [--width 1280] [--print-pdf OUT.pdf]

The page is loaded from its file:// URL through chromedriver. The report fails when:

- the page logs a console message at level WARNING or SEVERE (console.error/warn, an uncaught
  exception, a failed load, a deprecation);
- the page asks for anything but itself and data: URLs (Network.requestWillBeSent and
  Network.webSocketCreated in the performance log, and the page's own Resource Timing entries);
- the leading number of a [data-figure="KEY"] element differs from summary.json's figures[KEY]
  (exactly for integers, within 1e-9 relative otherwise), or a key is on one side only.

A full-page screenshot is written either way, so that a failing page can be looked at.
Exit status: 0 when the report passes, 1 when it fails a check, 2 when the check could not run.
"""

import argparse
import base64
import json
import re
import sys
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urldefrag

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Headless, and without the browser's own traffic (updates, sync, safe browsing, metrics,
# translation), so that every request the log shows is one the page made.
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pings",
    "--metrics-recording-only",
    "--safebrowsing-disable-auto-update",
    "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
    "AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
    "--mute-audio",
]

# Console entries that Chromium writes on its own, not because of the page. Empty: none has been
# seen with the flags above; add a pattern only with the reason it is not the page's doing.
CHROMIUM_NOISE: list[re.Pattern[str]] = []

# A leading number: optional sign (ASCII or the typographic minus), digits with optional
# thousands separators, optional decimals. Whatever follows ("%", " 亿元") is not compared.
LEADING_NUMBER = re.compile(r"\s*([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d,])")

RELATIVE_TOLERANCE = Decimal("1e-9")


class CheckCannotRun(Exception):
    """The browser or the inputs are missing: no verdict on the report."""


def leading_number(text):
    """The number a figure's text starts with, or None."""
    match = LEADING_NUMBER.match(text)
    if not match:
        return None
    sign, whole, fraction = match.groups()
    return Decimal(("-" if sign in ("-", "\u2212") else "") + whole.replace(",", "") + (fraction or ""))


def same_number(shown, expected):
    """Integers exactly; anything else within 1e-9 relative (summary.json may hold binary floats)."""
    if shown == expected:
        return True
    if shown == shown.to_integral_value() and expected == expected.to_integral_value():
        return False
    return abs(shown - expected) <= RELATIVE_TOLERANCE * max(abs(shown), abs(expected))


def load_figures(summary_path):
    """summary.json's "figures", as exact decimals."""

    def reject_constant(name):
        raise ValueError(f"{name} is not a number JSON allows")

    try:
        summary = json.loads(
            summary_path.read_text(encoding="utf-8"), parse_float=Decimal, parse_constant=reject_constant
        )
    except (OSError, ValueError) as error:
        raise CheckCannotRun(f"cannot read {summary_path}: {error}") from error
    figures = summary.get("figures") if isinstance(summary, dict) else None
    if not isinstance(figures, dict):
        raise CheckCannotRun(f'{summary_path} has no "figures" object')
    return figures


def compare_figures(shown, figures):
    """Failures for [data-figure] elements against summary.json's figures."""
    failures = []
    for key, text in shown:
        if key not in figures:
            failures.append(f'figure missing from summary.json: data-figure="{key}" shows "{text.strip()}"')
            continue
        expected = figures[key]
        if isinstance(expected, bool) or not isinstance(expected, (int, Decimal)):
            failures.append(f"figure not a number in summary.json: {key} = {json.dumps(expected, default=str)}")
            continue
        number = leading_number(text)
        if number is None:
            failures.append(f'figure without a number in the page: data-figure="{key}" shows "{text.strip()}"')
        elif not same_number(number, Decimal(expected)):
            failures.append(
                f'figure mismatch: data-figure="{key}" shows "{text.strip()}" ({number}), summary.json has {expected}'
            )
    in_page = {key for key, _ in shown}
    for key in sorted(set(figures) - in_page):
        failures.append(f'figure missing from page: summary.json figure "{key}" has no data-figure element')
    return failures


def same_document(url, page_url):
    """Whether url is the page itself (ignoring the fragment and percent-encoding)."""
    return unquote(urldefrag(url)[0]) == unquote(urldefrag(page_url)[0])


def allowed_request(url, page_url):
    return url.startswith("data:") or same_document(url, page_url)


def requested_urls(performance_log):
    """Every URL the page asked for, from the DevTools network events chromedriver logged."""
    urls = []
    for entry in performance_log:
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(params["request"]["url"])
        elif message.get("method") == "Network.webSocketCreated":
            urls.append(params["url"])
    return urls


def start_browser(width, chromium, chromedriver):
    try:
        from selenium import webdriver
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.chrome.service import Service
    except ImportError as error:
        raise CheckCannotRun(
            f"selenium is not importable by {sys.executable} ({error}); run Tools/bootstrap.sh"
        ) from error
    for path in (chromium, chromedriver):
        if not Path(path).exists():
            raise CheckCannotRun(f"{path} is missing; run Tools/bootstrap.sh")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS + [f"--window-size={width},900"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    except WebDriverException as error:
        raise CheckCannotRun(f"headless Chromium did not start: {error.msg}") from error
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(15)
    # The layout width is exactly --width, whatever the window decorations.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}
    )
    return driver


# Resolves once web fonts are ready and two frames have been laid out, plus a settling delay, so that
# late console messages and requests are logged before the logs are read.
SETTLE_SCRIPT = """
const done = arguments[arguments.length - 1];
const settle = arguments[0];
document.fonts.ready.then(() =>
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(true), settle))));
"""

FIGURES_SCRIPT = """
return Array.from(document.querySelectorAll('[data-figure]'),
  e => [e.getAttribute('data-figure'), e.textContent]);
"""

RESOURCES_SCRIPT = """
return performance.getEntriesByType('resource').map(e => e.name);
"""


def save_screenshot(driver, path):
    """A PNG of the whole page, beyond the viewport; returns its size in CSS pixels."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    content = metrics.get("cssContentSize") or metrics["contentSize"]
    viewport = metrics.get("cssLayoutViewport") or metrics["layoutViewport"]
    width = max(int(viewport["clientWidth"]), int(content["width"]))
    height = max(1, int(content["height"]))
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))
    return width, height


def save_pdf(driver, path):
    """The page as printed on A4, to look at the print layout."""
    pdf = driver.execute_cdp_cmd(
        "Page.printToPDF",
        {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True, "preferCSSPageSize": True},
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(pdf["data"]))


def check(report, summary, screenshot, width, pdf, settle_ms, chromium, chromedriver):
    """Runs the checks; returns (failures, one-line description of what passed)."""
    if not report.is_file():
        raise CheckCannotRun(f"{report} does not exist")
    figures = load_figures(summary)
    page_url = report.resolve().as_uri()
    driver = start_browser(width, chromium, chromedriver)
    try:
        started = time.monotonic()
        driver.get(page_url)
        driver.execute_async_script(SETTLE_SCRIPT, settle_ms)
        shown = driver.execute_script(FIGURES_SCRIPT)
        resources = driver.execute_script(RESOURCES_SCRIPT)
        final_url = driver.current_url
        size = save_screenshot(driver, screenshot)
        if pdf:
            save_pdf(driver, pdf)
        console = driver.get_log("browser")
        performance = driver.get_log("performance")
        elapsed = time.monotonic() - started
    finally:
        driver.quit()

    failures = []
    for entry in console:
        if entry["level"] not in ("WARNING", "SEVERE"):
            continue
        if any(pattern.search(entry["message"]) for pattern in CHROMIUM_NOISE):
            continue
        failures.append(f"console {entry['level']} ({entry.get('source', 'unknown')}): {entry['message']}")
    requests = requested_urls(performance)
    stray = [url for url in requests + resources if not allowed_request(url, page_url)]
    for url in dict.fromkeys(stray):
        failures.append(f"network request: {url}")
    if not same_document(final_url, page_url):
        failures.append(f"page navigated away: ended at {final_url}")
    failures += compare_figures(shown, figures)
    if not shown:
        failures.append("figure missing from page: no [data-figure] element at all")

    page_requests = sum(1 for url in requests if same_document(url, page_url))
    passed = (
        f"{len(shown)} figures equal summary.json, no console warnings or errors, "
        f"{page_requests} request (the page itself) and no other, "
        f"screenshot {screenshot.name} {size[0]}x{size[1]}, {elapsed:.1f} s"
    )
    return failures, passed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path, help="the report's HTML page")
    parser.add_argument("summary", type=Path, help='the summary JSON with its "figures"')
    parser.add_argument("--screenshot", type=Path, required=True, help="where to write the full-page PNG")
    parser.add_argument("--width", type=int, default=1280, help="layout width in CSS pixels (default 1280)")
    parser.add_argument("--print-pdf", type=Path, help="also write the page as printed on A4")
    parser.add_argument("--settle", type=int, default=250, help="milliseconds to wait after load (default 250)")
    parser.add_argument("--chromium", default=CHROMIUM, help=f"the browser (default {CHROMIUM})")
    parser.add_argument("--chromedriver", default=CHROMEDRIVER, help=f"the WebDriver (default {CHROMEDRIVER})")
    args = parser.parse_args(argv)
    try:
        failures, passed = check(
            args.report, args.summary, args.screenshot, args.width, args.print_pdf, args.settle,
            args.chromium, args.chromedriver,
        )
    except CheckCannotRun as error:
        print(f"check_report: cannot check {args.report}: {error}", file=sys.stderr)
        return 2
    if failures:
        for failure in failures:
            print(f"FAIL {failure}")
        print(f"check_report: {args.report.name} FAILED {len(failures)} check(s); screenshot {args.screenshot}")
        return 1
    print(f"check_report: {args.report.name} passed: {passed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
