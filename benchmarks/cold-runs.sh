#!/usr/bin/env bash
# Cold runs as a user meets them: whole fresh `hotlinekit` processes (through the launcher, so
# with its start-up archive) against the native tools a user would run instead, on the same
# generated inputs, in the same run; runs alternate; medians, ratios and peak memory are printed.
#
#   packet seal     vs  openssl cms -sign | openssl cms -encrypt -aes-256-gcm  (same document)
#   packet open     vs  openssl cms -decrypt | openssl cms -verify
#   hash sha256     vs  sha256sum           (one digest, the same files)
#   hash (all four, with PDQ), and --version, on their own
#   hash and hash --algorithms pdq  vs  Meta's C++ pdq-photo-hasher, when PDQ_PHOTO_HASHER names it
#
#   benchmarks/cold-runs.sh [RUNS=5] [SIZES="14000 1048576 67108864"] [IMAGES=20]
#
# Needs the benchmark jar (mvn -B -DskipTests package -pl benchmarks -am), openssl 3 and GNU time
# (/usr/bin/time) for peak memory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
sizes="${2:-14000 1048576 67108864}"
images="${3:-20}"
bench="$here/benchmarks/target/benchmarks.jar"
hk="$here/hotlinekit"
[ -f "$bench" ] || { echo "missing $bench: mvn -B -DskipTests package -pl benchmarks -am" >&2; exit 2; }
command -v openssl >/dev/null || { echo "openssl is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed for peak memory" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Builds the jar and the start-up archives of the timed commands once, outside the timings.
for c in --version "hash --help" "packet --help"; do "$hk" $c >/dev/null; done

# A test PKI (EC P-256), as the packet profile asks.
(
  cd "$work"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem \
      -subj /CN=bench-ca -days 2 -addext basicConstraints=critical,CA:TRUE \
      -addext keyUsage=critical,keyCertSign,cRLSign
  for e in signer:digitalSignature recipient:keyAgreement; do
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "${e%%:*}.key" \
        -out "${e%%:*}.csr" -subj "/CN=bench-${e%%:*}"
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,%s\n' "${e#*:}" >x.ext
    openssl x509 -req -in "${e%%:*}.csr" -CA ca.pem -CAkey ca.key -CAcreateserial \
        -out "${e%%:*}.pem" -days 2 -extfile x.ext
  done
) >/dev/null 2>&1

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else printf "n/a (native under 10 ms)" }'; }
# Runs a command under GNU time; appends "seconds kib" to the named file.
timed() {
  local into="$1"; shift
  /usr/bin/time -o "$work/t" -f "%e %M" "$@" >/dev/null 2>"$work/err" || {
    echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }
  cat "$work/t" >>"$into"
}
report() {  # name, file of ours, file of theirs (or -)
  local ours theirs mo mt
  ours=$(cut -d' ' -f1 "$2" | median); mo=$(cut -d' ' -f2 "$2" | sort -g | tail -1)
  if [ "$3" = - ]; then
    printf '%-34s %7.3f s  %6d MiB\n' "$1" "$ours" $((mo / 1024))
  else
    theirs=$(cut -d' ' -f1 "$3" | median); mt=$(cut -d' ' -f2 "$3" | sort -g | tail -1)
    printf '%-34s %7.3f s  %6d MiB | native %7.3f s %6d MiB | ratio %s\n' "$1" "$ours" \
        $((mo / 1024)) "$theirs" $((mt / 1024)) "$(ratio "$ours" "$theirs")"
  fi
}

echo "runs: $runs (medians; peak RSS is the largest of the runs)"
: >"$work/version"
for i in $(seq 1 "$runs"); do timed "$work/version" "$hk" --version; done
report "hotlinekit --version" "$work/version" -

for size in $sizes; do
  doc="$work/doc-$size.json"
  java -cp "$bench" org.hotlinekit.benchmarks.ReportInputs "$doc" "$size"
  : >"$work/seal"; : >"$work/oseal"; : >"$work/open"; : >"$work/oopen"
  for i in $(seq 1 "$runs"); do
    rm -f "$work/p.p7m" "$work/o.p7m" "$work/inner.p7s"
    timed "$work/seal" "$hk" packet seal --in "$doc" --to "$work/recipient.pem" \
        --key "$work/signer.key" --cert "$work/signer.pem" --out "$work/p.p7m"
    timed "$work/oseal" sh -c "openssl cms -sign -binary -nodetach -md sha256 -outform DER \
        -in '$doc' -signer '$work/signer.pem' -inkey '$work/signer.key' -out '$work/inner.p7s' \
        && openssl cms -encrypt -binary -aes-256-gcm -inform DER -outform DER \
        -in '$work/inner.p7s' -recip '$work/recipient.pem' -out '$work/o.p7m'"
    timed "$work/open" "$hk" packet open --in "$work/p.p7m" --key "$work/recipient.key" \
        --cert "$work/recipient.pem" --trust "$work/ca.pem" --no-replay-check \
        --out "$work/opened.json"
    timed "$work/oopen" sh -c "openssl cms -decrypt -binary -inform DER -in '$work/o.p7m' \
        -recip '$work/recipient.pem' -inkey '$work/recipient.key' -out '$work/oinner.p7s' \
        && openssl cms -verify -binary -inform DER -in '$work/oinner.p7s' \
        -CAfile '$work/ca.pem' -purpose smimesign -out '$work/oopened.json'"
  done
  bytes=$(stat -c %s "$doc")
  report "packet seal $bytes B" "$work/seal" "$work/oseal"
  report "packet open $bytes B" "$work/open" "$work/oopen"
done

java -cp "$bench" org.hotlinekit.benchmarks.ScanInputs "$work/media" "$images" 1 >/dev/null
: >"$work/h1"; : >"$work/s1"; : >"$work/h4"
for i in $(seq 1 "$runs"); do
  timed "$work/h1" "$hk" hash --algorithms sha256 --no-progress "$work/media/images"
  timed "$work/s1" sh -c "sha256sum '$work'/media/images/*"
  timed "$work/h4" "$hk" hash --no-progress "$work/media/images"
done
report "hash --algorithms sha256, $images JPEGs" "$work/h1" "$work/s1"
report "hash (MD5, SHA-1, SHA-256, PDQ)" "$work/h4" -

# PDQ against Meta's C++ hasher, when given: PDQ_PHOTO_HASHER=/path/to/pdq-photo-hasher (built
# from facebook/ThreatExchange's pdq/cpp, e.g. with libjpeg: make CFLAGS="-Dcimg_use_jpeg
# -Dcimg_display=0" LFLAGS="-lm -lpthread -ljpeg" pdq-photo-hasher). 20 photos of 1280x800; on
# one core (taskset -c 0) when taskset is there, as the issue measured it; the hashes compared.
if [ -n "${PDQ_PHOTO_HASHER:-}" ]; then
  [ -x "$PDQ_PHOTO_HASHER" ] || { echo "PDQ_PHOTO_HASHER is not an executable: $PDQ_PHOTO_HASHER" >&2; exit 2; }
  pin=()
  command -v taskset >/dev/null && pin=(taskset -c 0)
  java -cp "$bench" org.hotlinekit.benchmarks.PhotoInputs "$work/photos" 20 1280 800
  "$PDQ_PHOTO_HASHER" "$work"/photos/*.jpg | awk -F, '{print $3 "\t" $1 "\t" $2}' | sort \
      >"$work/theirs.tsv"
  "$hk" hash --algorithms pdq --format tsv --no-progress "$work/photos" | tail -n +2 \
      | cut -f1-3 | sort >"$work/ours.tsv"
  if ! cmp -s "$work/theirs.tsv" "$work/ours.tsv"; then
    echo "PDQ hashes differ from the C++ hasher's:" >&2
    diff "$work/theirs.tsv" "$work/ours.tsv" >&2 || true
    exit 1
  fi
  : >"$work/p4"; : >"$work/p1"; : >"$work/pc"
  for i in $(seq 1 "$runs"); do
    timed "$work/p4" "${pin[@]}" "$hk" hash --no-progress "$work/photos"
    timed "$work/p1" "${pin[@]}" "$hk" hash --algorithms pdq --no-progress "$work/photos"
    timed "$work/pc" sh -c "${pin[*]} '$PDQ_PHOTO_HASHER' '$work'/photos/*.jpg"
  done
  where="two cores or more"
  [ ${#pin[@]} -gt 0 ] && where="one core"
  echo "20 photos of 1280x800 on $where, the 20 PDQ hashes identical to the C++ hasher's:"
  report "hash (MD5, SHA-1, SHA-256, PDQ)" "$work/p4" "$work/pc"
  report "hash --algorithms pdq" "$work/p1" "$work/pc"
fi
