#!/usr/bin/env python3
"""Same-article pairing on real news pages under neutral file names.

Every version (vi.txt, en.txt, fr.txt) of every news group is copied into one folder under a name that says nothing
of its group or language (a hash), `triglot pair` is run on that folder, and the bundles it returns are scored
against the groups: over all pairs of documents, a pair is right when both documents come from the same group.
Precision is the share of the pairs it joins that are right, recall the share of the groups' pairs it joins.
Prints the figures per folder, for all folders' documents pooled in one folder (more documents, more chances
to join two outlets' reports of one event), and for the pooled documents with every version in one language left
out in turn (documents whose counterpart is gone must stay alone), and every pair joined or missed wrongly.

Usage: python3 Benchmarks/pairing/run.py [--triglot PATH] [FOLDER ...]
       (default folders: corpus/news, and ../shared/data/news-dev when it exists)
"""
import argparse, hashlib, itertools, json, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def groups(folder):
    """(group id, {language: path}) for each group folder (one holding source.json) under `folder`."""
    found = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(os.path.join(path, "source.json")):
            versions = {lang: os.path.join(path, f"{lang}.txt") for lang in ("vi", "en", "fr")
                        if os.path.isfile(os.path.join(path, f"{lang}.txt"))}
            found.append((name, versions))
    return found


def score(pairs_joined, gold_pairs):
    right = len(pairs_joined & gold_pairs)
    p = right / len(pairs_joined) if pairs_joined else 1.0
    r = right / len(gold_pairs) if gold_pairs else 1.0
    return p, r, right


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triglot", default=os.path.join(ROOT, ".build", "release", "triglot"))
    parser.add_argument("folders", nargs="*")
    args = parser.parse_args()
    folders = args.folders or [os.path.join(ROOT, "corpus", "news")] + \
        [f for f in [os.path.join(ROOT, "..", "shared", "data", "news-dev")] if os.path.isdir(f)]
    work = tempfile.mkdtemp(prefix="triglot-pairing-")
    try:
        totals = {"joined": set(), "gold": set()}
        rows = []
        runs = [(os.path.relpath(f, ROOT), [f], None) for f in folders]
        if len(folders) > 1:
            runs.append(("all, pooled in one folder", folders, None))
        # Documents whose counterpart is missing must stay alone: the pooled documents again, each language left
        # out in turn (a group of two versions then leaves one document with no counterpart at all).
        for lang in ("vi", "en", "fr"):
            runs.append((f"{'all' if len(folders) > 1 else runs[0][0]}, every {lang} version left out", folders, lang))
        for label, sources, left_out in runs:
            folder = label
            corpus = os.path.join(work, hashlib.sha1(label.encode()).hexdigest()[:8])
            os.makedirs(corpus)
            origin = {}  # neutral name -> (group, language)
            for source in sources:
                for group, versions in groups(source):
                    for lang, path in versions.items():
                        if lang == left_out:
                            continue
                        name = "doc-" + hashlib.sha1(f"{group}/{lang}".encode()).hexdigest()[:12] + ".txt"
                        shutil.copyfile(path, os.path.join(corpus, name))
                        origin[name] = (group, lang)
            out = subprocess.run([args.triglot, "pair", corpus], capture_output=True, text=True, check=True).stdout
            joined = set()
            for line in out.splitlines():
                members = sorted(os.path.basename(m) for m in json.loads(line)["members"])
                joined |= {(folder, a, b) for a, b in itertools.combinations(members, 2)}
            gold = {(folder, a, b) for a, b in itertools.combinations(sorted(origin), 2) if origin[a][0] == origin[b][0]}
            p, r, right = score(joined, gold)
            if left_out is not None:
                alone = sum(1 for d in origin if not any(origin[e][0] == origin[d][0] for e in origin if e != d))
                label = f"{label} ({alone} documents with no counterpart)"
            rows.append((label, len(origin), len(gold), len(joined), right, p, r))
            for (_, a, b) in sorted(joined - gold):
                print(f"{label}: joined wrongly: {origin[a][0]} {origin[a][1]} + {origin[b][0]} {origin[b][1]}", file=sys.stderr)
            for (_, a, b) in sorted(gold - joined):
                print(f"{label}: missed: {origin[a][0]} {origin[a][1]} + {origin[b][1]}", file=sys.stderr)
            if len(sources) == 1 and left_out is None:
                totals["joined"] |= joined
                totals["gold"] |= gold
        print("| documents of | documents | same-article pairs | pairs joined | right | precision | recall |")
        print("|---|---|---|---|---|---|---|")
        for label, docs, gold, joined, right_, p_, r_ in rows:
            print(f"| {label} | {docs} | {gold} | {joined} | {right_} | {p_:.3f} | {r_:.3f} |")
        if len(folders) > 1:
            p, r, right = score(totals["joined"], totals["gold"])
            print(f"| each folder on its own, summed | {sum(r[1] for r in rows if r[0] in [x for x, _, _ in runs[:len(folders)]])} "
                  f"| {len(totals['gold'])} | {len(totals['joined'])} | {right} | {p:.3f} | {r:.3f} |")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
