#!/usr/bin/env bash
# The GitHub Action's logic (action.yml): runs `tandem check` on what the triggering event changed, with GitHub
# annotations; tandem appends its Markdown report to $GITHUB_STEP_SUMMARY itself.
#
# The base revision: the `base` input if given; else, on `pull_request` (and `pull_request_target`) events:
#   - HEAD^1 when HEAD is GitHub's test merge of the pull request (refs/pull/N/merge, what actions/checkout checks out):
#     a commit with two parents whose second is the pull request's head (PR_HEAD_SHA; without it, on `pull_request`,
#     two parents are enough). Its first parent is the base branch's tip the pull request was merged into;
#   - else origin/<base branch> when the clone has it (fetch-depth: 0);
#   - else the event's base.sha when the clone has it. It comes last: GitHub sets it when the pull request is opened
#     and does not move it when the base branch moves on, so the commits merged there since would be blamed on the
#     pull request;
#   - else origin/<base branch> all the same, and tandem says it is not in the clone (exit 2, with the fix).
# On `push`, the commit before the push. When the clone lacks it — checkout's default fetch-depth (1) leaves it out,
# and after a forced push it is on no branch, so even fetch-depth: 0 does not fetch it — a warning says so and why,
# and HEAD^1 stands in when the clone has it: what the push's last commit changed, which is the whole push unless it
# brought several commits, and, for a merge commit, the pull request it merged. Else the whole repository is checked
# (the check the clone can still answer, rather than none). A push that creates a branch (no previous commit) checks
# the whole repository. On `push`, --pushed tells tandem that HEAD is the branch itself, so a pin need only be in
# HEAD's history.
# The script's own messages come from tandem's catalogs (`tandem __message`), in the language tandem speaks.
#
# Environment (set by action.yml from the inputs and the event):
#   TANDEM_BIN       the tandem binary (default: tandem on PATH)
#   INPUT_BASE       revision to compare with, overriding the event's
#   INPUT_FAIL_ON    finding kinds that fail, comma-separated (--fail-on)
#   INPUT_ARGS       more arguments for tandem check, split on spaces (-C site --mode pin…)
#   EVENT_NAME       github.event_name
#   PR_BASE_SHA      github.event.pull_request.base.sha
#   PR_HEAD_SHA      github.event.pull_request.head.sha
#   BASE_REF         github.base_ref
#   PUSH_BEFORE      github.event.before
set -euo pipefail

tandem="${TANDEM_BIN:-tandem}"
base="${INPUT_BASE:-}"

# Whether the clone has this commit.
has_commit() {
  git rev-parse -q --verify "$1^{commit}" >/dev/null 2>&1
}

# Whether HEAD is GitHub's test merge of the pull request: two parents (both in the clone), the second its head.
is_test_merge() {
  if ! has_commit HEAD^1 || ! has_commit HEAD^2 || has_commit HEAD^3; then
    return 1
  fi
  if [[ -n "${PR_HEAD_SHA:-}" ]]; then
    [[ "$(git rev-parse HEAD^2)" == "$PR_HEAD_SHA" ]]
  else
    [[ "${EVENT_NAME:-}" == pull_request ]]
  fi
}

# On a pull request's event, HEAD must hold the pull request's head: on `pull_request_target`, actions/checkout checks
# out the base branch, and a check there finds nothing to blame and passes. A shallow clone cannot tell (tandem stops
# on it with its own fix).
case "${EVENT_NAME:-}" in
  pull_request | pull_request_target)
    if [[ -n "${PR_HEAD_SHA:-}" && "$(git rev-parse --is-shallow-repository 2>/dev/null)" != true ]] &&
      ! { has_commit "$PR_HEAD_SHA" && git merge-base --is-ancestor "$PR_HEAD_SHA" HEAD 2>/dev/null; }; then
      echo "::error::$("$tandem" __message action-head-not-pull-request "head=$PR_HEAD_SHA" "event=$EVENT_NAME")"
      exit 2
    fi
    ;;
esac

if [[ -z "$base" ]]; then
  case "${EVENT_NAME:-}" in
    pull_request | pull_request_target)
      if is_test_merge; then
        base="HEAD^1"
      elif [[ -n "${BASE_REF:-}" ]] && has_commit "refs/remotes/origin/$BASE_REF"; then
        base="origin/$BASE_REF"
      elif [[ -n "${PR_BASE_SHA:-}" ]] && git cat-file -e "${PR_BASE_SHA}^{commit}" 2>/dev/null; then
        base="$PR_BASE_SHA"
      elif [[ -n "${BASE_REF:-}" ]]; then
        base="origin/$BASE_REF"
      fi
      ;;
    push)
      if [[ -n "${PUSH_BEFORE:-}" && ! "$PUSH_BEFORE" =~ ^0+$ ]]; then
        if git cat-file -e "${PUSH_BEFORE}^{commit}" 2>/dev/null; then
          base="$PUSH_BEFORE"
        else
          if has_commit HEAD^1; then
            base="HEAD^1"
            fallback=parent
          else
            fallback=repository
          fi
          echo "::warning::$("$tandem" __message action-push-before-missing "before=$PUSH_BEFORE" "fallback=$fallback")"
        fi
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
  # `fail-on: stale-in-pr, invalid-pin` is how a YAML list reads: the spaces are not part of the kinds.
  args+=(--fail-on "${INPUT_FAIL_ON//[[:space:]]/}")
fi
if [[ -n "${INPUT_ARGS:-}" ]]; then
  read -r -a extra <<<"$INPUT_ARGS"
  args+=("${extra[@]}")
fi

echo "$tandem ${args[*]}"
exec "$tandem" "${args[@]}"
