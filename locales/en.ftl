# tandem's messages, English. Every id here has a twin in fr.ftl (a test checks it).

## Errors and hints

error-line = error: { $message }
error-not-a-repo = { $path } is not inside a git repository
hint-not-a-repo = run tandem inside your site's clone, or pass -C DIR
error-no-commits = the repository at { $path } has no commits yet
hint-no-commits = commit your pages first: tandem reads their history
error-bare-repo = { $path } is a bare repository
hint-bare-repo = run tandem in a clone with a work tree
error-no-languages = no language folders found under { $root }
hint-no-languages = keep pages in content/<lang>/ folders (content/en, content/fr), or set content and source in tandem.yaml
error-one-language = only one language found ({ $lang }): nothing to compare
error-unknown-language = unknown language { $lang }
hint-known-languages = languages found: { $known }
error-config-parse = cannot read { $path }: { $detail }
hint-config = see the tandem.yaml example in the README
error-config-unknown-key = unknown key { $key } in { $path }
hint-did-you-mean = did you mean { $key }?
error-config-value = bad value for { $key } in { $path }: { $detail }
error-shallow = this clone is shallow, and the history it lacks is needed here
hint-shallow = fetch the whole history: git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)
error-unknown-revision = unknown revision { $rev }
hint-unknown-revision = check the name with git rev-parse, and fetch it if it lives on a remote
error-unrelated-base = { $rev } shares no history with HEAD
error-path-outside-repo = { $path } is outside the repository
error-io = { $path }: { $detail }
error-git = git: { $detail }
error-dir-not-empty = { $path } is not empty
hint-dir-not-empty = give the demo a new or empty folder
error-not-a-page = { $path } is not a page of the site, or it has no pair
hint-not-a-page = give a translation (content/fr/…) or a source page; tandem status lists them
error-ambiguous-page = { $path } has translations in several languages
hint-ambiguous-page = choose one with --lang ({ $languages })

## Warnings (one page each; the page is reported as unknown)

warning-line = warning: { $location }: { $message }
warn-unreadable-io = cannot read the file ({ $detail })
warn-unreadable-binary = the file is binary, not a page
warn-unreadable-utf8 = the file is not valid UTF-8
warn-bad-front-matter = broken front matter: { $detail }
warn-pin-not-found = { $key }: { $pin } names no commit of this repository
warn-pin-ambiguous = { $key }: { $pin } is ambiguous (several commits start with it); write more digits
warn-pin-not-ancestor = { $key }: { $pin } is not in the history of HEAD
warn-pin-beyond-shallow-boundary = { $key }: { $pin } is older than this shallow clone's history (fetch with fetch-depth: 0)
warn-missing-blob = the version of this page at { $commit } is not in this partial clone (fetch it, or clone without --filter)

## Verdicts and reasons

state-current = current
state-stale = stale
state-missing = missing
state-orphaned = orphaned
state-unknown = unknown
reason-source-unchanged = the source is unchanged since the sync point
reason-source-changed = the source changed since the sync point
reason-source-created = the source did not exist yet at the sync point
reason-cosmetic-only = the source changed only in formatting since the sync point
reason-skip-directive = the source's changes since the sync point are all in commits marked [skip-l10n]
reason-structure = the translation lacks content the source has (structure)
reason-not-translated = not translated yet
reason-source-not-found = the source page does not exist
reason-no-pin = no pin in the front matter (--mode pin)
reason-no-sync-point = no pin, and no commit touched the translation yet
reason-pin-not-found = pin { $pin } names no commit
reason-pin-ambiguous = pin { $pin } is ambiguous
reason-pin-not-ancestor = pin { $pin } is not in the history of HEAD
reason-pin-beyond-shallow-boundary = pin { $pin } is beyond the shallow clone's history
reason-bad-front-matter = broken front matter
reason-unreadable = the file cannot be read as text
reason-missing-blob = a needed file version is missing from this partial clone

## status

status-no-pages = No pages to report.
status-language-header = { $lang } translations — { $total ->
        [one] { $total } source page
       *[other] { $total } source pages
    }, { $translated } translated ({ $percent } %)
status-col-section = section
status-col-translated = translated
status-col-current = current
status-col-stale = stale
status-col-missing = missing
status-col-orphaned = orphaned
status-col-unknown = unknown
status-stale-heading = Stale ({ $count }), most behind first:
status-missing-heading = Missing ({ $count }):
status-missing-line = { $translation }   (source { $source })
status-more = … and { $count } more (-v lists them all)
status-orphaned-heading = Orphaned ({ $count }):
status-orphaned-line = { $translation } — { $source } does not exist
status-unknown-heading = Unknown ({ $count }):
status-changed-sections = changed sections: { $sections }
status-section-change = « { $section } » ({ $change })
status-more-sections = { $count } more
status-structure-detail = the source did not change, but the translation lacks content it has (tandem compare shows what)
status-next = Next: tandem diff { $page }
status-all-current = { $count ->
        [one] The translated page is current.
       *[other] All { $count } pages are translated and current.
    }
commits-behind = { $count ->
        [one] { $count } commit behind
       *[other] { $count } commits behind
    }
commits-behind-unknown = ? commits behind
sync-pin = pinned { $commit } ({ $date })
sync-history = history: last { $lang } commit { $commit } ({ $date })
sync-history-weak = ⚠ weaker method

## status --format markdown

md-col-page = page
md-col-state = state
md-col-behind = commits behind
md-col-why = why

## demo

demo-built = built a demo site with { $languages } languages and { $commits } commits in { $dir }
demo-try-next = Try next:

## Sections, severities and structure signals

section-preamble = (before the first heading)
line = line { $line }
severity-none = none
severity-low = low
severity-high = high
change-added = added
change-removed = removed
change-modified = modified
change-moved = moved
change-cosmetic = cosmetic
change-unchanged = unchanged
signal-missing-section = « { $section } » has no counterpart in the translation
signal-extra-section = « { $section } » in the translation has no counterpart in the source
signal-missing-paragraph = « { $section } »: { $source } paragraphs in the source, { $translation } in the translation
signal-extra-paragraph = « { $section } »: { $source } paragraphs in the source, { $translation } in the translation
signal-missing-list-item = « { $section } »: { $source } list items in the source, { $translation } in the translation
signal-extra-list-item = « { $section } »: { $source } list items in the source, { $translation } in the translation
signal-missing-code-block = « { $section } »: { $source } code blocks in the source, { $translation } in the translation
signal-extra-code-block = « { $section } »: { $source } code blocks in the source, { $translation } in the translation
signal-code-changed = « { $section } »: commands or flags differ in code: { $items }
signal-table-changed = « { $section } »: tables differ ({ $source } rows in the source, { $translation } in the translation)
signal-missing-image = « { $section } »: images missing from the translation: { $items }
signal-image-changed = « { $section } »: other image files: { $items }
signal-missing-link = « { $section } »: link targets missing from the translation: { $items }
signal-shortcodes-differ = « { $section } »: shortcodes differ: { $items }
signal-heading-level = « { $section } »: heading level { $source } in the source, { $translation } in the translation

## compare

compare-header = { $source } ⇄ { $translation }: { $state }, severity { $severity }
compare-sections = Sections (source ⇄ translation):
compare-none = (none)
compare-no-counterpart = (no counterpart)
compare-signals = Structure signals:

## diff

diff-header = Source: { $source }   { $since }
diff-since-pin = since pin { $commit } ({ $date }) → HEAD { $head }
diff-since-history = since { $commit } ({ $date }, last commit of the translation) → HEAD { $head }
diff-summary = { $changed } of { $total ->
        [one] { $total } section
       *[other] { $total } sections
    } changed · { $cosmetic ->
        [one] { $cosmetic } cosmetic change ignored
       *[other] { $cosmetic } cosmetic changes ignored
    }
diff-no-change = { $translation } is { $state }: { $reason }.
diff-structure-hint = The source did not change since the sync point, but the translation lacks content it has: tandem compare shows what.
diff-added-no-counterpart = { $change } — no counterpart in the translation
diff-to-update = ← to update (line { $line })
diff-to-remove = ← to remove (line { $line })
diff-insert-after = (insert after « { $section } », line { $line })
diff-insert-top = (insert at the top)

## check

check-header-repo = tandem check: the whole repository
check-header-pr = tandem check: what this pull request changes against { $base } (merge base { $merge_base })
check-clean-repo = No findings: every translation is in step.
check-clean-pr = This pull request leaves every translation in step.
check-language = { $lang }: { $count ->
        [one] { $count } finding
       *[other] { $count } findings
    }, { $failing } failing
check-result = Result: { $failing ->
        [one] { $failing } failing finding
       *[other] { $failing } failing findings
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }.
check-more-annotations = … { $count } more findings are in the step summary (GitHub shows ten annotations of each kind per step).
check-summary-title = tandem check
check-summary-line = tandem: { $untranslated }; { $pins ->
        [one] { $pins } pin problem
       *[other] { $pins } pin problems
    }; { $orphans ->
        [one] { $orphans } orphan
       *[other] { $orphans } orphans
    }; { $failing } failing; see the step summary.
check-summary-untranslated = { $count ->
        [one] { $count } page needs translation
       *[other] { $count } pages need translation
    }
check-col-language = language
check-col-page = translation
check-col-finding = finding
check-col-action = what to do
check-title-stale = Stale translation ({ $lang })
check-title-missing = Not translated ({ $lang })
check-title-orphaned = Orphaned translation ({ $lang })
check-title-invalid-pin = Invalid pin ({ $lang })
check-title-no-sync-point = No sync point ({ $lang })
check-title-unreadable = Unreadable translation ({ $lang })
check-title-stale-in-pr = Not translated ({ $lang })
check-title-missing-pin = Translation without a pin ({ $lang })
check-title-orphaned-in-pr = Translation left behind ({ $lang })
check-msg-stale = { $source } changed since this translation was last in step; update { $translation }.
check-msg-missing = { $source } has no { $lang } translation yet ({ $translation }).
check-msg-orphaned = { $translation } has no source: { $source } does not exist.
check-msg-invalid-pin = { $reason }. Run tandem sync { $translation } once it is up to date.
check-msg-no-sync-point = { $translation } has no pin and has never been committed: commit it, or run tandem sync { $translation }.
check-msg-unreadable = { $translation }: { $reason }.
check-msg-stale-in-pr = { $count ->
        [0] This page changed, but { $translation } was not updated. Update it in this PR, or mark the commit [skip-l10n] if nothing needs translating.
       *[other] { $sections } changed, but { $translation } was not updated. Update it in this PR, or mark the commit [skip-l10n] if nothing needs translating.
    }
check-msg-stale-in-pr-section = This section ({ $section }) changed, but { $translation } was not updated. Update it in this PR, or mark the commit [skip-l10n] if nothing needs translating.
check-msg-missing-pin = { $translation } is new and records no source commit: run tandem sync { $translation }.
check-msg-orphaned-in-pr = { $source } was deleted, but { $translation } is still there: delete it too.
check-msg-orphaned-in-pr-renamed = { $source } was renamed to { $renamed_to }: run git mv { $translation } { $move_to }

## history (progress of long walks, shown on a terminal)
progress-loading-commits = Reading the commits of HEAD
progress-comparing-commits = Finding the last commit of each translation
progress-counting-changes = Counting the commits behind each sync point
cache-reused = history: answered from the cache (.git/tandem/history.cache)
cache-extended = { $count ->
        [one] history: cache brought up to date with { $count } new commit
       *[other] history: cache brought up to date with { $count } new commits
    }
cache-rebuilt = history: read from the repository (no usable cache)
