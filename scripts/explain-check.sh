#!/usr/bin/env bash
# Checks two promises on a real site: every stale page is explained (in the default mode and under --strict) (a changed section — the front matter is one —,
# a structure signal, or a renamed or created source), in `status` (JSON, text piped and on a terminal) and in
# `check`'s findings, and
# `tandem compare SOURCE TRANSLATION` gives the same state as `tandem status` on a sample of pairs.
#
#   scripts/explain-check.sh BUNDLE_OR_CLONE [TANDEM] [SAMPLE]
#
# BUNDLE_OR_CLONE is cloned into a temporary folder, never changed. SAMPLE (default 25) pairs are compared, chosen
# with a fixed seed so runs are repeatable. Exits 1 on the first broken promise.
set -euo pipefail
input=${1:?usage: explain-check.sh BUNDLE_OR_CLONE [TANDEM] [SAMPLE]}
tandem=${2:-tandem}
sample=${3:-25}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -c init.defaultBranch=main clone -q "$input" "$work/site"
cd "$work/site"
"$tandem" status --format json > "$work/status.json"
"$tandem" status --strict --format json > "$work/strict.json"
"$tandem" check --warn-only --format json > "$work/check.json"
# The text reports too: piped (every page), and on a terminal (the summary of several languages) where `script` can
# give one.
"$tandem" --ui-lang en status > "$work/status.txt"
"$tandem" --ui-lang en status --strict > "$work/strict.txt"
if command -v script > /dev/null; then
  COLUMNS=120 script -qec "'$tandem' --ui-lang en status --color never" /dev/null | tr -d '\r' > "$work/tty.txt"
else
  : > "$work/tty.txt"
fi
python3 - "$work/status.json" "$tandem" "$sample" "$work/strict.json" "$work/check.json" "$work" <<'PY'
import json, random, subprocess, sys
report = json.load(open(sys.argv[1]))
tandem, sample = sys.argv[2], int(sys.argv[3])
unexplained = []
for name, doc in (("default", report), ("--strict", json.load(open(sys.argv[4])))):
    stale = [p for p in doc["pages"] if p["state"] == "stale"]
    missing = [p for p in stale
               if not p["changed_sections"] and not p.get("signals")
               and p["reason"] not in ("source-renamed", "source-created")]
    print(f"{name}: stale pages: {len(stale)}; without explanation: {len(missing)}")
    for p in missing[:10]:
        print("  unexplained:", p["translation"], p["reason"])
    unexplained += missing
# check's stale findings carry the same explanation (changed sections or signals).
reasons = {(p["language"], p["translation"]): p["reason"] for p in report["pages"]}
findings = [f for f in json.load(open(sys.argv[5]))["findings"] if f["kind"] in ("stale", "mirrored-only")]
bare = [f for f in findings
        if not f["sections"] and not f.get("signals")
        and reasons.get((f["language"], f["translation"])) not in ("source-renamed", "source-created")]
print(f"check: stale findings: {len(findings)}; without explanation: {len(bare)}")
for f in bare[:10]:
    print("  unexplained finding:", f["translation"])
unexplained += bare
# In text, each stale page's line ("N commits behind", or "source unchanged" for a page stale by structure) has its
# reason on the indented line under it.
import os, re
for name in ("status.txt", "strict.txt", "tty.txt"):
    lines = open(os.path.join(sys.argv[6], name)).read().splitlines()
    at = [i for i, line in enumerate(lines) if re.search(r" [0-9]+ commits? behind|   source unchanged   ", line)]
    bare_lines = [lines[i] for i in at if i + 1 >= len(lines) or not re.match(r"    \S", lines[i + 1])]
    print(f"text {name}: stale page lines: {len(at)}; without a reason under them: {len(bare_lines)}")
    for line in bare_lines[:10]:
        print("  unexplained line:", line.strip())
    unexplained += bare_lines
pairs = [p for p in report["pages"] if p["state"] in ("current", "stale")]
random.seed(2026)
chosen = random.sample(pairs, min(sample, len(pairs)))
disagree = []
for p in chosen:
    out = subprocess.run([tandem, "compare", p["source"], p["translation"], "--format", "json"],
                         capture_output=True, text=True)
    state = json.loads(out.stdout)["state"] if out.stdout.strip() else None
    if state != p["state"]:
        disagree.append((p["translation"], p["state"], state))
print(f"compare = status on {len(chosen) - len(disagree)} of {len(chosen)} pairs")
for d in disagree:
    print("  status {1}, compare {2}: {0}".format(*d))
sys.exit(1 if unexplained or disagree else 0)
PY
