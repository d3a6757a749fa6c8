#!/usr/bin/env bash
# Runs the unit tests tagged [shared], which read the real Lync samples in ../shared/fixtures.
# ../shared lives beside the repository, outside the project: when it is absent the tests are
# skipped (77, CTest's SKIP_RETURN_CODE). Any other outcome is the test binary's verdict, and a
# failure is always exit 1 (Catch2 returns the failure count, which could be 77).
# Usage: run_shared_tests.sh TEST_BINARY SHARED_DIR
set -u
binary=$1 shared=$2
if [[ ! -d $shared/fixtures/lync ]]; then
  echo "skipped: $shared/fixtures/lync is absent (the real Lync samples live outside the project)"
  exit 77
fi
"$binary" "[shared]" --use-colour no && exit 0
exit 1
