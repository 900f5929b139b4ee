#!/usr/bin/env bash
# Times `hotlinekit scan` against what a user would otherwise run, `hotlinekit hash` then
# `hotlinekit match`, each as a whole fresh process, over the same synthetic images and PDQ list;
# runs alternate, medians and their ratio are printed. Both sides compute MD5, SHA-1, SHA-256 and
# PDQ with its dihedral variants; scan also writes its results folder.
#
#   benchmarks/scan-vs-hash-and-match.sh [IMAGES=1000] [ENTRIES=1000000] [RUNS=3]
#
# Needs the CLI and benchmark jars: mvn -B -DskipTests package -pl examples,benchmarks -am
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
images="${1:-1000}"
entries="${2:-1000000}"
runs="${3:-3}"
cli="$here/examples/target/hotlinekit-examples-0.1.0-SNAPSHOT-cli.jar"
bench="$here/benchmarks/target/benchmarks.jar"
for j in "$cli" "$bench"; do
  [ -f "$j" ] || { echo "missing $j: mvn -B -DskipTests package -pl examples,benchmarks -am" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "making $images images and a list of $entries PDQ hashes in $work ..." >&2
java -cp "$bench" org.hotlinekit.benchmarks.ScanInputs "$work" "$images" "$entries"

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
scan_times=(); pair_times=()
for i in $(seq 1 "$runs"); do
  t0=$(now)
  java -jar "$cli" scan "$work/images" --list "$work/list.jsonl" --list-format jsonl \
      --labels tc-ics --no-progress --out "$work/out-$i" >/dev/null || [ $? -eq 3 ]
  t1=$(now)
  java -jar "$cli" hash --dihedral --no-progress --format jsonl "$work/images" >"$work/hashes.jsonl"
  java -jar "$cli" match --dihedral --no-progress --format jsonl --list "$work/list.jsonl" \
      --list-format jsonl "$work/images" >"$work/matches.jsonl" || [ $? -eq 3 ]
  t2=$(now)
  scan_times+=("$(calc "$t1 - $t0")")
  pair_times+=("$(calc "$t2 - $t1")")
  echo "run $i: scan $(printf %.2f "${scan_times[-1]}") s, hash + match $(printf %.2f "${pair_times[-1]}") s" >&2
done
known=$(grep -c '"status":"known"' "$work/out-1/results.jsonl" || true)
s=$(printf '%s\n' "${scan_times[@]}" | median)
p=$(printf '%s\n' "${pair_times[@]}" | median)
printf 'images %d, list entries %d, runs %d, known %d\n' "$images" "$entries" "$runs" "$known"
printf 'scan:           median %.2f s (%.1f images/s)\n' "$s" "$(calc "$images / $s")"
printf 'hash + match:   median %.2f s (%.1f images/s)\n' "$p" "$(calc "$images / $p")"
printf 'scan / (hash + match): %.2f\n' "$(calc "$s / $p")"
