#!/usr/bin/env bash
# End-to-end batch throughput: documents per second on 1 and 2 cores, peak memory and store size, over a corpus of
# a few thousand articles made from the bundled texts (make_corpus.py).
#
#   Benchmarks/batch/run.sh [COPIES]        # default 600 copies of the 5 seed texts = 3,000 articles
set -euo pipefail
cd "$(dirname "$0")/../.."
copies=${1:-600}
work=$(mktemp -d /tmp/triglot-batch-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
swift build -c release --product triglot >/dev/null
python3 Benchmarks/batch/make_corpus.py corpus/seeds "$work/corpus" "$copies"
for jobs in 1 2; do
    store="$work/store-$jobs.sqlite"
    /usr/bin/time -f "%e s wall, %U s user, %M KB peak" -o "$work/time-$jobs" \
        .build/release/triglot batch "$work/corpus" --store "$store" --jobs "$jobs" --progress none 2>"$work/summary-$jobs" || true
    articles=$(sqlite3 "$store" "SELECT count(*) FROM documents")
    wall=$(cut -d' ' -f1 "$work/time-$jobs")
    echo "jobs $jobs: $articles articles, $(cat "$work/time-$jobs"), $(python3 -c "print(f'{$articles / $wall:.1f}')") articles/s," \
         "store $(du -m "$store" | cut -f1) MB ($(sqlite3 "$store" "SELECT count(*) FROM records") records," \
         "$(sqlite3 "$store" "SELECT count(*) FROM alignments") beads, $(sqlite3 "$store" "SELECT count(*) FROM mentions") mentions)"
done
