#!/usr/bin/env python3
"""Generates a large HAR shaped like a real page's DevTools export, from real recorded captures.

Each repetition is one more visit of a page: the entries of a recorded capture (taking turns among
the sources), shifted in time, with a fresh Engine.IO sid, its WebSocket's real application frames
repeated so the connection carries a long chat. Around the Socket.IO traffic, each visit loads what
real pages load, served with content as Chrome exports it:

- the page's JavaScript bundles: real minified files found on this machine (playwright-core's
  bundles, several MB each), as `script` entries with their text;
- images: real PNG files of this machine, base64 as Chrome writes binary bodies;
- an HTML document (a real HTML file) in an iframe;
- API calls to another origin with a custom header, each after its CORS preflight (OPTIONS, 204,
  `_resourceType: preflight`, Access-Control-* headers as Chrome records them);
- a deep `_initiator` call stack (Chrome's `{type: script, stack: {callFrames, parent}}`) on every
  entry that has none, built from the page's own bundle URLs.

The asset entries are built by this script (their bodies are real files, their envelopes follow
the recorded entries of the sources); the Socket.IO entries and frames are copies of recorded ones.

usage: gen-big-har.py SOURCE.har[,SOURCE.har...] OUT.har TARGET_MB [FRAMES_PER_SOCKET]
"""
import base64
import copy
import glob
import json
import os
import sys
from datetime import datetime, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUNDLE_GLOBS = [
    "sample-captures/recorder/node_modules/playwright-core/lib/coreBundle.js",
    "sample-captures/recorder/node_modules/playwright-core/lib/utilsBundle.js",
    "sample-captures/recorder/node_modules/playwright-core/lib/vite/htmlReport/report.js",
    "sample-captures/recorder/node_modules/playwright-core/lib/vite/traceViewer/assets/*.js",
]
IMAGE_GLOBS = ["/usr/share/doc/*/html/**/*.png", "/usr/share/doc/**/*.png", "/usr/share/icons/**/*.png"]
HTML_GLOBS = ["/usr/share/doc/*/index.html", "/usr/share/doc/**/*.html"]


def shift_iso(value, seconds):
    t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return (t + timedelta(seconds=seconds)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def files(patterns, limit, min_size, max_size):
    seen = []
    for pattern in patterns:
        path = pattern if os.path.isabs(pattern) else os.path.join(ROOT, pattern)
        for f in sorted(glob.glob(path, recursive=True)):
            if f not in seen and os.path.isfile(f) and min_size <= os.path.getsize(f) <= max_size:
                seen.append(f)
            if len(seen) >= limit:
                return seen
    return seen


def headers(pairs):
    return [{"name": n, "value": v} for n, v in pairs]


def stack(scripts, depth, seed):
    """Chrome's initiator stack: frames in the page's bundles, with async parents (Promise.then)."""
    def frames(n, k):
        return [{"functionName": ["dispatch", "request", "fetchJson", "load", "render", "useEffect",
                                  "commitRoot", "flushSync", "performWork", "invokeGuarded", "next",
                                  "step", "fulfilled", "apply", "call"][(k + i) % 15] + ("" if i % 3 else "$" + str(i)),
                 "scriptId": str(10 + (k + i) % 7),
                 "url": scripts[(k + i) % len(scripts)],
                 "lineNumber": (k * 131 + i * 17) % 4000,
                 "columnNumber": (k * 7919 + i * 104729) % 250000} for i in range(n)]
    top = {"callFrames": frames(depth, seed)}
    node = top
    for level in range(3):
        node["parent"] = {"description": ["Promise.then", "setTimeout", "await"][level],
                          "callFrames": frames(depth // 2, seed + level + 1)}
        node = node["parent"]
    return {"type": "script", "stack": top}


class Assets:
    """The page's own files, read once; their JSON-encoded bodies cached."""

    def __init__(self):
        self.bundles = [(f, open(f, encoding="utf-8", errors="replace").read())
                        for f in files(BUNDLE_GLOBS, 6, 200_000, 50_000_000)]
        self.images = [(f, base64.b64encode(open(f, "rb").read()).decode("ascii"), os.path.getsize(f))
                       for f in files(IMAGE_GLOBS, 12, 8_000, 2_000_000)]
        self.html = [(f, open(f, encoding="utf-8", errors="replace").read())
                     for f in files(HTML_GLOBS, 2, 5_000, 3_000_000)]
        if not self.bundles:
            sys.exit("gen-big-har.py: no JavaScript bundles found (sample-captures/recorder/node_modules)")


def template(source_entry, resource, method, url, started, mime, status=200):
    """An entry in the shape of a recorded one: same keys and order, its own request and response."""
    e = copy.deepcopy(source_entry)
    e.pop("_webSocketMessages", None)
    e["_resourceType"] = resource
    e["_priority"] = "Low" if resource == "image" else "High"
    req = e["request"]
    req["method"] = method
    req["url"] = url
    req["queryString"] = []
    req["cookies"] = []
    req.pop("postData", None)
    req["bodySize"] = 0
    res = e["response"]
    res["status"] = status
    res["statusText"] = {200: "OK", 204: "No Content"}[status]
    res["cookies"] = []
    res["content"] = {"size": 0, "mimeType": mime}
    res["headers"] = headers([("Content-Type", mime), ("Cache-Control", "max-age=31536000")])
    e["startedDateTime"] = started
    e["time"] = 12.5
    return e


def main():
    source, out, target_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    frames_per_socket = int(sys.argv[4]) if len(sys.argv) > 4 else 3000
    assets = Assets()
    visits = []  # per source: its HAR, its entries and the sids it issued
    for path in source.split(","):
        har = json.load(open(path, encoding="utf-8"))
        entries = har["log"]["entries"]
        sids = set()
        for e in entries:
            text = e["response"].get("content", {}).get("text") or ""
            # the handshake's open packet, alone (v4) or length-prefixed in a v3 payload
            at = text.find('0{"sid":"')
            if at >= 0:
                sids.add(text[at + 9:text.index('"', at + 9)])
        visits.append((har, entries, sids))
    har = visits[0][0]
    target = int(target_mb * 1024 * 1024)
    placeholder = "\u0000BODY\u0000"
    encoded = {}

    def body(key, text):
        if key not in encoded:
            encoded[key] = json.dumps(text, ensure_ascii=False)
        return encoded[key]

    with open(out, "w", encoding="utf-8") as f:
        head = {k: v for k, v in har["log"].items() if k != "entries"}
        f.write('{"log":' + json.dumps(head)[:-1] + ',"entries":[')
        written, visit, first = 0, 0, True
        while written < target:
            offset = visit * 600.0  # a new visit every ten minutes
            _, entries, sids = visits[visit % len(visits)]
            page = next((e for e in entries if e.get("_resourceType") == "document"), entries[0])
            origin = "/".join(page["request"]["url"].split("/")[:3])
            api = origin.rsplit(":", 1)[0] + ":9443"
            scripts = [origin + "/assets/" + os.path.basename(b[0]) for b in assets.bundles]
            t0 = page["startedDateTime"]
            made = []  # (entry, body key or None, body text)
            step = [0]

            def at():
                step[0] += 1
                return shift_iso(t0, 0.004 * step[0])

            for i, (name, text) in enumerate(assets.bundles):
                e = template(page, "script", "GET", scripts[i], at(), "application/javascript")
                e["response"]["content"]["size"] = len(text.encode("utf-8"))
                made.append((e, ("js", i), text))
            for i, (name, b64, size) in enumerate(assets.images):
                e = template(page, "image", "GET", origin + "/img/" + os.path.basename(name), at(), "image/png")
                e["response"]["content"].update({"size": size, "encoding": "base64"})
                made.append((e, ("img", i), b64))
            for i, (name, text) in enumerate(assets.html):
                e = template(page, "document", "GET", origin + "/help/" + os.path.basename(name), at(), "text/html")
                e["response"]["content"]["size"] = len(text.encode("utf-8"))
                made.append((e, ("html", i), text))
            for i in range(8):
                url = api + "/api/v1/items?page=" + str(i)
                pre = template(page, "preflight", "OPTIONS", url, at(), "", 204)
                pre["request"]["headers"] += headers([("Access-Control-Request-Method", "GET"),
                                                      ("Access-Control-Request-Headers", "x-request-id"),
                                                      ("Origin", origin)])
                pre["response"]["headers"] = headers([("Access-Control-Allow-Origin", origin),
                                                      ("Access-Control-Allow-Headers", "x-request-id"),
                                                      ("Access-Control-Allow-Methods", "GET,POST"),
                                                      ("Access-Control-Max-Age", "0")])
                made.append((pre, None, None))
                e = template(page, "fetch", "GET", url, at(), "application/json")
                e["request"]["headers"] += headers([("x-request-id", "r%d-%d" % (visit, i)), ("Origin", origin)])
                e["response"]["headers"] += headers([("Access-Control-Allow-Origin", origin)])
                items = [{"id": visit * 100 + k, "name": "item \"%d\" \u2013 caf\u00e9" % k, "tags": ["a", "b"]}
                         for k in range(40)]
                text = json.dumps({"items": items, "next": i + 1})
                e["response"]["content"]["size"] = len(text.encode("utf-8"))
                made.append((e, None, text))
            for k, (e, _, _) in enumerate(made):
                e["_initiator"] = stack(scripts, 24, visit * 31 + k)
            recorded = []
            for e in entries:
                c = copy.deepcopy(e)
                if c.get("_resourceType") not in ("document", "script") and "stack" not in c.get("_initiator", {}):
                    c["_initiator"] = stack(scripts, 24, visit * 17 + len(recorded))
                messages = c.get("_webSocketMessages")
                if messages:
                    app = [m for m in messages if m["data"].startswith("42") or m["data"].startswith("43")]
                    grown = list(messages)
                    last = messages[-1]["time"]
                    i = 0
                    while app and len(grown) < frames_per_socket:
                        m = dict(app[i % len(app)])
                        m["time"] = last + 0.01 * (i + 1)
                        grown.append(m)
                        i += 1
                    c["_webSocketMessages"] = grown
                recorded.append((c, None, None))
            visit_entries = sorted(recorded + made, key=lambda m: m[0]["startedDateTime"])
            for c, key, text in visit_entries:
                c["startedDateTime"] = shift_iso(c["startedDateTime"], offset)
                for m in c.get("_webSocketMessages") or []:
                    m["time"] = m["time"] + offset
                if text is not None:
                    c["response"]["content"]["text"] = placeholder
                s = json.dumps(c, ensure_ascii=False)
                for sid in sids:
                    s = s.replace(sid, sid[:-4] + format(visit % 65536, "04x"))
                if text is not None:
                    s = s.replace(json.dumps(placeholder, ensure_ascii=False),
                                  body(key, text) if key else json.dumps(text, ensure_ascii=False))
                f.write(("" if first else ",") + s)
                first = False
                written += len(s)
            visit += 1
        f.write("]}}\n")
    print(f"{out}: {visit} visits, {written / 1048576:.0f} MB of entries")


if __name__ == "__main__":
    main()
