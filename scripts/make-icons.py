#!/usr/bin/env python3
"""Draws the installable app's icons (a white map pin on the theme's blue, #0d47a1) as PNG, with the standard
library only: wwwroot/icons/icon-192.png, icon-512.png (rounded square), icon-maskable-512.png (full bleed, the pin
inside the 80 % safe zone) and badge-72.png (the pin alone, for Android's status bar).

usage: python3 scripts/make-icons.py
"""
import struct, zlib
from pathlib import Path

BLUE = (0x0D, 0x47, 0xA1)
WHITE = (0xFF, 0xFF, 0xFF)
OUT = Path(__file__).resolve().parent.parent / 'HauGiang.Portal' / 'wwwroot' / 'icons'
SAMPLES = 4  # per axis: 16 samples a pixel for smooth edges


def pin(x, y, scale):
    """1 inside the pin (a circle with a hole, and a point below), in unit coordinates around (0.5, 0.5)."""
    x, y = 0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale
    cx, cy, r = 0.5, 0.40, 0.24
    d2 = (x - cx) ** 2 + (y - cy) ** 2
    if d2 <= 0.095 ** 2:
        return False
    if d2 <= r * r:
        return True
    # The point: a triangle from the circle's lower flanks to the tip.
    top, tip, half = 0.50, 0.86, 0.215
    if top <= y <= tip:
        return abs(x - cx) <= half * (tip - y) / (tip - top)
    return False


def rounded_square(x, y, radius=0.18):
    dx = max(radius - x, 0, x - (1 - radius))
    dy = max(radius - y, 0, y - (1 - radius))
    return dx * dx + dy * dy <= radius * radius


def draw(size, background, scale):
    rows = []
    n = SAMPLES * SAMPLES
    for py in range(size):
        row = bytearray([0])  # PNG filter: none
        for px in range(size):
            bg = fg = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) / size
                    y = (py + (sy + 0.5) / SAMPLES) / size
                    inside = background(x, y)
                    if pin(x, y, scale):
                        fg += 1
                    elif inside:
                        bg += 1
            alpha = (fg + bg) / n
            if alpha == 0:
                row += bytes(4)
                continue
            mix = fg / (fg + bg)
            colour = [round(b + (w - b) * mix) for b, w in zip(BLUE, WHITE)]
            row += bytes(colour + [round(alpha * 255)])
        rows.append(bytes(row))
    return png(size, b''.join(rows))


def badge(size):
    rows = []
    n = SAMPLES * SAMPLES
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            fg = sum(pin((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, 1.05)
                     for sy in range(SAMPLES) for sx in range(SAMPLES))
            row += bytes(WHITE + (round(fg / n * 255),))
        rows.append(bytes(row))
    return png(size, b''.join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')


if __name__ == '__main__':
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / 'icon-192.png').write_bytes(draw(192, rounded_square, 1.0))
    (OUT / 'icon-512.png').write_bytes(draw(512, rounded_square, 1.0))
    (OUT / 'icon-maskable-512.png').write_bytes(draw(512, lambda x, y: True, 0.72))
    (OUT / 'badge-72.png').write_bytes(badge(72))
    for f in sorted(OUT.iterdir()):
        print(f.name, f.stat().st_size, 'bytes')
