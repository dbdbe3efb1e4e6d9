#!/usr/bin/env bash
# Install ficlens with its test dependencies (and Debian's Chromium for the browser
# tests when apt is available), then run the test suite. Extra arguments go to pytest.
set -uo pipefail
cd "$(dirname "$0")/.."

python -m pip install --quiet --disable-pip-version-check -e '.[test]' || exit 1

if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 \
        && [ "$(id -u)" = "0" ]; then
    echo "installing Debian's chromium for the browser tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
        >/dev/null 2>&1 || echo "chromium could not be installed: browser tests will skip" >&2
fi

python -m pytest -m "not slow" "$@"
status=$?
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests" >&2
    exit 1
fi
exit "$status"
