#!/usr/bin/env python3
"""Drifts a copy of generated DNS output for the verify tests: in the external zones, removes
one A record and changes another (both of names with a single A record). Usage:
drift_zone.py DNS_DIR. Prints {"removed": record, "changed": record, "new_value": address}
(records as in records.json) so each test states its own expected report."""
import collections
import json
import os
import sys

NEW_VALUE = "192.0.2.99"
root = sys.argv[1]
records = [r for r in json.load(open(os.path.join(root, "records.json")))["records"]
           if r["view"] == "external" and r["type"] == "A"]
count = collections.Counter(r["name"] for r in records)
single = [r for r in records if count[r["name"]] == 1]
removed, changed = single[0], single[1]


def edit(record, new_rdata):
    path = os.path.join(root, "external", record["zone"] + ".zone")
    owner = record["name"][: -len(record["zone"]) - 1] if record["name"] != record["zone"] else "@"
    lines, hits = [], 0
    for line in open(path):
        if line.split()[:4] == [owner, "IN", "A", record["value"]]:
            hits += 1
            if new_rdata is None:
                continue
            line = line.replace(" " + record["value"], " " + new_rdata, 1)
        lines.append(line)
    assert hits == 1, (record, hits)
    open(path, "w").write("".join(lines))


edit(removed, None)
edit(changed, NEW_VALUE)
print(json.dumps({"removed": removed, "changed": changed, "new_value": NEW_VALUE}))
