#!/usr/bin/env python3
"""A dev set of requests that are not a spa's: the first user turn of each SGD *train* dialogue in a domain other than
Services (restaurants, flights, homes, events, weather, banks, calendars, ...), at most 40 per domain, shuffled with a
fixed seed. Written to OUT (one line each) for `FrontDesk.Eval agent-probe`; never into the repository. Train split only:
nothing here touches SGD's test split.
Usage: python3 eval/sgd/first-turns-elsewhere.py /path/to/dstc8-schema-guided-dialogue OUT
(the path may be a bare git directory; files are read at HEAD; the few files missing at HEAD are skipped)."""
import collections
import json
import random
import subprocess
import sys

src, out = sys.argv[1], sys.argv[2]
names = subprocess.run(["git", "-C", src, "ls-tree", "--name-only", "HEAD:train"], capture_output=True, text=True, check=True).stdout.split()
rows = []
for name in names:
    if not name.startswith("dialogues_"):
        continue
    text = subprocess.run(["git", "-C", src, "show", "HEAD:train/" + name], capture_output=True, text=True).stdout
    if not text.strip():
        continue
    for dialogue in json.loads(text):
        if any(s.startswith("Services") for s in dialogue["services"]):
            continue
        rows.append((dialogue["services"][0].split("_")[0], dialogue["turns"][0]["utterance"].strip()))
random.seed(18)
random.shuffle(rows)
seen, per, lines = set(), collections.Counter(), []
for domain, utterance in rows:
    if utterance.lower() in seen or per[domain] >= 40:
        continue
    seen.add(utterance.lower())
    per[domain] += 1
    lines.append(utterance)
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(f"{len(lines)} lines from {len(per)} domains")
