#!/usr/bin/env bash
# Compares `tandem status --mode history --strict` with the lsync method, page by page, on a real site.
#
#   scripts/lsync-compare.sh CLONE [TANDEM]
#
# For each translation under content/<lang>/ (every language but the source, en): the lsync method takes
# `git log -1 --format=%H -- <translation>`, then `git diff --quiet <that>...HEAD -- <source>` (0: current, 1: stale);
# a translation whose source is gone is "removed" (tandem: orphaned). It also compares commits behind with
# `git rev-list --count <that>..HEAD -- <source>`. Prints the agreement and exits 1 on any difference.
set -euo pipefail
clone=${1:?usage: lsync-compare.sh CLONE [TANDEM]}
tandem=${2:-tandem}
source_lang=${SOURCE_LANG:-en}
cd "$clone"

expected=$(mktemp)
trap 'rm -f "$expected"' EXIT
for dir in content/*/; do
  lang=$(basename "$dir")
  [ "$lang" = "$source_lang" ] && continue
  while IFS= read -r -d '' file; do
    rel=${file#content/$lang/}
    source="content/$source_lang/$rel"
    case "$file" in *.md|*.markdown|*.html) ;; *) continue ;; esac
    sync=$(git log -1 --format=%H -- "$file")
    if [ -z "$sync" ]; then
      verdict=unknown; behind=null
    elif [ ! -e "$source" ]; then
      verdict=orphaned; behind=null
    else
      if git diff --quiet "$sync...HEAD" -- "$source"; then verdict=current; else verdict=stale; fi
      behind=$(git rev-list --count "$sync..HEAD" -- "$source")
    fi
    printf '%s\t%s\t%s\n' "$file" "$verdict" "$behind" >> "$expected"
  done < <(find "$dir" -type f -print0)
done

"$tandem" status --mode history --strict --format json > "$expected.json"
python3 - "$expected" "$expected.json" <<'PY'
import json, sys
expected = {}
for line in open(sys.argv[1]):
    path, verdict, behind = line.rstrip("\n").split("\t")
    expected[path] = (verdict, None if behind == "null" else int(behind))
pages = {p["translation"]: p for p in json.load(open(sys.argv[2]))["pages"] if p["state"] != "missing"}
verdicts = counts = 0
diffs = []
for path, (verdict, behind) in sorted(expected.items()):
    page = pages.get(path)
    if page is None:
        diffs.append(f"{path}: lsync {verdict}, not in tandem's report")
        continue
    if page["state"] == verdict:
        verdicts += 1
    else:
        diffs.append(f"{path}: lsync {verdict}, tandem {page['state']} ({page['reason']})")
    if page["commits_behind"] == behind:
        counts += 1
    else:
        diffs.append(f"{path}: git rev-list --count {behind}, tandem commits_behind {page['commits_behind']}")
extra = sorted(set(pages) - set(expected))
for path in extra:
    diffs.append(f"{path}: in tandem's report, not found by the script")
total = len(expected)
print(f"verdicts: {verdicts}/{total} agree; commits behind: {counts}/{total} agree")
for d in diffs[:50]:
    print("  " + d)
sys.exit(1 if diffs else 0)
PY
status=$?
rm -f "$expected.json"
exit $status
