#!/bin/sh
# make_dist.sh APP_DIR OUT_DIR: the installable archive OUT_DIR/mnist-gui-VERSION-linux-ARCH.tar.gz
# from the packaged app folder (`make package`'s dist/mnist-gui/). `make dist` runs it.
#
# The archive holds one folder, mnist-gui-VERSION-linux-ARCH/: app/ (the packaged app), install.sh,
# uninstall.sh, the desktop entry, the metainfo, the MIME type, icons/hicolor/ and VERSION. The
# version is the app's own (`APP_DIR/mnist-gui --version`: pyproject.toml's, from its metadata).
set -eu

[ $# -eq 2 ] || { echo "usage: make_dist.sh APP_DIR OUT_DIR" >&2; exit 2; }
app=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)

die() {
    echo "make_dist.sh: $*" >&2
    exit 1
}

[ -x "$app/mnist-gui" ] || die "$app/mnist-gui is not there: build the app first (make package)"
version=$("$app/mnist-gui" --version | sed -n 's/^mnist-gui \([^ ]*\)$/\1/p')
[ -n "$version" ] || die "$app/mnist-gui --version printed no version"
case $version in *unknown*) die "the app does not know its version ($version): is its package metadata bundled?" ;; esac
release=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$here/io.github.mnist_gui.metainfo.xml" | head -n 1)
[ "$release" = "$version" ] || \
    die "the metainfo's newest <release> is $release, the app is $version: add a release to io.github.mnist_gui.metainfo.xml"

name=mnist-gui-$version-linux-$(uname -m)
mkdir -p "$out"
stage=$(mktemp -d "$out/.dist.XXXXXX")
trap 'rm -rf "$stage"' EXIT
root=$stage/$name
mkdir "$root"

# Hard links where the file system allows (no copy of a gigabyte), a copy otherwise.
cp -al "$app" "$root/app" 2>/dev/null || { rm -rf "$root/app"; cp -a "$app" "$root/app"; }
cp "$here/install.sh" "$here/uninstall.sh" "$root/"
chmod 755 "$root/install.sh" "$root/uninstall.sh"
cp "$here/mnist-gui.desktop" "$here/io.github.mnist_gui.metainfo.xml" "$here/io.github.mnist_gui.xml" "$root/"
mkdir "$root/icons"
cp -R "$here/icons/hicolor" "$root/icons/hicolor"
printf '%s\n' "$version" >"$root/VERSION"
cat >"$root/README.txt" <<EOF
mnist-gui $version for Linux ($(uname -m)): train and use a neural network on the MNIST digits.

Install for yourself (no root; under ~/.local):   ./install.sh
Then start "MNIST Digits" from the menu, or run:  ~/.local/bin/mnist-gui [MODEL.keras]
Uninstall:                                        ~/.local/share/mnist-gui/app/uninstall.sh
Without installing:                               ./app/mnist-gui
EOF

tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$stage/$name.tar.gz" "$name"
mv "$stage/$name.tar.gz" "$out/$name.tar.gz"
echo "$out/$name.tar.gz"
