#!/usr/bin/env bash
# Runs examples/spark/job.py end to end in Spark's local mode on this machine and checks that
# the merged output directory was written.
#
#   examples/spark/run-local.sh INPUT OUTDIR [job.py options...]
#
# INPUT: a directory of .txt/.md/.jsonl articles, a file, or a Hadoop URI (file:/..., hdfs://...).
# Environment:
#   WHOMET_BIN                 whomet binary (default ${CARGO_TARGET_DIR:-target}/release/whomet
#                              from the repository root, built with cargo if missing)
#   WHOMET_SPARK_VENV          virtual environment with pyspark (default REPO/.venv-spark,
#                              created and filled with pip if pyspark is missing)
#   WHOMET_SPARK_PYSPARK       pip requirement for pyspark (default pyspark==4.3.0)
#   WHOMET_SPARK_MASTER        Spark master (default local[2])
#   WHOMET_SPARK_PARTITIONS    partitions = extract processes = shard files (default 4)
# Needs Java 17 or later (pyspark 4), python3 with venv, and cargo if the binary is missing.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 INPUT OUTDIR [job.py options...]" >&2
    exit 2
fi
input=$1
outdir=$2
shift 2

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

# The binary: relative paths are taken from the repository root, as cargo would.
bin=${WHOMET_BIN:-${CARGO_TARGET_DIR:-target}/release/whomet}
case $bin in /*) ;; *) bin=$root/$bin ;; esac
if [ ! -x "$bin" ]; then
    if [ -n "${WHOMET_BIN:-}" ]; then
        echo "run-local.sh: WHOMET_BIN=$WHOMET_BIN is not an executable file" >&2
        exit 1
    fi
    echo "run-local.sh: building $bin" >&2
    (cd "$root" && cargo build --release -p whomet)
    [ -x "$bin" ] || { echo "run-local.sh: $bin missing after the build" >&2; exit 1; }
fi

if ! java -version >/dev/null 2>&1; then
    echo "run-local.sh: Java not found: pyspark needs Java 17 or later (apt-get install openjdk-17-jre-headless)" >&2
    exit 1
fi

venv=${WHOMET_SPARK_VENV:-$root/.venv-spark}
if ! "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
    echo "run-local.sh: installing pyspark into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${WHOMET_SPARK_PYSPARK:-pyspark==4.3.0}"
fi

# Input and output paths as the caller gave them, relative to where they stand.
case $input in
    *:*) ;;  # a URI
    /*) ;;
    *) input=$PWD/$input ;;
esac
case $outdir in /*) ;; *) outdir=$PWD/$outdir ;; esac

# Spark on the loopback interface only; quiet logs; no web UI.
export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON=$venv/bin/python
export PYSPARK_DRIVER_PYTHON=$venv/bin/python
export PATH=$venv/bin:$PATH
# A previous output directory is replaced; anything else is left alone.
if [ -e "$outdir" ] && [ -n "$(ls -A "$outdir" 2>/dev/null)" ]; then
    if [ ! -e "$outdir/nodes.csv" ] && [ ! -e "$outdir/graph.graphml" ]; then
        echo "run-local.sh: $outdir exists and is not a whomet output directory: not overwriting" >&2
        exit 1
    fi
    rm -rf "$outdir"
fi
"$venv/bin/spark-submit" \
    --master "${WHOMET_SPARK_MASTER:-local[2]}" \
    --conf spark.ui.enabled=false \
    --conf spark.log.level=WARN \
    --conf spark.driver.host=127.0.0.1 \
    "$here/job.py" "$input" --out "$outdir" \
    --whomet "$bin" --partitions "${WHOMET_SPARK_PARTITIONS:-4}" "$@"

# Every default export, unless formats were chosen.
expected="graph.graphml graph.dot nodes.csv relationships.csv evidence.csv"
case " $* " in *" --format"*) expected= ;; esac
if [ -z "$(ls -A "$outdir" 2>/dev/null)" ]; then
    echo "run-local.sh: $outdir missing or empty after the merge" >&2
    exit 1
fi
for f in $expected; do
    if [ ! -s "$outdir/$f" ]; then
        echo "run-local.sh: $outdir/$f missing or empty after the merge" >&2
        exit 1
    fi
done
