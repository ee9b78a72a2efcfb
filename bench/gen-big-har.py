#!/usr/bin/env python3
"""Generates a large HAR by repeating the entries of a real recorded capture.

Each repetition is one more visit of the page: the capture's entries again, shifted in time,
with a fresh Engine.IO sid, and with the WebSocket's real application frames repeated so the
connection carries a long chat (as a HAR left recording for hours does). Nothing is invented:
every entry and frame is a copy of a recorded one.

With several sources (comma-separated), visits take turns among them, so the HAR also carries
what real pages load besides Socket.IO: the pages, the client bundles served with their content,
and Chrome's `_initiator` call stacks.

usage: gen-big-har.py SOURCE.har[,SOURCE.har...] OUT.har TARGET_MB [FRAMES_PER_SOCKET]
"""
import copy
import json
import sys
from datetime import datetime, timedelta


def shift_iso(value, seconds):
    t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return (t + timedelta(seconds=seconds)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def main():
    source, out, target_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    frames_per_socket = int(sys.argv[4]) if len(sys.argv) > 4 else 20000
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
    with open(out, "w", encoding="utf-8") as f:
        head = {k: v for k, v in har["log"].items() if k != "entries"}
        f.write('{"log":' + json.dumps(head)[:-1] + ',"entries":[')
        written, visit, first = 0, 0, True
        while written < target:
            offset = visit * 600.0  # a new visit every ten minutes
            _, entries, sids = visits[visit % len(visits)]
            for e in entries:
                c = copy.deepcopy(e)
                c["startedDateTime"] = shift_iso(c["startedDateTime"], offset)
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
                    for m in grown:
                        m["time"] = m["time"] + offset
                    c["_webSocketMessages"] = grown
                s = json.dumps(c, ensure_ascii=False)
                for sid in sids:
                    s = s.replace(sid, sid[:-4] + format(visit % 65536, "04x"))
                f.write(("" if first else ",") + s)
                first = False
                written += len(s)
            visit += 1
        f.write("]}}\n")
    print(f"{out}: {visit} visits, {written / 1048576:.0f} MB of entries")


if __name__ == "__main__":
    main()
