#!/usr/bin/env python3
"""Top frames of a JFR recording's CPU samples: self (the sampled frame) and total (anywhere on the stack).

Usage: bench/jfr-top.py RECORDING.jfr [TOP] [THREAD_PREFIX ...]
The total table lists the platform's own methods (dev.atelier.*), where the time of a library call is charged.
Reads `jfr print --events jdk.ExecutionSample --stack-depth 64`; with thread prefixes, counts only threads whose name
starts with one of them. Also prints the samples per thread group (name up to its first digit or dash-number)."""
import collections, re, subprocess, sys

recording = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
prefixes = sys.argv[3:]
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                      capture_output=True, text=True, check=True).stdout
self_counts, total_counts, threads = collections.Counter(), collections.Counter(), collections.Counter()
samples = 0
for event in text.split("jdk.ExecutionSample {")[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    name = thread.group(1) if thread else "?"
    if prefixes and not any(name.startswith(p) for p in prefixes):
        continue
    frames = [re.sub(r"\(.*", "", line.strip()) for line in event.split("stackTrace = [")[1].split("\n")[1:]
              if line.strip() and line.strip() not in ("]", "...", "}")]
    if not frames:
        continue
    samples += 1
    threads[re.sub(r"[-#]?\d.*$", "", name)] += 1
    self_counts[frames[0]] += 1
    for frame in set(frames):
        total_counts[frame] += 1

def table(title, counts):
    print(f"\n{title} (of {samples} samples)")
    for frame, n in counts.most_common(top):
        print(f"{100.0 * n / samples:5.1f}%  {frame}")

table("Threads", threads)
table("Self", self_counts)
table("Total, the platform's own methods", collections.Counter(
    {frame: n for frame, n in total_counts.items() if frame.startswith("dev.atelier.")}))
