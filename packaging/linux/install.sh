#!/bin/sh
# Installs mnist-gui for the current user, under ~/.local: no root needed. From the unpacked archive:
#     ./install.sh
# It puts
#   the app               $XDG_DATA_HOME/mnist-gui/app/          (XDG_DATA_HOME: ~/.local/share if unset)
#   the command           ~/.local/bin/mnist-gui                  (a launcher script)
#   the menu entry        $XDG_DATA_HOME/applications/mnist-gui.desktop
#   the icons             $XDG_DATA_HOME/icons/hicolor/SIZE/apps/mnist-gui.png (and scalable/.svg)
#   the metainfo          $XDG_DATA_HOME/metainfo/io.github.mnist_gui.metainfo.xml
#   the model file type   $XDG_DATA_HOME/mime/packages/io.github.mnist_gui.xml
# and lists every file and folder it made in the app folder's install-manifest, which uninstall.sh
# (copied into the app folder too) removes, and nothing else. Run again, it replaces the installation.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
: "${HOME:?HOME is not set}"
data_home=${XDG_DATA_HOME:-}
case $data_home in /*) ;; *) data_home=$HOME/.local/share ;; esac  # the XDG spec: relative values are ignored
bin_dir=$HOME/.local/bin
app_dir=$data_home/mnist-gui/app
manifest=$app_dir/install-manifest
launcher=$bin_dir/mnist-gui
desktop=$data_home/applications/mnist-gui.desktop
metainfo=$data_home/metainfo/io.github.mnist_gui.metainfo.xml
mime_xml=$data_home/mime/packages/io.github.mnist_gui.xml

die() {
    echo "mnist-gui install: $*" >&2
    exit 1
}

for f in app/mnist-gui uninstall.sh mnist-gui.desktop io.github.mnist_gui.metainfo.xml io.github.mnist_gui.xml VERSION; do
    [ -e "$here/$f" ] || die "$here/$f is missing: run install.sh from the unpacked mnist-gui archive"
done
version=$(cat "$here/VERSION")
icons=$(cd "$here/icons" && find hicolor -type f | LC_ALL=C sort)

# Installed before: replace it (an upgrade, or the same version again).
if [ -f "$manifest" ]; then
    sh "$here/uninstall.sh" --quiet
elif [ -e "$app_dir" ]; then
    die "$app_dir exists but has no install-manifest; remove it and run install.sh again"
fi

# Never overwrite what this installer did not put there (e.g. a pip --user install's mnist-gui).
for dest in "$launcher" "$desktop" "$metainfo" "$mime_xml"; do
    if [ -e "$dest" ] || [ -L "$dest" ]; then
        die "$dest exists and is not from this installer; move it away and run install.sh again"
    fi
done
for icon in $icons; do
    dest=$data_home/icons/$(dirname "$icon")/mnist-gui.${icon##*.}
    [ ! -e "$dest" ] || die "$dest exists and is not from this installer; move it away and run install.sh again"
done

# What is made is listed as it is made; a failure half-way removes it again.
listing=$(mktemp "${TMPDIR:-/tmp}/mnist-gui-install.XXXXXX")
finished=no
cleanup() {
    if [ "$finished" != yes ]; then
        echo "mnist-gui install: failed; removing what was installed" >&2
        sh "$here/uninstall.sh" --quiet --manifest "$listing" || true
    fi
    rm -f "$listing"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# mkdir -p that lists each folder it creates ("d PATH"), so that uninstall removes exactly those.
make_dir() {
    missing=
    dir=$1
    while [ ! -d "$dir" ]; do
        missing="$dir
$missing"
        dir=$(dirname "$dir")
    done
    printf '%s' "$missing" | while IFS= read -r dir; do
        [ -n "$dir" ] || continue
        mkdir "$dir"
        printf 'd %s\n' "$dir" >>"$listing"
    done
}

# Copies a file to its place ("f PATH").
put() {
    make_dir "$(dirname "$2")"
    cp "$1" "$2"
    chmod 644 "$2"
    printf 'f %s\n' "$2" >>"$listing"
}

# One argument of a desktop entry's Exec key: quoted if needed, then the key's string escapes.
exec_arg() {
    case $1 in
        *[!A-Za-z0-9/._+@-]*)
            quoted=$(printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g')
            printf '"%s"' "$quoted" | sed -e 's/\\/\\\\/g' ;;
        *) printf '%s' "$1" ;;
    esac
}

# The app folder ("t PATH": a tree, removed whole) with uninstall.sh inside.
make_dir "$app_dir"
printf 't %s\n' "$app_dir" >>"$listing"
cp -R "$here/app/." "$app_dir/"
cp "$here/uninstall.sh" "$app_dir/uninstall.sh"
chmod 755 "$app_dir/uninstall.sh"

# The command: a script, not a symlink, so that the app finds its folder whatever calls it.
make_dir "$bin_dir"
quoted_exe=$(printf '%s' "$app_dir/mnist-gui" | sed "s/'/'\\\\''/g")
printf '#!/bin/sh\n# mnist-gui %s, installed by install.sh; to uninstall: %s/uninstall.sh\nexec '\''%s'\'' "$@"\n' \
    "$version" "$app_dir" "$quoted_exe" >"$launcher"
chmod 755 "$launcher"
printf 'f %s\n' "$launcher" >>"$listing"

# The menu entry runs the launcher by its full path: ~/.local/bin is not on every session's PATH.
make_dir "$(dirname "$desktop")"
exec_value=$(exec_arg "$launcher")
try_exec=$(printf '%s' "$launcher" | sed -e 's/\\/\\\\/g')
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        Exec=*) printf 'Exec=%s %%F\n' "$exec_value" ;;
        TryExec=*) printf 'TryExec=%s\n' "$try_exec" ;;
        "# install.sh writes"*) ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$here/mnist-gui.desktop" >"$desktop"
chmod 644 "$desktop"
printf 'f %s\n' "$desktop" >>"$listing"

for icon in $icons; do
    put "$here/icons/$icon" "$data_home/icons/$(dirname "$icon")/mnist-gui.${icon##*.}"
done
put "$here/io.github.mnist_gui.metainfo.xml" "$metainfo"
put "$here/io.github.mnist_gui.xml" "$mime_xml"

# The desktop's caches, with whichever tools this system has (none is required).
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data_home/applications" || true
fi
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data_home/mime" >/dev/null 2>&1 || true
fi
# An icon cache only where one exists already (a stale one would hide the new icon); without a
# cache the theme's folder is read directly.
if [ -f "$data_home/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$data_home/icons/hicolor" || true
fi
touch "$data_home/icons/hicolor"

mv "$listing" "$manifest"
chmod 644 "$manifest"
finished=yes

echo "Installed mnist-gui $version for $(id -un 2>/dev/null || echo this user):"
echo "  the app:      $app_dir"
echo "  the command:  $launcher"
echo "  the menu:     MNIST Digits (Education, Science); .keras and .h5 models open with it"
case ":${PATH:-}:" in
    *":$bin_dir:"*) ;;
    *) echo "  note: $bin_dir is not on your PATH; the menu entry works without it" ;;
esac
echo "To uninstall: $app_dir/uninstall.sh"
