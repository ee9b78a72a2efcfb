#!/usr/bin/env python3
"""Generates a realistic night of Socket.IO server, nginx access and nginx error logs by replaying
the lines recorded in sample-captures/ with new sids and shifted times.

Each output file replays its recorded templates back to back (times stay in order within a file);
every replay gets fresh sids, so sessions stay distinct. node-a.log and node-b.log replay the two
nodes of the sticky-session capture together (same round, same sids, same times), so a sid issued by
one node and rejected by the other stays a cross-file story.

usage: gen-night.py SAMPLE_CAPTURES_DIR OUT_DIR TOTAL_MB
"""
import os
import re
import sys
import calendar
import time

ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
ACCESS = re.compile(r"\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d \+0000")
ERROR = re.compile(r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d", re.M)
SID = re.compile(r"(?<=sid=)[A-Za-z0-9_-]{20}|(?<=\")[A-Za-z0-9_-]{20}(?=\")")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def parse_time(kind, s):
    if kind == "iso":
        return calendar.timegm(time.strptime(s[:19], "%Y-%m-%dT%H:%M:%S")) * 1000 + int(s[20:23])
    if kind == "access":
        d, mon, rest = s[:2], s[3:6], s[7:]
        y, hh, mm, ss = rest[:4], rest[5:7], rest[8:10], rest[11:13]
        return calendar.timegm((int(y), MONTHS.index(mon) + 1, int(d), int(hh), int(mm), int(ss))) * 1000
    return calendar.timegm(time.strptime(s, "%Y/%m/%d %H:%M:%S")) * 1000


def format_time(kind, ms):
    t = time.gmtime(ms // 1000)
    if kind == "iso":
        return time.strftime("%Y-%m-%dT%H:%M:%S", t) + ".%03dZ" % (ms % 1000)
    if kind == "access":
        return "%02d/%s/%04d:%02d:%02d:%02d +0000" % (t.tm_mday, MONTHS[t.tm_mon - 1], t.tm_year, t.tm_hour, t.tm_min, t.tm_sec)
    return time.strftime("%Y/%m/%d %H:%M:%S", t)


class Template:
    """A recorded log cut into literal text, times and sids, so a replay is a join."""

    def __init__(self, path):
        self.path = path
        text = open(path, encoding="utf-8", errors="replace").read()
        if not text.endswith("\n"):
            text += "\n"
        marks = []
        for kind, rx in (("iso", ISO), ("access", ACCESS), ("error", ERROR)):
            for m in rx.finditer(text):
                marks.append((m.start(), m.end(), "t", kind, parse_time(kind, m.group(0))))
        for m in SID.finditer(text):
            marks.append((m.start(), m.end(), "s", m.group(0), None))
        marks.sort()
        self.pieces = []
        pos = 0
        times = []
        for start, end, what, a, b in marks:
            if start < pos:
                continue
            self.pieces.append(text[pos:start])
            self.pieces.append((what, a, b))
            if what == "t":
                times.append(b)
            pos = end
        self.pieces.append(text[pos:])
        self.start = min(times) if times else 0
        self.end = max(times) if times else 0
        self.size = len(text.encode())

    def render(self, offset_ms, round_no):
        prefix = ""
        n = round_no
        for _ in range(5):
            prefix += B64[n % 64]
            n //= 64
        out = []
        for p in self.pieces:
            if isinstance(p, str):
                out.append(p)
            elif p[0] == "t":
                out.append(format_time(p[1], p[2] + offset_ms))
            else:
                out.append(prefix + p[1][5:])
        return "".join(out)


def templates(root, pattern):
    found = []
    for d in sorted(os.listdir(root)):
        p = os.path.join(root, d, pattern)
        if os.path.isfile(p) and os.path.getsize(p) > 0:
            found.append(Template(p))
    return found


def node_debug_log(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    return ("engine:socket" in text or "socket.io:server" in text) and "com.corundumstudio" not in text \
        and "engineio.server" not in text and "socketio.server" not in text


def main():
    root, out, total_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    sticky = os.path.join(root, "sticky-session-missing--nginx-two-nodes")
    pair = [Template(os.path.join(sticky, "node-a.log")), Template(os.path.join(sticky, "node-b.log"))]
    # node-c/node-d are Node servers' debug logs: a capture whose server.log is another stack's
    # (netty-socketio, python-socketio) would make a file of two producers no real node writes
    servers = [t for t in templates(root, "server.log") if node_debug_log(t.path)]
    access = templates(root, "access.log")
    errors = templates(root, "error.log")
    # byte shares of the night: node-a/node-b pair, other nodes, access log, error log
    plan = [("pair", 0.25), ("node-c.log", 0.25), ("node-d.log", 0.15), ("access.log", 0.3), ("error.log", 0.05)]
    base = parse_time("iso", "2026-11-24T00:00:00.000Z")
    for name, share in plan:
        budget = total_mb * share * 1024 * 1024
        if name == "pair":
            files = [open(os.path.join(out, n), "w") for n in ("node-a.log", "node-b.log")]
            cursor, written, k = base, 0, 0
            while written < budget:
                start = min(t.start for t in pair)
                end = max(t.end for t in pair)
                for f, t in zip(files, pair):
                    f.write(t.render(cursor - start, k))
                    written += t.size
                cursor += end - start + 1000
                k += 1
            for f in files:
                f.close()
            continue
        pool = {"node-c.log": servers[0::2], "node-d.log": servers[1::2], "access.log": access, "error.log": errors}[name]
        with open(os.path.join(out, name), "w") as f:
            cursor, written, k = base, 0, 0
            while written < budget:
                t = pool[k % len(pool)]
                f.write(t.render(cursor - t.start, 1_000_000 + k))
                written += t.size
                cursor += t.end - t.start + 1000
                k += 1


if __name__ == "__main__":
    main()
