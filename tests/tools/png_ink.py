# SPDX-License-Identifier: MIT
"""Pixels of a PNG screenshot, without third-party modules (zlib only).

  png_ink.py A.png            -> prints the share of non-white pixels (ink)
  png_ink.py A.png B.png      -> prints the share of pixels that differ
Handles 8-bit RGB and RGBA, non-interlaced (what headless Chromium writes)."""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit("%s: not a PNG" % path)
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise SystemExit("%s: unsupported PNG layout" % path)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    out, prev = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.append(bytes(line))
        prev = line
    return width, height, bpp, out


def main(argv):
    w, h, bpp, a = pixels(argv[1])
    if len(argv) == 2:
        ink = sum(1 for row in a for x in range(0, len(row), bpp) if row[x:x + 3] != b"\xff\xff\xff")
        print("%.5f" % (ink / float(w * h)))
        return
    w2, h2, bpp2, b = pixels(argv[2])
    if (w, h) != (w2, h2):
        print("1.00000")
        return
    diff = sum(1 for ra, rb in zip(a, b) for x in range(w)
               if ra[x * bpp:x * bpp + 3] != rb[x * bpp2:x * bpp2 + 3])
    print("%.5f" % (diff / float(w * h)))


if __name__ == "__main__":
    main(sys.argv)
