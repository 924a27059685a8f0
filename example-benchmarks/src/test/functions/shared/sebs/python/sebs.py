"""The harness that the suite's Python functions share, as SeBS shares its wrapper: SeBS's result shape, phase
timings in microseconds and the `bucket` parameter of the functions that use object storage. The test classes add
this file to each function's package (SharedFunctionFiles in example-benchmarks).
"""

import os
import time

# is_cold: true for the first activation this process serves. A module-level flag rather than SeBS's cold_run marker
# file, because the embedded OpenWhisk runs every container as a local process sharing one /tmp.
_fresh_process = True


def output(result, begin, measurement=None, end=None):
    """SeBS's shape: {result, measurement, begin, end, is_cold, request_id}; end (epoch seconds) defaults to now."""
    global _fresh_process
    is_cold, _fresh_process = _fresh_process, False
    answer = {"result": result}
    if measurement is not None:
        answer["measurement"] = measurement
    answer.update(begin=begin, end=time.time() if end is None else end, is_cold=is_cold,
                  request_id=os.environ.get("__OW_ACTIVATION_ID", ""))
    return answer


class Measurement(dict):
    """SeBS's `measurement` of consecutive phases: phase(name) records `<name>_time`, the microseconds since the
    previous phase ended (or since the measurement was made), and with a size also `<name>_size` in bytes."""

    def __init__(self):
        super().__init__()
        self._mark = time.perf_counter_ns()

    def phase(self, name, size=None):
        now = time.perf_counter_ns()
        self[name + "_time"], self._mark = (now - self._mark) // 1000, now
        if size is not None:
            self[name + "_size"] = size


class Buckets:
    """SeBS's `bucket` parameter ({bucket, input, output} prefixes) over storage.py, bound to the invocation's storage.

    storage.py is the helper that openwhisk-storage adds to the packages of functions that declare storage.
    """

    def __init__(self, args):
        import storage

        storage.bind(args)
        self._storage = storage
        self.bucket = args["bucket"]["bucket"]
        self.input = args["bucket"].get("input")
        self.output = args["bucket"]["output"]

    def input_key(self, key):
        return "%s/%s" % (self.input, key)

    def download(self, key, path):
        """Writes input object key to the file path; returns its size in bytes."""
        return self._storage.download(self.bucket, self.input_key(key), path)

    def download_bytes(self, key):
        return self._storage.download_bytes(self.bucket, self.input_key(key))

    def upload(self, path, name=None):
        """Uploads the file path as an output object named after name (default: the file's name); returns its key."""
        key = self._output_key(name or os.path.basename(path))
        self._storage.upload(self.bucket, key, path)
        return key

    def upload_bytes(self, name, data):
        key = self._output_key(name)
        self._storage.upload_bytes(self.bucket, key, data)
        return key

    def _output_key(self, name):
        """SeBS's output naming: <output prefix>/<name>.<8 hex>.<extension>."""
        return "%s/%s" % (self.output, self._storage.unique_name(name))
