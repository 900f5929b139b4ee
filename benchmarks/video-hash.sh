#!/usr/bin/env bash
# vPDQ cost per frame, as a user runs it: a synthetic 1280x720 clip (FFmpeg's own test source,
# H.264, 30 fps; nothing downloaded) hashed by fresh `hotlinekit hash --algorithms md5,vpdq`
# processes on one core (taskset), every frame and one frame a second, against FFmpeg decoding
# the same clip to RGB alone (the floor: a vPDQ tool must decode every frame). Prints medians of
# CPU time (user + sys) and milliseconds of CPU per hashed frame. Meta's reference tool needs
# about 8 ms of CPU per 720p frame, decoding included (its README's figure for comparison).
#
#   benchmarks/video-hash.sh [SECONDS=20] [RUNS=3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
secs="${1:-20}"
runs="${2:-3}"
command -v ffmpeg >/dev/null || { echo "ffmpeg is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
clip="$work/clip.mp4"
ffmpeg -nostdin -v error -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=$secs" \
    -c:v libx264 -pix_fmt yuv420p "$clip"
frames=$((secs * 30))
"$here/hotlinekit" hash --help >/dev/null # the jar and its start-up archive, not in a timed run
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
cpu() {  # prints user+sys seconds of one run of the command
  /usr/bin/time -o "$work/t" -f "%U %S" "$@" >/dev/null 2>"$work/err" || {
    cat "$work/err" >&2; exit 1; }
  awk '{print $1 + $2}' "$work/t"
}
all=(); one=(); dec=()
for i in $(seq 1 "$runs"); do
  all+=("$(cpu taskset -c 0 "$here/hotlinekit" hash --no-progress --format jsonl \
      --algorithms md5,vpdq "$clip")")
  one+=("$(cpu taskset -c 0 "$here/hotlinekit" hash --no-progress --format jsonl --fps 1 \
      --algorithms md5,vpdq "$clip")")
  dec+=("$(cpu taskset -c 0 ffmpeg -nostdin -v error -i "$clip" -map 0:v:0 -fps_mode passthrough \
      -pix_fmt rgb24 -f rawvideo -)")
done
a=$(printf '%s\n' "${all[@]}" | median)
o=$(printf '%s\n' "${one[@]}" | median)
d=$(printf '%s\n' "${dec[@]}" | median)
printf 'clip: 1280x720, %d s, %d frames; one core; medians of %d runs (CPU = user + sys)\n' \
    "$secs" "$frames" "$runs"
awk -v a="$a" -v o="$o" -v d="$d" -v f="$frames" -v s="$secs" 'BEGIN {
  printf "hotlinekit, every frame:  %6.2f s CPU, %5.1f ms per frame\n", a, 1000 * a / f
  printf "hotlinekit, 1 frame/s:    %6.2f s CPU, %5.1f ms per hashed frame (%d hashed)\n", o, 1000 * o / s, s
  printf "ffmpeg decode to RGB:     %6.2f s CPU, %5.1f ms per frame\n", d, 1000 * d / f
}'
