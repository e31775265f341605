#!/usr/bin/env bash
# Build the Linux one-folder app and its archive, then test the frozen executables.
#
#   packaging/build.sh [--no-test]
#
# Produces
#   dist/kepatuhan-desktop/                              kepatuhan-desktop (GUI), kepatuhan (CLI), _internal/,
#                                                        share/applications/*.desktop, share/icons/hicolor/*,
#                                                        install.sh
#   dist/kepatuhan-desktop-<version>-linux-<arch>.tar.gz the same folder, for users
#
# Uses the venv in $KEPATUHAN_BUILD_VENV (default .venv, created if missing) with the project installed with
# its build and test extras. Prints the unpacked size and the largest files; fails when the folder is larger
# than $KEPATUHAN_MAX_MB (default 250). Then runs tests/frozen (the frozen `kepatuhan-desktop --smoke-test`
# and `kepatuhan --version`) unless --no-test.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

RUN_TESTS=1
for arg in "$@"; do
    case "$arg" in
        --no-test) RUN_TESTS="" ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "unknown option: $arg" >&2; exit 2 ;;
    esac
done

APP=kepatuhan-desktop
VENV=${KEPATUHAN_BUILD_VENV:-.venv}
MAX_MB=${KEPATUHAN_MAX_MB:-250}
export PIP_DISABLE_PIP_VERSION_CHECK=1
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' kepatuhan_desktop/__init__.py)
ARCH=$(uname -m)
echo "== $APP $VERSION for linux-$ARCH"

# ---- build environment ----------------------------------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
    echo "== creating $VENV"
    python3 -m venv "$VENV"
fi
echo "== installing the project with the build and test extras into $VENV"
"$VENV/bin/pip" install -q -e '.[build,test]'

# ---- icon -----------------------------------------------------------------------------------------------------
echo "== icon"
"$VENV/bin/python" packaging/icons.py || { echo "build stopped: no application icon" >&2; exit 1; }

# ---- PyInstaller ----------------------------------------------------------------------------------------------
echo "== PyInstaller"
rm -rf "dist/$APP"
started=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/$APP.spec
echo "   built in $(( $(date +%s) - started )) s"

OUT="dist/$APP"
for exe in "$APP" kepatuhan; do
    [ -x "$OUT/$exe" ] || { echo "build failed: $OUT/$exe is missing" >&2; exit 1; }
done

# ---- desktop integration --------------------------------------------------------------------------------------
mkdir -p "$OUT/share/applications"
cp packaging/linux/$APP.desktop "$OUT/share/applications/$APP.desktop"
for size in 16 32 48 64 128 256; do
    mkdir -p "$OUT/share/icons/hicolor/${size}x${size}/apps"
    cp "resources/icons/$APP-$size.png" "$OUT/share/icons/hicolor/${size}x${size}/apps/$APP.png"
done
install -m 755 packaging/linux/install.sh "$OUT/install.sh"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$OUT/share/applications/$APP.desktop"
fi

# ---- system libraries the bundle does not carry ----------------------------------------------------------------
# PyInstaller bundles the libraries it finds on this machine; one it cannot find must come from the user's system.
# Install them here (Debian/Ubuntu: libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libwayland-cursor0
# libwayland-egl1 libxkbcommon-x11-0) so that the bundle carries them.
missing=$(cd "$OUT/_internal" && find . -name '*.so*' -type f -print0 \
    | LD_LIBRARY_PATH=.:PySide6/Qt/lib xargs -0 -n 50 ldd 2>/dev/null | sed -n 's/^\t\(.*\) => not found$/\1/p' | sort -u || true)
if [ -n "$missing" ]; then
    echo "warning: not bundled (not found on this machine, must be on the user's):" $missing >&2
fi

# ---- archive --------------------------------------------------------------------------------------------------
TARBALL="dist/$APP-$VERSION-linux-$ARCH.tar.gz"
tar -C dist -czf "$TARBALL" "$APP"

# ---- size -----------------------------------------------------------------------------------------------------
echo "== size"
size_mb=$(( $(du -sk "$OUT" | cut -f1) / 1024 ))
echo "   unpacked: $(du -sh "$OUT" | cut -f1) ($size_mb MB), $(find "$OUT" -type f | wc -l) files"
echo "   archive:  $(du -h "$TARBALL" | cut -f1)  $TARBALL"
echo "   largest files:"
{ find "$OUT" -type f -printf '%s\t%P\n' | sort -rn | head -15 \
    | awk -F'\t' '{ printf "   %8.1f MB  %s\n", $1 / 1048576, $2 }'; } || true  # head closes the pipe early
if [ "$size_mb" -gt "$MAX_MB" ]; then
    echo "build too large: $size_mb MB unpacked, the limit is $MAX_MB MB (KEPATUHAN_MAX_MB)" >&2
    exit 1
fi

# ---- frozen tests ---------------------------------------------------------------------------------------------
if [ -n "$RUN_TESTS" ]; then
    echo "== frozen tests"
    KEPATUHAN_FROZEN=1 KEPATUHAN_FROZEN_DIR="$ROOT/$OUT" \
        "$VENV/bin/python" -m pytest -q -p no:cacheprovider -m frozen tests/frozen
fi
echo "== done: $OUT and $TARBALL"
