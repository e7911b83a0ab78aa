#!/usr/bin/env bash
# Measures `tandem pair --suggest` on a site paired by `altLangPage` keys: the keys give the true pairs, then every
# `altLangPage` line is removed in a throwaway commit and the suggestions are compared with the true pairs.
#
#   scripts/suggest-measure.sh BUNDLE_OR_CLONE [TANDEM] [MIN_SCORE]
#
# BUNDLE_OR_CLONE is a git bundle or a clone; it is cloned into a temporary folder, never changed. The true pairs are
# read from the front matter with grep (an English page's `altLangPage: x` names fr/x.md, and the reverse), not by
# tandem. Prints precision and recall, and exits 1 when either is below 0.9.
set -euo pipefail
input=${1:?usage: suggest-measure.sh BUNDLE_OR_CLONE [TANDEM] [MIN_SCORE]}
tandem=${2:-tandem}
min_score=${3:-0.5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$input" "$work/site"
cd "$work/site"

# The true pairs, from the keys: en/a.md says altLangPage: b → (en/a.md, fr/b.md); fr pages say the same backwards.
truth="$work/truth.tsv"
: > "$truth"
for file in en/*.md; do
  alt=$(sed -n 's/^altLangPage:[[:space:]]*//p' "$file" | head -1 | tr -d '"\r')
  [ -n "$alt" ] && printf '%s\t%s\n' "$file" "fr/${alt%.md}.md" >> "$truth"
done
for file in fr/*.md; do
  alt=$(sed -n 's/^altLangPage:[[:space:]]*//p' "$file" | head -1 | tr -d '"\r')
  [ -n "$alt" ] && printf '%s\t%s\n' "en/${alt%.md}.md" "$file" >> "$truth"
done
sort -u -o "$truth" "$truth"

# The throwaway commit: every altLangPage line removed.
grep -rl '^altLangPage:' --include='*.md' . | xargs sed -i '/^altLangPage:/d'
git -c user.name=measure -c user.email=measure@example.org commit -qam "throwaway: remove altLangPage"

"$tandem" pair --suggest --format json --min-score "$min_score" > "$work/suggestions.json"
python3 - "$truth" "$work/suggestions.json" <<'PY'
import json, sys
truth = {tuple(line.rstrip("\n").split("\t")) for line in open(sys.argv[1]) if line.strip()}
suggested = [(s["source"], s["translation"], s["score"]) for s in json.load(open(sys.argv[2]))["suggestions"]]
pairs = {(s, t) for s, t, _ in suggested}
right = pairs & truth
precision = len(right) / len(pairs) if pairs else 0.0
recall = len(right) / len(truth) if truth else 0.0
print(f"true pairs: {len(truth)}; suggestions: {len(pairs)}; right: {len(right)}")
print(f"precision: {precision:.3f}; recall: {recall:.3f}")
for s, t, score in suggested:
    mark = "ok " if (s, t) in truth else "BAD"
    print(f"  {mark} {score:.2f}  {s} ⇄ {t}")
for s, t in sorted(truth - pairs):
    print(f"  missed  {s} ⇄ {t}")
sys.exit(0 if precision >= 0.9 and recall >= 0.9 else 1)
PY
