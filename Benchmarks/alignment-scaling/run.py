#!/usr/bin/env python3
"""Alignment time and memory against length, on real parallel text, for Triglot and (when given) hunalign.

The texts are public gold sets concatenated in one order (TED talks en-fr and en-vi, Text+Berg de-fr, Orwell's 1984
hu-en and ro-en, the hunalign Steinbeck novel), so that the first N lines of both sides are N real sentences that
mostly translate each other. For each N, both tools align the first N lines of each side as one presegmented
text; wall time and peak resident memory come from /usr/bin/time. Writes a TSV and an SVG plot (time and memory
against N, with the straight line through Triglot's middle point as the linear reference).

Usage: python3 Benchmarks/alignment-scaling/run.py [--triglot PATH] [--hunalign PATH] [--data DIR]
       [--sizes 100,250,...] [--output DIR]
"""
import argparse, glob, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# (set, source folder, target folder), in the order the texts are concatenated.
SETS = [("ted_en-fr-seg", "en", "fr"), ("iwslt15-ted_en-vi-seg", "en", "vi"), ("textberg_de-fr", "de", "fr"),
        ("hunalign-1984_hu-en", "hu", "en"), ("hunalign-1984_ro-en", "ro", "en"),
        ("hunalign-steinbeck_hu-en", "hu", "en")]


def lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return [l.rstrip("\n") for l in f]


def corpus(data):
    source, target = [], []
    for name, s, t in SETS:
        folder = os.path.join(data, name)
        if not os.path.isdir(folder):
            print(f"note: {folder} absent, skipped", file=sys.stderr)
            continue
        for path in sorted(glob.glob(os.path.join(folder, s, "*.txt"))):
            other = os.path.join(folder, t, os.path.basename(path))
            if not os.path.exists(other):
                continue
            a, b = lines(path), lines(other)
            n = min(len(a), len(b))  # keep the two sides in step, document by document
            source += a[:n]
            target += b[:n]
    return source, target


def timed(command, stdout):
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", t.name] + command, stdout=stdout,
                       stderr=subprocess.DEVNULL, check=True)
        wall, kb = t.read().split()[-2:]
    return float(wall), int(kb) / 1024


def svg(rows, path):
    """Two panels: seconds and MB against sentences a side, log-free, with the linear reference."""
    width, height, pad = 900, 360, 60
    panels = [("wall time (s)", 1, 3), ("peak memory (MB)", 2, 4)]
    xs = [r[0] for r in rows]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 40}" font-family="sans-serif" font-size="12">']
    for p, (title, ti, hi) in enumerate(panels):
        x0 = p * width / 2 + pad
        w = width / 2 - 1.5 * pad
        ys = [r[ti] for r in rows] + [r[hi] for r in rows if r[hi] is not None]
        # The linear reference goes through the middle point: the smallest sizes are mostly start-up time.
        middle = rows[len(rows) // 2]
        ref = [middle[ti] * x / middle[0] for x in xs] if ti == 1 else []
        ymax = max(ys + ref) * 1.05 or 1
        xmax = max(xs)
        def X(v): return x0 + w * v / xmax
        def Y(v): return pad / 2 + (height - pad) * (1 - v / ymax)
        out.append(f'<text x="{x0}" y="{pad / 2 - 8}" font-weight="bold">{title}</text>')
        out.append(f'<line x1="{x0}" y1="{Y(0)}" x2="{x0 + w}" y2="{Y(0)}" stroke="black"/>')
        out.append(f'<line x1="{x0}" y1="{Y(0)}" x2="{x0}" y2="{Y(ymax)}" stroke="black"/>')
        for k in range(5):
            v = ymax * k / 4
            out.append(f'<text x="{x0 - 6}" y="{Y(v) + 4}" text-anchor="end">{v:.0f}</text>')
            xv = xmax * k / 4
            out.append(f'<text x="{X(xv)}" y="{Y(0) + 16}" text-anchor="middle">{xv:.0f}</text>')
        out.append(f'<text x="{x0 + w / 2}" y="{Y(0) + 32}" text-anchor="middle">sentences a side</text>')
        series = [("Triglot", ti, "#c0392b", "")] + ([("hunalign", hi, "#2471a3", "")] if any(r[hi] is not None for r in rows) else [])
        if ref:
            series.append((f"linear (through Triglot at {middle[0]:,})", None, "#888", "4 3"))
        for k, (name, col, colour, dash) in enumerate(series):
            values = ref if col is None else [r[col] for r in rows]
            pts = " ".join(f"{X(x):.1f},{Y(v):.1f}" for x, v in zip(xs, values) if v is not None)
            out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>')
            out.append(f'<text x="{x0 + 10}" y="{pad / 2 + 14 + 14 * k}" fill="{colour}">{name}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--triglot", default=os.path.join(ROOT, ".build", "release", "triglot"))
    parser.add_argument("--hunalign", help="a hunalign executable, run with an empty dictionary")
    parser.add_argument("--data", default=os.environ.get("TRIGLOT_ALIGNMENT_DATA",
                                                         os.path.join(ROOT, "..", "shared", "data", "alignment")))
    parser.add_argument("--sizes", default="100,250,500,1000,2000,4000,8000,12000,16000,20000")
    parser.add_argument("--output", default=os.path.join(ROOT, "Benchmarks", "alignment-scaling"))
    parser.add_argument("--plot-only", action="store_true", help="redraw scaling.svg from scaling.tsv")
    args = parser.parse_args()
    if args.plot_only:
        with open(os.path.join(args.output, "scaling.tsv")) as f:
            next(f)
            rows = [tuple(int(v) if k == 0 else (float(v) if v else None) for k, v in enumerate(l.rstrip("\n").split("\t"))) for l in f]
        svg(rows, os.path.join(args.output, "scaling.svg"))
        return
    source, target = corpus(args.data)
    sizes = [n for n in map(int, args.sizes.split(",")) if n <= min(len(source), len(target))]
    rows = []
    with tempfile.TemporaryDirectory() as work:
        empty = os.path.join(work, "empty.dic")
        open(empty, "w").close()
        for n in sizes:
            a, b = os.path.join(work, "a.txt"), os.path.join(work, "b.txt")
            with open(a, "w") as f: f.write("\n".join(source[:n]) + "\n")
            with open(b, "w") as f: f.write("\n".join(target[:n]) + "\n")
            with open(os.devnull, "w") as null:
                t, m = timed([args.triglot, "align", "--presegmented", a, b, "--aligner", "classic"], null)
                h = hm = None
                if args.hunalign:
                    h, hm = timed([args.hunalign, empty, a, b], null)
            rows.append((n, t, m, h, hm))
            hun = f"  hunalign {h:.2f} s {hm:.0f} MB" if h is not None else ""
            print(f"{n:>6} × {n:<6} Triglot {t:.2f} s {m:.0f} MB  {2 * n / t:,.0f} sentences/s{hun}", flush=True)
    with open(os.path.join(args.output, "scaling.tsv"), "w") as f:
        f.write("sentences_a_side\ttriglot_s\ttriglot_mb\thunalign_s\thunalign_mb\n")
        for r in rows:
            f.write("\t".join("" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v)) for v in r) + "\n")
    svg(rows, os.path.join(args.output, "scaling.svg"))


if __name__ == "__main__":
    main()
