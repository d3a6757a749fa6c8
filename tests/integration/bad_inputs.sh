#!/usr/bin/env bash
# The bad-input corpus (tests/bad/): every file gets exactly its listed errors and exit code,
# never a crash or a hang, and generate writes nothing for it.
set -euo pipefail
exec python3 "$SOURCE_DIR/tests/bad/run_bad.py" "$LYNCTOPO" "$SOURCE_DIR" "$WORK_DIR/bad_inputs"
