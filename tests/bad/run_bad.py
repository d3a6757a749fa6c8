#!/usr/bin/env python3
"""Feeds every bad input of tests/bad/ to lynctopo and checks it against cases.tsv.

cases.tsv: one row per input: FILE, COMMAND ("{}" stands for the file), EXIT, ERRORS (the
errors expected, "CODE:LINE:COL" in the order lynctopo prints them, space-separated, "-" for
none). A FILE starting with "@" is made at test time (too large to commit, or not a file).
Every row must exit as listed, with exactly those errors, without a crash or a hang; and an
input that fails must make `generate` exit 1 without writing anything.

usage: run_bad.py LYNCTOPO SOURCE_DIR WORK_DIR [--update]   (--update rewrites ERRORS/EXIT)
"""
import json
import re
import os
import shlex
import shutil
import stat
import subprocess
import sys

lynctopo, source, work = sys.argv[1:4]
update = "--update" in sys.argv
bad = os.path.join(source, "tests/bad")
table = os.path.join(bad, "cases.tsv")
TIMEOUT = 60


def small_business():
    with open(os.path.join(source, "examples/small-business.json"), encoding="utf-8") as f:
        return f.read()


def make(name):
    """Inputs made at test time: the path to use, and extra environment."""
    path = os.path.join(work, name[1:])
    env = {}
    if name == "@unknown-keys-200k.json":
        keys = "".join(f'"unknown_{i}": {i},' for i in range(200_000))
        with open(path, "w", encoding="utf-8") as f:
            f.write(small_business().replace("{\n", "{" + keys + "\n", 1))
    elif name == "@unknown-attrs-200k.xml":
        with open(os.path.join(source, "examples/small-business.xml"), encoding="utf-8") as f:
            text = f.read()
        attrs = "".join(f' u{i}="{i}"' for i in range(200_000))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("<mobility ", "<mobility" + attrs + " ", 1))
    elif name == "@oversize.json":
        with open(path, "w", encoding="utf-8") as f:
            f.write(small_business() + " " * (3 << 20))
        env["LYNCTOPO_MAX_INPUT_SIZE"] = "2M"
    elif name == "@fifo":
        os.mkfifo(path)
    elif name == "@dev-zero":
        path = "/dev/zero"
    elif name == "@folder":
        os.makedirs(path)
    elif name == "@missing":
        pass
    else:
        raise SystemExit(f"unknown generated input {name}")
    return path, env


def run(args, env):
    full_env = dict(os.environ, **env)
    return subprocess.run(args, capture_output=True, timeout=TIMEOUT, env=full_env, cwd=source)


def errors_of(stdout):
    try:
        report = json.loads(stdout)
    except ValueError:
        return None
    return [f'{d["code"]}:{d.get("line", 0)}:{d.get("column", 0)}'
            for d in report.get("diagnostics", []) if d["severity"] == "error"]


def errors_in_text(stderr):
    """The text format: FILE[:LINE[:COL]]: error: MESSAGE [CODE]."""
    found = []
    for line in stderr.decode(errors="replace").splitlines():
        match = re.match(r"^(.*?)(?::(\d+))?(?::(\d+))?: error: .*\[(LT\d{4})\]$", line)
        if match:
            found.append(f"{match.group(4)}:{match.group(2) or 0}:{match.group(3) or 0}")
    return found


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
rows = []
with open(table, encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            rows.append(line)
            continue
        rows.append(line.rstrip("\n").split("\t"))

failures = 0
listed = set()
for row in rows:
    if isinstance(row, str):
        continue
    name, command, want_exit, want_errors = row
    listed.add(name)
    if name.startswith("@"):
        path, env = make(name)
    else:
        path, env = os.path.join(bad, name), {}
    args = [lynctopo] + [path if a == "{}" else a for a in shlex.split(command)]
    json_report = command.startswith("validate")
    if json_report:
        args += ["--format", "json"]
    try:
        result = run(args, env)
    except subprocess.TimeoutExpired:
        print(f"FAIL {name}: no answer within {TIMEOUT} s")
        failures += 1
        continue
    got = errors_of(result.stdout) if json_report else errors_in_text(result.stderr)
    got_text = " ".join(got) if got else "-"
    problems = []
    if result.returncode < 0 or result.returncode >= 128:
        problems.append(f"crashed (exit {result.returncode}): {result.stderr.decode(errors='replace')[-500:]}")
    if got is None:
        problems.append(f"no JSON report on stdout: {result.stdout[:200]!r} {result.stderr[-300:]!r}")
    if update:
        row[2], row[3] = str(result.returncode), got_text
    else:
        if str(result.returncode) != want_exit:
            problems.append(f"exit {result.returncode}, expected {want_exit}")
        if got is not None and got_text != want_errors:
            problems.append(f"errors {got_text}\n    expected {want_errors}")
    # Whatever fails to load must not leave a trace in --out.
    if command.startswith("validate") and result.returncode != 0:
        out = os.path.join(work, "out")
        gen = run([lynctopo, "generate", path, "--out", out], env)
        leftovers = [n for n in os.listdir(work) if n.startswith(".out.lynctopo-")]
        if gen.returncode != 1 or os.path.exists(out) or leftovers:
            problems.append(f"generate exit {gen.returncode}, out exists: {os.path.exists(out)}, "
                            f"leftovers {leftovers}")
        shutil.rmtree(out, ignore_errors=True)
    if problems:
        failures += 1
        print(f"FAIL {name}: " + "; ".join(problems))

on_disk = {n for n in os.listdir(bad) if n not in ("cases.tsv", "run_bad.py")}
unlisted = sorted(on_disk - listed)
if unlisted:
    print("FAIL: files without a row in cases.tsv: " + " ".join(unlisted))
    failures += 1

if update:
    with open(table, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(row if isinstance(row, str) else "\t".join(row) + "\n")
    print(f"rewrote {table}: read the diff")
count = sum(1 for r in rows if not isinstance(r, str))
print(f"{count} bad inputs, {failures} failures")
sys.exit(1 if failures else 0)
