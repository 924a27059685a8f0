"""504.dna-visualisation: downloads a FASTA file, walks its sequence as a squiggle-style 2D line, uploads the line.

The walk (docs/suite.md) starts at (0, 0); base number i (from 0) adds the points (i + 1/2, h + r) and (i + 1, h + s)
where h is the height before the base: A rises and returns (r = 1/2, s = 0), C dips and returns (-1/2, 0), G steps
up (1/2, 1), T steps down (-1/2, -1), any other letter stays level (0, 0). Header lines (">...") are skipped and
lower-case letters count as upper-case. The result is uploaded as JSON, [[x0, x1, ...], [y0, y1, ...]], with every
coordinate an integer or an integer and a half. Storage, timings and the result shape come from sebs.py, the suite's
shared harness.
"""

import array
import os
import tempfile
import time

import sebs

# Per base: twice the rise of the middle point and twice the change of height, so all arithmetic stays integral.
_STEPS = {"A": (1, 0), "C": (-1, 0), "G": (1, 2), "T": (-1, -2)}
_CHUNK = 1 << 16


def sequence_of(path):
    """The bases of a FASTA file, upper-case, without header lines and line breaks."""
    parts = []
    with open(path, "r", encoding="ascii", errors="replace") as fasta:
        for line in fasta:
            if not line.startswith(">"):
                parts.append(line.strip())
    return "".join(parts).upper()


def walk(sequence):
    """Twice the y coordinate of every point of the walk (2 * len(sequence) + 1 of them); x is half the index."""
    heights = array.array("q", [0])
    height = 0
    level = (0, 0)
    for base in sequence:
        rise, step = _STEPS.get(base, level)
        heights.append(height + rise)
        height += step
        heights.append(height)
    return heights


def number(twice):
    """twice / 2 as JSON: an integer, or an integer and a half."""
    if twice % 2 == 0:
        return str(twice // 2)
    return ("-%d.5" if twice < 0 else "%d.5") % (abs(twice) // 2)


def write_json(heights, path):
    """Writes [[x...], [y...]] to path; returns its size in bytes."""
    with open(path, "w", encoding="ascii") as out:
        out.write("[[")
        for start in range(0, len(heights), _CHUNK):
            out.write(("," if start else "") + ",".join(number(i) for i in range(start, min(start + _CHUNK,
                                                                                                len(heights)))))
        out.write("],[")
        for start in range(0, len(heights), _CHUNK):
            out.write(("," if start else "") + ",".join(number(t) for t in heights[start:start + _CHUNK]))
        out.write("]]")
    return os.path.getsize(path)


def main(args):
    begin = time.time()
    buckets = sebs.Buckets(args)
    key = args["object"]["key"]
    with tempfile.TemporaryDirectory(prefix="dna-") as work:
        source = os.path.join(work, os.path.basename(key))
        measurement = sebs.Measurement()
        measurement.phase("download", buckets.download(key, source))

        heights = walk(sequence_of(source))
        target = os.path.join(work, os.path.splitext(os.path.basename(key))[0] + ".json")
        upload_size = write_json(heights, target)
        measurement.phase("compute")

        output_key = buckets.upload(target)
        measurement.phase("upload", upload_size)
    measurement["points"] = len(heights)
    return sebs.output({"bucket": buckets.bucket, "key": output_key}, begin, measurement)
