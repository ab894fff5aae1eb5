#!/bin/sh
# deps.sh - install the Debian packages in scripts/packages.txt that are missing.
# As root it runs apt-get and says what it installs; otherwise it prints the
# command to run.  Usage: scripts/deps.sh [--build-only]
set -eu
here=$(dirname "$0")
list=$(grep -v '^#' "$here/packages.txt")
if [ "${1:-}" = "--build-only" ]; then
    # What `make report` needs; the test tools are for `make test`.
    list=$(printf '%s\n' $list | grep -E -v '^(poppler-utils|qpdf|python3|python3-openpyxl|valgrind|clang|libclang-rt-14-dev|libreoffice-calc-nogui|libcmocka-dev)$')
fi
missing=
for p in $list; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "bilan needs these Debian packages:$missing" >&2
    echo "run: sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
