#!/usr/bin/env bash
# Checks two promises on a real site: every stale page is explained (in the default mode and under --strict) (a changed section — the front matter is one —,
# a structure signal, or a renamed or created source), in `status` and in `check`'s findings, and
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
python3 - "$work/status.json" "$tandem" "$sample" "$work/strict.json" "$work/check.json" <<'PY'
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
