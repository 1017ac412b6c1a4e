"""Writes packaging/linux/icons/hicolor/SIZExSIZE/apps/mnist-gui.png from resources/icon.png (256 px).

The PNGs are committed (small); re-run after changing resources/icon.png:
    python packaging/linux/make_icons.py
Down-scaled with Lanczos; 512 px is the 256 px picture up-scaled (it is an enlarged 28x28 digit
already: nothing sharper to lose). The scalable icon, icons/hicolor/scalable/apps/mnist-gui.svg, is drawn by hand.
"""

from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "icon.png"
OUT = Path(__file__).resolve().parent / "icons" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def main() -> None:
    with Image.open(SOURCE) as source:
        icon = source.convert("RGBA")
    for size in SIZES:
        folder = OUT / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        picture = icon if size == icon.width else icon.resize((size, size), Image.Resampling.LANCZOS)
        picture.save(folder / "mnist-gui.png", optimize=True)
        print(folder / "mnist-gui.png")


if __name__ == "__main__":
    main()
