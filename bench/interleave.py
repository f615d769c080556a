#!/usr/bin/env python3
"""Times several commands in interleaved rounds and prints each median and its ratio to the first command.

Each round runs every command once, in a random order, so that drift of a noisy machine (other jobs, CPU
frequency) falls on all commands alike; hyperfine runs one command's runs after another's. Three warm-up runs of
each command come first. Output of the commands is discarded.

Usage: bench/interleave.py ROUNDS "COMMAND" "COMMAND" ...
Example (warm runs of two published runners against a hello world):
  bench/interleave.py 60 "dotnet hello/out/hello.dll" "dotnet a/buildkite-dsl.dll run pipeline.csx" "dotnet b/buildkite-dsl.dll run pipeline.csx"
"""
import random
import shlex
import statistics
import subprocess
import sys
import time


def run(command):
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def main(argv):
    if len(argv) < 3 or not argv[1].isdigit():
        sys.exit(__doc__)
    rounds = int(argv[1])
    commands = [shlex.split(c) for c in argv[2:]]
    times = [[] for _ in commands]
    for command in commands:
        for _ in range(3):
            run(command)
    for _ in range(rounds):
        for index in random.sample(range(len(commands)), len(commands)):
            start = time.perf_counter()
            run(commands[index])
            times[index].append((time.perf_counter() - start) * 1000)
    base = statistics.median(times[0])
    for text, samples in zip(argv[2:], times):
        median = statistics.median(samples)
        print(f"{median:8.1f} ms  {median / base:6.3f}x  {text}")


if __name__ == "__main__":
    main(sys.argv)
