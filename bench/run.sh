#!/bin/sh
# bench/run.sh - the benchmark behind `make bench`: how long bilan takes and
# how much memory it holds on ledgers of 10,000 to 1,000,000 lines, against
# floors that only parse the same CSV (libcsv) or only write the same detail
# cells (libxlsxwriter), and against the targets of docs/performance.md.
#
# Generates deterministic input folders (bench/gen_input.c) into
# build/bench/, checks each with `bilan --check`, runs the whole pipeline
# with the workbook's detail sheets off and on, checks figures.json against
# the totals the generator computed, and prints one table.  Each run is
# measured by bench/rusage.c (wall, user+sys CPU, peak RSS); stage times come
# from bilan's stderr under BILAN_TIMINGS=1 ("timing: ingest 0.412 s").
# At the largest size it also runs bilan with the serial reader
# (BILAN_THREADS=1) and, when taskset is there, on one core, with the CSV
# floor on that core too; checks that the serial, threaded and one-core runs
# write the same bytes (a difference fails the bench); and measures the peak
# temporary disk of the run with detail sheets (rusage -d).
#
# Environment: BILAN (default build/bilan); BENCH_SIZES (default
# "10000 100000 1000000"); BENCH_RUNS (best of, default 3; runs that take
# seconds are made once, the sample's 0.1 s run three times as often);
# BENCH_STRICT=1 (exit 1 when a target is missed, or when doubling one
# dimension - accounts, groups, counterparties, partners, regions, axes,
# types, people - costs more than 2.4 times the CPU); BENCH_DOUBLING=0 (skip
# the doubling table); BENCH_REPORT_ONLY=1 (print the table of the last run
# again).
# Exit status: 0, or 1 when a run fails, gives wrong figures, or the serial
# and threaded runs' outputs differ.
set -eu

BUILD=${BUILD:-build}
BILAN=${BILAN:-$BUILD/bilan}
SIZES=${BENCH_SIZES:-10000 100000 1000000}
RUNS=${BENCH_RUNS:-3}
CC=${CC:-cc}
OUT=$BUILD/bench
RES=$OUT/results
REPORT_ONLY=${BENCH_REPORT_ONLY:-0}
mkdir -p "$OUT" "$RES"
if [ "$REPORT_ONLY" != 1 ]; then
    rm -f "$RES"/*
    cut -d' ' -f1 /proc/loadavg >"$RES/load" 2>/dev/null || true
fi

die() {
    echo "bench: $*" >&2
    exit 1
}

[ -x "$BILAN" ] || die "$BILAN not found: run make first"

# --- the bench's own programs ---------------------------------------------

# pkg-config modules: the one package list (scripts/packages.txt, column 2)
PKGS=$(awk '!/^#/ && NF && $2 != "-" {print $2}' scripts/packages.txt)
WARN="-std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Wshadow \
-Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla"

# newer A B: A was modified after B (POSIX test has no -nt).
newer() {
    [ -n "$(find "$1" -newer "$2" 2>/dev/null)" ]
}

# tool NAME [LIBS...]: builds bench/NAME.c into $OUT/NAME when it is stale.
tool() {
    name=$1
    shift
    if [ ! -x "$OUT/$name" ] || newer "bench/$name.c" "$OUT/$name"; then
        # shellcheck disable=SC2046,SC2086
        $CC -O2 $WARN $(pkg-config --cflags $PKGS) -o "$OUT/$name" \
            "bench/$name.c" "$@" || die "cannot build bench/$name.c"
    fi
}

tool gen_input
tool rusage
tool csv_floor -lcsv
# shellcheck disable=SC2046
tool xlsx_floor $(pkg-config --libs $PKGS) -lcsv

RUSAGE=$OUT/rusage

# --- inputs ----------------------------------------------------------------

CSVS="accounts.csv ledger.csv activities.csv people.csv"

# prepare N: build/bench/data-N (generated once), and the two input folders
# in-N-off and in-N-on that share its files and differ in report.ini; both
# get a copy of input/texts/.
prepare() {
    n=$1
    data=$OUT/data-$n
    if [ ! -f "$data/expected.txt" ] || newer "$OUT/gen_input" "$data/expected.txt"; then
        echo "bench: generating $n ledger lines into $data" >&2
        rm -rf "$data"
        "$OUT/gen_input" "$n" "$data" || die "gen_input $n failed"
    fi
    for detail in off on; do
        dir=$OUT/in-$n-$detail
        mkdir -p "$dir"
        for f in $CSVS; do
            ln -f "$data/$f" "$dir/$f" 2>/dev/null || cp "$data/$f" "$dir/$f"
        done
        yes_no=yes
        [ "$detail" = off ] && yes_no=no
        sed "s/^detail = .*/detail = $yes_no/" "$data/report.ini" >"$dir/report.ini"
        # The default template includes the sample's narrative texts.
        rm -rf "$dir/texts"
        [ -d input/texts ] && cp -R input/texts "$dir/texts"
    done
    if ! "$BILAN" --check --quiet --input "$OUT/in-$n-on" >"$RES/check-$n.out" 2>&1; then
        sed 20q "$RES/check-$n.out" >&2
        die "bilan --check rejects the generated input of $n lines"
    fi
}

# --- measuring --------------------------------------------------------------

# measure LABEL RUNS COMMAND...: runs COMMAND RUNS times under rusage and
# keeps the fastest run's rusage line in $RES/LABEL.ru and its stderr in
# $RES/LABEL.err.  When $disk names a folder, rusage also measures the
# temporary disk the command holds under it (tmp_peak_kb).
disk=
measure() {
    label=$1
    runs=$2
    shift 2
    [ -z "$disk" ] || set -- -d "$disk" "$@"
    best=
    i=0
    while [ "$i" -lt "$runs" ]; do
        i=$((i + 1))
        if ! BILAN_TIMINGS=1 "$RUSAGE" -o "$RES/$label.try" "$@" \
                >"$RES/$label.out" 2>"$RES/$label.tryerr"; then
            cat "$RES/$label.try" >&2 2>/dev/null || true
            sed 20q "$RES/$label.tryerr" >&2
            die "$label: $* failed"
        fi
        wall=$(sed 's/^wall=\([^ ]*\) .*/\1/' "$RES/$label.try")
        if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$wall
            mv "$RES/$label.try" "$RES/$label.ru"
            mv "$RES/$label.tryerr" "$RES/$label.err"
        fi
    done
    rm -f "$RES/$label.try" "$RES/$label.tryerr"
}

# The runs of N lines, or one when they take seconds.
runs_for() {
    if [ "$1" -ge 1000000 ] && [ "$2" = slow ]; then echo 1; else echo "$RUNS"; fi
}

# check_figures N OUTDIR: figures.json agrees with the generator's totals.
check_figures() {
    json=
    for j in "$2"/figures-*.json; do
        [ -f "$j" ] && json=$j
    done
    [ -n "$json" ] || die "no figures JSON in $2"
    command -v python3 >/dev/null 2>&1 || return 0
    python3 - "$json" "$OUT/data-$1/expected.txt" <<'EOF' || die "wrong figures for $1 lines: $json"
import json, sys
fig = json.load(open(sys.argv[1]))
want = dict(line.split() for line in open(sys.argv[2]))
got = {k: fig["inputs"][k] for k in ("ledger_rows", "activity_rows",
       "ledger_rows_outside_years", "ledger_rows_other_kinds")}
for slot, key in ((0, "current"), (1, "previous")):
    got["revenue.%d" % slot] = round(fig["finances"]["revenue"][key] * 100)
    got["expenses.%d" % slot] = round(fig["finances"]["expenses"][key] * 100)
    got["activities.%d" % slot] = fig["activities"]["count"][key]
    got["participants.%d" % slot] = fig["activities"]["participants"][key]
    got["hours.%d" % slot] = round(fig["activities"]["hours"][key] * 100)
bad = [k for k in want if int(want[k]) != int(got[k])]
for k in bad:
    print("  %s: expected %s, figures.json says %s" % (k, want[k], got[k]), file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
}

[ "$REPORT_ONLY" = 1 ] || for n in $SIZES; do
    prepare "$n"
    for detail in off on; do
        out=$OUT/out-$n-$detail
        mkdir -p "$out"
        speed=fast
        [ "$detail" = on ] && speed=slow
        echo "bench: bilan, $n lines, detail $detail" >&2
        measure "bilan-$n-$detail" "$(runs_for "$n" $speed)" \
            "$BILAN" --input "$OUT/in-$n-$detail" --output "$out" --quiet
        check_figures "$n" "$out"
    done
    echo "bench: floors, $n lines" >&2
    # shellcheck disable=SC2046
    measure "csv-$n" "$RUNS" "$OUT/csv_floor" $(for f in $CSVS; do echo "$OUT/data-$n/$f"; done)
    measure "xlsx-$n" "$(runs_for "$n" slow)" "$OUT/xlsx_floor" "$OUT/data-$n" "$OUT/floor-$n.xlsx"
done

# --- serial, threads, one core ------------------------------------------------

# The largest size: the one the serial and one-core runs are made at.
TOP=0
for n in $SIZES; do
    [ "$n" -gt "$TOP" ] && TOP=$n
done

# taskset_cpu: the first CPU this process may run on, when taskset (from
# util-linux) is there and works; nothing otherwise.
taskset_cpu() {
    command -v taskset >/dev/null 2>&1 || return 0
    cpu=$(taskset -pc $$ 2>/dev/null | sed -n 's/.*: *\([0-9]*\).*/\1/p')
    [ -n "$cpu" ] && taskset -c "$cpu" true 2>/dev/null && echo "$cpu"
    return 0
}

# same_outputs WHAT DIR_A DIR_B: appends to $RES/same.txt whether the two
# output folders hold the same files with the same bytes; a difference
# also goes to $RES/differ.
same_outputs() {
    # shellcheck disable=SC2012
    a=$(ls "$2" | tr '\n' ' ')
    # shellcheck disable=SC2012
    b=$(ls "$3" | tr '\n' ' ')
    why=
    if [ "$a" != "$b" ]; then
        why="files differ: $a/ $b"
    else
        for f in $a; do
            cmp -s "$2/$f" "$3/$f" || why="$why $f"
        done
        [ -z "$why" ] || why="bytes differ:$why"
    fi
    if [ -z "$why" ]; then
        echo "$1: identical" >>"$RES/same.txt"
    else
        echo "$1: DIFFERENT, $why" | tee -a "$RES/same.txt" "$RES/differ" >&2
    fi
}

# parallel_runs N: at N lines, bilan with the serial reader (detail off,
# and detail on with its temporary disk measured), and on one core with
# the CSV floor on that core; compares each run's outputs with those of
# the default (threaded) run.
parallel_runs() {
    n=$1
    echo "bench: serial reader (BILAN_THREADS=1), $n lines, detail off" >&2
    mkdir -p "$OUT/out-$n-off-serial"
    measure "serial-$n-off" "$RUNS" env BILAN_THREADS=1 \
        "$BILAN" --input "$OUT/in-$n-off" --output "$OUT/out-$n-off-serial" --quiet
    check_figures "$n" "$OUT/out-$n-off-serial"
    same_outputs "detail off: serial = threads" "$OUT/out-$n-off" "$OUT/out-$n-off-serial"

    echo "bench: serial reader, $n lines, detail on, temporary disk measured" >&2
    rm -rf "$OUT/tmp"
    mkdir -p "$OUT/tmp" "$OUT/out-$n-on-serial"
    disk=$OUT/tmp
    measure "serial-$n-on" "$(runs_for "$n" slow)" env BILAN_THREADS=1 TMPDIR="$OUT/tmp" \
        "$BILAN" --input "$OUT/in-$n-on" --output "$OUT/out-$n-on-serial" --quiet
    disk=
    check_figures "$n" "$OUT/out-$n-on-serial"
    same_outputs "detail on: serial = threads" "$OUT/out-$n-on" "$OUT/out-$n-on-serial"

    cpu=$(taskset_cpu)
    if [ -z "$cpu" ]; then
        echo "taskset (util-linux) not found or not allowed here" >"$RES/core1.note"
        return 0
    fi
    echo "$cpu" >"$RES/core1.cpu"
    echo "bench: one core (taskset -c $cpu), $n lines, detail off" >&2
    mkdir -p "$OUT/out-$n-off-core1"
    measure "core1-$n-off" "$RUNS" taskset -c "$cpu" \
        "$BILAN" --input "$OUT/in-$n-off" --output "$OUT/out-$n-off-core1" --quiet
    check_figures "$n" "$OUT/out-$n-off-core1"
    same_outputs "detail off: one core = threads" "$OUT/out-$n-off" "$OUT/out-$n-off-core1"
    # shellcheck disable=SC2046
    measure "core1-csv-$n" "$RUNS" taskset -c "$cpu" \
        "$OUT/csv_floor" $(for f in $CSVS; do echo "$OUT/data-$n/$f"; done)
}

[ "$REPORT_ONLY" = 1 ] || parallel_runs "$TOP"

# --- the doubling table --------------------------------------------------------

# Each line: a dimension, the generator's option for it, its base size, the
# other generator options (ledger lines last, "_" for spaces), and whether
# the workbook's detail sheets are on.  The run of the base size and the run
# of twice the base differ in that dimension alone; the rows are enough for
# every name to appear in both.
DOUBLING="accounts a 20000 10000 on
groups g 2000 -a_20000_10000 on
counterparties k 50000 100000 off
partners p 50000 -n_100000_10000 off
regions r 10000 -n_20000_10000 off
axes x 1000 -t_4000_-n_4000_10000 on
types t 5000 -x_100_-n_10000_10000 on
people m 4000 10000 off"
DOUBLING_LIMIT=2.4

# doubling_prepare KEY DETAIL ARGS...: the input folder data-dbl-KEY
# (generated once by gen_input ARGS) with its report.ini's detail set.
doubling_prepare() {
    key=$1
    detail=$2
    shift 2
    data=$OUT/data-dbl-$key
    if [ ! -f "$data/expected.txt" ] || newer "$OUT/gen_input" "$data/expected.txt"; then
        echo "bench: generating $key" >&2
        rm -rf "$data"
        "$OUT/gen_input" "$@" "$data" || die "gen_input $* failed"
    fi
    yes_no=yes
    [ "$detail" = off ] && yes_no=no
    sed "s/^detail = .*/detail = $yes_no/" "$data/report.ini" >"$data/report.ini.new"
    mv "$data/report.ini.new" "$data/report.ini"
    rm -rf "$data/texts"
    [ -d input/texts ] && cp -R input/texts "$data/texts"
    return 0
}

# doubling_runs: for each dimension, bilan on its base size and on twice it.
doubling_runs() {
    echo "$DOUBLING" | while read -r dim opt base rest detail; do
        for size in "$base" $((base * 2)); do
            key=$dim-$size
            # shellcheck disable=SC2046
            doubling_prepare "$key" "$detail" "-$opt" "$size" $(echo "$rest" | tr _ ' ')
            out=$OUT/out-dbl-$key
            mkdir -p "$out"
            echo "bench: doubling $dim, $size (detail $detail)" >&2
            measure "dbl-$key" "$RUNS" "$BILAN" --input "$OUT/data-dbl-$key" --output "$out" --quiet
            check_figures "dbl-$key" "$out"
        done
    done
}

# doubling: prints the table; counts the doublings above the limit.
doubling() {
    printf '\ndoubling one dimension at a time (CPU s; each ratio <= %s)\n' "$DOUBLING_LIMIT"
    printf '%16s %8s %8s %8s %8s %8s %8s\n' dimension n 'cpu n' '2n' 'cpu 2n' ratio 'rss MB'
    # A here-document, not a pipe: misses must count in this shell.
    while read -r dim opt base rest detail; do
        two=$((base * 2))
        a=$(cpu "dbl-$dim-$base")
        b=$(cpu "dbl-$dim-$two")
        r=$(ratio "$b" "$a")
        verdict=ok
        if [ "$r" = n/a ]; then
            verdict="not measured"
        elif ! awk -v v="$r" -v l="$DOUBLING_LIMIT" 'BEGIN { exit !(v <= l) }'; then
            verdict=MISSED
            misses=$((misses + 1))
        fi
        printf '%16s %8s %8s %8s %8s %8s %8s  %s\n' "$dim" "$base" "$a" "$two" "$b" "$r" \
            "$(ratio "$(field "$RES/dbl-$dim-$two.ru" maxrss_kb)" 1024)" "$verdict"
    done <<EOF
$DOUBLING
EOF
}

[ "$REPORT_ONLY" = 1 ] || [ "${BENCH_DOUBLING:-1}" = 0 ] || doubling_runs

if [ "$REPORT_ONLY" != 1 ] && [ -f input/report.ini ]; then
    mkdir -p "$OUT/out-sample"
    measure sample "$((RUNS * 3))" "$BILAN" --input input --output "$OUT/out-sample" --quiet
fi

# --- the table ----------------------------------------------------------------

# field FILE KEY: a value of a rusage line; empty when not measured.
field() {
    [ -f "$1" ] && sed -n "s/.*$2=\([^ ]*\).*/\1/p" "$1"
}

# row LABEL: "wall cpu rss_mb" of a measured run.
row() {
    f=$RES/$1.ru
    if [ ! -f "$f" ]; then
        printf '%8s %8s %8s' - - -
        return 0
    fi
    awk -v w="$(field "$f" wall)" -v u="$(field "$f" user)" -v s="$(field "$f" sys)" \
        -v r="$(field "$f" maxrss_kb)" 'BEGIN { printf "%8.3f %8.3f %8.1f", w, u + s, r / 1024 }'
}

# stages LABEL [named]: the five stage times from BILAN_TIMINGS lines, "-"
# if absent; "named" puts each stage's name before its time.
stages() {
    [ -f "$RES/$1.err" ] || return 0
    awk -v named="${2:-}" '
        $1 == "timing:" { s = tolower($2)
                          if (s == "xlsx") s = "workbook"
                          if (s == "figures") s = "json"
                          t[s] = $3 }
        END { n = split("ingest compute pdf workbook json", k, " ")
              for (i = 1; i <= n; i++) {
                  v = (k[i] in t) ? sprintf("%.3f", t[k[i]]) : "-"
                  if (named) printf " %s %s", k[i], v; else printf " %8s", v
              } }' "$RES/$1.err"
}

report() {
    printf 'bilan benchmark: %s, %s, %s CPUs, %s\n\n' "$BILAN" \
        "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | sed 1q)" \
        "$(nproc 2>/dev/null || echo '?')" "$(date -u +%Y-%m-%d)"
    printf '%10s %6s %8s %8s %8s %8s %8s %8s %8s %8s\n' lines detail 'wall s' 'cpu s' \
        'rss MB' ingest compute pdf workbook json
    for n in $SIZES; do
        for detail in off on; do
            printf '%10s %6s %s%s\n' "$n" "$detail" "$(row "bilan-$n-$detail")" \
                "$(stages "bilan-$n-$detail")"
        done
    done
    printf '\nfloors (the same files: libcsv parse only; libxlsxwriter detail cells only)\n'
    printf '%10s %6s %8s %8s %8s\n' lines floor 'wall s' 'cpu s' 'rss MB'
    for n in $SIZES; do
        printf '%10s %6s %s\n' "$n" csv "$(row "csv-$n")"
        printf '%10s %6s %s\n' "$n" xlsx "$(row "xlsx-$n")"
    done
    parallel_report
    if [ -f "$RES/sample.ru" ]; then
        printf '\nsample input/: %s s wall, %s s cpu; stages:%s\n' "$(field "$RES/sample.ru" wall)" \
            "$(cpu sample)" "$(stages sample named)"
    fi
    load=$(cat "$RES/load" 2>/dev/null || echo 0)
    if awk -v l="$load" 'BEGIN { exit !(l >= 0.5) }'; then
        printf '\nnote: load average %s when the bench started: other processes compete\n' "$load"
        printf 'for the CPUs, so wall times are upper bounds; the CPU columns hold better.\n'
    fi
}

# parallel_report: the serial, threaded and one-core runs at the largest
# size, each against the CSV floor on the same CPUs; the outputs compared;
# the temporary disk of the run with detail sheets.
parallel_report() {
    n=$TOP
    [ -f "$RES/serial-$n-off.ru" ] || return 0
    printf '\nserial reader, threads, one core (%s lines, detail off; ratio = wall / csv floor wall)\n' "$n"
    printf '%10s %8s %8s %8s %8s %8s  %s\n' run 'wall s' 'cpu s' 'rss MB' 'floor s' ratio how
    csv=$(field "$RES/csv-$n.ru" wall)
    printf '%10s %s %8s %8s  %s\n' serial "$(row "serial-$n-off")" "$csv" \
        "$(ratio "$(field "$RES/serial-$n-off.ru" wall)" "$csv")" 'BILAN_THREADS=1'
    printf '%10s %s %8s %8s  %s\n' threads "$(row "bilan-$n-off")" "$csv" \
        "$(ratio "$(field "$RES/bilan-$n-off.ru" wall)" "$csv")" \
        "default: up to 2 threads on $(nproc 2>/dev/null || echo '?') CPUs"
    if [ -f "$RES/core1-$n-off.ru" ]; then
        csv1=$(field "$RES/core1-csv-$n.ru" wall)
        printf '%10s %s %8s %8s  %s\n' 'one core' "$(row "core1-$n-off")" "$csv1" \
            "$(ratio "$(field "$RES/core1-$n-off.ru" wall)" "$csv1")" \
            "taskset -c $(cat "$RES/core1.cpu"), the floor too"
    else
        printf '%10s  not measured: %s\n' 'one core' "$(cat "$RES/core1.note" 2>/dev/null)"
    fi
    if [ -f "$RES/serial-$n-on.ru" ]; then
        printf '%10s %s %8s %8s  %s\n' 'serial on' "$(row "serial-$n-on")" - - \
            'detail on, BILAN_THREADS=1, temporary disk polled'
        printf 'temporary disk peak with detail sheets: %s MB (workbook %s MB)\n' \
            "$(ratio "$(field "$RES/serial-$n-on.ru" tmp_peak_kb)" 1024)" "$(workbook_mb "$n")"
    fi
    printf 'outputs (figures, report, workbook):\n'
    sed 's/^/  /' "$RES/same.txt" 2>/dev/null || true
}

# workbook_mb N: the size of the workbook with detail sheets at N lines.
workbook_mb() {
    for w in "$OUT/out-$1-on"/workbook-*.xlsx; do
        [ -f "$w" ] && ratio "$(wc -c <"$w")" 1048576 && return 0
    done
    echo n/a
}

# target TEXT VALUE LIMIT: prints one target line; counts misses.
misses=0
target() {
    if [ -z "$2" ] || [ "$2" = n/a ]; then
        printf '  %-44s %8s <= %-6s %s\n' "$1" n/a "$3" "not measured"
        return 0
    fi
    if awk -v v="$2" -v l="$3" 'BEGIN { exit !(v <= l) }'; then verdict=ok; else
        verdict=MISSED
        misses=$((misses + 1))
    fi
    printf '  %-44s %8s <= %-6s %s\n' "$1" "$2" "$3" "$verdict"
}

# info TEXT VALUE: a figure shown beside the targets, not judged.
info() {
    printf '  %-44s %8s\n' "$1" "$2"
}

# cpu LABEL: user + sys seconds of a measured run.
cpu() {
    row "$1" | awk '{ print $2 }'
}

# ratio A B: A / B to two decimals, or n/a when either is missing.
ratio() {
    if [ -z "$1" ] || [ -z "$2" ] || [ "$1" = - ]; then
        echo n/a
        return 0
    fi
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'
}

targets() {
    big=1000000
    case " $SIZES " in *" $big "*) ;; *)
        printf '\ntargets: not checked (they are for %s lines; BENCH_SIZES=%s)\n' "$big" "$SIZES"
        return 0 ;;
    esac
    off=$RES/bilan-$big-off.ru
    on=$RES/bilan-$big-on.ru
    printf '\ntargets (1,000,000 ledger lines, 100,000 activities)\n'
    target 'detail off: wall s' "$(field "$off" wall)" 1.0
    target 'detail off: wall / csv floor wall' \
        "$(ratio "$(field "$off" wall)" "$(field "$RES/csv-$big.ru" wall)")" 1.3
    info 'detail off: cpu / csv floor cpu (info)' "$(ratio "$(cpu "bilan-$big-off")" "$(cpu "csv-$big")")"
    info 'detail off: threads cpu / serial cpu (info)' \
        "$(ratio "$(cpu "bilan-$big-off")" "$(cpu "serial-$big-off")")"
    serial=$(ratio "$(field "$RES/serial-$big-off.ru" wall)" "$(field "$RES/csv-$big.ru" wall)")
    if [ -f "$RES/core1-$big-off.ru" ] && [ "$serial" != n/a ]; then
        target 'one core: wall / floor, <= serial x 1.05' \
            "$(ratio "$(field "$RES/core1-$big-off.ru" wall)" "$(field "$RES/core1-csv-$big.ru" wall)")" \
            "$(awk -v r="$serial" 'BEGIN { printf "%.2f", r * 1.05 }')"
    else
        target 'one core: wall / floor, <= serial x 1.05' n/a "$serial"
    fi
    target 'detail off: peak RSS MB' "$(ratio "$(field "$off" maxrss_kb)" 1024)" 32
    case " $SIZES " in *" 100000 "*)
        target 'detail off: RSS at 1M / RSS at 100k' \
            "$(ratio "$(field "$off" maxrss_kb)" "$(field "$RES/bilan-100000-off.ru" maxrss_kb)")" 1.10
        ;;
    esac
    target 'detail on: wall / xlsx floor wall' \
        "$(ratio "$(field "$on" wall)" "$(field "$RES/xlsx-$big.ru" wall)")" 1.25
    info 'detail on: cpu / xlsx floor cpu (info)' "$(ratio "$(cpu "bilan-$big-on")" "$(cpu "xlsx-$big")")"
    target 'detail on: peak RSS MB' "$(ratio "$(field "$on" maxrss_kb)" 1024)" 64
    info 'detail on: temporary disk peak MB (info)' \
        "$(ratio "$(field "$RES/serial-$big-on.ru" tmp_peak_kb)" 1024)"
    if [ -f "$RES/sample.ru" ]; then
        target 'sample input/: wall s' "$(field "$RES/sample.ru" wall)" 0.1
    fi
}

report >"$OUT/results.txt"
targets >>"$OUT/results.txt"
[ "${BENCH_DOUBLING:-1}" = 0 ] || doubling >>"$OUT/results.txt"
cat "$OUT/results.txt"
echo "bench: table saved in $OUT/results.txt; outputs in $OUT/out-*" >&2
if [ -f "$RES/differ" ]; then
    echo "bench: the serial and threaded runs wrote different outputs:" >&2
    sed 's/^/  /' "$RES/differ" >&2
    exit 1
fi
if [ "$misses" -gt 0 ] && [ "${BENCH_STRICT:-0}" = 1 ]; then
    exit 1
fi
exit 0
