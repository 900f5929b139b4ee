#!/usr/bin/env bash
# End to end, one core: 2,000 PDQ queries (half near list entries, half random) against N random
# PDQ hashes, radius 31, as whole fresh processes started as a user starts them (the `hotlinekit`
# launcher, with its start-up archive and JVM options): `hotlinekit match --index` (a prebuilt index
# file), `hotlinekit match --list` (the text list, indexed in the run) and a brute-force C scan
# (benchmarks/native/pdq-scan.c, built here with cc). Runs alternate; medians and ratios are
# printed, and the three must find the same number of pairs.
#
#   benchmarks/index-vs-scan.sh [ENTRIES=1000000] [RUNS=3]
#
# Needs: the CLI jar (mvn -B -DskipTests package -pl examples -am), cc, python3, taskset.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
entries="${1:-1000000}"
runs="${2:-3}"
jar="$here/examples/target/hotlinekit-examples-0.1.0-SNAPSHOT-cli.jar"
[ -f "$jar" ] || { echo "missing $jar: mvn -B -DskipTests package -pl examples -am" >&2; exit 2; }
cli="$here/hotlinekit"
"$cli" match --help >/dev/null # makes the start-up archive now if the jar is new, not in a timed run
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cc -O2 -march=native -o "$work/pdq-scan" "$here/benchmarks/native/pdq-scan.c"
python3 - "$work" "$entries" <<'PY'
import random, sys
work, n = sys.argv[1], int(sys.argv[2])
r = random.Random(5)
hashes = ['%064x' % r.getrandbits(256) for _ in range(n)]
open(f'{work}/list.txt', 'w').write('\n'.join(hashes) + '\n')
with open(f'{work}/queries.txt', 'w') as f:
    for _ in range(1000):
        h = int(r.choice(hashes), 16)
        for _ in range(10):
            h ^= 1 << r.randrange(256)
        f.write('%064x\n' % h)
    for _ in range(1000):
        f.write('%064x\n' % r.getrandbits(256))
PY
"$cli" index build --list "$work/list.txt" --list-format pdq --out "$work/list.hlx" >&2
now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
pairs() { grep -o '"entry"' "$1" | wc -l; }
idx=(); lst=(); c=()
for i in $(seq 1 "$runs"); do
  t0=$(now)
  taskset -c 0 "$cli" match --index "$work/list.hlx" --hashes "$work/queries.txt" \
      --hashes-format pdq --format jsonl >"$work/index.jsonl"
  t1=$(now)
  taskset -c 0 "$cli" match --list "$work/list.txt" --list-format pdq \
      --hashes "$work/queries.txt" --hashes-format pdq --format jsonl >"$work/list.jsonl"
  t2=$(now)
  taskset -c 0 "$work/pdq-scan" "$work/list.txt" "$work/queries.txt" 31 >"$work/c.txt"
  t3=$(now)
  idx+=("$(calc "$t1 - $t0")"); lst+=("$(calc "$t2 - $t1")"); c+=("$(calc "$t3 - $t2")")
done
printf 'pairs: --index %d, --list %d, C scan %d\n' "$(pairs "$work/index.jsonl")" \
    "$(pairs "$work/list.jsonl")" "$(wc -l <"$work/c.txt")"
i=$(printf '%s\n' "${idx[@]}" | median); l=$(printf '%s\n' "${lst[@]}" | median)
s=$(printf '%s\n' "${c[@]}" | median)
printf 'entries %d, runs %d (one core)\n' "$entries" "$runs"
printf 'match --index  median %.2f s\nmatch --list   median %.2f s\nC scan         median %.2f s\n' "$i" "$l" "$s"
printf 'C scan / --index: %.2f   --list / --index: %.2f\n' "$(calc "$s / $i")" "$(calc "$l / $i")"
