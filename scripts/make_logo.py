#!/usr/bin/env python3
"""make_logo.py OUT.png - draws the sample organisation's logo (Dynamo's
honeycomb: ten hexagon outlines in honey, on a transparent background) as
an RGBA PNG.  Run once; input/logo.png is its output, committed.  Only the
standard library: each pixel's alpha is how near it lies to an outline
(anti-aliased over one pixel)."""
import math
import struct
import sys
import zlib

SCALE = 4.0                      # pixels per point
RADIUS, LINE = 18.0, 1.4         # points
COLOUR = (0x9A, 0x6B, 0x00)

# Hexagon centres in points: four columns, right to left, of 4, 3, 2 and 1.
centres = [(-27.0 * j, -31.18 * i - 15.59 * (j % 2)) for j in range(4) for i in range(4 - j)]
corners = [(math.cos(math.pi * k / 3), math.sin(math.pi * k / 3)) for k in range(7)]
segments = []
for cx, cy in centres:
    for k in range(6):
        segments.append((cx + RADIUS * corners[k][0], cy + RADIUS * corners[k][1],
                         cx + RADIUS * corners[k + 1][0], cy + RADIUS * corners[k + 1][1]))

pad = RADIUS + LINE
x0 = min(c[0] for c in centres) - pad
x1 = max(c[0] for c in centres) + pad
y0 = min(c[1] for c in centres) - pad
y1 = max(c[1] for c in centres) + pad
width, height = int((x1 - x0) * SCALE), int((y1 - y0) * SCALE)


def distance(px, py, s):
    ax, ay, bx, by = s
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


rows = []
half = LINE / 2 * SCALE
for row in range(height):
    py = y1 - (row + 0.5) / SCALE            # image rows go down, y goes up
    near = [s for s in segments if min(s[1], s[3]) - 2 < py < max(s[1], s[3]) + 2]
    line = bytearray([0])                    # PNG filter: none
    for col in range(width):
        px = x0 + (col + 0.5) / SCALE
        d = min((distance(px, py, s) for s in near), default=99.0) * SCALE
        alpha = max(0.0, min(1.0, half + 0.5 - d))
        line += bytes(COLOUR) + bytes([int(round(alpha * 255))])
    rows.append(bytes(line))


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


png = (b"\x89PNG\r\n\x1a\n"
       + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
       + chunk(b"IEND", b""))
with open(sys.argv[1], "wb") as f:
    f.write(png)
