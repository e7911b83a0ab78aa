#!/usr/bin/env bash
# Measures `tandem pair --suggest` against true pairs known without tandem: the pairs are taken from the site (a
# truth file, the keys, or the paths), the evidence that paired them is removed in a throwaway commit, and the
# suggestions are compared with the true pairs.
#
#   scripts/suggest-measure.sh BUNDLE_OR_CLONE [TANDEM] [OPTIONS]
#
# BUNDLE_OR_CLONE is a git bundle or a clone; it is cloned into a temporary folder, never changed. The true pairs:
#
#   --truth FILE          a TSV file of `source<TAB>translation` lines, repo-relative paths as they are after the
#                         throwaway commit (with --strip KEY, which names the lines to remove);
#   --keys KEY            derived from the key before it is removed (and KEY lines are then removed): `altLangPage`
#                         names the other page by file name, `translationKey` (or any other key) is a shared value;
#   --rename SRC TGT      derived from the paths: each page under the folder TGT that has a page at the same path
#                         under SRC is renamed to a slug of its title (`Déploiement canari` → deploiement-canari.md),
#                         so that neither a key nor its path pairs it (pages named `_x.md` are left alone).
#
# Without any of them: `--keys altLangPage` (the Government of Canada playbook). Other options:
#
#   --strip KEY           remove every `KEY:` front-matter line too (repeatable);
#   --scope PREFIX        judge only suggestions whose translation path starts with PREFIX (--rename sets it to TGT/);
#   --min-score N         passed to tandem (default 0.4, tandem's own).
#
# The true pairs are read with grep and python, not by tandem. Prints precision, recall and the time tandem took;
# exits 1 when recall is below 0.9 or precision below 0.95.
set -euo pipefail
usage="usage: suggest-measure.sh BUNDLE_OR_CLONE [TANDEM] [--truth FILE | --keys KEY | --rename SRC TGT] [--strip KEY]... [--scope PREFIX] [--min-score N]"
input=${1:?$usage}
shift
tandem=tandem
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  tandem=$1
  shift
fi
truth_file="" keys="" rename_src="" rename_tgt="" scope="" min_score=0.4
strip=()
while [ $# -gt 0 ]; do
  case $1 in
    --truth) truth_file=$(realpath "$2"); shift 2 ;;
    --keys) keys=$2; strip+=("$2"); shift 2 ;;
    --rename) rename_src=${2%/}; rename_tgt=${3%/}; scope=${scope:-$rename_tgt/}; shift 3 ;;
    --strip) strip+=("$2"); shift 2 ;;
    --scope) scope=$2; shift 2 ;;
    --min-score) min_score=$2; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
if [ -z "$truth_file$keys$rename_src" ]; then
  keys=altLangPage
  strip+=(altLangPage)
fi
case $tandem in */*) tandem=$(realpath "$tandem") ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$input" "$work/site" 2>/dev/null
cd "$work/site"
truth="$work/truth.tsv"
: > "$truth"
[ -n "$truth_file" ] && cp "$truth_file" "$truth"

if [ -n "$keys" ]; then
  # Every Markdown page with the key, in the two language folders that hold the most of them.
  python3 - "$keys" "$truth" <<'PY'
import os, re, sys
from collections import defaultdict
key, out = sys.argv[1], sys.argv[2]
line = re.compile(r"^" + re.escape(key) + r":\s*(.*?)\s*$")
values = {}
for top, _, files in os.walk("."):
    if "/.git" in top:
        continue
    for name in files:
        if name.endswith((".md", ".mdx", ".markdown")):
            path = os.path.relpath(os.path.join(top, name))
            for text in open(path, encoding="utf-8", errors="replace").read().split("\n")[:60]:
                m = line.match(text)
                if m:
                    values[path] = m.group(1).strip("\"'\r")
                    break
folders = defaultdict(int)
for path in values:
    folders[os.path.dirname(path) or "."] += 1
source_dir = "en" if "en" in folders else max(folders, key=folders.get)
pairs = set()
if key == "altLangPage":
    # The value names the other page by file name (a path or URL: its last part, without extension).
    def stem(v):
        return re.sub(r"\.(md|html)$", "", v.rstrip("/").split("/")[-1])
    by_stem = defaultdict(list)
    for path in values:
        by_stem[(os.path.dirname(path), stem(os.path.basename(path)))].append(path)
    for path, value in values.items():
        others = [p for (folder, s), ps in by_stem.items() if s == stem(value) and folder != os.path.dirname(path) for p in ps]
        if len(others) == 1:
            a, b = path, others[0]
            pairs.add((a, b) if os.path.dirname(a) == source_dir else (b, a))
else:
    # A shared value: the page whose path has the folder `en` (else the first language folder seen) is the source.
    def lang(path):
        return next((part for part in path.split("/")[:-1] if re.fullmatch(r"[a-z]{2}(-[a-z]{2,4})?", part)), "")
    langs = sorted({lang(p) for p in values} - {""})
    source_lang = "en" if "en" in langs else (langs[0] if langs else "")
    groups = defaultdict(list)
    for path, value in values.items():
        groups[value].append(path)
    for paths in groups.values():
        for s in [p for p in paths if lang(p) == source_lang]:
            for t in [p for p in paths if lang(p) not in ("", source_lang)]:
                pairs.add((s, t))
with open(out, "a") as f:
    for s, t in sorted(pairs):
        f.write(f"{s}\t{t}\n")
PY
fi

if [ -n "$rename_src" ]; then
  python3 - "$rename_src" "$rename_tgt" "$truth" <<'PY'
import os, re, subprocess, sys, unicodedata
src, tgt, out = sys.argv[1:4]
def slug(title):
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
taken = set()
for top, _, files in os.walk(src):
    taken.update(os.path.relpath(os.path.join(top, f), src) for f in files)
pairs = []
for top, _, files in os.walk(tgt):
    for name in sorted(files):
        path = os.path.join(top, name)
        rel = os.path.relpath(path, tgt)
        if name.startswith("_") or not name.endswith(".md") or rel not in taken:
            continue
        text = open(path, encoding="utf-8").read()
        m = re.search(r"^title:\s*(.+?)\s*$", text, re.M)
        new = slug(m.group(1).strip("\"'")) if m else ""
        if not new:
            continue
        new_rel = os.path.join(os.path.dirname(rel), new + ".md")
        if new_rel == rel:
            continue
        if new_rel in taken:
            new_rel = os.path.join(os.path.dirname(rel), new + "-" + os.path.basename(tgt) + ".md")
        if os.path.exists(os.path.join(tgt, new_rel)):
            continue
        subprocess.run(["git", "mv", path, os.path.join(tgt, new_rel)], check=True)
        pairs.append((os.path.join(src, rel), os.path.join(tgt, new_rel)))
with open(out, "a") as f:
    for s, t in pairs:
        f.write(f"{s}\t{t}\n")
PY
fi
sort -u -o "$truth" "$truth"

# The throwaway commit: the keys removed (and the renames made).
for key in "${strip[@]}"; do
  grep -rlE "^$key:" --include='*.md' --include='*.mdx' . | xargs -r sed -i "/^$key:/d"
done
git -c user.name=measure -c user.email=measure@example.org commit -qam "throwaway: remove the pairing evidence" --allow-empty

start=$(date +%s.%N)
"$tandem" pair --suggest --format json --min-score "$min_score" > "$work/suggestions.json"
seconds=$(echo "$(date +%s.%N) - $start" | bc)
python3 - "$truth" "$work/suggestions.json" "$scope" "$seconds" <<'PY'
import json, sys
truth = {tuple(line.rstrip("\n").split("\t")) for line in open(sys.argv[1]) if line.strip()}
scope = sys.argv[3]
suggested = [(s["source"], s["translation"], s["score"]) for s in json.load(open(sys.argv[2]))["suggestions"]
             if s["translation"].startswith(scope)]
pairs = {(s, t) for s, t, _ in suggested}
right = pairs & truth
precision = len(right) / len(pairs) if pairs else 0.0
recall = len(right) / len(truth) if truth else 0.0
print(f"true pairs: {len(truth)}; suggestions: {len(pairs)}; right: {len(right)}; tandem took {float(sys.argv[4]):.1f} s")
print(f"precision: {precision:.3f}; recall: {recall:.3f}")
for s, t, score in suggested:
    mark = "ok " if (s, t) in truth else "BAD"
    print(f"  {mark} {score:.2f}  {s} ⇄ {t}")
for s, t in sorted(truth - pairs):
    print(f"  missed  {s} ⇄ {t}")
sys.exit(0 if precision >= 0.95 and recall >= 0.9 else 1)
PY
