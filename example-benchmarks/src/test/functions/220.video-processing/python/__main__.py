"""220.video-processing: downloads a video and runs ffmpeg on it, then uploads the result.

Operations, as SeBS's: "watermark" overlays a mark on the first `duration` seconds, "extract-gif" turns them into an
animated GIF. The mark is a half-transparent square that ffmpeg generates itself, so the function ships no image.
Storage goes through storage.py, the helper that openwhisk-storage adds to the package (SeBS ships one alike).
Times in the result are microseconds, as SeBS reports them.
"""

import os
import shutil
import subprocess
import tempfile
import time

import storage

# is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
_fresh_process = True

OPERATIONS = {
    "watermark": ("mp4", lambda source, duration, target: [
        "-i", source, "-f", "lavfi", "-i", "color=c=white@0.5:s=64x64,format=rgba", "-t", str(duration),
        "-filter_complex", "[0:v][1:v]overlay=16:16:shortest=1", "-an", "-pix_fmt", "yuv420p", target]),
    "extract-gif": ("gif", lambda source, duration, target: [
        "-i", source, "-t", str(duration), "-vf", "fps=10,scale=320:-1:flags=lanczos", target]),
}


def micros(start_ns, end_ns):
    return (end_ns - start_ns) // 1000


def main(args):
    global _fresh_process
    begin = time.time()
    storage.bind(args)
    bucket = args["bucket"]["bucket"]
    key = args["object"]["key"]
    operation = args["object"]["op"]
    duration = float(args["object"]["duration"])
    if operation not in OPERATIONS:
        raise ValueError("220.video-processing has no operation %r; operations: %s" % (operation, sorted(OPERATIONS)))
    extension, command = OPERATIONS[operation]
    work = tempfile.mkdtemp(prefix="video-")
    try:
        source = os.path.join(work, os.path.basename(key))
        download_start = time.perf_counter_ns()
        storage.download(bucket, "%s/%s" % (args["bucket"]["input"], key), source)
        download_end = time.perf_counter_ns()

        target = os.path.join(work, "%s-%s.%s" % (os.path.splitext(os.path.basename(key))[0], operation, extension))
        ffmpeg = subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y"]
                                + command(source, duration, target), capture_output=True, timeout=120)
        if ffmpeg.returncode != 0:
            raise RuntimeError("ffmpeg failed with exit code %d: %s"
                               % (ffmpeg.returncode, ffmpeg.stderr.decode("utf-8", "replace")[-2000:]))
        compute_end = time.perf_counter_ns()

        output_key = "%s/%s" % (args["bucket"]["output"], storage.unique_name(os.path.basename(target)))
        storage.upload(bucket, output_key, target)
        upload_end = time.perf_counter_ns()
        download_size = os.path.getsize(source)
        upload_size = os.path.getsize(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    end = time.time()
    is_cold, _fresh_process = _fresh_process, False
    return {
        "result": {"bucket": bucket, "key": output_key},
        "measurement": {
            "download_time": micros(download_start, download_end),
            "download_size": download_size,
            "compute_time": micros(download_end, compute_end),
            "upload_time": micros(compute_end, upload_end),
            "upload_size": upload_size,
        },
        "begin": begin,
        "end": end,
        "is_cold": is_cold,
        "request_id": os.environ.get("__OW_ACTIVATION_ID", ""),
    }
