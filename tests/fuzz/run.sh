#!/bin/sh
# run.sh - build the libFuzzer harnesses and run each for N seconds.
#
#   sh tests/fuzz/run.sh [SECONDS] [HARNESS...]     (make fuzz FUZZ_SECONDS=30)
#
# Builds the library (src/, but main.c) through make with clang
# -fsanitize=fuzzer-no-link,address,undefined into build/fuzz, links each tests/fuzz/fuzz_NAME.c into
# build/fuzz/fuzz_NAME, and runs it on a copy of tests/fuzz/corpus/NAME
# (the committed seeds are never modified) for SECONDS (default 10; 0 only
# replays the seeds).  A crash, leak, UB, timeout (10 s per input) or an
# out-of-memory is a failure; its input is kept in build/fuzz/crashes/ and
# the log in build/fuzz/logs/.  FUZZ_JOBS harnesses run at once (default:
# the number of CPUs).  The last line is "fuzz: P passed, F failed".

cd "$(dirname "$0")/../.." || exit 70
SECONDS_EACH=${1:-10}
[ $# -gt 0 ] && shift
CC=${FUZZ_CC:-clang}
PKGS=$(awk '!/^#/ && NF && $2 != "-" {print $2}' scripts/packages.txt)
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 $SAN -Isrc $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lcsv -lhpdf -lm"
B=build/fuzz
JOBS=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
mkdir -p "$B/obj" "$B/crashes" "$B/logs" "$B/work"

passed=0
failed=0
fail() { echo "not ok - $*"; failed=$((failed + 1)); }

if ! command -v "$CC" >/dev/null 2>&1; then
    fail "fuzz: $CC not found"
    echo "fuzz: $passed passed, $failed failed"
    exit 1
fi

# 1. the project's library, built by make with the fuzzer's flags (make
# rebuilds what changed: it knows each object's headers)
if ! make --no-print-directory -s BUILD=$B CC="$CC" CFLAGS="-g -O1" \
    SANFLAGS="$SAN -fsanitize=fuzzer-no-link" "$B/libbilan.a" >"$B/logs/build.log" 2>&1; then
    fail "fuzz build: the library does not compile"
    sed 's/^/# /' "$B/logs/build.log" | head -n 20
fi

# 2. the harnesses
if [ $# -eq 0 ]; then
    set --
    for h in tests/fuzz/fuzz_*.c; do set -- "$@" "$(basename "$h" .c)"; done
fi
built=
for h in "$@"; do
    h=${h%.c}
    h=fuzz_${h#fuzz_}
    # shellcheck disable=SC2086
    if $CC $CFLAGS -fsanitize=fuzzer -Isrc -Itests/fuzz "tests/fuzz/$h.c" "$B/libbilan.a" $LIBS \
        -o "$B/$h" 2>"$B/logs/build-$h.log"; then
        built="$built $h"
    else
        fail "$h: does not build"
        sed 's/^/# /' "$B/logs/build-$h.log" | grep -v '^# *$' | head -n 20
    fi
done

# 3. the runs, JOBS at a time
run_one() {
    h=$1
    corpus=tests/fuzz/corpus/${h#fuzz_}
    work=$B/work/$h
    rm -rf "$work"
    mkdir -p "$work"
    [ -d "$corpus" ] && cp "$corpus"/* "$work"/ 2>/dev/null
    if [ "$SECONDS_EACH" -gt 0 ]; then
        limit=-max_total_time=$SECONDS_EACH
    else
        limit=-runs=0
    fi
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$B/$h" "$limit" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$B/crashes/$h-" "$work" >"$B/logs/$h.log" 2>&1
    echo $? >"$B/logs/$h.status"
}

set -- $built
while [ $# -gt 0 ]; do
    batch=
    n=0
    while [ $# -gt 0 ] && [ "$n" -lt "$JOBS" ]; do
        run_one "$1" &
        batch="$batch $1"
        n=$((n + 1))
        shift
    done
    wait
    for h in $batch; do
        rc=$(cat "$B/logs/$h.status" 2>/dev/null || echo 1)
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$B/logs/$h.log" | tail -n 1)
        if [ "$rc" -eq 0 ]; then
            echo "ok - $h: ${runs:-?} inputs in ${SECONDS_EACH} s"
            passed=$((passed + 1))
        else
            fail "$h: exit $rc (log: $B/logs/$h.log)"
            grep -E 'ERROR|SUMMARY|runtime error|Test unit written|#[0-9]+ in ' \
                "$B/logs/$h.log" | head -n 25 | sed 's/^/# /'
        fi
    done
done

echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
