#!/usr/bin/env python3
"""Sentence-boundary F1 of Triglot, bare ICU, pySBD and the Moses splitter on news gold groups.

Usage: compare_segmenters.py TRIGLOT_BINARY FOLDER... [--json]

Each FOLDER is a news gold group (it holds source.json) or a folder of groups, in the layout of corpus/news
(<lang>.txt, <lang>.sents). Every tool gets the raw page text; pySBD and the Moses splitter get it line by line
(they do not know that a page's line break ends a unit), Triglot and ICU get the whole text. Boundaries are unit
starts after the first, counted in non-white-space characters, exactly as `triglot eval news` counts them; counts are
summed over texts (micro-average). pySBD (PyPI `pysbd`) and the Moses splitter (PyPI `sentence-splitter`) are
skipped when they are not installed; neither has Vietnamese rules, so Vietnamese text gets their English rules.
"""
import json
import os
import subprocess
import sys

LANGS = ["vi", "en", "fr"]


def groups(folder):
    if os.path.exists(os.path.join(folder, "source.json")):
        return [folder]
    return sorted(os.path.join(folder, d) for d in os.listdir(folder)
                  if os.path.exists(os.path.join(folder, d, "source.json")))


def starts(text, units):
    """Non-white-space positions where the units after the first start; units are found in order in text."""
    nonspace_before = []
    count = 0
    for ch in text:
        nonspace_before.append(count)
        if not ch.isspace():
            count += 1
    nonspace_before.append(count)
    result, cursor = set(), 0
    for unit in units:
        unit = unit.strip()
        if not unit:
            continue
        at = text.find(unit, cursor)
        if at < 0:  # a tool that changed white space inside a unit: locate by non-space content
            at = locate_loose(text, unit, cursor)
        if at is None or at < 0:
            raise ValueError(f"unit not found in order: {unit[:60]!r}")
        result.add(nonspace_before[at])
        cursor = at + len(unit)
    result.discard(0)
    return result


def locate_loose(text, unit, cursor):
    target = "".join(unit.split())
    i = cursor
    while i < len(text) and text[i].isspace():
        i += 1
    j, k = i, 0
    while j < len(text) and k < len(target):
        if text[j].isspace():
            j += 1
            continue
        if text[j] != target[k]:
            return None
        j += 1
        k += 1
    return i if k == len(target) else None


def triglot_units(binary, path, language, boundaries):
    out = subprocess.run([binary, "segment", path, "--format", "jsonl", "--lang", "auto", "--boundaries", boundaries],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line)["text"] for line in out.splitlines() if line.strip()]


def per_line(splitter, text):
    units = []
    for line in text.split("\n"):
        if line.strip():
            units += [u for u in splitter(line) if u.strip()]
    return units


def tools(binary):
    found = {
        "Triglot": lambda path, text, lang: triglot_units(binary, path, lang, "corrected"),
        "ICU alone": lambda path, text, lang: triglot_units(binary, path, lang, "icu"),
    }
    try:
        import pysbd
        segmenters = {lang: pysbd.Segmenter(language="en" if lang == "vi" else lang, clean=False) for lang in LANGS}
        version = getattr(pysbd, "__version__", "")
        found[f"pySBD {version} (per line)".replace("  ", " ")] = \
            lambda path, text, lang: per_line(segmenters[lang].segment, text)
    except ImportError:
        print("pySBD not installed (pip install pysbd): skipped", file=sys.stderr)
    try:
        from sentence_splitter import SentenceSplitter
        splitters = {lang: SentenceSplitter(language="en" if lang == "vi" else lang) for lang in LANGS}
        found["Moses splitter (per line)"] = lambda path, text, lang: per_line(splitters[lang].split, text)
    except ImportError:
        print("Moses splitter not installed (pip install sentence-splitter): skipped", file=sys.stderr)
    return found


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv):
    as_json = "--json" in argv
    argv = [a for a in argv if a != "--json"]
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary, folders = argv[0], argv[1:]
    paths = [g for folder in folders for g in groups(folder)]
    available = tools(binary)
    counts = {name: {lang: [0, 0, 0] for lang in LANGS} for name in available}
    texts = 0
    for group in paths:
        for lang in LANGS:
            path = os.path.join(group, f"{lang}.txt")
            if not os.path.exists(path):
                continue
            texts += 1
            text = open(path, encoding="utf-8").read()
            gold = starts(text, open(os.path.join(group, f"{lang}.sents"), encoding="utf-8").read().split("\n"))
            for name, tool in available.items():
                test = starts(text, tool(path, text, lang))
                c = counts[name][lang]
                c[0] += len(test & gold)
                c[1] += len(test - gold)
                c[2] += len(gold - test)
    result = {}
    for name, by_lang in counts.items():
        row = {lang: f1(*c)[2] for lang, c in by_lang.items() if sum(c)}
        total = [sum(c[i] for c in by_lang.values()) for i in range(3)]
        row["all"] = f1(*total)[2]
        result[name] = row
    if as_json:
        print(json.dumps({"groups": len(paths), "texts": texts, "boundary_f1": result}, indent=1, sort_keys=True))
        return 0
    print(f"Sentence-boundary F1, {len(paths)} groups ({texts} texts)")
    print()
    print("| segmenter | vi | en | fr | all |")
    print("|---|---|---|---|---|")
    for name, row in result.items():
        print(f"| {name} | " + " | ".join(f"{row[k]:.3f}" if k in row else "—" for k in LANGS + ["all"]) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
