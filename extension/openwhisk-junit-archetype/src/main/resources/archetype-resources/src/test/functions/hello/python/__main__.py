"""A greeting, with begin and end (epoch seconds) around the work: the extension reports end - begin as
benchmarkTimeUs."""
import time


def main(args):
    begin = time.time()
    greeting = "Hello, {}!".format(args.get("name", "world"))
    return {"greeting": greeting, "begin": begin, "end": time.time()}
