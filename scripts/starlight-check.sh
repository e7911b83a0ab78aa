#!/usr/bin/env bash
# Checks, on a Starlight site with no tandem.yaml, that `tandem status` pairs every translation with its root source:
# each file under src/content/docs/<locale>/ whose path exists at the root of src/content/docs/ must be a pair of
# exactly those two files, and no translation may be orphaned when its root source exists. The truth is read from
# the file tree with find, not from tandem.
#
#   scripts/starlight-check.sh BUNDLE_OR_CLONE [TANDEM]
#
# BUNDLE_OR_CLONE is cloned into a temporary folder, never changed. Exits 1 on the first disagreement.
set -euo pipefail
input=${1:?usage: starlight-check.sh BUNDLE_OR_CLONE [TANDEM]}
tandem=${2:-tandem}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -c init.defaultBranch=main clone -q "$input" "$work/site"
cd "$work/site"
docs=src/content/docs
[ -f tandem.yaml ] && { echo "the site has a tandem.yaml: this check is about detection" >&2; exit 1; }

# Locales: the folders of src/content/docs named like language tags (xx or xx-yy).
: > "$work/truth.tsv"
for dir in "$docs"/*/; do
  locale=$(basename "$dir")
  [[ $locale =~ ^[a-z]{2}(-[a-z0-9]{2,8})?$ ]] || continue
  (cd "$dir" && find . -type f \( -name '*.md' -o -name '*.mdx' \) | sed 's|^\./||') | while read -r rel; do
    if [ -f "$docs/$rel" ]; then
      printf '%s\t%s\t%s\n' "$locale" "$docs/$rel" "$docs/$locale/$rel" >> "$work/truth.tsv"
    fi
  done
done
sort -o "$work/truth.tsv" "$work/truth.tsv"

"$tandem" status --format json > "$work/status.json"
python3 - "$work/truth.tsv" "$work/status.json" <<'PY'
import json, sys
truth = {tuple(l.rstrip("\n").split("\t")) for l in open(sys.argv[1]) if l.strip()}
report = json.load(open(sys.argv[2]))
pairs = {(p["language"], p["source"], p["translation"]) for p in report["pages"]
         if p.get("source") and p.get("translation") and p["state"] != "missing"}
orphaned = [p for p in report["pages"] if p["state"] == "orphaned"]
missed = sorted(truth - pairs)
print(f"translations with a root source: {len(truth)}; paired as expected: {len(truth & pairs)}; "
      f"orphaned: {len(orphaned)}; languages: {len(report['summary'])}")
for m in missed[:20]:
    print("  not paired:", *m)
ok = not missed and len(truth) > 0
sys.exit(0 if ok else 1)
PY
