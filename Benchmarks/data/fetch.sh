#!/usr/bin/env bash
# Gets the public sentence-alignment gold sets that `triglot bench align` and the AlignmentBenchmarks read, as
# listed in sets.tsv beside this script: downloads each from its original repository at the pinned commit, lays it
# out in vecalign's layout (<set>/<lang>/<doc>.txt, <set>/gold/<doc>.txt) and checks the sha256 of every file.
#
#   Benchmarks/data/fetch.sh [--from DIR] [--dest DIR] [SET...]    # default: every set that has a public source
#   Benchmarks/data/fetch.sh --list                                  # the sets, their sources and licences
#
#   --from DIR   copy the sets from DIR/<set>/ (a folder already in this layout) instead of downloading them
#   --dest DIR   where to put them (default: Benchmarks/data/sets, where the benchmarks look first)
#
# A set is installed whole or not at all: it is built in a temporary folder inside DEST and moved into place only
# once every file listed in sets.tsv is there with its checksum and no other file is; otherwise the error names
# each bad file and nothing of that set is left in DEST. A set already in DEST that verifies is kept as it is.
# Needs bash, curl, iconv and sha256sum (or shasum); python3 for the TED sets. TRIGLOT_FETCH_RAW_BASE replaces
# https://raw.githubusercontent.com (a mirror holding OWNER/REPO/COMMIT/PATH).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
manifest="$here/sets.tsv"
dest="$here/sets"
from=""
list=false
raw_base="${TRIGLOT_FETCH_RAW_BASE:-https://raw.githubusercontent.com}"
requested=()

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }
die() { echo "fetch.sh: $*" >&2; exit 2; }

while (($#)); do
    case "$1" in
        --from) (($# >= 2)) || die "--from needs a folder"; from="$2"; shift 2 ;;
        --from=*) from="${1#--from=}"; shift ;;
        --dest) (($# >= 2)) || die "--dest needs a folder"; dest="$2"; shift 2 ;;
        --dest=*) dest="${1#--dest=}"; shift ;;
        --list) list=true; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) requested+=("$1"); shift ;;
    esac
done

[[ -f "$manifest" ]] || die "$manifest is missing"
[[ -z "$from" || -d "$from" ]] || die "--from $from: no such folder"

# --- sets.tsv: 'set' rows (name, repository, commit, paths, licence) and 'file' rows (set, path, sha256) ---------
set_names() { awk -F'\t' '$1 == "set" { print $2 }' "$manifest"; }
set_field() { awk -F'\t' -v s="$1" -v c="$2" '$1 == "set" && $2 == s { print $c }' "$manifest"; }
set_files() { awk -F'\t' -v s="$1" '$1 == "file" && $2 == s { print $3 "\t" $4 }' "$manifest"; }
repository() { set_field "$1" 3; }
commit() { set_field "$1" 4; }
licence() { set_field "$1" 6; }

if $list; then
    while IFS= read -r name; do
        state="not installed"
        [[ -d "$dest/$name" ]] && state="in $dest"
        printf '%s\t%s files\t%s\n\tsource: %s @ %s (%s)\n\tlicence: %s\n' "$name" "$(set_files "$name" | wc -l | tr -d ' ')" \
            "$state" "$(repository "$name")" "$(commit "$name")" "$(set_field "$name" 5)" "$(licence "$name")"
    done < <(set_names)
    exit 0
fi

if ((${#requested[@]} == 0)); then
    # Every set with a public source (news-dev has none: name it with --from).
    while IFS= read -r name; do
        [[ "$(repository "$name")" != "-" ]] && requested+=("$name")
    done < <(set_names)
fi
for name in "${requested[@]}"; do
    set_names | grep -qxF -- "$name" || die "no set named $name in sets.tsv (--list shows them)"
done

if command -v sha256sum >/dev/null 2>&1; then
    sha256() { sha256sum -- "$1" | cut -d' ' -f1; }
elif command -v shasum >/dev/null 2>&1; then
    sha256() { shasum -a 256 -- "$1" | cut -d' ' -f1; }
else
    die "needs sha256sum or shasum to verify the sets"
fi

mkdir -p "$dest"
# The fetched data is never part of the project: the folder ignores itself.
[[ -f "$dest/.gitignore" ]] || printf '# Gold sets fetched by Benchmarks/data/fetch.sh: data, never committed.\n*\n' >"$dest/.gitignore"

work=$(mktemp -d "${TMPDIR:-/tmp}/triglot-fetch.XXXXXX")
staging=""
cleanup() {
    [[ -n "$staging" ]] && rm -rf -- "$staging"
    rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- verification ------------------------------------------------------------------------------------------------
# Checks folder $2 against the files listed for set $1: each there with its sha256, and nothing else. Prints every
# problem (when $3 is not "quiet") and returns 1 if there is any.
verify() {
    local name=$1 folder=$2 quiet=${3:-} bad=0 path want got
    local listed="$work/listed.$name"
    set_files "$name" | cut -f1 | LC_ALL=C sort >"$listed"
    while IFS=$'\t' read -r path want; do
        if [[ ! -f "$folder/$path" ]]; then
            [[ "$quiet" == quiet ]] || echo "fetch.sh: $name: $path is missing" >&2
            bad=1
            continue
        fi
        got=$(sha256 "$folder/$path")
        if [[ "$got" != "$want" ]]; then
            [[ "$quiet" == quiet ]] || echo "fetch.sh: $name: checksum mismatch for $path: expected sha256 $want, got $got" >&2
            bad=1
        fi
    done < <(set_files "$name")
    while IFS= read -r path; do
        [[ "$quiet" == quiet ]] || echo "fetch.sh: $name: unexpected file $path (not in sets.tsv)" >&2
        bad=1
    done < <(cd "$folder" && find . -type f | sed 's|^\./||' | LC_ALL=C sort | LC_ALL=C comm -23 - "$listed")
    return $bad
}

# --- getting the files -------------------------------------------------------------------------------------------
# get REPOSITORY COMMIT PATH OUTPUT: one file of a repository at a commit.
get() {
    local owner_repo=${1#https://github.com/}
    mkdir -p "$(dirname "$4")"
    curl --fail --silent --show-error --location --retry 3 --output "$4" "$raw_base/$owner_repo/$2/$3" ||
        { echo "fetch.sh: cannot download $1 @ $2: $3" >&2; return 1; }
}

# The documents of set $1 in folder $2 of the layout (file names without .txt), from sets.tsv.
documents() { set_files "$1" | cut -f1 | awk -F/ -v d="$2" '$1 == d && NF == 2 { sub(/\.txt$/, "", $2); print $2 }'; }

# Text+Berg (vecalign's bleualign_data): test0..6 and dev, .de / .fr / .defr (gold), and the data's licence.
recipe_textberg() {
    local name=$1 out=$2 repo commit doc
    repo=$(repository "$name"); commit=$(commit "$name")
    for doc in $(documents "$name" gold); do
        get "$repo" "$commit" "bleualign_data/$doc.de" "$out/de/$doc.txt"
        get "$repo" "$commit" "bleualign_data/$doc.fr" "$out/fr/$doc.txt"
        get "$repo" "$commit" "bleualign_data/$doc.defr" "$out/gold/$doc.txt"
    done
    get "$repo" "$commit" "bleualign_data/LICENSE" "$out/LICENSE.bleualign_data"
}

# hunalign's hand-aligned regression sets: sentences re-encoded to UTF-8 without CR, the hand ladder kept and turned
# into beads (consecutive rungs (a0, b0) (a1, b1) give [a0..a1-1]:[b0..b1-1]).
recipe_hunalign() {
    local name=$1 out=$2 repo commit folder source_language source_encoding english_encoding
    repo=$(repository "$name"); commit=$(commit "$name")
    case "$name" in
        hunalign-1984_hu-en) folder=1984.hu source_language=hu source_encoding=ISO-8859-2 english_encoding=ISO-8859-2 ;;
        hunalign-1984_ro-en) folder=1984.ro.utf8 source_language=ro source_encoding=UTF-8 english_encoding=UTF-8 ;;
        hunalign-dtm_hu-en) folder=dtm source_language=hu source_encoding=ISO-8859-2 english_encoding=ISO-8859-2 ;;
        hunalign-steinbeck_hu-en) folder=steinbeck source_language=hu source_encoding=ISO-8859-2 english_encoding=ISO-8859-1 ;;
        *) echo "fetch.sh: $name: no recipe" >&2; return 1 ;;
    esac
    local upstream="regtest/handaligns/$folder" raw="$work/$name"
    for file in hu.sen en.sen hand.ladder README; do get "$repo" "$commit" "$upstream/$file" "$raw/$file"; done
    mkdir -p "$out/$source_language" "$out/en" "$out/gold"
    iconv -f "$source_encoding" -t UTF-8 <"$raw/hu.sen" | tr -d '\r' >"$out/$source_language/$folder.txt"
    iconv -f "$english_encoding" -t UTF-8 <"$raw/en.sen" | tr -d '\r' >"$out/en/$folder.txt"
    cp "$raw/hand.ladder" "$out/gold/$folder.hand.ladder"
    cp "$raw/README" "$out/README.upstream.txt"
    awk '{ sub(/\r$/, "") }
         NF >= 2 {
             a = $1 + 0; b = $2 + 0
             if (seen && (a != pa || b != pb)) {
                 s = ""; for (i = pa; i < a; i++) s = s (i > pa ? ", " : "") i
                 t = ""; for (j = pb; j < b; j++) t = t (j > pb ? ", " : "") j
                 print "[" s "]:[" t "]"
             }
             pa = a; pb = b; seen = 1
         }' "$raw/hand.ladder" >"$out/gold/$folder.txt"
}

# ParIce (SentAlign's eval_data/parice): the leading "index<TAB>" of each line dropped, every line ended.
recipe_parice() {
    local name=$1 out=$2 repo commit doc side
    repo=$(repository "$name"); commit=$(commit "$name")
    for doc in $(documents "$name" gold); do
        for side in eng isl; do
            get "$repo" "$commit" "eval_data/parice/$side/$doc.txt" "$work/$name/$side/$doc.txt"
            mkdir -p "$out/$side"
            awk '{ sub(/^[0-9]+\t/, ""); print }' "$work/$name/$side/$doc.txt" >"$out/$side/$doc.txt"
        done
        get "$repo" "$commit" "eval_data/parice/gold/$doc.txt" "$out/gold/$doc.txt"
    done
}

# MAC-Test (Bertalign's first commit): the sentence-split chapters and the gold, as they are.
recipe_mac() {
    local name=$1 out=$2 repo commit doc
    repo=$(repository "$name"); commit=$(commit "$name")
    for doc in $(documents "$name" gold); do
        get "$repo" "$commit" "corpus/mac/test/split/$doc.zh" "$out/zh/$doc.txt"
        get "$repo" "$commit" "corpus/mac/test/split/$doc.en" "$out/en/$doc.txt"
        get "$repo" "$commit" "eval/mac/test/gold/$doc.align" "$out/gold/$doc.txt"
    done
    get "$repo" "$commit" "corpus/mac/test/meta_data.tsv" "$out/meta_data.tsv"
}

# TED talks from the official mteval XML files: one file per talk, one segment per line (white space collapsed,
# entities unescaped), gold [k]:[k]; the -resplit sets split each segment into sentences with a fixed rule and
# keep the segments as gold beads.
recipe_ted() {
    local name=$1 out=$2 repo commit mode=segments target prefix path
    repo=$(repository "$name"); commit=$(commit "$name")
    [[ "$name" == *-resplit ]] && mode=resplit
    command -v python3 >/dev/null 2>&1 || { echo "fetch.sh: $name: needs python3 to read the TED XML files" >&2; return 1; }
    local -a parts
    case "$name" in
        iwslt15-ted_en-vi-*)
            target=vi
            parts=()
            for prefix in dev2010 tst2010 tst2011 tst2012 tst2013; do
                parts+=("$prefix" "data/IWSLT15.TED.$prefix.en-vi.en.xml" "data/IWSLT15.TED.$prefix.en-vi.vi.xml")
            done ;;
        ted_en-fr-*)
            target=fr
            parts=(iwslt13tst2010 corpus/TED/FR/Source/IWSLT13.TED.tst2010.en-fr.en.xml corpus/TED/FR/Source/IWSLT13.TED.tst2010.en-fr.fr.xml
                   discomt2015 corpus/DiscoMT/FR/Source/DiscoMT2015.test.raw.en.xml corpus/DiscoMT/FR/Source/DiscoMT2015.test.raw.fr.xml) ;;
        *) echo "fetch.sh: $name: no recipe" >&2; return 1 ;;
    esac
    local k
    for ((k = 0; k < ${#parts[@]}; k += 3)); do
        for path in "${parts[k + 1]}" "${parts[k + 2]}"; do
            [[ -f "$work/xml/$commit/$path" ]] || get "$repo" "$commit" "$path" "$work/xml/$commit/$path"
        done
        python3 - "$mode" "$out" "${parts[k]}" en "$work/xml/$commit/${parts[k + 1]}" "$target" "$work/xml/$commit/${parts[k + 2]}" <<'PY'
import html, os, re, sys

mode, out, prefix, source_language, source_xml, target_language, target_xml = sys.argv[1:8]

def talks(path):
    """(docid, [(seg id, text)]) for every <doc> of an mteval XML file, in file order."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    result = []
    for doc in re.finditer(r'<doc\s+docid="([^"]*)"[^>]*>(.*?)</doc>', text, re.S):
        segments = [(seg.group(1), " ".join(html.unescape(seg.group(2)).split()))
                    for seg in re.finditer(r'<seg\s+id="([^"]*)"\s*>(.*?)</seg>', doc.group(2), re.S)]
        result.append((doc.group(1), segments))
    return result

# The -resplit rule: after . ! ? or … (and closing quotes or brackets), before white space and an optional opening
# quote or bracket followed by anything but a lower-case ASCII letter; not after these abbreviations nor after a
# single capital letter and a full stop (an initial).
ABBREVIATIONS = {"Dr.", "Mr.", "Mrs.", "Ms.", "M.", "No.", "no.", "U.S.", "a.m.", "etc."}
BREAK = re.compile(r'[.!?…]+["”’»)\]]*(?=\s+["“‘«(\[]?[^\W_a-z])')

def sentences(segment):
    result, start = [], 0
    for match in BREAK.finditer(segment):
        token = re.search(r"(\S*)$", segment[:match.end()]).group(1)
        if token in ABBREVIATIONS or (len(token) == 2 and token[1] == "." and token[0].isupper()):
            continue
        result.append(segment[start:match.end()].strip())
        start = match.end()
    result.append(segment[start:].strip())
    return result

def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(line + "\n" for line in lines))

source, target = talks(source_xml), talks(target_xml)
if [d for d, _ in source] != [d for d, _ in target]:
    sys.exit(f"{source_xml} and {target_xml} do not hold the same talks")
for (doc, source_segments), (_, target_segments) in zip(source, target):
    if [i for i, _ in source_segments] != [i for i, _ in target_segments]:
        sys.exit(f"talk {doc}: the two files do not hold the same segments")
    name = f"{prefix}.{doc}.txt"
    if mode == "segments":
        write(f"{out}/{source_language}/{name}", [t for _, t in source_segments])
        write(f"{out}/{target_language}/{name}", [t for _, t in target_segments])
        write(f"{out}/gold/{name}", [f"[{k}]:[{k}]" for k in range(len(source_segments))])
    else:
        sides, beads = ([], []), []
        for (_, a), (_, b) in zip(source_segments, target_segments):
            split = (sentences(a), sentences(b))
            bead = []
            for side, parts in zip(sides, split):
                bead.append(list(range(len(side), len(side) + len(parts))))
                side.extend(parts)
            beads.append("[%s]:[%s]" % (", ".join(map(str, bead[0])), ", ".join(map(str, bead[1]))))
        write(f"{out}/{source_language}/{name}", sides[0])
        write(f"{out}/{target_language}/{name}", sides[1])
        write(f"{out}/gold/{name}", beads)
PY
    done
}

recipe_for() {
    case "$1" in
        textberg_de-fr) echo recipe_textberg ;;
        hunalign-*) echo recipe_hunalign ;;
        parice_en-is) echo recipe_parice ;;
        mac-test_zh-en) echo recipe_mac ;;
        iwslt15-ted_en-vi-* | ted_en-fr-*) echo recipe_ted ;;
        *) echo "" ;;
    esac
}

# Copies the files listed for set $1 from --from into folder $2.
copy_set() {
    local name=$1 out=$2 path sha
    [[ -d "$from/$name" ]] || { echo "fetch.sh: $name: not in $from" >&2; return 1; }
    while IFS=$'\t' read -r path sha; do
        [[ -f "$from/$name/$path" ]] || continue  # reported as missing by verify
        mkdir -p "$out/$(dirname "$path")"
        cp -- "$from/$name/$path" "$out/$path"
        chmod u+w "$out/$path"
    done < <(set_files "$name")
}

# --- one set -----------------------------------------------------------------------------------------------------
install_set() {
    local name=$1 target="$dest/$1" count recipe status
    count=$(set_files "$name" | wc -l | tr -d ' ')
    if [[ -d "$target" ]]; then
        if verify "$name" "$target" quiet; then
            echo "$name: already in $dest, $count files verified"
            return 0
        fi
        echo "fetch.sh: $name: the copy in $dest does not match sets.tsv; replacing it" >&2
        rm -rf -- "$target"
    fi
    staging=$(mktemp -d "$dest/.fetch-$name.XXXXXX")
    chmod "$(printf '%o' $((0777 & ~$(umask))))" "$staging"  # mktemp makes it private; the set is not
    if [[ -n "$from" ]]; then
        echo "$name: copying from $from/$name" >&2
        set +e
        (set -e; copy_set "$name" "$staging")
        status=$?
        set -e
    else
        recipe=$(recipe_for "$name")
        if [[ -z "$recipe" || "$(repository "$name")" == "-" ]]; then
            echo "fetch.sh: $name has no public download; copy it from a folder that holds it with --from DIR" >&2
            status=1
        else
            echo "$name: downloading from $(repository "$name") @ $(commit "$name")" >&2
            set +e
            (set -e; "$recipe" "$name" "$staging")
            status=$?
            set -e
        fi
    fi
    if ((status == 0)) && verify "$name" "$staging"; then
        mv -- "$staging" "$target"
        staging=""
        echo "$name: installed in $target, $count files verified"
        return 0
    fi
    rm -rf -- "$staging"
    staging=""
    echo "fetch.sh: $name: NOT installed (see above); nothing of it was left in $dest" >&2
    return 1
}

failed=()
for name in "${requested[@]}"; do
    install_set "$name" || failed+=("$name")
done
if ((${#failed[@]})); then
    echo "fetch.sh: failed: ${failed[*]}" >&2
    exit 1
fi
