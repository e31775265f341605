#!/bin/sh
# Install (or remove) Kepatuhan Desktop from this unpacked folder.
#
#   ./install.sh               for this user: ~/.local/opt/kepatuhan-desktop, commands in ~/.local/bin,
#                              menu entry and icons in ~/.local/share
#   sudo ./install.sh --system for everyone: /opt/kepatuhan-desktop, /usr/local/bin, /usr/local/share
#   ./install.sh --uninstall [--system]
#
# The folder also runs where it is, without installing: ./kepatuhan-desktop (GUI), ./kepatuhan (CLI).
# Your data (the database) is never touched: it lives in ~/.local/share/kepatuhan-desktop/.
set -eu

APP=kepatuhan-desktop
HERE=$(cd "$(dirname "$0")" && pwd)
MODE=user
ACTION=install
for arg in "$@"; do
    case "$arg" in
        --system) MODE=system ;;
        --uninstall) ACTION=uninstall ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
    esac
done

if [ "$MODE" = system ]; then
    PREFIX=/opt/$APP; BIN=/usr/local/bin; SHARE=/usr/local/share
else
    PREFIX=$HOME/.local/opt/$APP; BIN=$HOME/.local/bin; SHARE=${XDG_DATA_HOME:-$HOME/.local/share}
fi

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
}

if [ "$ACTION" = uninstall ]; then
    rm -rf "$PREFIX"
    rm -f "$BIN/kepatuhan-desktop" "$BIN/kepatuhan" "$SHARE/applications/$APP.desktop"
    for size in 16 32 48 64 128 256; do rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/$APP.png"; done
    refresh
    echo "removed $APP ($MODE); your data in ~/.local/share/$APP is kept"
    exit 0
fi

if [ "$HERE" != "$PREFIX" ]; then
    rm -rf "$PREFIX"
    mkdir -p "$(dirname "$PREFIX")"
    cp -a "$HERE" "$PREFIX"
fi
mkdir -p "$BIN" "$SHARE/applications"
ln -sf "$PREFIX/kepatuhan-desktop" "$BIN/kepatuhan-desktop"
ln -sf "$PREFIX/kepatuhan" "$BIN/kepatuhan"
sed -e "s|^Exec=kepatuhan-desktop|Exec=\"$PREFIX/kepatuhan-desktop\"|" \
    -e "s|^TryExec=.*|TryExec=$PREFIX/kepatuhan-desktop|" \
    "$PREFIX/share/applications/$APP.desktop" > "$SHARE/applications/$APP.desktop"
for size in 16 32 48 64 128 256; do
    src="$PREFIX/share/icons/hicolor/${size}x${size}/apps/$APP.png"
    [ -f "$src" ] || continue
    mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
    cp "$src" "$SHARE/icons/hicolor/${size}x${size}/apps/$APP.png"
done
refresh
echo "installed $APP in $PREFIX; start it from the menu or with: $BIN/kepatuhan-desktop"
