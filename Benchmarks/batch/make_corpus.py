#!/usr/bin/env python3
"""Builds a corpus of a few thousand articles for the batch benchmark by repeating the bundled corpus texts with
variations: in copy k every number of three or more digits that is not a year (document numbers, amounts) is shifted
by k, the same way in every version of an article, so the versions of one copy still correspond and copies differ
from each other. Years stay as they are, as in a real corpus of one period.

    python3 Benchmarks/batch/make_corpus.py corpus/seeds /tmp/triglot-bench 600   # 600 copies x 5 texts = 3,000
"""
import pathlib
import re
import sys


def main() -> None:
    source, target, copies = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
    texts = sorted(p for p in source.glob("*.txt"))
    if not texts:
        sys.exit(f"{source}: no .txt files")
    number = re.compile(r"(?<![0-9])[0-9]{3,}(?![0-9])")
    for k in range(copies):
        folder = target / f"copy{k:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        for path in texts:
            text = path.read_text(encoding="utf-8")
            varied = number.sub(lambda m: m.group() if 1900 <= int(m.group()) <= 2100 else str(int(m.group()) + k), text)
            (folder / path.name).write_text(varied, encoding="utf-8")
    print(f"{copies * len(texts)} articles in {target}")


if __name__ == "__main__":
    main()
