#!/usr/bin/env python3
"""Generates one node's night in ONE big log file: the engine.io/socket.io debug output of the node
with the nginx access and error lines of the proxy in front of it interleaved (what a container's
combined output or a host journal holds), by replaying the lines recorded in sample-captures/ with
new sids and shifted times (the templates of bench/gen-night.py).

Each round replays one recorded server.log and, in the same time span, one recorded access.log and
(every fourth round) one error.log; their lines are merged so that each source stays in its own time
order, as a writer interleaving several streams does. About 65 % of the bytes are debug lines.

usage: gen-big-log.py SAMPLE_CAPTURES_DIR OUT_FILE TOTAL_MB
"""
import importlib.util
import os
import random
import re
import sys

DEBUG = re.compile(r"^\d{4}-\d\d-\d\dT[\d:.]+Z (engine|socket\.io)[\w:.-]* ", re.M)

spec = importlib.util.spec_from_file_location("gen_night", os.path.join(os.path.dirname(__file__), "gen-night.py"))
night = importlib.util.module_from_spec(spec)
spec.loader.exec_module(night)


def main():
    root, out, total_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    # the Node servers' debug output with timestamps, and the proxies that are nginx
    servers = [t for t in night.templates(root, "server.log") if t.end > t.start and DEBUG.search(t.render(0, 0))]
    nginx = [d for d in sorted(os.listdir(root)) if os.path.isfile(os.path.join(root, d, "nginx.conf"))]
    access = [night.Template(os.path.join(root, d, "access.log")) for d in nginx
              if os.path.getsize(os.path.join(root, d, "access.log")) > 0]
    errors = [night.Template(os.path.join(root, d, "error.log")) for d in nginx
              if os.path.isfile(os.path.join(root, d, "error.log")) and os.path.getsize(os.path.join(root, d, "error.log")) > 0]
    rnd = random.Random(7)
    budget = total_mb * 1024 * 1024
    base = night.parse_time("iso", "2026-11-24T00:00:00.000Z")
    written, cursor, k = 0, base, 0
    with open(out, "w") as f:
        while written < budget:
            s = servers[k % len(servers)]
            span = max(s.end - s.start, 1)
            streams = [s.render(cursor - s.start, k).splitlines(True)]
            a = access[k % len(access)]
            streams.append(a.render(cursor - a.start, 2_000_000 + k).splitlines(True))
            if k % 4 == 0 and errors:
                e = errors[k % len(errors)]
                streams.append(e.render(cursor - e.start, 3_000_000 + k).splitlines(True))
            # interleave: each stream in order, the next line from a stream chosen by its lines left
            pos = [0] * len(streams)
            left = sum(len(x) for x in streams)
            chunk = []
            while left:
                r = rnd.randrange(left)
                for i, x in enumerate(streams):
                    rest = len(x) - pos[i]
                    if r < rest:
                        chunk.append(x[pos[i]])
                        pos[i] += 1
                        break
                    r -= rest
                left -= 1
            text = "".join(chunk)
            f.write(text)
            written += len(text.encode())
            cursor += span + 1000
            k += 1


if __name__ == "__main__":
    main()
