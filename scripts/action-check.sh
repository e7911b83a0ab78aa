#!/usr/bin/env bash
# The GitHub Action's logic (action.yml): runs `tandem check` on what the triggering event changed, with GitHub
# annotations; tandem appends its Markdown report to $GITHUB_STEP_SUMMARY itself.
#
# The base revision: the `base` input if given; on `pull_request` (and `pull_request_target`) events the pull
# request's base commit when the clone has it, else origin/<base branch>; on `push` the commit before the push. A push
# that creates a branch (no previous commit) checks the whole repository. On `push`, --pushed tells tandem that HEAD is
# the branch itself, so a pin need only be in HEAD's history.
#
# Environment (set by action.yml from the inputs and the event):
#   TANDEM_BIN       the tandem binary (default: tandem on PATH)
#   INPUT_BASE       revision to compare with, overriding the event's
#   INPUT_FAIL_ON    finding kinds that fail, comma-separated (--fail-on)
#   INPUT_ARGS       more arguments for tandem check, split on spaces (-C site --mode pin…)
#   EVENT_NAME       github.event_name
#   PR_BASE_SHA      github.event.pull_request.base.sha
#   BASE_REF         github.base_ref
#   PUSH_BEFORE      github.event.before
set -euo pipefail

tandem="${TANDEM_BIN:-tandem}"
base="${INPUT_BASE:-}"

if [[ -z "$base" ]]; then
  case "${EVENT_NAME:-}" in
    pull_request | pull_request_target)
      if [[ -n "${PR_BASE_SHA:-}" ]] && git cat-file -e "${PR_BASE_SHA}^{commit}" 2>/dev/null; then
        base="$PR_BASE_SHA"
      elif [[ -n "${BASE_REF:-}" ]]; then
        base="origin/$BASE_REF"
      fi
      ;;
    push)
      if [[ -n "${PUSH_BEFORE:-}" && ! "$PUSH_BEFORE" =~ ^0+$ ]]; then
        base="$PUSH_BEFORE"
      fi
      ;;
  esac
fi

args=(check --format github)
if [[ -n "$base" ]]; then
  args+=(--base "$base")
  # After a push, HEAD is the branch itself: a pin need only be in its history (a merge commit brought it there).
  if [[ "${EVENT_NAME:-}" == push ]]; then
    args+=(--pushed)
  fi
fi
if [[ -n "${INPUT_FAIL_ON:-}" ]]; then
  args+=(--fail-on "$INPUT_FAIL_ON")
fi
if [[ -n "${INPUT_ARGS:-}" ]]; then
  read -r -a extra <<<"$INPUT_ARGS"
  args+=("${extra[@]}")
fi

echo "$tandem ${args[*]}"
exec "$tandem" "${args[@]}"
