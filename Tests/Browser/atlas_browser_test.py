#!/usr/bin/env python3
"""Browser tests of the partner atlas, in a real Chromium driven over W3C WebDriver (chromedriver).

Standard library only: WebDriver is HTTP and JSON, so urllib is the client (no Selenium, no PyPI).
Run by Scripts/test after `swift test`; needs Debian's chromium and chromium-driver
(Scripts/install-system-deps.sh) and a built `synergraph`.

    Tests/Browser/atlas_browser_test.py --synergraph .build/debug/synergraph --out /tmp/atlas-browser

Every expected value comes from outside the page: degrees from `synergraph metrics --format json`, the
first gap from `synergraph gaps --format json`, the names that must not appear from the network's
nodes.csv. Screenshots are written to --out for a person to look at.
"""
import argparse
import base64
import csv
import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUNDLED = os.path.join(ROOT, "Networks", "unpog-asia-pacific")
HOSTILE = os.path.join(ROOT, "Tests", "Browser", "Fixtures", "hostile-labels")
FAILURES = []


def check(condition, message):
    print(("  ok    " if condition else "  FAIL  ") + message)
    if not condition:
        FAILURES.append(message)


# ---- A minimal W3C WebDriver client --------------------------------------------------------------

class WebDriver:
    def __init__(self, driver_path, browser_path):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.proc = subprocess.Popen([driver_path, "--port=%d" % self.port], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = "http://127.0.0.1:%d" % self.port
        for _ in range(100):
            try:
                self._call("GET", "/status")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": browser_path,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1400,900", "--no-first-run", "--disable-extensions",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            },
            "goog:loggingPrefs": {"browser": "ALL", "performance": "ALL"},
        }}}
        self.session = self._call("POST", "/session", caps)["sessionId"]

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return json.loads(r.read().decode() or "{}").get("value")
        except urllib.error.HTTPError as e:
            raise RuntimeError("WebDriver %s %s: %s" % (method, path, e.read().decode()[:500]))

    def cmd(self, method, path, body=None):
        return self._call(method, "/session/%s%s" % (self.session, path), body)

    def get(self, url):
        self.cmd("POST", "/url", {"url": url})

    def js(self, script, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css):
        value = self.cmd("POST", "/element", {"using": "css selector", "value": css})
        return list(value.values())[0]

    def click(self, element):
        self.cmd("POST", "/element/%s/click" % element, {})

    def type(self, element, text):
        self.cmd("POST", "/element/%s/value" % element, {"text": text})

    def click_at_centre(self, element):
        """A real pointer click at the middle of an element (SVG groups have no box of their own to click)."""
        self.cmd("POST", "/actions", {"actions": [{"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": [
            {"type": "pointerMove", "origin": {"element-6066-11e4-a52e-4f735466cecf": element}, "x": 0, "y": 0, "duration": 0},
            {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}]})
        self.cmd("DELETE", "/actions")

    def logs(self, kind):
        return self.cmd("POST", "/se/log", {"type": kind}) or []

    def screenshot(self, path):
        png = base64.b64decode(self.cmd("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)
        return png

    def quit(self):
        try:
            self.cmd("DELETE", "")
        finally:
            self.proc.terminate()
            self.proc.wait(timeout=10)


# ---- Helpers ---------------------------------------------------------------------------------------

def run(args):
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(args), r.returncode, r.stderr))
    return r.stdout


def png_stats(png):
    """Share of non-white pixels and number of distinct colours of an 8-bit RGB(A) PNG (zlib only)."""
    pos, chunks = 8, {}
    idat = b""
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            chunks["ihdr"] = struct.unpack(">IIBBBBB", data)
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    width, height, depth, colour = chunks["ihdr"][:4]
    if depth != 8 or colour not in (2, 6):
        return None, None
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    i = 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    colours, inked, total = set(), 0, 0
    for line in rows[::4]:
        for x in range(0, stride, bpp * 4):
            px = bytes(line[x:x + 3])
            colours.add(px)
            total += 1
            if px != b"\xff\xff\xff":
                inked += 1
    return inked / max(1, total), len(colours)


def hidden_names(folder):
    """Names (and local names) of experts who have not consented, from the network's own nodes.csv."""
    out = []
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["kind"] == "expert" and (row.get("consent") or "").strip().lower() != "yes":
                out.append(row["name"])
                if row.get("name_local"):
                    out.append(row["name_local"])
    return out


def open_atlas(wd, path):
    # The log checks can fail: a console error written on purpose must show in the browser log.
    wd.js("console.error('synergraph-probe')")
    probe = [e for e in wd.logs("browser") if "synergraph-probe" in e.get("message", "")]
    check(len(probe) == 1, "the browser log reports console errors (probe seen)")
    wd.logs("performance")
    wd.get("file://" + path)
    for _ in range(200):
        if wd.js("return document.documentElement.getAttribute('data-atlas-ready')") == "true":
            break
        time.sleep(0.05)
    check(wd.js("return document.documentElement.getAttribute('data-atlas-ready')") == "true", "the script finished wiring the page")


def common_checks(wd, path, name, out):
    html = open(path, encoding="utf-8").read()
    dom = wd.js("return document.documentElement.outerHTML + '\\n' + document.body.innerText")
    for hidden in hidden_names(BUNDLED if name == "bundled" else HOSTILE):
        check(hidden not in html, "%s: non-consenting expert '%s' is not in the file" % (name, hidden[:3] + "…"))
        check(hidden not in dom, "%s: non-consenting expert '%s' is not in the DOM" % (name, hidden[:3] + "…"))
    check(wd.js("return window.__pwned === undefined"), "%s: no injected script ran (window.__pwned unset)" % name)
    check(wd.js("return document.querySelectorAll('img[src=x], script:not([type])').length") == 1,
          "%s: no injected <img> and only the page's own script element" % name)
    png = wd.screenshot(os.path.join(out, name + "-overview.png"))
    inked, colours = png_stats(png)
    check(inked is not None and inked > 0.05 and colours > 20, "%s: the screenshot is not blank (%.0f%% inked, %s colours)" % (name, (inked or 0) * 100, colours))


def final_log_checks(wd, name):
    errors = [e for e in wd.logs("browser") if e.get("level") in ("SEVERE", "ERROR")]
    check(not errors, "%s: no console error%s" % (name, "" if not errors else ": " + "; ".join(e.get("message", "")[:200] for e in errors)))
    requests, documents = [], 0
    for entry in wd.logs("performance"):
        try:
            msg = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if msg.get("method") == "Network.requestWillBeSent":
            url = msg["params"]["request"]["url"]
            documents += url.startswith("file://") and msg["params"].get("type") == "Document"
            if not (url.startswith("file://") and msg["params"].get("type") == "Document") and not url.startswith("data:"):
                requests.append(url)
    check(documents >= 1, "%s: the performance log saw the page's own load (so it would see other requests)" % name)
    check(not requests, "%s: no network request%s" % (name, "" if not requests else ": " + ", ".join(requests[:5])))


def partner_count(wd):
    return wd.js("var s = {}; document.querySelectorAll('#actor-body .partner').forEach(function (li) { s[li.getAttribute('data-actor')] = 1; });"
                 "return Object.keys(s).length")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--synergraph", default=os.path.join(ROOT, ".build", "debug", "synergraph"))
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "synergraph-atlas-browser"))
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    bundled = os.path.join(args.out, "bundled-atlas.html")
    hostile = os.path.join(args.out, "hostile-atlas.html")
    print("==> Writing the atlases")
    run([args.synergraph, "report", "-o", bundled])
    run([args.synergraph, "report", HOSTILE, "-o", hostile])
    metrics = json.loads(run([args.synergraph, "metrics", "--format", "json"]))
    degree = {n["id"]: n["degree"] for n in metrics["nodes"]}
    gaps = json.loads(run([args.synergraph, "gaps", "--format", "json"]))["gaps"]
    size = os.path.getsize(bundled)
    print("bundled atlas: %d bytes (%.2f MB)" % (size, size / 1e6))
    check(size <= 2_000_000, "the bundled atlas is at most 2 MB")

    wd = WebDriver(args.chromedriver, args.chromium)
    try:
        print("==> The bundled network's atlas")
        open_atlas(wd, bundled)
        times = wd.js("function t(n) { var m = performance.getEntriesByName(n); return m.length ? m[0].startTime : null; }"
                      "var nav = performance.getEntriesByType('navigation')[0];"
                      "return {start: t('atlas-script-start'), ready: t('atlas-interactive'), dcl: nav ? nav.domContentLoadedEventEnd : null};")
        print("time to interactive (navigation start to the script's 'atlas-interactive' mark): %.0f ms "
              "(parsing until the script starts %.0f ms, the script %.0f ms; DOMContentLoaded %.0f ms)"
              % (times["ready"] or -1, times["start"] or -1, (times["ready"] or 0) - (times["start"] or 0), times["dcl"] or -1))
        common_checks(wd, bundled, "bundled", args.out)

        # Search "PIFS", Enter: the actor is selected and its node focused.
        search = wd.find("#search")
        wd.type(search, "PIFS")
        wd.type(search, "\ue007")
        selected = wd.js("var b = document.getElementById('actor-body'); var i = b.getAttribute('data-actor');"
                         "return i === null ? null : JSON.parse(document.getElementById('atlas-data').textContent).actors[Number(i)].id")
        check(selected == "pifs", "search 'PIFS' + Enter selects pifs (got %r)" % selected)
        focused = wd.js("return document.activeElement && document.activeElement.id")
        check(focused == "n-pifs", "search focuses PIFS's node on the map (focused %r)" % focused)
        check(partner_count(wd) == degree["pifs"], "PIFS's panel lists %d partners, its degree in metrics" % degree["pifs"])
        wd.screenshot(os.path.join(args.out, "bundled-pifs.png"))

        # Click actors on the map: as many partners as metrics gives as degree.
        wd.click(wd.find("#zoom-fit"))
        for actor in ["unpog", "un-escap", "expert-1", "nasc"]:
            if actor not in degree:
                continue
            wd.js("document.getElementById('tab-actor').click(); window.scrollTo(0, 0);")
            node = wd.find("#n-" + actor + " :is(ellipse, polygon)")
            wd.click_at_centre(node)
            got = wd.js("var i = document.getElementById('actor-body').getAttribute('data-actor');"
                        "return i === null ? null : JSON.parse(document.getElementById('atlas-data').textContent).actors[Number(i)].id")
            n = partner_count(wd)
            check(got == actor and n == degree[actor], "click %s: panel of %r with %d partners; metrics degree %d" % (actor, got, n, degree[actor]))

        # The first gap highlights its actors (and its fillers).
        wd.click(wd.find("#tab-gaps"))
        wd.click(wd.find("#gap-list > li:first-child > button.card"))
        first = gaps[0]
        expected = set(first["actors"]) | {f["id"] for f in first["fillers"]} | {f["partner_id"] for f in first["fillers"] if f["partner_id"]}
        lit = set(wd.js("return Array.prototype.map.call(document.querySelectorAll('#map-view .node.hl'), function (n) {"
                        " return JSON.parse(document.getElementById('atlas-data').textContent).actors[Number(n.getAttribute('data-actor'))].id; })"))
        check(expected and expected <= lit, "first gap (%s) highlights its %d actors and fillers" % (first["title"][:60], len(expected)))
        check(set(first["actors"]) <= lit, "first gap highlights every actor it names (%d)" % len(first["actors"]))
        wd.screenshot(os.path.join(args.out, "bundled-gap.png"))

        # Introductions, coverage, experts and filters, for the screenshots (and no error doing so).
        wd.click(wd.find("#tab-intros"))
        wd.click(wd.find("#intro-list > li:first-child > button.card"))
        wd.screenshot(os.path.join(args.out, "bundled-introduction.png"))
        wd.click(wd.find("#tab-coverage"))
        wd.click(wd.find("table.heat td.gap button, table.heat td.thin button"))
        wd.screenshot(os.path.join(args.out, "bundled-coverage.png"))
        wd.click(wd.find("#tab-experts"))
        wd.js("var s = document.getElementById('expert-country'); s.value = 'LAO'; s.dispatchEvent(new Event('change'));")
        wd.screenshot(os.path.join(args.out, "bundled-experts.png"))
        wd.click(wd.find("#tab-filters"))
        wd.js("var s = document.getElementById('filter-country'); s.value = 'NPL'; s.dispatchEvent(new Event('change'));")
        counts = wd.js("return document.getElementById('filter-counts').textContent")
        expected_npl = sum(1 for n in json.loads(run([args.synergraph, "metrics", "--format", "json", "--country", "NPL", "--all-nodes"]))["nodes"])
        check(counts.startswith("%d of " % expected_npl), "country filter NPL shows %d actors (%s)" % (expected_npl, counts))
        wd.screenshot(os.path.join(args.out, "bundled-filter.png"))
        # The print briefing, as the print stylesheet lays it out (Chromium's print media emulation).
        wd.js("document.getElementById('filter-reset').click()")
        wd.cmd("POST", "/goog/cdp/execute", {"cmd": "Emulation.setEmulatedMedia", "params": {"media": "print"}})
        check(wd.js("return getComputedStyle(document.getElementById('side')).display") == "none"
              and wd.js("return getComputedStyle(document.querySelector('.briefing')).display") == "block",
              "print: the side panel hides and the briefing (top gaps, introductions) shows")
        wd.screenshot(os.path.join(args.out, "bundled-print.png"))
        wd.cmd("POST", "/goog/cdp/execute", {"cmd": "Emulation.setEmulatedMedia", "params": {"media": ""}})
        final_log_checks(wd, "bundled")

        print("==> The hostile-label network's atlas")
        open_atlas(wd, hostile)
        common_checks(wd, hostile, "hostile", args.out)
        search = wd.find("#search")
        wd.type(search, "</script>")
        wd.type(search, "\ue007")
        shown = wd.js("var h = document.getElementById('actor-name'); return h ? h.textContent : null")
        check(shown == "</script><script>window.__pwned='script'</script>", "the hostile name shows as text in the panel (%r)" % shown)
        labels = wd.js("return document.querySelector('#map-view svg').textContent")
        check("<b>HUB</b>" in labels and wd.js("return document.querySelectorAll('#map-view svg b').length") == 0,
              "the map draws the acronym '<b>HUB</b>' as text, not markup")
        wd.click(wd.find("#zoom-fit"))
        for actor in ["hub", "pifs"]:
            node = wd.find("#n-" + actor + " :is(ellipse, polygon)")
            wd.click_at_centre(node)
        wd.click(wd.find("#tab-gaps"))
        wd.click(wd.find("#gap-list > li:first-child > button.card"))
        check(wd.js("return window.__pwned === undefined"), "hostile: still nothing ran after clicks")
        wd.screenshot(os.path.join(args.out, "hostile-clicked.png"))
        final_log_checks(wd, "hostile")
    finally:
        wd.quit()

    print("screenshots in " + args.out)
    if FAILURES:
        print("%d browser check(s) failed" % len(FAILURES))
        return 1
    print("all browser checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
