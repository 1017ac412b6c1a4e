"""Synthetic photos of real MNIST test digits for the image tests: ink on paper (or chalk on a
board) with a lighting gradient, a shadow, noise, blur, slight rotation, then JPEG."""

import io

import numpy as np
from PIL import Image, ImageFilter


def compose_row(digits, rng, touching=False, scale=6):
    """MNIST digits (28×28 white on black) side by side, drawn ``scale``× large, random gaps
    (``touching``: the first two overlap so their strokes meet). Returns (ink 0..1, true boxes)."""
    cells = []
    for d in digits:
        cols = np.flatnonzero(d.max(axis=0) > 30)
        cells.append(d[:, cols[0]:cols[-1] + 1].astype(np.float32) / 255.0)
    gaps = [int(rng.integers(3, 9)) for _ in cells[1:]]
    if touching and len(cells) > 1:
        gaps[0] = -2
    width = sum(c.shape[1] for c in cells) + sum(gaps) + 16
    row = np.zeros((44, width), dtype=np.float32)
    x = 8
    for i, cell in enumerate(cells):
        row[8:36, x:x + cell.shape[1]] = np.maximum(row[8:36, x:x + cell.shape[1]], cell)
        x += cell.shape[1] + (gaps[i] if i < len(gaps) else 0)
    big = Image.fromarray((row * 255).astype(np.uint8)).resize((width * scale, 44 * scale), Image.BICUBIC)
    return np.asarray(big, dtype=np.float32) / 255.0


def photo(ink, rng, chalk=False, quality=None):
    """A grey 'photo' (uint8) of ``ink`` (0..1) with uneven light, a shadow, noise, blur, rotation."""
    h, w = ink.shape
    pad = int(0.3 * max(h, w))
    canvas = np.zeros((h + 2 * pad, w + 2 * pad), dtype=np.float32)
    canvas[pad:pad + h, pad:pad + w] = ink
    angle = float(rng.uniform(-8, 8))
    canvas = np.asarray(Image.fromarray(canvas, mode="F").rotate(angle, Image.BILINEAR), dtype=np.float32)
    H, W = canvas.shape
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    direction = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(direction) * xx / W + np.sin(direction) * yy / H)
    light = 1.0 + rng.uniform(0.2, 0.45) * (ramp - ramp.mean())
    if rng.random() < 0.7:  # a soft shadow across part of the page
        edge = rng.uniform(0.2, 0.8) * W
        light = light * (1 - rng.uniform(0.2, 0.4) / (1 + np.exp(-(xx - edge) / (0.05 * W))))
    if chalk:
        board, chalk_level = rng.uniform(40, 70), rng.uniform(170, 220)
        img = (board + (chalk_level - board) * canvas) * light
    else:
        paper, ink_level = rng.uniform(190, 235), rng.uniform(20, 70)
        img = (paper + (ink_level - paper) * canvas) * light
    texture = np.asarray(Image.fromarray(rng.normal(0, 1, (H // 4 + 1, W // 4 + 1)).astype(np.float32), mode="F")
                         .resize((W, H), Image.BILINEAR))
    img = img + 4 * texture + rng.normal(0, rng.uniform(3, 9), img.shape)
    out = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(float(rng.uniform(0.5, 1.6))))
    buffer = io.BytesIO()
    out.save(buffer, "JPEG", quality=int(quality or rng.integers(60, 90)))
    return buffer.getvalue()
