#!/usr/bin/env python3
"""Opens a report.html in Debian's headless Chromium and checks it as a reader's browser shows it.

    check_page.py PAGE REPORT_JSON WORK_DIR [--expect-failure CHECK]

One load (--dump-dom and --screenshot together) of file://PAGE, then four checks:
  claims   the overview table lists every claim of REPORT_JSON, in order, with its verdict, and
           each claim has its section with a map (<svg>);
  console  Chromium logged no console message (an exception, a blocked load: the page's
           Content-Security-Policy turns any attempt to load something into one);
  network  the net log (--log-net-log) holds no request the page made, other than file://.
           Chromium's own background requests (component updates, account checks: initiator
           "not an origin") are not the page's and are only counted. Nothing can leave anyway:
           every host resolves to nothing and the proxy is a closed loopback port;
  picture  the screenshot is not blank: many colours, enough non-white pixels, and the badge
           colour of each verdict the page gives. The PNG is read with zlib, no package.
With --expect-failure CHECK the page must fail CHECK and only it (the checker's own tests: a
checker that cannot fail proves nothing). Standard library only; Debian's python3.
"""
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import time
import zlib

VERDICT_RGB = {"supported": (0x1A, 0x7F, 0x37), "contradicted": (0xC6, 0x28, 0x28), "inconclusive": (0x9A, 0x67, 0x00)}


def run_chromium(page, work):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium not found (apt-get install chromium)")
    profile = os.path.join(work, "profile")
    shutil.rmtree(profile, ignore_errors=True)
    net_log = os.path.join(work, "net-log.json")
    shot = os.path.join(work, "screenshot.png")
    for f in (net_log, shot):
        if os.path.exists(f):
            os.remove(f)
    args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--user-data-dir=" + profile, "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
            "--enable-logging=stderr", "--v=0", "--log-net-log=" + net_log,
            "--window-size=1100,1500", "--hide-scrollbars", "--screenshot=" + shot,
            "--dump-dom", "file://" + os.path.abspath(page)]
    start = time.monotonic()
    proc = subprocess.run(args, capture_output=True, text=True, timeout=180, errors="replace")
    seconds = time.monotonic() - start
    with open(os.path.join(work, "chromium-stderr.txt"), "w") as f:
        f.write(proc.stderr)
    print(f"chromium loaded {page} in {seconds:.1f} s (exit {proc.returncode})")
    return proc.stdout, proc.stderr, net_log, shot


class PageText(html.parser.HTMLParser):
    """The overview table's rows (cell texts) and the claim sections, each with its maps."""

    def __init__(self):
        super().__init__()
        self.rows, self.sections = [], []
        self._in_overview = False
        self._row = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and "overview" in (a.get("class") or ""):
            self._in_overview = True
        elif self._in_overview and tag == "tr":
            self._row = []
        elif self._row is not None and tag == "td":
            self._cell = ""
        elif tag == "section" and "claim" in (a.get("class") or ""):
            self.sections.append({"id": a.get("id"), "maps": 0})
        elif tag == "svg" and self.sections:
            self.sections[-1]["maps"] += 1

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_overview = False
        elif tag == "td" and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row:
                self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def check_claims(dom, report):
    problems = []
    parser = PageText()
    parser.feed(dom)
    want = [(c["claim_id"], c["verdict"]) for c in report["claims"]]
    got = [(r[0], r[1]) for r in parser.rows if len(r) >= 2]
    if got != want:
        problems.append(f"overview rows {got} are not the claims of report.json {want}")
    if len(parser.sections) != len(want):
        problems.append(f"{len(parser.sections)} claim sections for {len(want)} claims")
    for s, c in zip(parser.sections, report["claims"]):
        if c["measured_m"] is not None or c["inside_share"] is not None or c["bearing_deg"] is not None:
            if s["maps"] != 1:
                problems.append(f"claim {c['claim_id']} (section {s['id']}) has {s['maps']} maps, not 1")
    return problems


def check_console(stderr):
    lines = [l for l in stderr.splitlines() if ":CONSOLE" in l or "Uncaught" in l]
    return [f"console message: {l}" for l in lines]


def read_net_log(path):
    with open(path) as f:
        text = f.read()
    try:
        return json.loads(text)
    except json.JSONDecodeError:  # a log cut short when Chromium exits: close it
        return json.loads(text.rstrip().rstrip(",") + "]}")


def check_network(net_log):
    if not os.path.exists(net_log):
        return ["Chromium wrote no net log"]
    log = read_net_log(net_log)
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    page, browser = [], 0
    for e in log["events"]:
        if e["type"] != start_job:
            continue
        p = e.get("params", {})
        if "url" not in p:  # the job's end, with its error (-130: the proxy refused it)
            continue
        if p.get("initiator") == "not an origin":
            browser += 1
        else:
            page.append(p["url"])
    print(f"net log: {len(page)} page requests, {browser} of Chromium's own (background) requests")
    return [f"the page requested {u}" for u in page if not u.startswith("file:")]


def read_png(path):
    """Width, height and rows of RGB(A) tuples of an 8-bit RGB or RGBA PNG, unfiltered."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = ihdr
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"PNG of depth {depth}, colour type {colour}, interlace {interlace}: not read here")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def check_picture(shot, verdicts):
    if not os.path.exists(shot):
        return ["Chromium wrote no screenshot"]
    width, height, bpp, rows = read_png(shot)
    colours, non_white, found = set(), 0, set()
    for line in rows:
        for i in range(0, len(line), bpp):
            rgb = (line[i], line[i + 1], line[i + 2])
            colours.add(rgb)
            if rgb != (255, 255, 255):
                non_white += 1
            for v, want in VERDICT_RGB.items():
                if rgb == want:
                    found.add(v)
    share = non_white / (width * height)
    print(f"screenshot {width}×{height}: {len(colours)} colours, {share:.1%} not white, verdict colours {sorted(found)}")
    problems = []
    if len(colours) < 64:
        problems.append(f"the screenshot has only {len(colours)} colours")
    if share < 0.05:
        problems.append(f"only {share:.1%} of the screenshot is not white")
    for v in sorted(set(verdicts) - found):
        problems.append(f"no pixel of the {v} badge colour in the screenshot")
    return problems


def main():
    args = sys.argv[1:]
    expect = None
    if "--expect-failure" in args:
        i = args.index("--expect-failure")
        expect = args[i + 1]
        del args[i:i + 2]
    page, report_json, work = args
    os.makedirs(work, exist_ok=True)
    with open(report_json) as f:
        report = json.load(f)
    dom, stderr, net_log, shot = run_chromium(page, work)
    results = {
        "claims": check_claims(dom, report),
        "console": check_console(stderr),
        "network": check_network(net_log),
        "picture": check_picture(shot, [c["verdict"] for c in report["claims"]]),
    }
    for name, problems in results.items():
        for p in problems:
            print(f"{name}: {p}")
    failed = sorted(n for n, p in results.items() if p)
    if expect:
        if failed != [expect]:
            sys.exit(f"expected only the {expect} check to fail; failed: {failed or 'none'}")
        print(f"the {expect} check failed, as expected")
        return
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")
    print("claims, console, network, picture: all passed")


if __name__ == "__main__":
    main()
