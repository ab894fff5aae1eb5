#!/bin/sh
# deps.sh - install the Debian packages in scripts/packages.txt that are missing.
# As root it runs apt-get and says what it installs; otherwise it prints the
# command to run.  Usage: scripts/deps.sh [--build-only]
set -eu
here=$(dirname "$0")
# What `make report` needs is marked "build"; the test tools "test".
if [ "${1:-}" = "--build-only" ]; then
    list=$(awk '!/^#/ && $3 == "build" {print $1}' "$here/packages.txt")
else
    list=$(awk '!/^#/ && NF {print $1}' "$here/packages.txt")
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
