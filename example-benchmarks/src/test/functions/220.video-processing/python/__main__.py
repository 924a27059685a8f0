"""220.video-processing: downloads a video and runs ffmpeg on it, then uploads the result.

Operations, as SeBS's: "watermark" overlays a mark on the first `duration` seconds, "extract-gif" turns them into an
animated GIF. The mark is a half-transparent square that ffmpeg generates itself, so the function ships no image.
Storage, timings and the result shape come from sebs.py, the suite's shared harness.
"""

import os
import subprocess
import tempfile
import time

import sebs

OPERATIONS = {
    "watermark": ("mp4", lambda source, duration, target: [
        "-i", source, "-f", "lavfi", "-i", "color=c=white@0.5:s=64x64,format=rgba", "-t", str(duration),
        "-filter_complex", "[0:v][1:v]overlay=16:16:shortest=1", "-an", "-pix_fmt", "yuv420p", target]),
    "extract-gif": ("gif", lambda source, duration, target: [
        "-i", source, "-t", str(duration), "-vf", "fps=10,scale=320:-1:flags=lanczos", target]),
}


def main(args):
    begin = time.time()
    buckets = sebs.Buckets(args)
    key = args["object"]["key"]
    operation = args["object"]["op"]
    duration = float(args["object"]["duration"])
    if operation not in OPERATIONS:
        raise ValueError("220.video-processing has no operation %r; operations: %s" % (operation, sorted(OPERATIONS)))
    extension, command = OPERATIONS[operation]
    with tempfile.TemporaryDirectory(prefix="video-") as work:
        source = os.path.join(work, os.path.basename(key))
        measurement = sebs.Measurement()
        measurement.phase("download", buckets.download(key, source))

        target = os.path.join(work, "%s-%s.%s" % (os.path.splitext(os.path.basename(key))[0], operation, extension))
        ffmpeg = subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y"]
                                + command(source, duration, target), capture_output=True, timeout=120)
        if ffmpeg.returncode != 0:
            raise RuntimeError("ffmpeg failed with exit code %d: %s"
                               % (ffmpeg.returncode, ffmpeg.stderr.decode("utf-8", "replace")[-2000:]))
        measurement.phase("compute")

        output_key = buckets.upload(target)
        measurement.phase("upload", os.path.getsize(target))
    return sebs.output({"bucket": buckets.bucket, "key": output_key}, begin, measurement)
