#!/usr/bin/env python3
"""Where a benchmark's CPU time or allocation goes, from a JFR recording. Python 3 standard library only.

Record with JMH's JFR profiler, export the events as JSON with the JDK's jfr tool, then aggregate:

    java -jar petition-benchmarks/target/benchmarks.jar 'HotPathBenchmark.sign$' -p size=10000 -f 1 \
        -prof "jfr:dir=/tmp/jfr-sign;stackDepth=96" ...
    jfr print --json --stack-depth 200 --events jdk.ExecutionSample /tmp/jfr-sign/*/profile.jfr > cpu.json
    jfr print --json --stack-depth 200 --events jdk.ObjectAllocationSample /tmp/jfr-sign/*/profile.jfr > alloc.json
    python3 petition-benchmarks/profile.py cpu.json
    python3 petition-benchmarks/profile.py alloc.json

Each sample is charged to the innermost frame of the library (org.petition, outside the benchmarks), with
the call it made from there (and for allocations the class allocated): "which library step costs what".
CPU samples count once each; allocation samples by their weight (JFR's estimate of the bytes they stand
for). Only samples of JMH's benchmark threads (name containing "jmh-worker") are counted, unless --thread
says otherwise; --exclude drops the benchmark's own setup and teardown, which run on those threads too
(for HotPathBenchmark: --exclude LibraryFixture.presign --exclude purgePending and the others listed in
results/profile-*.txt). Note `jfr print` cuts stacks at 5 frames unless given --stack-depth.
"""

import argparse
import collections
import json


def frame_name(frame):
    return frame["method"]["type"]["name"].replace("/", ".") + "." + frame["method"]["name"]


def is_library(name):
    return name.startswith("org.petition.") and not name.startswith("org.petition.benchmarks.")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("json", help="output of jfr print --json --stack-depth 200 --events ...")
    parser.add_argument("--thread", default="jmh-worker", help="count only threads whose name contains this")
    parser.add_argument("--top", type=int, default=15, help="library frames to show")
    parser.add_argument("--calls", type=int, default=4, help="calls to show under each library frame")
    parser.add_argument("--exclude", action="append", default=[],
                        help="drop samples with a frame containing this text (repeatable), such as the "
                             "benchmark's own setup: --exclude LibraryFixture --exclude purgePending")
    args = parser.parse_args()

    with open(args.json, encoding="utf-8") as f:
        events = json.load(f)["recording"]["events"]
    by_frame = collections.Counter()
    by_call = collections.defaultdict(collections.Counter)
    total = 0
    kinds = set()
    for event in events:
        values = event["values"]
        kinds.add(event["type"])
        thread = values.get("sampledThread") or values.get("eventThread") or {}
        if args.thread not in (thread.get("javaName") or ""):
            continue
        stack = values.get("stackTrace")
        if not stack:
            continue
        allocation = "objectClass" in values
        weight = values.get("weight", 0) if allocation else 1
        names = [frame_name(f) for f in stack["frames"]]
        if any(x in n for x in args.exclude for n in names):
            continue
        index = next((i for i, n in enumerate(names) if is_library(n)), None)
        frame = names[index] if index is not None else "(outside the library: harness, JMH, JDK)"
        call = names[index - 1] if index else "(itself)"
        if allocation:
            call += " <" + values["objectClass"]["name"].replace("/", ".") + ">"
        total += weight
        by_frame[frame] += weight
        by_call[frame][call] += weight

    unit = "bytes (estimated)" if any("Allocation" in k for k in kinds) else "samples"
    print(f"{total:,} {unit} in threads matching {args.thread!r}; events: {', '.join(sorted(kinds))}")
    for frame, weight in by_frame.most_common(args.top):
        print(f"{100 * weight / total:5.1f}%  {frame}")
        for call, w in by_call[frame].most_common(args.calls):
            print(f"          {100 * w / total:5.1f}%  {call}")


if __name__ == "__main__":
    main()
