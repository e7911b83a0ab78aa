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
error-path-outside-repo = { $path } is outside the repository
error-io = { $path }: { $detail }
error-git = git: { $detail }
error-dir-not-empty = { $path } is not empty
hint-dir-not-empty = give the demo a new or empty folder

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

## Verdicts and reasons

state-current = current
state-stale = stale
state-missing = missing
state-orphaned = orphaned
state-unknown = unknown
reason-source-unchanged = the source is unchanged since the sync point
reason-source-changed = the source changed since the sync point
reason-source-created = the source did not exist yet at the sync point
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

## front-matter edits (sync, scaffold, pair --write)

edit-bad-front-matter = { $path }:{ $line }: broken front matter: { $detail }
hint-edit-bad-front-matter = fix the front matter by hand first; tandem changes nothing in a file it cannot read
edit-unsupported = { $path }:{ $line }: { $key } cannot be rewritten in place: { $what ->
        [multi-line] its value spans several lines
        [block-scalar] its value is a block scalar (| or >)
        [anchor] its value carries an anchor (&name)
        [alias] its value is an alias (*name)
        [tag] its value carries a tag (!!type)
        [flow-collection] it is a flow collection ([…] or {"{"}…{"}"})
        [collection] it is a map or a list, not a single value
       *[other] it is not written as `key: value` on one line
    }
hint-edit-unsupported = write it as `key: value` on one line, then run tandem again
edit-not-a-map = { $path }:{ $line }: { $key } is not a map, so no key can go under it
edit-bad-key = { $path }: the key “{ $key }” has an empty part
hint-edit-bad-key = write nested keys with dots between non-empty parts: l10n.sourceCommit
edit-unverified = { $path }: the edit of { $key } could not be verified ({ $detail }); nothing was written
hint-edit-unverified = this is a bug in tandem: please report it with the front matter of this file
