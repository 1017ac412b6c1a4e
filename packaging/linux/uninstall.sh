#!/bin/sh
# Removes mnist-gui as install.sh installed it for the current user: exactly what its install-manifest
# lists (files, the app folder, and the folders it created, once empty). Your own data stays: the
# MNIST cache, saved models and My drawings, and the settings; the last lines say where they are.
#     ~/.local/share/mnist-gui/app/uninstall.sh      (or ./uninstall.sh in the unpacked archive)
# Options (for install.sh): --quiet, --manifest FILE.
set -eu

quiet=no
manifest=
while [ $# -gt 0 ]; do
    case $1 in
        --quiet) quiet=yes ;;
        --manifest) [ $# -ge 2 ] || { echo "uninstall.sh: --manifest needs a file" >&2; exit 2; }
                    manifest=$2; shift ;;
        *) echo "uninstall.sh: unknown argument $1 (options: --quiet, --manifest FILE)" >&2; exit 2 ;;
    esac
    shift
done

: "${HOME:?HOME is not set}"
data_home=${XDG_DATA_HOME:-}
case $data_home in /*) ;; *) data_home=$HOME/.local/share ;; esac  # the XDG spec: relative values are ignored
config_home=${XDG_CONFIG_HOME:-}
case $config_home in /*) ;; *) config_home=$HOME/.config ;; esac
app_dir=$data_home/mnist-gui/app
user_data=${MNIST_GUI_DATA_DIR:-$data_home/mnist-gui}  # the app's own rule (mnist_gui/core/data.py)
[ -n "$manifest" ] || manifest=$app_dir/install-manifest

say() {
    [ "$quiet" = yes ] || echo "$@"
}

if [ ! -f "$manifest" ]; then
    say "mnist-gui is not installed for this user (there is no $manifest): nothing to remove."
    exit 0
fi
entries=$(cat "$manifest")  # read first: it is inside the app folder

# Is $1 a folder holding nothing but the file named $2?
holds_only() {
    [ -d "$1" ] && [ "$(ls -A "$1")" = "$2" ]
}

# Files and the app folder.
printf '%s\n' "$entries" | while IFS= read -r entry; do
    path=${entry#? }
    case $entry in
        "f /"*) if [ -f "$path" ] || [ -L "$path" ]; then rm -f "$path"; fi ;;
        "t /"*)
            case $path in
                */mnist-gui/app) rm -rf "$path" ;;
                *) echo "uninstall.sh: not removing $path: not an installed app folder" >&2 ;;
            esac ;;
    esac
done

# The desktop's caches, without our entry, type and icons.
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data_home/applications" ]; then
    update-desktop-database -q "$data_home/applications" || true
fi
if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data_home/mime/packages" ]; then
    update-mime-database "$data_home/mime" >/dev/null 2>&1 || true
fi
if [ -f "$data_home/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$data_home/icons/hicolor" || true
fi

# The folders install.sh created, deepest first, once empty. A cache the tools above wrote into one
# of them goes with it when it is all that is left (mime/ without packages/ is nothing but cache).
printf '%s\n' "$entries" | sed -n 's/^d \(\/.*\)$/\1/p' | LC_ALL=C sort -r | while IFS= read -r dir; do
    case $dir in
        */applications) if holds_only "$dir" mimeinfo.cache; then rm -f "$dir/mimeinfo.cache"; fi ;;
        */icons/hicolor) if holds_only "$dir" icon-theme.cache; then rm -f "$dir/icon-theme.cache"; fi ;;
        */mime) if [ -d "$dir" ] && [ ! -e "$dir/packages" ]; then rm -rf "$dir"; fi ;;
    esac
    if [ -d "$dir" ]; then rmdir "$dir" 2>/dev/null || true; fi
done
[ "$manifest" != "$app_dir/install-manifest" ] || rm -f "$manifest"  # a leftover, if the folder was moved

say "Removed mnist-gui (the app, the command, the menu entry, icons, metainfo and the model file type)."
kept=no
if [ -d "$user_data" ]; then
    say "Your own data is kept: $user_data (the MNIST cache, saved models, My drawings)."
    kept=yes
else
    say "Your own data would be in $user_data (the MNIST cache, saved models, My drawings): there is none."
fi
if [ -d "$config_home/mnist-gui" ]; then
    say "The app's settings are kept: $config_home/mnist-gui/"
    kept=yes
fi
[ "$kept" = no ] || say "Delete them yourself if you want them gone."
