#!/bin/sh
# format.sh - the tree obeys .clang-format (`make format` applies it).
# Prints one ok/not ok line per file that differs and a closing
# "format: P passed, F failed" line.
cd "$(dirname "$0")/.." || exit 70
if ! command -v clang-format >/dev/null 2>&1; then
    echo "not ok - clang-format not found (scripts/packages.txt installs it)"
    echo "format: 0 passed, 1 failed"
    exit 1
fi
passed=0
failed=0
for f in src/*.c src/*.h src/*/*.c src/*/*.h tests/unit/*.c tests/unit/*.h; do
    [ -f "$f" ] || continue
    if clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
        passed=$((passed + 1))
    else
        echo "not ok - $f does not follow .clang-format (run make format)"
        failed=$((failed + 1))
    fi
done
echo "ok - $passed files follow .clang-format"
echo "format: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
