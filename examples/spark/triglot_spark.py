#!/usr/bin/env python3
"""Run Triglot over a JSONL file of article bundles with Apache Spark.

Every partition of the input is piped through ``triglot batch --jsonl --progress none`` on an executor. The tool
answers each non-blank input line with exactly one JSON line (the record, or the reason the bundle was rejected),
in input order; this driver checks that promise partition by partition and writes the answers as a JSONL output
directory (``part-00000``, ``part-00001``, ... in input order).

Unlike ``RDD.pipe``, a tool that exits with a non-zero status, is killed, answers too few or too many lines, or
answers them out of order fails the task, and so the job: records are never lost silently. Bad *input* (invalid
JSON, HTML instead of text, a bundle of four versions, ...) is not a failure: it comes back as an error record.

Usage::

    triglot_spark.py INPUT OUTPUT TRIGLOT [--partitions N] [--jobs J]

INPUT is a file, folder or glob of JSONL bundles (any path Spark reads: file://, hdfs://, s3a://, ...); OUTPUT is a
folder that must not exist yet. TRIGLOT is either

* the path of the ``triglot`` executable on the driver's file system: the driver ships it, alone, to the
  executors (its data files are compiled into it); or
* a relative path that is already on every executor, shipped with spark-submit ``--files`` or ``--archives``:
  it is looked up in the folder of files added to the Spark context, then in the executor's working directory.

Building the tool for a cluster
-------------------------------
The executable runs on the executors, so it must be built for their platform (same CPU architecture, a glibc no
newer than theirs; building in a container of the executors' image is the safe way). A debug build links the
Swift runtime dynamically from the toolchain folder (``/opt/swift/...``), which the executors do not have; build
the release with the Swift standard library linked in::

    swift build -c release --static-swift-stdlib
    # the tool, self-contained (its data files are compiled in): .build/release/triglot

The executors still need the system ICU and SQLite libraries and the C++ runtime (Debian 12: ``libicu72``, or
the ICU version the build machine had, ``libsqlite3-0`` and ``libstdc++6``); ``ldd .build/release/triglot`` lists
what the binary expects.

Running on a cluster
--------------------
With the driver on a machine that holds the build (client mode), give the executable's path; the driver ships it::

    spark-submit --master yarn --deploy-mode client \\
        examples/spark/triglot_spark.py hdfs:///corpus/bundles.jsonl hdfs:///corpus/records \\
        /opt/triglot/.build/release/triglot --partitions 400

In cluster mode the driver runs on the cluster, so ship the tool with spark-submit and name it by its file name::

    spark-submit --master yarn --deploy-mode cluster --files .build/release/triglot \\
        triglot_spark.py hdfs:///corpus/bundles.jsonl hdfs:///corpus/records triglot

Running locally
---------------
With ``pip install pyspark`` and Java 17 or newer, plain ``python3`` runs Spark in local mode (one worker thread per
core; set ``PYSPARK_SUBMIT_ARGS="--master local[4] pyspark-shell"`` to choose)::

    python3 examples/spark/triglot_spark.py bundles.jsonl /tmp/records .build/debug/triglot --partitions 4

Each line of the output is the tool's answer to one input line, ``{"id", "line", "status", "record" | "error"}``,
plus ``"partition"``, the Spark partition it went through: ``line`` counts the lines of that partition from 1,
blank lines included. On failure the driver prints the reason (for the tool: its exit status or signal, the
partition, and both ends of its standard error) on standard error and exits with status 1.
"""

import argparse
import collections
import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
import time

from pyspark import SparkFiles, StorageLevel, TaskContext
from pyspark.sql import SparkSession
from py4j.protocol import Py4JJavaError

# The tool's filter-mode command line; the executable's path is put in front of it.
FILTER_ARGUMENTS = ["batch", "--jsonl", "--progress", "none"]

# The bytes that make a line blank for the tool: it skips such lines without answering them.
BLANK_BYTES = b" \t\r"

# How much of the tool's standard error is kept to explain a failure: this many bytes of its start, as many of its end.
STDERR_DIGEST_BYTES = 2048

# How long to wait for the thread feeding the tool once the tool has ended.
FEEDER_JOIN_SECONDS = 60


class TriglotTaskError(RuntimeError):
    """The tool failed on a partition, or its output broke the one-answer-per-line promise.

    Its message is a single line, so that the driver can quote it from the job's failure report.
    """


class _StderrDigest(threading.Thread):
    """Drains a pipe to its end, keeping only its first and last bytes.

    The tool's standard error must be read while it runs: a full pipe would block it. A crash report starts with
    its cause and ends with the last words of the run, so both ends are kept.
    """

    def __init__(self, stream, limit=STDERR_DIGEST_BYTES):
        super().__init__(name="triglot-stderr", daemon=True)
        self._stream = stream
        self._limit = limit
        self._head = bytearray()
        self._tail = bytearray()
        self._dropped = False

    def run(self):
        for block in iter(lambda: self._stream.read1(65536), b""):
            room = max(0, self._limit - len(self._head))
            self._head += block[:room]
            self._tail += block[room:]
            if len(self._tail) > self._limit:
                del self._tail[: len(self._tail) - self._limit]
                self._dropped = True

    def text(self):
        """The kept bytes as one line of text."""
        def line(data):
            text = data.decode("utf-8", errors="replace")
            return " | ".join(part.strip() for part in text.splitlines() if part.strip())
        parts = [line(self._head), "..." if self._dropped else "", line(self._tail)]
        return " ".join(part for part in parts if part) or "(empty)"


class _Feeder(threading.Thread):
    """Writes a partition's lines to the tool's standard input, then closes it.

    Runs beside the thread reading the tool's answers, so neither pipe can fill up and block the other side: lines
    are streamed through, never held. Before writing a line it records the line's number if the tool owes an
    answer for it, so the reader always knows which line the next answer must be for.
    """

    def __init__(self, lines, stdin):
        super().__init__(name="triglot-stdin", daemon=True)
        self._lines = lines
        self._stdin = stdin
        self.expected = collections.deque()  # numbers of the non-blank lines written and not answered yet
        self.sent = 0  # lines written, blank ones included
        self.finished = False  # every line written and the input closed
        self.error = None  # what stopped the feeding, other than the tool closing its input

    def run(self):
        try:
            for line in self._lines:
                data = line.encode("utf-8")
                if b"\n" in data:
                    raise ValueError(f"input line {self.sent + 1} of the partition holds a line feed")
                self.sent += 1
                if data.strip(BLANK_BYTES):
                    self.expected.append(self.sent)
                self._stdin.write(data + b"\n")
            self._stdin.close()
            self.finished = True
        except BrokenPipeError:
            pass  # the tool stopped reading: `finished` stays false, and its exit status may say why
        except BaseException as error:  # reported by the reading side, in the task
            self.error = error
        finally:
            try:
                self._stdin.close()
            except OSError:
                pass


def locate_executable(name):
    """The tool's executable on this executor, made executable if the copy lost its mode bits."""
    candidates = [SparkFiles.get(name), os.path.join(os.getcwd(), name)]
    for path in candidates:
        if os.path.isfile(path):
            if not os.access(path, os.X_OK):
                os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            return path
    raise TriglotTaskError(
        f"{name}: not found on {socket.gethostname()} (looked at {', '.join(candidates)}); give the driver the "
        "executable's path, or ship it with spark-submit --archives or --files")


def describe_exit(status):
    """The tool's exit status in words."""
    if status < 0:
        try:
            return f"was killed by signal {-status} ({signal.Signals(-status).name})"
        except ValueError:
            return f"was killed by signal {-status}"
    return f"exited with status {status}"


def filter_partition(index, lines, executable_name, jobs):
    """Pipes one partition through the tool; yields ``(status, reason, output line)`` per non-blank input line.

    Raises TriglotTaskError, failing the task, when the tool fails or its answers do not match the input one to one.
    """
    executable = locate_executable(executable_name)
    arguments = [executable, *FILTER_ARGUMENTS] + (["--jobs", str(jobs)] if jobs else [])
    process = subprocess.Popen(arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stderr = _StderrDigest(process.stderr)
    feeder = _Feeder(lines, process.stdin)
    stderr.start()
    feeder.start()

    context = TaskContext.get()
    attempt = context.attemptNumber() if context else 0
    received = 0

    def failure(problem):
        return TriglotTaskError(
            f"triglot {problem} (partition {index}, attempt {attempt}, host {socket.gethostname()}, "
            f"lines sent: {feeder.sent}, answers received: {received}); stderr: {stderr.text()}")

    try:
        for raw in process.stdout:
            received += 1
            if not feeder.expected:
                raise failure("wrote an answer for no input line")
            number = feeder.expected.popleft()
            try:
                answer = json.loads(raw)
            except ValueError:
                raise failure(f"wrote an answer that is not JSON for line {number}") from None
            if not isinstance(answer, dict) or answer.get("line") != number or answer.get("status") not in ("ok", "error"):
                raise failure(f"wrote an answer out of order or malformed where line {number} was due: {raw[:200]!r}")
            reason = None
            if answer["status"] == "error":
                reason = (answer.get("error") or {}).get("reason") or "unknown"
            answer["partition"] = index
            yield answer["status"], reason, json.dumps(answer, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

        status = process.wait()
        feeder.join(FEEDER_JOIN_SECONDS)
        stderr.join(FEEDER_JOIN_SECONDS)
        if feeder.error is not None:
            raise feeder.error  # the partition could not be read: its lines were not all sent
        if status != 0:
            raise failure(describe_exit(status))
        if not feeder.finished:
            raise failure(f"{describe_exit(status)} before reading all its input")
        if feeder.expected:
            raise failure(f"answered {received} of {received + len(feeder.expected)} non-blank lines")
    finally:
        # Whatever happened (including Spark closing this generator early), leave no process behind.
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description="Run `triglot batch --jsonl` over JSONL article bundles with Spark.")
    parser.add_argument("input", help="JSONL article bundles: a file, folder or glob Spark can read")
    parser.add_argument("output", help="the folder to write the records to (must not exist)")
    parser.add_argument("triglot", help="the triglot executable: a path the driver can read, or a relative path "
                                        "already shipped to the executors")
    parser.add_argument("--partitions", type=int, metavar="N",
                        help="split the input into N partitions, one tool process each (default: Spark's split)")
    parser.add_argument("--jobs", type=int, metavar="J",
                        help="articles each tool process handles at once (default: spark.task.cpus)")
    arguments = parser.parse_args(argv)
    if arguments.partitions is not None and arguments.partitions < 1:
        parser.error("--partitions must be at least 1")
    if arguments.jobs is not None and arguments.jobs < 1:
        parser.error("--jobs must be at least 1")
    return arguments


def ship_executable(context, path):
    """Ships the executable at `path` to the executors; returns the name to look up there.

    The executable alone is shipped: Triglot's data files are compiled into it. A path the driver cannot see is
    taken as already shipped, relative to the executors' files or working folder.
    """
    if not os.path.exists(path):
        if os.path.isabs(path) or "://" in path:
            raise SystemExit(f"triglot_spark: {path}: no such file on the driver (give a local path, or the "
                             "executable's name or path as shipped with spark-submit --files or --archives)")
        return path
    if not os.path.isfile(path):
        raise SystemExit(f"triglot_spark: {path}: not a file")
    path = os.path.abspath(path)
    context.addFile(path)
    return os.path.basename(path)


def job_failure(error):
    """The one-line reason a Spark job failed, preferring the tool's own failure report."""
    text = str(error)
    found = re.search(r"TriglotTaskError: (.*)", text)
    if found:
        return found.group(1).strip()
    java = getattr(error, "java_exception", None)
    if java is not None:
        # The root cause says the most ("Input path does not exist" rather than "Job aborted").
        while java.getCause() is not None and not java.getCause().equals(java):
            java = java.getCause()
        return str(java.toString())
    return text.strip().splitlines()[-1] if text.strip() else type(error).__name__


def main(argv=None):
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    started = time.monotonic()
    spark = (SparkSession.builder.appName("triglot")
             # Split the input on line feeds only, as the tool does (Hadoop also splits on lone carriage returns).
             .config("spark.hadoop.textinputformat.record.delimiter", "\n")
             .getOrCreate())
    context = spark.sparkContext
    context.setLogLevel("WARN")
    try:
        name = ship_executable(context, arguments.triglot)
        jobs = arguments.jobs or int(context.getConf().get("spark.task.cpus", "1"))
        counts, partitions = run_job(context, arguments.input, arguments.output, name, jobs, arguments.partitions)
    except Py4JJavaError as error:
        print(f"triglot_spark: job failed: {job_failure(error)}", file=sys.stderr)
        return 1
    finally:
        spark.stop()

    ok = counts.pop(("ok", None), 0)
    errors = sum(counts.values())
    detail = ", ".join(f"{reason}: {count}" for (_, reason), count in sorted(counts.items()))
    print(f"triglot_spark: {ok + errors} answers from {partitions} partitions, {time.monotonic() - started:.1f} s, "
          f"written to {arguments.output}")
    print(f"triglot_spark: {ok} records ok, {errors} errors" + (f" ({detail})" if detail else ""))
    return 0


def run_job(context, source, destination, name, jobs, partitions):
    """Filters `source` through the tool into the folder `destination`.

    Returns the number of answers per (status, error reason) and the number of partitions.
    """
    lines = context.textFile(source, partitions) if partitions else context.textFile(source)
    if partitions and lines.getNumPartitions() > partitions:
        lines = lines.coalesce(partitions)  # merges neighbouring partitions: the input order is kept
    answers = lines.mapPartitionsWithIndex(lambda index, part: filter_partition(index, part, name, jobs))
    # Kept once written, so that counting does not run the tool again.
    answers.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        answers.map(lambda answer: answer[2]).saveAsTextFile(destination)
        counts = answers.map(lambda answer: (answer[0], answer[1])).countByValue()
        return dict(counts), lines.getNumPartitions()
    finally:
        answers.unpersist()


if __name__ == "__main__":
    sys.exit(main())
