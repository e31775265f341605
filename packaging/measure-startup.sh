#!/usr/bin/env bash
# Start-to-window time of the frozen GUI next to the unfrozen one (the figures in packaging/README.md).
#
#   packaging/measure-startup.sh [RUNS]        (default 7; needs Xvfb and xdotool, and a build in dist/)
#
# Each run launches `kepatuhan-desktop --demo --db DEMO.db` on an X server (Xvfb) and stops the clock when
# `xdotool` sees the main window mapped; frozen and unfrozen runs alternate so that load on the machine hits
# both alike. Prints every run and the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
FROZEN=dist/kepatuhan-desktop/kepatuhan-desktop
UNFROZEN=${KEPATUHAN_BUILD_VENV:-.venv}/bin/kepatuhan-desktop
for tool in Xvfb xdotool bc; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install xvfb xdotool bc)" >&2; exit 1; }
done
[ -x "$FROZEN" ] || { echo "no frozen build: run packaging/build.sh first" >&2; exit 1; }

work=$(mktemp -d)
display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=$display KEPATUHAN_DATA_DIR=$work QT_QPA_PLATFORM=xcb
dist/kepatuhan-desktop/kepatuhan --db "$work/demo.db" demo >/dev/null

once() {  # prints seconds from launch to mapped window
    local start end pid
    start=$(date +%s.%N)
    "$1" --demo --db "$work/demo.db" >/dev/null 2>&1 &
    pid=$!
    timeout 60 xdotool search --sync --onlyvisible --name "Kepatuhan Desktop" >/dev/null
    end=$(date +%s.%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$end - $start" | bc
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

once "$FROZEN" >/dev/null; once "$UNFROZEN" >/dev/null  # warm the file cache, write the demo inspector
: > "$work/frozen"; : > "$work/unfrozen"
for i in $(seq "$RUNS"); do
    f=$(once "$FROZEN"); u=$(once "$UNFROZEN")
    echo "run $i: frozen $f s, unfrozen $u s"
    echo "$f" >> "$work/frozen"; echo "$u" >> "$work/unfrozen"
done
echo "median of $RUNS: frozen $(median < "$work/frozen") s, unfrozen $(median < "$work/unfrozen") s"
