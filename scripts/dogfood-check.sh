#!/usr/bin/env bash
# tandem checks its own README: README.fr.md must follow every change of README.md (the project's tandem.yaml names
# only these two pages; docs/dogfooding.md says how the pair is kept). Fails (exit 1) when README.fr.md is stale.
#
#   scripts/dogfood-check.sh TANDEM [CLONE]    TANDEM: the binary to run; CLONE: the project (default: this clone)
set -euo pipefail
tandem=${1:?usage: scripts/dogfood-check.sh TANDEM [CLONE]}
clone=${2:-$(cd "$(dirname "$0")/.." && pwd)}
# History mode: the sync point of README.fr.md is the last commit that touched it (no front matter in a README).
exec "$tandem" -C "$clone" --ui-lang en check --mode history
