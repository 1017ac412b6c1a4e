"""A picture of the handwriting styles (core/styles.py): two styles a row, each its name, its plain
template and a few of the generator's drawings as the Draw Pad would have them.

    python tools/styles_grid.py OUT.png [--per-style 5] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from PIL import Image, ImageDraw, ImageFont  # noqa: E402

TILE = 70  # the 140-px pad canvas, halved


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--per-style", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)  # a picture, not training data
    args = parser.parse_args()

    from mnist_gui.core.drawn import Style, draw_strokes
    from mnist_gui.core.styles import STYLE_NAMES, TRAIN_STYLE, style_strokes

    rng = np.random.default_rng(args.seed)
    plain = Style(rotation=0.0, shear=0.0, jitter=0.0, aspect=0.0, height=(0.85, 0.85), pen=(0.05, 0.05))
    label_w, cols = 178, 2
    block_w = label_w + (1 + args.per_style) * (TILE + 2) + 16
    rows = (len(STYLE_NAMES) + cols - 1) // cols
    sheet = Image.new("L", (cols * block_w, rows * (TILE + 2)), 40)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=15) if hasattr(ImageFont, "load_default") else None
    for i, name in enumerate(STYLE_NAMES):
        x0, y0 = (i % cols) * block_w, (i // cols) * (TILE + 2)
        draw.text((x0 + 6, y0 + TILE // 2 - 8), name, fill=230, font=font)
        tiles = [draw_strokes(style_strokes(name), rng, plain)]
        tiles += [draw_strokes(style_strokes(name, rng), rng, TRAIN_STYLE) for _ in range(args.per_style)]
        for j, tile in enumerate(tiles):
            img = Image.fromarray(tile).resize((TILE, TILE), Image.Resampling.BOX)
            sheet.paste(img, (x0 + label_w + j * (TILE + 2), y0))
    sheet.save(args.out)
    print(f"saved {args.out} ({len(STYLE_NAMES)} styles)")


if __name__ == "__main__":
    main()
