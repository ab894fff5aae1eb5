#!/bin/sh
# layers.sh - the layer rules of src/ (docs: ../shared/layout.md section 6),
# checked on the build and the sources.
#
#   sh tests/layers.sh            (after make; BUILD=build/clang for another)
#
# 1. No circle: `nm` over $BUILD/obj gives, per object, the symbols it
#    defines and those it uses; a use of a symbol defined in another object
#    is an edge between their .c files.  Any strongly connected set of more
#    than one file (files that call each other, directly or around a loop)
#    fails, with the symbols along its edges.
# 2. Nothing in src/pdf, src/xlsx, src/report or src/render_* includes
#    ingest*.h or model.h, directly (#include lines) or through another
#    header (the compiler's .d files).
# 3. src/lib includes only lib/; src/parse only parse/ and lib/.
# Prints ok / not ok lines and "layers: P passed, F failed"; the exit status
# is non-zero on any failure.

cd "$(dirname "$0")/.." || exit 70
BUILD=${BUILD:-build}
passed=0
failed=0

ok() { echo "ok - $*"; passed=$((passed + 1)); }
not_ok() {
    echo "not ok - $1"
    shift
    for why in "$@"; do printf '%s\n' "$why" | sed 's/^/# /'; done
    failed=$((failed + 1))
}

# 1. The file-level call graph and its strongly connected components.
# (only objects whose source still exists: a removed file's object stays)
objs=
for o in $(find "$BUILD/obj" -name '*.o' 2>/dev/null | sort); do
    c=${o#"$BUILD/obj/"}
    [ -f "src/${c%.o}.c" ] && objs="$objs $o"
done
if [ -z "$objs" ]; then
    not_ok "call graph" "no object in $BUILD/obj (run make first)"
else
    # shellcheck disable=SC2086
    circles=$(nm -A -g $objs | python3 -c '
import sys
from collections import defaultdict
obj_dir, defs, uses = sys.argv[1], {}, defaultdict(set)
def src(o):
    return "src/" + o[len(obj_dir) + 1:-2] + ".c"
for line in sys.stdin:
    path, _, rest = line.partition(":")
    f = rest.split()
    if len(f) < 2:
        continue
    kind, sym = f[-2], f[-1]
    if kind == "U":
        uses[src(path)].add(sym)
    elif kind not in "wv":
        defs.setdefault(sym, src(path))
edges = defaultdict(lambda: defaultdict(list))
for a, syms in uses.items():
    for s in sorted(syms):
        b = defs.get(s)
        if b and b != a:
            edges[a][b].append(s)
nodes = sorted(set(defs.values()) | set(uses))
# Tarjan, iterative
index, low, onstack, stack, sccs, n = {}, {}, set(), [], [], 0
for root in nodes:
    if root in index:
        continue
    work = [(root, iter(sorted(edges[root])))]
    index[root] = low[root] = n; n += 1; stack.append(root); onstack.add(root)
    while work:
        v, it = work[-1]
        w = next(it, None)
        if w is not None:
            if w not in index:
                index[w] = low[w] = n; n += 1; stack.append(w); onstack.add(w)
                work.append((w, iter(sorted(edges[w]))))
            elif w in onstack:
                low[v] = min(low[v], index[w])
            continue
        work.pop()
        if work:
            low[work[-1][0]] = min(low[work[-1][0]], low[v])
        if low[v] == index[v]:
            scc = []
            while True:
                w = stack.pop(); onstack.discard(w); scc.append(w)
                if w == v:
                    break
            if len(scc) > 1:
                sccs.append(sorted(scc))
print("files %d" % len(nodes))
for scc in sorted(sccs):
    why = ["%s -> %s: %s%s" % (a, b, " ".join(edges[a][b][:4]),
                               " ..." if len(edges[a][b]) > 4 else "")
           for a in scc for b in sorted(edges[a]) if b in scc]
    print("circle\t%s\t%s" % (" ".join(scc), "|".join(why)))
' "$BUILD/obj")
    if [ $? -ne 0 ] || [ -z "$circles" ]; then
        not_ok "call graph" "nm or python3 failed"
    elif ! printf '%s\n' "$circles" | grep -q '^circle'; then
        ok "no circle among the $(printf '%s\n' "$circles" | sed -n 's/^files //p') files of $BUILD/obj"
    else
        # one "not ok" per circle, the calls along it as explanations
        tab=$(printf '\t')
        while IFS=$tab read -r _ files why; do
            not_ok "circle: $files" "$(printf '%s\n' "$why" | tr '|' '\n')"
        done <<EOF_
$(printf '%s\n' "$circles" | grep '^circle')
EOF_
    fi
fi

# includes FILES...: "file:line: #include ..." for each quoted include.
includes() {
    grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$@" /dev/null 2>/dev/null
}

# 2. The renderers and their layers never see the input side.
upper=$(ls src/pdf/*.[ch] src/xlsx/*.[ch] src/report/*.[ch] src/render_*.[ch] 2>/dev/null)
# shellcheck disable=SC2086
bad=$(includes $upper | grep -E '"(ingest[^"/]*|model)\.h"')
if [ -n "$bad" ]; then
    not_ok "pdf/, xlsx/, report/, render_* include no ingest*.h or model.h" "$bad"
else
    ok "pdf/, xlsx/, report/, render_* include no ingest*.h or model.h"
fi
deps=
for c in $upper; do
    case $c in *.c) ;; *) continue ;; esac
    d=$BUILD/obj/${c#src/}
    d=${d%.c}.d
    [ -f "$d" ] || continue
    hit=$(tr ' \\' '\n\n' <"$d" | grep -E '^src/(ingest[^/]*|model)\.h$' | sort -u | tr '\n' ' ')
    [ -n "$hit" ] && deps="$deps${deps:+
}$c depends on ${hit% }"
done
if [ -n "$deps" ]; then
    not_ok "pdf/, xlsx/, report/, render_* reach no ingest*.h or model.h through a header" "$deps"
else
    ok "pdf/, xlsx/, report/, render_* reach no ingest*.h or model.h through a header"
fi

# 3. The bottom layers include nothing from above them.
bad=$(includes src/lib/*.[ch] | grep -v -E ':[[:space:]]*#[[:space:]]*include[[:space:]]*"lib/')
if [ -n "$bad" ]; then
    not_ok "lib/ includes only lib/" "$bad"
else
    ok "lib/ includes only lib/"
fi
bad=$(includes src/parse/*.[ch] | grep -v -E ':[[:space:]]*#[[:space:]]*include[[:space:]]*"(lib|parse)/')
if [ -n "$bad" ]; then
    not_ok "parse/ includes only parse/ and lib/" "$bad"
else
    ok "parse/ includes only parse/ and lib/"
fi

echo "layers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
