#!/usr/bin/env python3
"""whomet on Spark: extract on the executors, merge on the driver.

    spark-submit [--master ...] examples/spark/job.py INPUT... --out OUTDIR
        [--partitions 4] [--shards DIR] [--whomet PATH] [--extract-threads 1]
        [--pipe executor|rdd] [--min-confidence X] [--format graphml,dot,...]

Map stage: the articles are turned into JSON lines (`{"id", "text"}` for a .txt/.md file, the
line itself for a .jsonl file), range-partitioned in input order into --partitions partitions,
and each partition is piped through one `whomet extract -` process on an executor. The binary
reaches the executors with SparkContext.addFile (or spark-submit --files) and is found there
with SparkFiles.get. Extract keeps no state between articles, so any partitioning gives the same
shard lines.

Reduce stage: the shard lines come back to the driver partition by partition
(toLocalIterator, so the driver holds one partition at a time), are written as one shard file
per partition (shard-00000.jsonl, ...), and `whomet merge` builds the output directory from
them: byte-identical to `whomet build` on the same inputs (see below for the exceptions).

INPUT is, as for `whomet build`:
  - a local directory, walked recursively in sorted path order for .txt, .md and .jsonl files,
    or a local file (.jsonl: one article per line; anything else: one article). Local paths are
    listed on the driver and read on the executors, so they must be readable at the same path
    on every executor: Spark's local mode, or a shared file system.
  - a Hadoop URI (hdfs://..., s3a://..., file:/...): a file or a directory (read recursively
    with SparkContext.binaryFiles; .txt, .md and .jsonl files under a directory), ordered by path.

Differences from `whomet build` on the same files (all reported as warnings on the driver):
  - A .txt/.md file that is not valid UTF-8 is sent with each invalid sequence replaced by
    U+FFFD. whomet does the same replacement when it reads the file itself, but then maps
    offsets back to the original bytes; here the offsets count the 3-byte U+FFFD instead, so
    the offsets of evidence after the first invalid byte differ (evidence.csv, graph.json,
    report.html; the graph itself is the same). whomet's "invalid UTF-8 byte(s) replaced"
    diagnostic is not produced.
  - A .jsonl line that is not valid UTF-8 is sent with U+FFFD replacements, as whomet reads
    it (whomet reports it; here it is counted in a warning).
  - Diagnostics (skipped lines, duplicate ids) name `<stdin>:LINE` of an extract process, or
    the shard file, instead of the input file; they go to stderr and never into the output
    files.
  - Under a Hadoop URI, Hadoop skips files and directories whose names start with `_` or `.`;
    whomet reads them. A text file's id is, as for whomet, its path relative to the input
    directory without the extension (`sub/same`), as Hadoop spells the path.
"""

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path, PurePosixPath

ARTICLE_EXTS = (".txt", ".md", ".jsonl")


def has_ext(name: str, exts) -> bool:
    """Rust's Path::extension test: `name` ends with one of `exts` and is more than it (a file
    named just ".txt" has no extension)."""
    return name.endswith(exts) and name not in exts


def is_uri(s: str) -> bool:
    return "://" in s or s.startswith("file:")


def walk(root: str, out: list, seen: set) -> None:
    """Files under `root` in whomet's order: entries sorted by name (byte order), directories
    descended where they sort, .txt/.md/.jsonl files kept, symbolic-link loops skipped."""
    real = os.path.realpath(root)
    if real in seen:
        print(f"job.py: {root}: directory loop through a symbolic link: skipped", file=sys.stderr)
        return
    seen.add(real)
    try:
        names = sorted(os.listdir(os.fsencode(root)))
    except OSError as e:
        print(f"job.py: {root}: unreadable: {e}: skipped", file=sys.stderr)
        return
    for name in names:
        p = os.path.join(os.fsencode(root), name)
        if os.path.isdir(p):
            walk(os.fsdecode(p), out, seen)
        elif has_ext(os.fsdecode(name), ARTICLE_EXTS):
            out.append(os.fsdecode(p))


def doc_id(rel: str) -> str:
    """whomet's document id of a text file: its path relative to the input directory it was
    found in (or its name, for a file given itself), without the extension, `/`-joined; a byte
    of the name that is not UTF-8 is written %XX."""
    import codecs

    def pct(e):
        return "".join("%%%02X" % b for b in e.object[e.start:e.end]), e.end

    codecs.register_error("whomet-pct", pct)
    parts = [p for p in rel.split("/") if p not in ("", ".")]
    if parts:
        parts[-1] = PurePosixPath(parts[-1]).stem  # Rust's set_extension(""): `.a.txt` -> `.a`
    raw = "/".join(parts).encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "whomet-pct")


def json_lines_of(name: str, data: bytes, counters: dict, rel: str = None):
    """(line number, JSON line) for every article of one input file, as whomet reads it. `rel`
    is the file's path relative to its input directory (default: its name)."""
    import json

    if has_ext(name, (".jsonl",)):
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]  # whomet skips a byte-order mark at the start of a .jsonl file
        for n, line in enumerate(data.split(b"\n"), start=1):
            if not line.strip(b" \t\n\r\x0c"):
                continue  # whomet ignores blank lines (and what follows the last newline)
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                # whomet replaces invalid bytes by U+FFFD, reports them and keeps the article.
                counters["bad_lines"] += 1
                text = line.decode("utf-8", errors="replace")
            yield n, text
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            counters["bad_files"] += 1
            text = data.decode("utf-8", errors="replace")
        yield 1, json.dumps({"id": doc_id(rel if rel is not None else name), "text": text},
                            ensure_ascii=False)


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Build a whomet graph on Spark: extract on executors, merge on the driver.")
    ap.add_argument("inputs", nargs="+", help="local files/directories or Hadoop URIs")
    ap.add_argument("--out", required=True, help="output directory (written by whomet merge)")
    ap.add_argument("--partitions", type=int, default=4,
                    help="number of partitions, i.e. of extract processes and shard files (default 4)")
    ap.add_argument("--shards", help="keep the shard files (shard-NNNNN.jsonl, one per partition) "
                    "in this local directory, replacing any there (default: a temporary directory, "
                    "removed at the end)")
    ap.add_argument("--whomet", default=os.environ.get("WHOMET_BIN") or shutil.which("whomet"),
                    help="whomet binary on the driver (default: $WHOMET_BIN, else whomet on PATH); "
                    "shipped with SparkContext.addFile unless spark-submit --files already ships "
                    "a file of the same name")
    ap.add_argument("--extract-threads", type=int, default=1,
                    help="--threads of each extract process (default 1: one per Spark task)")
    ap.add_argument("--pipe", choices=("executor", "rdd"), default="executor",
                    help="executor (default): find the binary with SparkFiles.get on the executor "
                    "and pipe the partition through it; rdd: RDD.pipe with the binary's path as "
                    "SparkFiles.get gives it on the driver (right in local mode only)")
    ap.add_argument("--min-confidence", help="passed to whomet merge")
    ap.add_argument("--format", help="passed to whomet merge")
    args = ap.parse_args(argv)
    if args.partitions < 1:
        ap.error("--partitions must be at least 1")
    if not args.whomet or not os.path.isfile(args.whomet):
        ap.error(f"whomet binary not found ({args.whomet!r}): pass --whomet or set WHOMET_BIN")
    if "-" in args.inputs:
        ap.error("`-` (stdin) is not supported: give files, directories or URIs")
    return args


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    whomet = os.path.abspath(args.whomet)

    from pyspark import SparkConf, SparkContext, SparkFiles, StorageLevel

    conf = SparkConf().setAppName("whomet").setIfMissing("spark.master", "local[2]")
    conf.set("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    try:
        return run(sc, args, whomet, SparkFiles, StorageLevel)
    finally:
        sc.stop()


def run(sc, args, whomet, SparkFiles, StorageLevel) -> int:
    # Ship the binary, unless spark-submit --files already did (spark.files, or
    # spark.yarn.dist.files on YARN).
    name = os.path.basename(whomet)
    shipped = [f for key in ("spark.files", "spark.yarn.dist.files")
               for f in sc.getConf().get(key, "").split(",") if f]
    if not any(f.rstrip("/").rsplit("/", 1)[-1].split("#")[0] == name for f in shipped):
        sc.addFile(whomet)

    counters = {
        "bad_files": sc.accumulator(0),
        "bad_lines": sc.accumulator(0),
        "unreadable": sc.accumulator(0),
    }

    def keyed(input_idx, file_key, name, data, rel=None):
        local = {"bad_files": 0, "bad_lines": 0}
        for line_no, line in json_lines_of(name, data, local, rel):
            yield (input_idx, file_key, line_no), line
        for k, v in local.items():
            if v:
                counters[k].add(v)

    # Every article as ((input, file, line), JSON line), in whomet's input order.
    parts = []
    for i, inp in enumerate(args.inputs):
        if is_uri(inp):
            jvm = sc._jvm
            path = jvm.org.apache.hadoop.fs.Path(inp)
            fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
            if not fs.exists(path):
                raise SystemExit(f"job.py: input {inp} does not exist")
            is_dir = fs.getFileStatus(path).isDirectory()
            root = fs.makeQualified(path).toString().rstrip("/") + "/" if is_dir else None
            rdd = sc.binaryFiles(inp)
            if is_dir:
                rdd = rdd.filter(lambda kv: has_ext(kv[0].rsplit("/", 1)[-1], ARTICLE_EXTS))

            def rel_of(uri, root=root):
                name = uri.rsplit("/", 1)[-1]
                return uri[len(root):] if root and uri.startswith(root) else name

            parts.append(rdd.flatMap(
                lambda kv, i=i: keyed(i, tuple(kv[0].split("/")), kv[0].rsplit("/", 1)[-1], kv[1],
                                      rel_of(kv[0]))))
        else:
            root = inp if os.path.isdir(inp) else None
            if root is not None:
                files = []
                walk(inp, files, set())
            elif os.path.exists(inp):
                files = [inp]
            else:
                raise SystemExit(f"job.py: input {inp} does not exist")
            if not files:
                continue

            def read_local(jf, i=i):
                j, f = jf
                try:
                    with open(f, "rb") as fh:
                        data = fh.read()
                except OSError:
                    counters["unreadable"].add(1)  # whomet skips it too, with a diagnostic
                    return ()
                rel = os.path.relpath(f, root) if root is not None else os.path.basename(f)
                return keyed(i, j, os.path.basename(f), data, rel)

            parts.append(sc.parallelize(list(enumerate(files)), min(len(files), args.partitions))
                         .flatMap(read_local))
    if not parts:
        raise SystemExit("job.py: no articles in the inputs")
    records = parts[0] if len(parts) == 1 else sc.union(parts)
    # Read once: sortByKey counts and samples before it shuffles.
    records = records.persist(StorageLevel.MEMORY_AND_DISK)
    lines = records.sortByKey(numPartitions=args.partitions).values()

    cmd = ["extract", "-q", "--threads", str(args.extract_threads), "-"]
    if args.pipe == "rdd":
        # RDD.pipe runs a command fixed on the driver: SparkFiles.get here names the driver's
        # copy, which is where executors find it in local mode, not on a cluster.
        shards = lines.pipe(shlex.join([SparkFiles.get(name)] + cmd), checkCode=True)
    else:
        shards = lines.mapPartitions(lambda it: pipe_through(SparkFiles.get(name), cmd, it))

    n = shards.getNumPartitions()
    tagged = shards.mapPartitionsWithIndex(lambda idx, it: ((idx, l) for l in it))

    shard_dir = args.shards or tempfile.mkdtemp(prefix="whomet-shards-")
    os.makedirs(shard_dir, exist_ok=True)
    for old in Path(shard_dir).glob("shard-*.jsonl"):
        old.unlink()
    try:
        outs = [open(os.path.join(shard_dir, f"shard-{p:05d}.jsonl"), "w", encoding="utf-8",
                     newline="\n") for p in range(n)]
        per_shard = [0] * n
        try:
            for idx, line in tagged.toLocalIterator():
                outs[idx].write(line)
                outs[idx].write("\n")
                per_shard[idx] += 1
        finally:
            for f in outs:
                f.close()
        records.unpersist()
        print(f"job.py: {sum(per_shard)} shard lines in {n} shard files "
              f"({', '.join(map(str, per_shard))}) in {shard_dir}", file=sys.stderr)
        if counters["bad_files"].value:
            print(f"job.py: warning: {counters['bad_files'].value} text file(s) not valid UTF-8: "
                  "sent with U+FFFD replacements; their evidence offsets after the first invalid "
                  "byte differ from whomet build", file=sys.stderr)
        if counters["unreadable"].value:
            print(f"job.py: warning: {counters['unreadable'].value} file(s) unreadable: skipped "
                  "(whomet build skips them too)", file=sys.stderr)
        if counters["bad_lines"].value:
            print(f"job.py: warning: {counters['bad_lines'].value} .jsonl line(s) not valid "
                  "UTF-8: sent with U+FFFD replacements (as whomet build reads them)", file=sys.stderr)

        # The shard files by name, in partition order (= input order).
        merge = [whomet, "merge"] + [f.name for f in outs] + ["--out", args.out]
        if args.min_confidence:
            merge += ["--min-confidence", args.min_confidence]
        if args.format:
            merge += ["--format", args.format]
        shown = [whomet, "merge", f"{shard_dir}/shard-*.jsonl"] + merge[2 + len(outs):]
        print(f"job.py: {' '.join(shown)}", file=sys.stderr)
        return subprocess.run(merge).returncode
    finally:
        if not args.shards:
            shutil.rmtree(shard_dir, ignore_errors=True)


def pipe_through(exe: str, args: list, lines):
    """What RDD.pipe does (one process per partition, elements written as lines to its stdin by
    a thread, its stdout lines as the partition, a non-zero exit an error), with the binary
    found on the executor that runs the partition."""
    if not os.access(exe, os.X_OK):
        os.chmod(exe, os.stat(exe).st_mode | 0o755)
    proc = subprocess.Popen([exe] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    failure = []

    def feed():
        try:
            for line in lines:
                proc.stdin.write(line.encode("utf-8"))
                proc.stdin.write(b"\n")
        except BrokenPipeError:
            pass  # the process died: its exit code says why
        except BaseException as e:  # reading the partition failed
            failure.append(e)
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for out in proc.stdout:
        yield out.rstrip(b"\n").decode("utf-8")
    code = proc.wait()
    writer.join()
    if failure:
        raise failure[0]
    if code:
        raise RuntimeError(f"{exe} {' '.join(args)} exited with status {code}")


if __name__ == "__main__":
    sys.exit(main())
