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
hint-no-languages-example = tandem looked for a Hugo config (hugo.*, config.*, config/_default/), an Astro config (astro.config.*: Starlight, or Markdown pages in src/pages/<locale>/ with its i18n), a Docusaurus config, a VitePress or VuePress config (.vitepress/config.*, .vitepress/config/index.*, .vuepress/config.*), an MkDocs config (mkdocs.yml), language folders (content/<lang>/, src/content/<collection>/<lang>/, src/<lang>/, <lang>/, a folder of language folders only such as files/<lang>/), language suffixes (x.fr.md) and the source's pages beside folders of their translations (index.md and fr/index.md, in src/content/<collection>/, docs/, src/ or at the top); this tandem.yaml, built from the folders seen, would work once its languages are right:
hint-no-languages-pelican = this is a Pelican site (pelicanconf.py): Pelican pairs a page with its translations by the Slug in their metadata header (Lang: en, Slug: le-col), which tandem does not read, as it reads front matter in YAML or TOML only. Name each translation after its page with its language before the extension (le-col.en.md beside le-col.md: Pelican takes Lang and Slug from the header whatever the file's name), and tandem pairs them by name, with this tandem.yaml (it also reads a site with no translation yet, every page then missing):
error-site-submodule = { $dir }/ is a git submodule: run tandem -C { $dir }
error-several-sites = this repository holds several sites: { $sites }
hint-several-sites = run tandem in the one to look at (tandem -C { $first } status), or write a tandem.yaml at the top that says where the pages are (content:)
error-one-language = only one language found ({ $lang }): nothing to compare
hint-one-language = to start a first translation, name its language: tandem scaffold <page> --lang fr, or languages: [fr] in tandem.yaml (its folder goes beside the source's); or name each language's folder in tandem.yaml: content: {"{"} { $lang }: content/{ $lang }, fr: content/fr {"}"}
hint-one-language-docusaurus = a Docusaurus site keeps each translation in i18n/<lang>/ (i18n/fr/docusaurus-plugin-content-docs/current/ for docs/, i18n/fr/docusaurus-plugin-content-blog/ for blog/); if its source language is not { $lang }, set source in tandem.yaml
error-unknown-language = unknown language { $lang }
hint-known-languages = languages found: { $known }
error-source-language-given = { $lang } is the source language, not a translation's
hint-target-languages = --lang takes target languages: { $targets }
error-config-parse = cannot read { $path }: { $detail }
hint-config = see the tandem.yaml example in the README
error-config-unknown-key = unknown key { $key } in { $path }
hint-did-you-mean = did you mean { $key }?
error-config-value = bad value for { $key } in { $path }: { $detail }
error-shallow = this clone is shallow, and the history it lacks is needed here
hint-shallow = fetch the whole history: git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)
error-unknown-revision = unknown revision { $rev }
hint-unknown-revision = check the name with git rev-parse, and fetch it if it lives on a remote
error-unknown-revision-shallow = unknown revision { $rev } in this shallow clone: it may be history the clone lacks
error-unrelated-base = { $rev } shares no history with HEAD
error-path-outside-repo = { $path } is outside the repository
error-io = { $path }: { $detail }
io-not-found = no such file or folder
io-permission-denied = permission denied
hint-permission-denied = check the permissions of the file and its folders (ls -l): tandem runs as you
io-is-a-directory = a folder, not a file
io-not-a-directory = a part of the path is a file, not a folder
error-git = git: { $detail }
error-dir-not-empty = { $path } is not empty
hint-dir-not-empty = give the demo a new or empty folder
error-not-a-page = { $path } is not a page of the site, or it has no pair
error-unknown-section = { $page } has no section { $id }
hint-known-sections = its sections: { $known } (the ids diff writes in braces)
hint-not-a-page = give a translation (content/fr/…) or a source page; tandem status lists them
error-no-page-under = no page at or under { $path }
hint-no-page-under = paths are relative to the folder tandem runs in (the current one, or -C DIR); tandem pair lists the pages
hint-no-page-under-language = { $lang } is one of the site's languages: --lang { $lang } shows only its pages (a PATH is a file or folder, relative to the folder tandem runs in)
error-page-of-another-language = { $path } is under { $dir }, the { $lang } pages, and --lang asks for { $asked }
hint-page-of-another-language = leave --lang out, or give --lang { $lang }
error-compared-with-itself = { $path } is both the source and the translation
hint-compared-with-itself = name the source first, then its translation: tandem compare content/en/x.md content/fr/x.md
error-compared-files-missing = neither { $source } nor { $translation } exists
error-ambiguous-page = { $path } has translations in several languages
hint-ambiguous-page = choose one with --lang ({ $languages })
error-needs-terminal = { $flag } asks on a terminal, and there is none here (or CI is set)
hint-needs-terminal = name the pages instead: tandem tasks PATH… picks the pages under those paths

## Warnings (one page each; the page is reported as unknown)

warning-line = warning: { $location }: { $message }
warn-unreadable-io = cannot read the file ({ $detail })
warn-unreadable-binary = the file is binary, not a page
warn-unreadable-utf8 = the file is not valid UTF-8: convert it (a Latin-1 page: iconv -f LATIN1 -t UTF-8)
warn-unreadable-utf16 = the file is UTF-16 text, not UTF-8: convert it with iconv -f UTF-16 -t UTF-8
warn-lfs-pointer = a Git LFS pointer, not the page: run git lfs pull
warn-bad-front-matter = broken front matter: { $detail }
warn-bad-front-matter-at = its version at { $commit } has broken front matter or is not UTF-8 text: what changed since cannot be shown
warn-sync-source-uncommitted = its source { $source } has changes not committed: the pin names its last commit, without them, and the page stays stale — commit the source, then run tandem sync again
warn-key-cases = broken front matter: { $first } (line { $first_line }) and { $second } (line { $second_line }) are one key written in two cases with two values; keep one
warn-symlink-page = a symbolic link, not a page: skipped (tandem reads no page through a link)
warn-folder-unreadable = the folder cannot be read (no permission): its pages are left out, so their translations read as missing and their sources' as orphans — give read access (chmod u+rx), or run tandem as a user who can read it
warn-page-extension-case = named like a page, but its extension is not in lower case: not read as a page; if it is one, rename it: { $command }
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
reason-mirrored-only = the source changed only in mirrored front-matter keys since the sync point: values to copy, nothing to translate
reason-source-created = the source did not exist yet at the sync point
reason-cosmetic-only = the source changed only in formatting since the sync point
reason-skip-directive = the source's changes since the sync point are all in commits whose message carries a skip directive
reason-mirrored-in-translation = the source's changes since the sync point were all made to the translation in the same commits
reason-already-in-translation = the source's changes since the sync point are all in the translation already (link targets it has, front-matter keys it changed after the source)
reason-structure = the translation does not match the source's structure (the structure signals say where)
reason-not-translated = not translated yet
reason-translation-deleted = translation deleted in this pull request
reason-source-copy = still the source's text, byte for byte (not translated yet)
reason-source-not-found = the source page does not exist
orphan-source-deleted-in = deleted in { $deleted }
orphan-source-renamed-to = renamed to { $to }
reason-no-pin = no pin in the front matter (--mode pin)
reason-no-sync-point = no pin, and no commit touched the translation yet
reason-pin-not-found = pin { $pin } names no commit
reason-pin-ambiguous = pin { $pin } is ambiguous
reason-pin-not-ancestor = pin { $pin } is not in the history of HEAD
reason-pin-not-on-base = pin { $pin } is in the history of HEAD but not on { $base }: after a squash merge it would name no commit
reason-pin-beyond-shallow-boundary = pin { $pin } is beyond the shallow clone's history
reason-bad-front-matter = broken front matter
reason-source-bad-front-matter = the source cannot be read section by section, now or at the sync point (broken front matter, or not UTF-8 text): what changed cannot be shown
reason-unreadable = the file cannot be read as text
reason-lfs-pointer = a Git LFS pointer, not the page: run git lfs pull
reason-missing-blob = a needed file version is missing from this partial clone

## status

status-no-pages = No pages to report.
status-language-header = { $lang } translations — { $total ->
        [one] { $total } source page
       *[other] { $total } source pages
    }, { $translated } translated{ $total ->
        [0] {""}
       *[other] {" "}({ $percent }%)
    }
status-percent = { $translated }/{ $total }{ $total ->
        [0] {""}
       *[other] {" "}({ $percent }%)
    }
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
status-missing-copy-line = { $translation }   (still the source's text: translate it in place)
status-more = … and { $count } more (--all lists them all)
status-orphaned-heading = Orphaned ({ $count }):
status-orphaned-line = { $translation } — { $source } does not exist
# An orphan whose source a commit deleted; $deleted is that commit: short hash, date and quoted subject.
status-orphaned-deleted-line = { $translation } — its source { $source } was deleted in { $deleted }
status-orphaned-no-key-line = { $translation } — no source page has its page_id or permalink
status-unknown-heading = Unknown ({ $count }):
status-changed-sections = changed sections: { $sections }
# $section is a quoted heading (quoted-heading) or the name of a section without one.
status-section-change = { $section } ({ $change })
status-change-in-translation = { $change }, already in the translation
# A section named by its heading, in a list of sections.
quoted-heading = “{ $heading }”
status-front-matter-change = front matter: { $keys }
# The front matter's keys, then the other changed sections.
status-front-matter-then = { $front_matter }; { $rest }
status-signals = what differs now: { $signals }
front-matter-absent = (absent)
front-matter-mirrored-mark = (mirrored)
front-matter-in-translation-mark = (already in the translation: changed there since)
front-matter-held-mark = (already in the translation)
section-front-matter = front matter
status-more-sections = { $count } more
status-structure-detail = the source did not change, but the translation does not match it (tandem compare shows both sides)
status-orphans-suggest = Some may be translations of missing pages under another name: tandem pair --suggest proposes pairs.
status-next = Next: tandem diff { $page }
status-next-mirrored = Next: tandem sync --mirrored { $page } (only mirrored values changed: it copies them from the source; nothing to translate)
status-all-current = { $count ->
        [one] The translated page is current.
       *[other] All { $count } pages are translated and current.
    }
commits-behind = { $count ->
        [one] { $count } commit behind
       *[other] { $count } commits behind
    }
commits-behind-none = source unchanged
commits-behind-uncommitted = source changed, not committed
commits-behind-unknown = ? commits behind
sync-pin = pinned { $commit } ({ $date })
sync-history = history: last { $lang } commit { $commit } ({ $date })
# Sources in a repository of their own: $commit is the sources' commit of the moment of the translation's last
# commit, $translation (in the translations' repository).
sync-history-sources = history: source { $commit } ({ $date }), as of the last { $lang } commit { $translation }
# $passed: how many later translation commits were passed over (named after it).
sync-history-translation = history: { $passed ->
        [0] last commit of the translation
       *[other] last commit of the translation that counts
    } { $commit } ({ $date })
sync-passed-over = passed over { $count ->
        [one] { $count } later translation commit
       *[other] { $count } later translation commits
    }: { $commits }
sync-not-counted = { $count ->
        [one] { $count } source commit left out of the verdict
       *[other] { $count } source commits left out of the verdict
    }: { $commits }
# A commit named by its subject, after its short hash.
quoted-subject = “{ $subject }”
skip-why-directive = a skip directive in its message
skip-why-directive-named = “{ $keyword }” in its message, a skip directive
skip-why-mirrored = same change in the translation
skip-why-bookkeeping = changed nothing meaningful
skip-why-keys-followed = set { $keys } to follow the source
skip-why-keys-changed = changed only { $keys }, { $count ->
        [one] not a key
       *[other] not keys
    } to translate (front_matter.translated)
sync-history-weak = ⚠ weaker method
status-history-note = Sync points: the last meaningful commit of each translation (no page is pinned; the weaker method). Once a translation is up to date, `tandem sync PAGE` pins the source commit it matches.
status-site-line = Site: { $generator } — { $dir }, source { $source } ({ $why }), { $count } languages
status-site-line-plain = Site: { $generator } — { $dir }, source { $source }, { $count } languages
status-site-flag = ; only pages with { $flag }
site-generator-starlight = Starlight
site-generator-vitepress = VitePress
site-generator-vuepress = VuePress
site-generator-docusaurus = Docusaurus
site-generator-hugo = Hugo
site-generator-suffixes = language suffixes in page names
site-generator-front-matter-lang = Jekyll (each page's language in its front matter, lang:)
site-generator-folders = language folders
site-generator-astro = Astro (content collections)
site-generator-astro-pages = Astro (i18n pages)
site-generator-root-locale = source pages at the top, a folder per translation

## status --format markdown

md-missing-summary = { $count ->
        [one] { $count } page not translated yet
       *[other] { $count } pages not translated yet
    }
md-col-page = page
md-col-state = state
md-col-behind = commits behind
md-col-why = why
# Before the command to run next on a language's most behind stale page (`tandem diff PAGE`).
md-next = Next:
# Above a Markdown report too long for a GitHub comment, before the command that writes it whole.
md-shortened = Shortened to fit in a GitHub comment (65,536 characters): each language lists its first { $count ->
        [one] page
       *[other] { $count } pages
    } of each kind (the most behind first). All of them:
# After a list of pages shortened to fit in a GitHub comment, before the command that lists them all.
md-more-pages = { $count ->
        [one] { $count } more page not listed here, to fit in a GitHub comment:
       *[other] { $count } more pages not listed here, to fit in a GitHub comment:
    }

## demo

demo-built = Built a demo site with { $languages } languages and { $commits } commits in { $dir }
demo-try-next = Try next:

## Sections, severities and structure signals
# In the signals below, $section is a quoted heading (quoted-heading) or the name of a section without one.

section-preamble = (before the first heading)
# The same, inside a sentence that puts the section in parentheses (check's annotations).
section-preamble-plain = text before the first heading
line = line { $line }
severity-none = none
severity-low = low
severity-high = high
change-added = added
change-removed = removed
change-modified = modified
change-front-matter-modified = modified
change-moved = moved
change-cosmetic = cosmetic
change-unchanged = unchanged
signal-missing-section = { $section } has no counterpart in the translation
signal-extra-section = { $section } in the translation has no counterpart in the source
signal-missing-paragraph = { $section }: { $source ->
        [one] { $source } paragraph in the source
       *[other] { $source } paragraphs in the source
    }, { $translation } in the translation
signal-extra-paragraph = { $section }: { $source ->
        [one] { $source } paragraph in the source
       *[other] { $source } paragraphs in the source
    }, { $translation } in the translation
signal-missing-list-item = { $section }: { $source ->
        [one] { $source } list item in the source
       *[other] { $source } list items in the source
    }, { $translation } in the translation
signal-extra-list-item = { $section }: { $source ->
        [one] { $source } list item in the source
       *[other] { $source } list items in the source
    }, { $translation } in the translation
# A high extra-list-item: what the translation's extra items name that the whole source lacks.
signal-extra-list-item-named = { $section }: { $source ->
        [one] { $source } list item in the source
       *[other] { $source } list items in the source
    }, { $translation } in the translation, whose extra items name what the source no longer has: { $items }
signal-missing-code-block = { $section }: { $source ->
        [one] { $source } code block in the source
       *[other] { $source } code blocks in the source
    }, { $translation } in the translation
signal-extra-code-block = { $section }: { $source ->
        [one] { $source } code block in the source
       *[other] { $source } code blocks in the source
    }, { $translation } in the translation
signal-code-changed = { $section }: command lines or configuration keys differ in code: { $source ->
        [0] only the translation has { $translation_items }
       *[other] { $translation ->
            [0] the translation lacks { $source_items }
           *[other] the source has { $source_items }, the translation { $translation_items }
        }
    }
signal-table-changed = { $section }: tables differ ({ $source ->
        [one] { $source } row in the source
       *[other] { $source } rows in the source
    }, { $translation } in the translation)
signal-missing-image = { $section }: images missing from the translation: { $items }
signal-image-changed = { $section }: other image files: { $translation ->
        [0] { $items }
       *[other] the source has { $source_items }, the translation still { $translation_items }
    }
signal-missing-link = { $section }: link targets missing from the translation: { $items }
signal-shortcodes-differ = { $section }: shortcodes differ: { $source ->
        [0] only the translation has { $translation_items }
       *[other] { $translation ->
            [0] the translation lacks { $source_items }
           *[other] the source has { $source_items }, the translation { $translation_items }
        }
    }
signal-heading-level = { $section }: heading level { $source } in the source, { $translation } in the translation
signal-conflict-markers = { $section }: merge-conflict markers left in the translation, { $translation ->
    [one] line
   *[other] lines
} { $items }
signal-translate-marks = { $section }: not translated yet, tandem scaffold's mark “tandem: translate” still on { $translation ->
    [one] line
   *[other] lines
} { $items }
signal-number-changed = { $section }: numbers of a paragraph, list item or table missing from its counterpart in the translation: { $items }
signal-link-changed = { $section }: a link leads elsewhere than the source’s: the source links { $source_items }, the translation { $translation_items }
signal-inline-code-changed = { $section }: code named otherwise than in the source: the source has { $source_items }, the translation { $translation_items }
signal-paragraph-extended = { $section }: a paragraph has { $source ->
        [one] { $source } sentence in the source
       *[other] { $source } sentences in the source
    }, { $translation } in the translation, and a length out of line with the page ({ $items })
# A paragraph signal's item: where the paragraph starts in the source, and its first words.
signal-number-item = { $item } (line { $line })
signal-paragraph-item = line { $line }: “{ $item }”

## compare

compare-header = { $source } ⇄ { $translation }: { $state }, severity { $severity }
compare-without-history = no history here (outside a repository, or no site found): the structure alone decides, and it finds nothing missing
compare-sections = Sections (source ⇄ translation):
compare-none = (none)
compare-no-counterpart = (no counterpart)
compare-signals = Structure signals:

## diff

diff-header = Source: { $source }   { $since }
diff-since-pin = since pin { $commit } ({ $date }) → HEAD { $head }
# $passed: how many later translation commits were passed over (named on the next line).
diff-since-history = since { $commit } ({ $date }, { $passed ->
        [0] last commit of the translation
       *[other] last commit of the translation that counts
    }) → HEAD { $head }
diff-since-history-sources = since { $commit } ({ $date }, the source as of the translation's last commit { $translation }) → HEAD { $head }
diff-summary-shown = { " " }· { $shown } shown (--section)
# $cosmetic: formatting changes the filter set aside (none said when there were none).
diff-summary = { $changed } of { $total ->
        [one] { $total } section
       *[other] { $total } sections
    } changed{ $cosmetic ->
        [0] {""}
        [one] { " " }· { $cosmetic } cosmetic change ignored
       *[other] { " " }· { $cosmetic } cosmetic changes ignored
    }
diff-no-change = { $translation } is { $state }: { $reason }.
diff-next-scaffold = Next: tandem scaffold { $source } --lang { $lang } creates it from the source
diff-structure-signals = The source did not change since the sync point; what differs between it and the translation now:
diff-structure-signals-held = What the source changed since the sync point is already in the translation; what differs between them now:
diff-structure-hint = The source did not change since the sync point, but the translation does not match it: tandem compare shows both sides.
diff-added-no-counterpart = { $change } — no counterpart in the translation
diff-not-counted = { $count ->
        [one] 1 change made only by a commit not counted is not shown
       *[other] { $count } changes made only by commits not counted are not shown
    }
diff-signal-at = (translation, line { $line })
task-moved-too = moved too
diff-to-update = ← to update (line { $line })
diff-keys-in-translation = ← already in the translation (line { $line }): changed there after the source
diff-keys-held-in-translation = ← already in the translation (line { $line }): it holds what the source has now
diff-keys-to-add = ← to add after line { $line }: { $keys }
diff-lines-elided = … { $count } lines not shown
diff-already-in-translation = ← already in the translation (line { $line }): only link targets changed
diff-heading-gone-in-translation = ← already in the translation (line { $line }): it has no heading here either
diff-heading-to-remove = ← to remove (line { $line }): the source no longer has this heading
diff-created-compare = ← to compare (line { $line }): the source did not exist at the sync point
diff-to-move = ← to move after { $section } ({ $before ->
        [0] at the end of the page
       *[other] before line { $before }
    })
diff-to-move-top = ← to move to the top
diff-moved-too = (the source also moved it: it goes after { $section }, { $before ->
        [0] at the end of the page
       *[other] before line { $before }
    })
diff-moved-too-top = (the source also moved it: it goes at the top)
diff-to-move-preamble = ← to move after the text before the first heading ({ $before ->
        [0] at the end of the page
       *[other] before line { $before }
    })
diff-moved-too-preamble = (the source also moved it: it goes after the text before the first heading, { $before ->
        [0] at the end of the page
       *[other] before line { $before }
    })
diff-block-to-move = ← to move after line { $line }
diff-block-to-move-top = ← to move to the top of the section
diff-block-now-at = (now line { $line })
diff-to-remove = ← to remove (line { $line })
# $before: the line of the heading to insert in front of; 0 at the end of the page.
diff-insert-after = (insert after { $section }, { $before ->
        [0] at the end of the page
       *[other] before line { $before }
    })
diff-insert-after-preamble = (insert after the text before the first heading, { $before ->
        [0] at the end of the page
       *[other] before line { $before }
    })
diff-insert-after-added = (insert after { $section }, added above)
diff-insert-top = (insert at the top)
diff-block-insert-after-added = (insert right after the one added above)
diff-block-insert-after = (insert after line { $line })
diff-block-no-counterpart = (no counterpart in the translation)

## check

check-header-repo = tandem check: the whole repository
check-header-pr = tandem check: what this pull request changes against { $base } (merge base { $merge_base })
check-header-push = tandem check: what the push brought since { $base } (merge base { $merge_base })
check-note-pull-request-without-base = note: this runs for a pull request into { $branch } ($GITHUB_BASE_REF) and checks the whole repository: --base origin/{ $branch } checks only what the pull request changes
check-warn-policy-no-repository-kind = warning: the kinds that fail (check.fail_on or --fail-on) name none that checking the whole repository reports ({ $kinds }): every finding is a warning and the check passes; add the ones that should fail
check-warn-policy-no-pull-request-kind = warning: the kinds that fail (check.fail_on or --fail-on) name none that checking a pull request reports ({ $kinds }): every finding is a warning and the check passes; add the ones that should fail
check-clean-repo = No findings: every translation is in step.
check-clean-pr = This pull request leaves every translation in step.
check-clean-push = This push leaves every translation in step.
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
# $summary: yes when the job's step summary has every finding.
check-more-annotations = … { $count ->
        [one] { $count } more finding
       *[other] { $count } more findings
    } { $summary ->
        [yes] in the step summary
       *[no] with `--format text`
    } (GitHub shows ten annotations of each kind per step).
check-summary-title = tandem check
check-summary-unwritten = warning: the step summary ($GITHUB_STEP_SUMMARY) was not written: { $detail }
# $summary: yes when the job's step summary has the findings (and this line is not in it).
check-summary-line = tandem: { $untranslated }; { $pins ->
        [one] { $pins } pin problem
       *[other] { $pins } pin problems
    }; { $orphans ->
        [one] { $orphans } orphan
       *[other] { $orphans } orphans
    }; { $failing } failing{ $summary ->
        [yes] ; see the step summary.
       *[no] .
    }
check-summary-untranslated = { $count ->
        [one] { $count } translation to write or update
       *[other] { $count } translations to write or update
    }
check-summary-cut = { $count ->
        [one] { $count } more finding not shown here
       *[other] { $count } more findings not shown here
    } (GitHub takes a step summary of at most 1 MiB): tandem check --format json lists them all.
check-col-language = language
check-col-page = translation
check-col-finding = finding
check-col-action = what to do
# A finding's kind in the text report, the step summary and JUnit: the verdict's word where it is one (the word status
# uses), else the --fail-on id. Where the word is not the id, check-kind-with-id puts the id after it.
check-kind-stale = { state-stale }
check-kind-missing = { state-missing }
check-kind-orphaned = { state-orphaned }
check-kind-invalid-pin = invalid-pin
check-kind-no-sync-point = no-sync-point
check-kind-unreadable = unreadable
check-kind-stale-in-pr = stale-in-pr
check-kind-missing-pin = missing-pin
check-kind-orphaned-in-pr = orphaned-in-pr
check-kind-missing-in-pr = missing-in-pr
check-kind-mirrored-only = mirrored-only
check-kind-with-id = { $name } ({ $id })
check-junit-warning = warning: { $kind } — { $text }
check-junit-not-translated = not translated: { $translation } does not exist
check-title-stale = Stale translation ({ $lang })
check-title-missing = Translation missing ({ $lang })
check-title-orphaned = Orphaned translation ({ $lang })
check-title-invalid-pin = Invalid pin ({ $lang })
check-title-no-sync-point = No sync point ({ $lang })
check-title-unreadable = Unreadable translation ({ $lang })
check-title-stale-in-pr = Translation not updated ({ $lang })
check-title-missing-pin = Translation without a pin ({ $lang })
check-title-orphaned-in-pr = Translation left behind ({ $lang })
check-title-missing-in-pr = New page not translated ({ $lang })
check-title-missing-in-pr-deleted = Translation deleted ({ $lang })
check-title-mirrored-only = Mirrored values to copy ({ $lang })
check-msg-stale = { $source } changed since this translation was last in step; update { $translation }.
check-msg-stale-unfinished = { $translation } is not finished.
check-msg-stale-structure = { $translation } does not match { $source } (the source did not change since they were last in step).
check-msg-missing = { $source } has no { $lang } translation yet ({ $translation }).
check-msg-orphaned = { $translation } has no source: { $source } does not exist.
check-msg-orphaned-deleted = { $translation } has no source: { $source } was deleted in { $deleted }. Delete the translation too (git rm), or pair it with the page that took its content.
check-msg-orphaned-no-key = { $translation } has no source: no source page has its page_id or permalink.
check-msg-pin-not-on-base = { $reason }. A pin can only name a commit of the base branch: once this pull request is merged, run tandem sync { $translation_quoted } there.
check-msg-invalid-pin = { $reason }. Run tandem sync { $translation_quoted } once it is up to date.
check-msg-no-sync-point = { $translation } has no pin and has never been committed: commit it, or run tandem sync { $translation_quoted }.
check-msg-unreadable = { $translation }: { $reason }.
check-advice-update = { $pushed ->
        [yes] Update it in a commit to come.
       *[other] Update it in this PR, or mark the commit { $directive } if nothing needs translating.
    }
check-msg-stale-in-pr = { $count ->
        [0] This page changed, but { $translation } was not updated. { check-advice-update }
       *[other] { $sections } changed, but { $translation } was not updated. { check-advice-update }
    }
check-msg-stale-in-pr-section = This section ({ $section }) changed, but { $translation } was not updated. { check-advice-update }
check-msg-stale-in-pr-section-added = This section ({ $section }) was added, but { $translation } was not updated. { $pushed ->
        [yes] Translate it there in a commit to come.
       *[other] Translate it there in this PR, or mark the commit { $directive } if nothing needs translating.
    }
check-msg-stale-in-pr-section-removed = A section was removed here ({ $section }), but { $translation } was not updated. { $pushed ->
        [yes] Remove it there too in a commit to come.
       *[other] Remove it there too in this PR, or mark the commit { $directive } if nothing needs translating.
    }
check-msg-missing-pin = { $translation } is new and records no source commit: run tandem sync { $translation_quoted }.
check-title-new-page = New page
check-msg-new-page = { $source } is new and not translated yet: { $languages }. tandem scaffold { $source_quoted } --lang { $lang } starts a translation.
check-title-skipped = Nothing to translate
check-msg-skipped = { $source } changed, and its commits carry a skip directive: nothing to translate, its translations ({ $languages }) left as they are.
check-summary-new-pages = New pages not translated yet
check-summary-skipped = Changed with nothing to translate (skip directive)
check-summary-pins-to-move = Pins to move once merged
check-title-pin-to-move = Pin to move once merged
check-pin-to-move = once merged: tandem sync { $translation_quoted } (updated with its source in this pull request, its pin still names a commit from before the change)
check-updated-pins-to-move = updated with its translations
check-added-pins-to-move = translated in this pull request
check-pin-to-move-new-page = once merged: tandem sync { $translation_quoted } (a new page's translation: its pin could only name a commit of this pull request, which a squash merge does not keep)
check-msg-missing-in-pr = { $source } is new, and there is no { $lang } translation ({ $translation }): add it { $pushed ->
        [yes] in a commit to come
       *[other] in this PR
    } (tandem scaffold { $source_quoted } --lang { $lang } starts it).
check-msg-missing-in-pr-deleted = { $translation } was deleted, but its source { $source } is still there: the { $lang } site loses this page. If that was not meant, restore it { $pushed ->
        [yes] in a commit to come
       *[other] in this PR
    } (git checkout { $base } -- { $translation_quoted }).
check-msg-missing-in-pr-deleted-renamed = { $translation } was deleted while its source moved to { $renamed_to }: the { $lang } site loses this page. If that was not meant, move it with its source { $pushed ->
        [yes] in a commit to come
       *[other] in this PR
    } (git checkout { $base } -- { $translation_quoted } && git mv { $translation_quoted } { $move_to_quoted }).
check-msg-mirrored-only = { $source } changed only in mirrored front-matter keys: copy them with tandem sync --mirrored { $translation_quoted }.
check-msg-stale-in-pr-sections = These sections changed: { $sections }; { $translation } was not updated. { check-advice-update }
check-page-changed = { $source } changed
check-page-added = { $source } added
check-skipped-directive = nothing to translate: its commits carry a skip directive
check-to-update = to update: { $langs }
check-not-translated = not translated: { $langs }
check-other-findings = Other findings
check-msg-orphaned-in-pr = { $source } was deleted, but { $translation } is still there: delete it too.
check-msg-orphaned-in-pr-renamed = { $source } was renamed to { $renamed_to }: run git mv { $translation_quoted } { $move_to_quoted }
check-msg-orphaned-in-pr-renamed-changed = { $source } was renamed to { $renamed_to } and changed ({ $sections }): run git mv { $translation_quoted } { $move_to_quoted }, then update it
check-msg-orphaned-in-pr-added = { $translation } was added, but its source { $source } does not exist: a misspelt name, or a page translated before its source?

## tasks

tasks-title-update = [{ $lang }] Update { $translation }
tasks-title-translate = [{ $lang }] Translate { $source }
tasks-labels = labels: { $labels }
tasks-reviewers = reviewers: { $reviewers }
tasks-reviewers-from = reviewers: { $reviewers } (from { $from })
tasks-why-pin = { $source } changed since pin { $commit } ({ $date }): { $commits ->
        [one] { $commits } commit
       *[other] { $commits } commits
    }, { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }.
# $passed: how many later translation commits were passed over (named in the next paragraph).
tasks-why-history = { $source } changed since { $commit } ({ $date }), { $passed ->
        [0] the last commit of the translation
       *[other] the last commit of the translation that counts
    }: { $commits ->
        [one] { $commits } commit
       *[other] { $commits } commits
    }, { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }.
tasks-why-history-sources = { $source } changed since { $commit } ({ $date }), the source as of the translation's last commit { $translation }: { $commits ->
        [one] { $commits } commit
       *[other] { $commits } commits
    }, { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }.
tasks-why-structure = { $source } did not change, but the translation does not match it:
tasks-why-missing = Translate { $source } into { $translation } ({ $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }).
tasks-why-copy = Translate { $translation } in place: it is still the source's text ({ $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }).
tasks-start = Start with: `tandem scaffold { $source } --lang { $lang }`
tasks-when-done = When done: `tandem sync { $translation }`, then open a pull request titled "{ $title }".
# What follows a task item, after its change: its note.
tasks-item-note = : { $note }
tasks-when-done-mirrored = Nothing to translate: `tandem sync --mirrored { $translation }` copies the values from the source and pins; then open a pull request titled "{ $title }".
tasks-wrote = wrote { $updates ->
        [one] { $updates } update task
       *[other] { $updates } update tasks
    } and { $translations ->
        [one] { $translations } translation task
       *[other] { $translations } translation tasks
    } to { $dir } ({ $unchanged } unchanged since last run, { $removed } removed)
tasks-none = No task: { $unknown ->
        [0] { $missing ->
            [0] every translation is current.
           *[other] no translation is stale; { $missing } missing (--missing makes a task of each).
        }
       *[other] no translation is stale, but { $unknown } cannot be judged (tandem status says why).
    }
tasks-prompt-pick = Which pages go out this time?
tasks-kept-edited = warning: { $file } was edited since tandem wrote it: kept as it is (delete it to have it written again)
tasks-kept-done = warning: { $file } was edited since tandem wrote it, and its page needs no task any more: kept (delete it once done with it)
tasks-kept-not-ours = warning: { $file } was not written by tandem: kept as it is, and its task not written (move the file away to have it written)
tasks-block = { $kind } { $change } — { $lines }
tasks-block-source = source line { $line }
tasks-block-old-source = was source line { $line }
tasks-block-translation = translation line { $line }
tasks-in-translation = only link targets changed, and the translation already has the new ones: check, nothing to translate
tasks-keys-in-translation = keys already in the translation: check, nothing to translate ({ $keys })
tasks-block-in-translation = already in the translation (line { $line }): only link targets changed
tasks-block-no-translation = not in the translation
block-change-modified = changed
block-change-added = added
block-change-removed = removed
block-kind-paragraph = paragraph
block-kind-list-item = list item
block-kind-code = code block
block-kind-table = table
block-kind-quote = quote
block-kind-html = HTML block
block-kind-rule = rule
block-kind-mdx = MDX statement
block-kind-component = component
block-kind-shortcode = shortcode
## pairing: layouts, keys, the mapping file, renames (issue 3)

reason-source-renamed = the source was renamed since the sync point (--strict counts a rename as a change)
reason-source-paired-elsewhere = a key or the mapping file pairs the source with another page
reason-pairing-conflict = keys or the mapping file tie this page to several pages of one language (tandem pair shows them)
error-source-repo-not-root = the source repository { $path } is not the top of its clone ({ $root })
hint-source-repo-not-root = give --source-repo (or source_repo:) the folder of the clone itself
error-source-folder-missing = the source's folder { $path } does not exist, so every translation would be an orphan
hint-source-folder-missing = when the source pages live in another clone, name it with --source-repo DIR (or source_repo: in tandem.yaml); else fix content: in tandem.yaml
error-source-folder-missing-in-clone = the source's folder { $path } does not exist in the source clone
hint-source-folder-missing-in-clone = check that --source-repo (or source_repo:) names the clone of the sources, and content: in tandem.yaml
error-map-file = cannot read the mapping file { $path }: { $detail }
hint-map-file = see docs/pairing.md for the format of the mapping file
warn-link-not-found = { $key }: { $value } names no page in another language
warn-link-ambiguous = { $key }: { $value } names several pages; write the path
warn-map-page-not-found = { $page } does not exist
status-orphaned-renamed-line = { $translation } — its source { $source } was renamed to { $to }
status-orphaned-displaced-line = { $translation } — its source { $source } is paired with { $other } by key or map
status-renamed-heading = Sources renamed ({ $count }), move the translations to keep them paired by path:
status-renamed-line = { $translation } — { $from } is now { $to }

## pair

pair-language-header = { $lang }: { $pairs ->
        [one] { $pairs } pair
       *[other] { $pairs } pairs
    }{ $rules }, { $sources } without a translation, { $translations } without a source, { $conflicts ->
        [one] { $conflicts } conflict
       *[other] { $conflicts } conflicts
    }
pair-by-count = { $count } by { $rule }
pair-rule-map = map
pair-rule-key = key
pair-rule-path = path
pair-rule-suffix = suffix
pair-rule-rename = rename
pair-renamed = { $from } was renamed to { $to }
pair-unpaired-sources = Source pages without a translation ({ $count }):
pair-unpaired-translations = Translations without a source ({ $count }):
pair-conflicts = Conflicts ({ $count }), nothing paired; fix the keys or the mapping file:
pair-try-suggest = Next: tandem pair --suggest proposes pairings for the pages without a partner.
pair-prompt-accept = { $translation } ⇄ { $source }, score { $score } ({ $evidence }). Pair them?
pair-written = wrote { $key } to { $files ->
        [one] { $files } file
       *[other] { $files } files
    } ({ $pairs ->
        [one] { $pairs } pair
       *[other] { $pairs } pairs
    })
suggest-header = { $unpaired ->
        [one] { $unpaired } page without a partner
       *[other] { $unpaired } pages without a partner
    }, { $count ->
        [one] { $count } suggestion:
       *[other] { $count } suggestions:
    }
suggest-none-unpaired = Every page has a partner: nothing to suggest.
suggest-none-one-sided = { $unpaired ->
        [one] { $unpaired } page without a partner
       *[other] { $unpaired } pages without a partner
    }, and no suggestion: a suggestion pairs a source page without a translation with a translation without a source in the same language, and no language has both.
suggest-none-scored = { $unpaired ->
        [one] { $unpaired } page without a partner
       *[other] { $unpaired } pages without a partner
    }, and no suggestion scored { $min } or more (--min-score sets the lowest score).
suggest-none-accepted = { $unpaired ->
        [one] { $unpaired } page without a partner
       *[other] { $unpaired } pages without a partner
    }, and no suggestion accepted.
evidence-date = same date { $value }
evidence-file-number = same number { $value } in the file name
evidence-resources = { $shared } of { $of } images and files in common
evidence-links = { $shared } of { $of } links identical
evidence-code-blocks = { $shared } of { $of } code blocks identical
evidence-inline-code = { $shared } of { $of } code spans identical
evidence-numbers = { $shared } of { $of } numbers in common
evidence-shortcodes = { $shared } of { $of } shortcodes in common
evidence-names = { $shared } of { $of } names in common
evidence-cognates = { $shared } of { $of } word stems of the name and title in common
evidence-headings = same heading structure ({ $shared ->
        [one] { $shared } heading
       *[other] { $shared } headings
    })
evidence-markup = { $shared } of { $of } HTML classes and ids in common
evidence-image = same image { $value }
evidence-file = same file { $value }
evidence-best-match = each is the other's best match
evidence-front-matter = same { $value } in the front matter
suggest-pairing-key = { $count } of these pairs share their { $key } in the front matter: with pairing: {"{"} key: { $key } {"}"} in tandem.yaml, tandem pairs the pages by it, as they are
evidence-twin = { $key }: { $source } and { $translation }, the same but for the language
evidence-sibling-same-name = same file name, in folders already paired
evidence-sibling-last-left = the last pages left in folders already paired
init-yaml-from-file-names = Languages found as suffixes of page names (x.fr.md).
init-yaml-from-front-matter-lang = Languages found in _config.yml, each page's in its front matter (lang:), as jekyll-polyglot reads them.
init-yaml-from-docusaurus = Languages found as Docusaurus locales (i18n/<lang>/).
init-yaml-source-repo = the clone holding the source pages, relative to this file
init-yaml-content-docusaurus = Docusaurus keeps pages in docs/, blog/ and i18n/<lang>/: no content setting needed.
init-yaml-content-front-matter-language = Every language's pages are side by side, each saying its language in its front matter (lang: fr) and pairing by page_id or permalink, as jekyll-polyglot reads them: no content setting says it, and each run finds it again.
init-yaml-content-nested = The source's pages are at the top, a folder per translation beside them, and folders of them hold their own translations' folders (_posts/fr/): no content setting says it, and each run finds it again.

## front-matter edits (sync, scaffold, pair --write)

edit-bad-front-matter = { $path }:{ $line }: broken front matter: { $detail }
hint-edit-bad-front-matter = fix the front matter by hand first; tandem changes nothing in a file it cannot read
edit-key-cases = { $path }: { $first } (line { $first_line }) and { $second } (line { $second_line }) are one key written in two cases with two values
hint-edit-key-cases = keys are read without regard to case, as Hugo reads them: keep one spelling, then run tandem again
edit-unsupported = { $path }:{ $line }: { $key } cannot be rewritten in place: { $what ->
        [comment] the translation’s lines of it hold a comment its source’s do not, which a copy would lose
        [indentation] it is indented differently than in its source, or its parent map is missing
        [multi-line] its value spans several lines
        [block-scalar] its value is a block scalar (| or >)
        [anchor] its value carries an anchor (&name)
        [alias] its value is an alias (*name)
        [tag] its value carries a tag (!!type)
        [flow-collection] it is a flow collection ([…] or {"{"}…{"}"})
        [collection] it is a map or a list, not a single value
        [spellings] it is written in more than one case
       *[other] { $format ->
            [toml] it is not written as `key = value` on one line
           *[other] it is not written as `key: value` on one line
        }
    }
hint-edit-unsupported = { $parent ->
        [yes] { $format ->
            [toml] write { $key } as a table ([{ $key }] with its keys below, one `key = value` a line), then run tandem again
           *[other] write { $key } as a block map (its keys on the lines below it, indented, one `key: value` a line), then run tandem again
        }
       *[other] { $format ->
            [toml] write it as `key = value` on one line, then run tandem again
           *[other] write it as `key: value` on one line, then run tandem again
        }
    }
hint-edit-not-a-map = make { $key } a map of keys, or name another pin key (pin.key in tandem.yaml), then run tandem again
edit-flow-root = { $path }:{ $line }: the front matter is written as one flow map ({"{"}…{"}"}), which tandem does not rewrite in place
hint-edit-flow-root = write it as a block map, one `key: value` a line, then run tandem again
edit-not-a-map = { $path }:{ $line }: { $key } is not a map, so no key can go under it
edit-bad-key = { $path }: the key “{ $key }” has an empty part
hint-edit-bad-key = write nested keys with dots between non-empty parts: l10n.sourceCommit
edit-fence-after-blank-lines = { $path }:{ $line }: blank lines come before the front matter’s opening `{ $fence }`: Hugo skips them, but this site’s generator reads the block as text
hint-edit-fence-after-blank-lines = remove the blank lines above `{ $fence }` so that it opens the file, then run tandem again
edit-fence-indented = { $path }:{ $line }: the front matter’s opening `{ $fence }` is indented, and tandem edits only a front matter whose fence starts its line
hint-edit-fence-indented = remove the spaces before `{ $fence }`, then run tandem again
edit-unverified = { $path }: the edit of { $key } could not be verified ({ $detail }); nothing was written
hint-edit-unverified = this is a bug in tandem: please report it with the front matter of this file
edit-lone-carriage-return = { $path }:{ $line }: this line ends with a carriage return alone (as classic Mac OS wrote files), and tandem edits only pages whose lines end with LF or CRLF; nothing was written
hint-edit-lone-carriage-return = convert the file’s line endings to LF, for example with `dos2unix -c mac` or your editor’s “line endings” setting, then run tandem again
edit-metadata-header = { $path }: the page opens with a metadata header (Title:, Lang:, Slug: lines, as Pelican reads them) and no front matter; a front matter written above it for { $key } would hide that header from Pelican, and the page would lose its title and language; nothing was written
hint-edit-metadata-header = leave this page without a pin: tandem takes its last commit as its sync point

## questions on a terminal

prompt-yes-words = y, yes
prompt-no-words = n, no
prompt-yes = yes
prompt-no = no
prompt-default-yes = Y/n
prompt-default-no = y/N
prompt-yes-no-error = answer y (yes) or n (no)
prompt-multi-select-help = ↑↓ to move, space to pick, → all, ← none, type to filter, enter to confirm
prompt-select-help = ↑↓ to move, enter to confirm
error-cancelled = cancelled: nothing was written

## sync

sync-pin-changed = { $path }: { $key } { $old } → { $new } ({ $lines ->
        [one] { $lines } line changed
       *[other] { $lines } lines changed
    })
sync-pin-added = { $path }: { $key } (none) → { $new } ({ $lines ->
        [0] { $changed ->
            [one] { $changed } line changed
           *[other] { $changed } lines changed
        }
        [one] { $lines } line added{ $changed ->
            [0] {""}
           *[other] , { $changed } changed
        }
       *[other] { $lines } lines added{ $changed ->
            [0] {""}
           *[other] , { $changed } changed
        }
    })
sync-pin-unchanged = { $path }: { $key } already { $new } (unchanged)
sync-was-behind = {"  "}(it was { $count ->
        [one] 1 commit
       *[other] { $count } commits
    } behind its source: now marked up to date)
sync-warn-still-stale = stays stale once pinned; { $why }
sync-drift-set = { $path }: { $key } set to { $value }
sync-drift-removed = { $path }: { $key } removed (the page is current)
sync-dry-run = dry run: nothing was written
sync-nothing-to-change = Nothing to change.
sync-nothing-stale = No stale pages: nothing to sync.
sync-nothing-picked = No page picked: nothing was written.
sync-prompt-pick = Which translations are up to date now?
sync-warn-not-on-default-branch = this commit is not on the default branch ({ $branch }): if the branch is squash-merged, the pin will name a commit the site's history does not have (sync again after the merge, or pass --to with a commit of { $branch })
sync-warn-drift-unknown = no verdict for this page, so { $key } was left as it is
sync-nothing-mirrored = No page is stale only for mirrored keys: nothing to copy.
sync-mirrored-copied = { $path }: { $key } set to { $new }, as in the source
sync-mirrored-removed = { $path }: { $key } removed, as in the source
sync-warn-mirrored-not-copied = { $key } was not copied, so this page was left as it is: { $detail }
error-sync-needs-pages = which translations? sync needs pages or folders
hint-sync-needs-pages = name them (tandem sync { $page }), pass --stale to sync every stale page, or run tandem sync in a terminal to pick them
error-sync-orphan = { $path } is an orphaned translation: its source page is gone, so there is no source commit to pin
hint-sync-orphan = rename it after its source's new name, or remove it (tandem status lists it under Orphaned)
error-sync-missing = { $path } is not translated yet: there is no translation to pin
hint-sync-missing = tandem scaffold { $command } --lang { $lang } writes it
error-nothing-to-sync = no translation under { $paths }
hint-nothing-to-sync = give translation pages or folders that hold some (tandem status lists them)
error-not-an-ancestor = { $rev } is not in the history of HEAD
hint-not-an-ancestor = a pin must name a commit the translation's branch has: merge or rebase first, or pick a commit of HEAD's history
error-source-not-committed = { $path } has no commit yet, so there is no source commit to record
hint-source-not-committed = commit the source page first, or pass --to REV

## scaffold

scaffold-created = created { $path } ({ $details })
scaffold-detail-separator = {"; "}
scaffold-detail-pin = pin { $commit }
scaffold-detail-no-pin = no pin yet
scaffold-detail-fields = { $fields } to translate
scaffold-detail-body-kept = body copied from the source
scaffold-detail-sections = { $count ->
        [one] { $count } section to write
       *[other] { $count } sections to write
    }
list-and = and
warn-language-folder-absent = no such folder yet: every { $lang } page is missing ({ $listed ->
        [tandem] a language started in tandem.yaml
       *[generator] a language the site's config lists before its first page
    }, or a misspelt one)
warn-source-assumed-en = { $most } has more pages than { $lang } ({ $count } against { $en }), yet the source is taken to be { $lang }, the default when a folder is named { $lang }: if { $most } is the original, write source: { $most } in tandem.yaml (tandem init)
warn-first-pin = first pinned { $lang } translation: from now on, tandem check --base requires a pin in every new { $lang } translation of a pull request (missing-pin)
scaffold-warn-no-pin = the source page is not committed yet, so the translation has no pin: commit the source, then run tandem sync on the translation
scaffold-warn-metadata-header = the source page opens with a metadata header (Title:, Lang:, Slug: lines, as Pelican reads them) and no front matter: a pin written above it would hide that header, so the translation has none, and its last commit is its sync point; set its Lang: (and keep its Slug:) in the copied header
warn-pelican-translation-unnamed = its Pelican header says Lang: { $lang }, yet its name has no .{ $lang } suffix, so tandem reads it as a { $source } page: name it after the page whose Slug it shares, with .{ $lang } before the extension (git mv), and tandem pairs the two
warn-pelican-translation-rename = its Pelican header says Lang: { $lang }, yet its name has no .{ $lang } suffix, so tandem reads it as a { $source } page; it shares its Slug with a { $source } page: { $command } names it after that page, and tandem pairs the two
scaffold-warn-alt-key = { $key }: { $value } is copied from the source and may name this page’s own language or page: set it to what the translation’s language switcher should point at
scaffold-warn-slug-key = the source has no { $key }: pages with different file names pair only when both carry the same { $key }; add “{ $key }: { $value }” to the front matter of both, or the new page stays an orphan
error-translation-exists = { $path } already exists
hint-translation-exists = pass --force to overwrite it, or edit it and run tandem sync
error-not-a-source-page = { $path } is not a page of the source language ({ $source })
error-no-such-page = { $path } does not exist
hint-no-such-page = scaffold takes a page of the source language ({ $source }) that exists; tandem status --all lists the pages missing a translation
hint-not-a-source-page = it is a translation: scaffold takes its source page, { $page }
file-kind-file = a file
file-kind-folder = a folder
file-kind-submodule = a folder (a git submodule)
file-kind-fifo = a named pipe (FIFO)
file-kind-socket = a socket
file-kind-device = a device
file-kind-special = a special file
file-kind-broken-link = a link to nothing (its target is missing, or it leads back to itself)
error-site-config-not-a-file = { $path } is { $kind }: the site's config cannot be read, and read without it the site would be another
hint-site-config-not-a-file = fix the link or the file (a theme or submodule not checked out: git submodule update --init), or remove it
error-compared-not-a-file = { $path } is { $kind }, not a page
hint-compared-not-a-file = compare names two page files: tandem pair lists the pages
error-config-not-a-file = --config { $path } is { $kind }, not a tandem.yaml file
hint-config-not-a-file = name the config file itself, or leave --config out to use the tandem.yaml found
error-out-not-a-folder = --out { $path } is { $kind }, not a folder
hint-out-not-a-folder = --out names the folder the task files go in (created when missing): give another path
error-out-in-content = --out { $path } is a folder of the site's content: its task files would be read as pages and published
hint-out-in-content = give --out a folder outside the content folders (l10n-tasks)
error-out-protected = --out { $path } is { $what ->
        [git] inside .git, git's own files
       *[config] a config file the site is read from
    }: the report would take its place
hint-out-protected = give --out a file of its own (l10n-status.md, or a folder such as l10n-tasks for tandem tasks)
error-out-is-a-page = --out { $path } is, or would be, a page of the site: the report would take its place
hint-out-is-a-page = give --out a file outside the site's pages (status.html, l10n-status.md)
error-lfs-pointer = { $path } is a Git LFS pointer, not the page
hint-lfs-pointer = run git lfs pull, then run tandem again
error-not-utf8 = { $encoding ->
        [utf-16] { $path }: the file is UTF-16 text, and tandem reads and writes pages in UTF-8 only; nothing was written
        [binary] { $path }: the file is binary, not a page; nothing was written
       *[other] { $path }:{ $line }: the file is not UTF-8 text (Latin-1, Windows-1252…), and tandem reads and writes pages in UTF-8 only; nothing was written
    }
hint-not-utf8 = { $encoding ->
        [utf-16] convert it to UTF-8, for example with `iconv -f UTF-16 -t UTF-8`, then run tandem again
        [binary] a page is text: move the file out of the content folder, or leave it out with `exclude` in tandem.yaml
       *[other] convert it to UTF-8 (a Latin-1 page: `iconv -f LATIN1 -t UTF-8`), then run tandem again
    }
error-bad-slug = --slug “{ $slug }” is not a file name tandem reads as a page: it is empty or hidden (.x), holds a /, a \, .., a line end or a tab, has spaces around it, or an extension tandem does not read (x.MD)
hint-bad-slug = give the translation's file name alone, such as --slug installer: it goes in the folder the layout gives
error-scaffold-onto-source = { $path } is a page of the source language ({ $source }): scaffold writes only translations
hint-scaffold-onto-source = pass --slug with another file name
error-language-needed = which language? the site has several
error-symlink-page = { $path } is a symbolic link: tandem reads no page through a link
hint-symlink-page = pages are regular files inside the repository; copy the file in place of the link
error-read-only-file = { $path } is read-only: tandem does not replace a read-only file, and nothing was written
hint-read-only-file = if it is yours to change, make it writable (chmod u+w { $path }), then run tandem again
error-folder-not-writable = cannot write { $path }: the folder { $folder } does not take a new file ({ $detail }), and nothing was written
hint-folder-not-writable = check the permissions of { $folder } (ls -ld { $folder }): tandem writes each file through a new file beside it
error-written-before = { $count ->
        [one] this file was written before the error and keeps its change: { $files }
       *[other] these { $count } files were written before the error and keep their changes: { $files }
    }
error-write-through-link = { $kind ->
        [page] { $path } is a symbolic link: tandem writes no page through a link, which may lead outside the repository
       *[folder] { $path }: { $link } is a symbolic link: tandem writes no page through a link, which may lead outside the repository
    }
hint-write-through-link = { $kind ->
        [page] pages are regular files inside the repository; remove the link, or replace it with a copy of the file it points to
       *[folder] pages are regular files inside the repository; make { $link } a real folder, or remove the link
    }
hint-language-needed = pass --lang with one of: { $known }

## init

init-wrote = wrote { $path }: source { $source }, translations { $languages }; { $policy }
init-policy-together = tandem check fails on every finding
init-policy-later = tandem check fails only on broken pins
init-policy-unset = tandem check fails on every finding except missing-in-pr and mirrored-only (the default); with --publish later, untranslated changes are only warnings
init-prompt-languages = Source language { $source }, translations { $languages }: is that right?
init-prompt-source = Which language are the pages written in first?
init-prompt-targets = Which translations should tandem follow?
init-prompt-publish = How does the site publish translations?
init-publish-together = together with the source: a change without its translation fails tandem check
init-publish-later = later: translations catch up, untranslated changes are warnings
init-yaml-header = tandem.yaml, written by tandem init. Every key is optional; the README lists them all.
init-yaml-from-hugo = Languages and folders found in the Hugo config.
init-yaml-from-folders = Languages found as folders of pages.
init-yaml-from-config = Languages as the previous { $file } said.
init-yaml-from-starlight = Languages and folders found in the Starlight site (its locales).
init-yaml-from-vitepress = Languages and folders found in the VitePress site (its locales).
init-yaml-from-vuepress = Languages and folders found in the VuePress site (its locales).
init-yaml-repository-files = files the site does not publish (the repository's own, what its generator leaves out), not pages
init-yaml-from-astro = Languages found as folders of Astro's content collections (src/content/<collection>/<lang>/).
init-yaml-from-astro-pages = Languages and folders found in the Astro config's i18n (its locales): the default locale's pages in src/pages/, the others in src/pages/<locale>/.
init-yaml-from-root-locale = The source's pages at the top of a folder, a folder per translation beside them.
init-yaml-check-source = Check `source`: nothing says the language of the top pages.
init-yaml-translatable-flag = Only source pages carrying this front-matter flag are expected to be translated: the others are never missing.
evidence-config = as tandem.yaml says
evidence-hugo-default-language = defaultContentLanguage in { $file }
evidence-hugo-default-en = Hugo's default language: { $file } sets no defaultContentLanguage
evidence-zola-default-language = default_language in { $file } (Zola)
evidence-zola-default-en = Zola's default language: { $file } sets no default_language
evidence-hugo-languages = languages and their contentDir in { $file }
evidence-hugo-mounts = content mounts with a lang in { $file }
evidence-key-in-file = { $key } in { $file }
evidence-starlight-folders = the language folders of src/content/docs ({ $file } has no literal locales)
evidence-vitepress-folders = the language folders of { $dir } ({ $file } has no literal locales)
evidence-vitepress-root = the root locale of { $file }
evidence-docusaurus-default-en = Docusaurus's default locale: no literal i18n.defaultLocale found
evidence-docusaurus-locales = Docusaurus locales (i18n/<lang>/)
evidence-folders = folders named like languages in { $dir }
evidence-astro-collections = the language folders of each content collection in src/content ({ $file } is an Astro config)
evidence-root-locale-folders = folders named like languages in { $dir }, their pages twins of the pages beside them
evidence-root-locale-said = the pages at the top of { $dir }, in the source language of tandem.yaml
evidence-pages-lang = the lang of { $count } of the { $read } pages at the top of { $dir } that give one
evidence-pages-words = the common words of { $count } of the { $read } pages at the top of { $dir } that read clearly as one language
evidence-folder-words = the common words of { $count } of the { $read } pages of { $dir } that read clearly as one language
evidence-mintlify-default = navigation.languages in { $file } (Mintlify)
evidence-source-folder-assumed = assumed: nothing says which language the pages of { $dir } are in; source: in tandem.yaml sets it
evidence-root-locale-assumed = assumed: nothing says which language the pages at the top of { $dir } are in; source: in tandem.yaml sets it
evidence-suffixes = language suffixes of page names (x.fr.md)
evidence-front-matter-lang = languages in { $file }, each page's lang: in its front matter
evidence-source-en = { $lang } is among the languages found
evidence-source-only-in-source-repo = the one language whose folder is in the source clone only
evidence-source-en-fewer = { $lang } is among the languages found, though { $most } has more pages: { $count } against { $en }
evidence-source-most-pages = the language with the most pages
evidence-source-most-pages-over-en = the language with the most pages ({ $count }; { $lang } has { $en }: a translation in progress)
evidence-mdx-generator = the generator writes MDX
evidence-mdx-files = .mdx pages under the content folders
evidence-flag-in-pages = source pages carry { $key } (first: { $page })
init-yaml-content-from-hugo = The language folders come from the Hugo config (languages.*.contentDir).
init-yaml-pin-none = No translation records its source commit yet: tandem sync writes this key, and until then the last commit of each translation is its sync point.
init-yaml-pin-found-item = { $key } in { $count ->
        [one] { $count } page
       *[other] { $count } pages
    }
init-yaml-pin-found = Front-matter key recording each translation's source commit (found: { $found }).
init-yaml-check-together = Source and translations are published together: every finding of tandem check fails.
init-yaml-check-later = Translations catch up later: untranslated changes are warnings, broken pins fail.
init-yaml-check-unset = How the site publishes translations was not said (--publish): tandem check fails on every finding but missing-in-pr and mirrored-only, as without this file. Translations that catch up later: uncomment the line below (broken pins fail, untranslated changes are warnings).
init-yaml-ui-language = tandem's messages (else TANDEM_UI_LANG, then the system locale):
error-config-exists = { $path } already exists
hint-config-exists = pass --force to write it again from what tandem detects now
error-init-needs-yes = init asks before writing, and there is no terminal to ask on
hint-init-needs-yes = pass --yes to accept what was detected (and --publish together|later)
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
verbose-versions-parsed = { $count ->
        [0] verdicts: no page version parsed (every answer from .git/tandem/refine.cache)
        [one] verdicts: { $count } page version read and parsed
       *[other] verdicts: { $count } page versions read and parsed
    }

## Command line: help texts. Ids follow the command line (src/cli.rs): about-<command>, help-<command>-<argument>
## (global arguments under tandem), value-<argument>-<value>.

help-heading-usage = Usage:
help-heading-commands = Commands:
help-heading-arguments = Arguments:
help-heading-options = Options:
help-command-value = COMMAND
# The placeholders of the arguments' values in --help, usage errors and man pages (`--repo <DIR>`).
placeholder-body = BODY
placeholder-color = COLOR
placeholder-command = COMMAND
placeholder-dir = DIR
placeholder-file = FILE
placeholder-format = FORMAT
placeholder-id = ID
placeholder-kinds = KINDS
placeholder-lang = LANG
placeholder-mode = MODE
placeholder-n = N
placeholder-name = NAME
placeholder-page = PAGE
placeholder-path = PATH
placeholder-rev = REV
placeholder-score = SCORE
placeholder-shell = SHELL
placeholder-source = SOURCE
placeholder-source-file = SOURCE_FILE
placeholder-translation-file = TRANSLATION_FILE
placeholder-when = WHEN
help-default = [default: { $value }]
help-possible-values = [possible values: { $values }]
help-possible-values-heading = Possible values:
help-flag-help = Print help
help-flag-help-more = Print help (see more with '--help')
help-flag-help-summary = Print help (see a summary with '-h')
help-flag-version = Print version
about-tandem = Keeps the translations of a documentation or blog site in step with their source pages.
after-help-tandem = Exit codes: 0 nothing to report, 1 findings (check, compare, status --exit-code), 2 tandem could not do its job.
help-tandem-repo = Run as if tandem was started in DIR
help-tandem-config = Read this config file instead of the nearest tandem.yaml
help-tandem-lang = Target languages, comma-separated (default: all)
help-tandem-source-repo = The clone holding the source pages, when translations live in another repository
help-tandem-ui-lang = Language of tandem's messages (else TANDEM_UI_LANG, config, system locale)
help-tandem-color = When to use colours
help-tandem-quiet = Print no warnings
help-tandem-verbose = Say more (history cache use, pairing evidence)
about-status = Verdict of every page pair: current, stale, missing, orphaned or unknown
help-status-paths = Only pages under these files or folders (relative to the current directory)
help-status-mode = Where sync points come from: pins, the translation's last commit, or pins first
help-status-strict = Byte semantics only: exactly `git diff --quiet <sync>...HEAD -- <source>`
help-status-format = Output format (html: one self-contained dashboard page)
help-status-out = Write the report to FILE (replaced in one step; never a page of the site) instead of stdout
help-status-all = Text: every page of every language (by default a terminal shows a summary when there are several languages, and the first missing pages); Markdown: every page, even past the 65,536 characters of a GitHub comment
help-status-exit-code = Exit with 1 when any page is not current
about-diff = What changed in the source since the translation's sync point, section by section
help-diff-page = A translation, or a source page (with --lang when it has several translations)
help-diff-section = Only the section with this id (its anchor, as in the source or the translation; top: the text before the first heading)
help-diff-word = Highlight the words that changed
help-diff-mode = Where the sync point comes from
help-diff-format = Output format
about-compare = One pair given by explicit paths: structure signals, and the history verdict inside a repository
help-compare-source = The source page
help-compare-translation = The translation
help-compare-format = Output format
about-check = CI gate: fail on untranslated changes, invalid pins, orphans (whole repository, or a pull request with --base)
help-check-base = Check only what the commits since the merge base with REV introduced (a pull request: origin/main)
help-check-pushed = HEAD is the base branch itself, after a push (--base: the commit before it): a pin need only be in HEAD's history
help-check-fail-on = Findings that fail, comma-separated (default: check.fail_on, else all but missing-in-pr and mirrored-only); the others are warnings
help-status-rev = Read pages and front matter from commit REV instead of the work tree (REV replaces HEAD)
help-tasks-rev = Read pages and front matter from commit REV instead of the work tree (REV replaces HEAD)
help-check-rev = Read pages and front matter from commit REV instead of the work tree (REV replaces HEAD)
help-diff-rev = Read pages and front matter from commit REV instead of the work tree (REV replaces HEAD)
help-diff-context = Unchanged blocks shown around each changed block
help-check-warn-only = Report every finding as a warning and exit 0
help-check-mode = Where sync points come from
help-check-format = Output format (github: workflow commands for pull-request annotations)
about-pair = Show how pages pair and why; suggest pairings for unpaired pages
help-pair-suggest = Score candidate pairings for the pages that have no partner
help-pair-write = Record accepted suggestions as a translation key (translationKey) in both files
help-pair-min-score = Lowest score to suggest, or to write without asking (0 to 1)
help-pair-format = Output format
about-sync = Record that translations are up to date: write the source commit they match into their front matter
help-sync-paths = Translations, or folders of them, to mark as up to date (relative to the current directory). Without any, a terminal offers the stale pages to pick from
help-sync-to = The source commit to record (default: the last commit that changed each page's source, as `git log -1`)
help-sync-patched = Mark the pin `# patched`: the translation was fixed without being fully brought up to date
help-sync-drift-key = Also set the drift key (`drifted_from_default`, or pin.drift_key): `true` on stale pages, `file not found` on orphans, removed from current ones
help-sync-drift-only = Only update the drift key of every page (under PAGE, or the whole site); write no pin
help-sync-stale = Sync every stale page (under PAGE, or the whole site): what the terminal picker offers, without asking
help-sync-mirrored = For the pages stale only for mirrored front-matter keys (under PAGE, or the whole site): copy those keys' values from the source (a list over several lines as the source writes it), then pin
help-sync-dry-run = Show what would change; write nothing
about-scaffold = Create a translation from its source page: front matter with the pin set, body kept or as placeholders
help-scaffold-source = The source page to translate (relative to the current directory)
help-scaffold-slug = The translation's file name (without folder), for sites whose translations have translated names
help-scaffold-body = What to do with the body: keep the source text, or keep only its structure with a marker where prose goes
help-scaffold-force = Overwrite the translation if it exists
about-tasks = Review and translation tasks: one per stale page (and missing page), as Markdown files or GitHub issues
help-tasks-paths = Only pages under these files or folders (relative to the current directory)
help-tasks-missing = Also a translation task per missing page
help-tasks-out = Write one Markdown file per task into DIR (stable names: running again updates them)
help-tasks-format = Output format (github: JSON lines with title, body, labels, assignees for `gh issue create`)
help-tasks-interactive = Tick the pages to hand out, on a terminal (without one, name them as PATHs)
help-tasks-mode = Where sync points come from
about-init = Write tandem.yaml from what was detected (asks on a terminal, --yes otherwise)
help-init-yes = Accept the detected settings without asking
help-init-force = Overwrite an existing tandem.yaml
help-init-publish = How the site publishes translations (decides what `tandem check` fails on)
about-demo = Build a small bilingual site with real history and show its status
help-demo-dir = Where to build the demo site (default: a new temporary folder)
about-completions = Print shell completions (--lang completes with the site's languages)
help-completions-shell = The shell
about-man = Print the man page of tandem or of one of its commands (roff), or write them all with --out
help-man-command = The command whose page to print (default: tandem itself)
help-man-out = Write every page into DIR (tandem.1, tandem-status.1…)
about-help = Print this message or the help of the given subcommand(s)
help-help-subcommand = Print help for the subcommand(s)
value-mode-auto = The pin when the translation has one, else the last commit that touched it
value-mode-pin = Pins only: a translation without a pin is `unknown` (`no-pin`)
value-mode-history = The last commit that touched the translation, ignoring pins (the lsync method)
value-fail-on-stale = Whole repository: a stale translation
value-fail-on-missing = Whole repository: a source page without translation
value-fail-on-orphaned = Whole repository: a translation without source
value-fail-on-invalid-pin = A pin that names no commit, several, or one outside the history (of HEAD; in a PR, of the base)
value-fail-on-no-sync-point = Whole repository: a translation with neither pin nor commit
value-fail-on-unreadable = Whole repository: a translation that cannot be read (binary, not UTF-8, broken front matter)
value-fail-on-stale-in-pr = Pull request: a source page changed meaningfully, its translation not updated
value-fail-on-missing-pin = Pull request: a new translation without a pin, on a site that uses pins
value-fail-on-missing-in-pr = Pull request: a new source page without a translation (reported only where configured), or a translation deleted while its source stays
value-fail-on-mirrored-only = Whole repository: a stale translation whose source changed only in mirrored front-matter keys (only where configured)
value-fail-on-orphaned-in-pr = Pull request: a source page deleted or renamed, its translation left behind; a translation added without a source
value-body-keep = The source's body, to translate in place
value-body-placeholder = Headings (with their {"{"}#id{"}"}), code blocks, shortcodes and images kept; a marker where prose goes
value-publish-together = Both languages go out together: every `check` finding fails the build
value-publish-later = Translations catch up later: untranslated changes are warnings, only invalid pins fail

## Command line: usage errors (exit code 2)

usage-unknown-subcommand = unrecognized subcommand '{ $name }'
usage-unknown-argument = unexpected argument '{ $name }' found
usage-invalid-value = invalid value '{ $value }' for '{ $arg }'
usage-invalid-value-because = invalid value '{ $value }' for '{ $arg }': { $reason }
usage-missing-value = a value is required for '{ $arg }' but none was supplied
usage-missing-argument = { $count ->
        [one] the following required argument was not provided: { $args }
       *[other] the following required arguments were not provided: { $args }
    }
usage-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
usage-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
usage-repeated = the argument '{ $arg }' cannot be used multiple times
usage-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
usage-wrong-number = '{ $arg }' takes { $expected } values, not { $actual }
usage-no-equals = equal sign is needed when assigning values to '{ $arg }'
usage-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
usage-other = the command line is not valid ("{ $detail }")
usage-tip = tip: { $tip }
usage-tip-subcommand = a similar subcommand exists: '{ $name }'
usage-tip-argument = a similar argument exists: '{ $name }'
usage-tip-value = a similar value exists: '{ $name }'
usage-tip-trailing = to pass '{ $name }' as a value, use '-- { $name }'
usage-tip-possible-values = possible values: { $values }
usage-more-info = For more information, try '--help'.
usage-detail-score = { $value } is not a score between 0 and 1

## Man pages

man-section-name = NAME
man-section-synopsis = SYNOPSIS
man-section-description = DESCRIPTION
man-section-extra = EXIT STATUS
man-section-version = VERSION
man-section-authors = AUTHORS
man-written = { $count ->
        [one] { $count } man page written to { $dir }
       *[other] { $count } man pages written to { $dir }
    }
error-no-such-command = tandem has no command { $name }
hint-commands = the commands: { $known }

## Details inside errors (the `detail` of error-config-value, error-config-parse, error-map-file)

detail-verbatim = "{ $text }"
detail-yaml-at-line = line { $line }: { $detail }
detail-yaml = { $detail }
yaml-duplicate-key = the key { $key } is written twice
yaml-duplicate-key-unnamed = a key is written twice
yaml-unclosed-quote = a quoted value is never closed (its closing quote is missing)
yaml-unclosed-bracket = a { $open } is never closed (its { $close } is missing)
yaml-tab = a tab where YAML takes only spaces: indent with spaces
yaml-colon-in-value = a value holds “: ”, which YAML reads as a new key: put the value in quotes (title: "A: B")
yaml-expected-list = a list was expected ([a, b])
yaml-expected-map = keys and values were expected (key: value)
front-matter-not-a-map = the front matter is not keys and values (key: value)
front-matter-never-closed = the front matter opened by { $fence } is never closed
detail-list-expected = a list is expected: write { $key }: [{ $value }]
front-matter-json = JSON front matter ({"{"} … {"}"}) is not read by tandem: write it as YAML (---) or TOML (+++)
front-matter-conflict-markers = merge-conflict markers (<<<<<<<, =======, >>>>>>>) in the front matter: resolve the conflict
yaml-too-many-nodes = too many values once its aliases are expanded: over { $limit }
yaml-too-many-aliases = too many aliases (*name) to expand: over { $limit }
yaml-too-deep = nested too deep: over { $limit } levels
yaml-too-large = too large to read: over { $limit } parts
detail-config-not-a-map = expected a map of settings
detail-layout-unsupported = { $value } (supported: { $supported })
detail-layout-nearest = { $value } (supported: { $supported }); did you mean { $nearest }?
detail-pin-key-empty = "{ $value }" is no key name: name the front-matter key pins are written in (default_lang_commit)
detail-pin-key-content = { $value } is part of the page's content (a { $class } key): tandem sync would write commit ids over it; name a key of its own (default_lang_commit)
detail-content-shape = a list of folders, or a map of language to folder
detail-content-same-folder = { $first } and { $second } both name the folder { $dir }: each language needs a folder of its own (pages told apart by a suffix, x.fr.md, are layout: suffix; a translation fork, its pages at the source's paths, names the source's clone with source_repo)
detail-source-repo-layout = the { $layout } layout keeps every language in one repository
detail-unknown-source = { $lang } has no pages here (languages found: { $known })
detail-ui-language = { $value } (tandem speaks en and fr)
detail-unknown-target = { $lang } (found: { $known })
detail-source-as-target = { $lang } is the source language; languages lists the languages of the translations
detail-map-missing = { $path } does not exist
detail-map-needs-file = map needs pairing.map, the mapping file
detail-unknown-finding = { $name } (valid: { $valid })
detail-unknown-finding-nearest = { $name } (valid: { $valid }); did you mean { $nearest }?
detail-front-matter-two-classes = { $key } is in both { $first } and { $second }: a key has one class

## status --format html (the dashboard page)
html-title = Translation status
html-summary = Source language { $source } · { $languages ->
        [one] { $languages } target language
       *[other] { $languages } target languages
    } · commit { $head }
html-filters = Filters
html-filter-language = Language
html-filter-state = State
html-filter-path = Path
html-filter-all = all
html-coverage-heading = Coverage by language
html-col-language = language
html-col-coverage = coverage
html-percent = ({ $percent }%)
html-bar-label = { $lang }: { $current } current, { $stale } stale, { $missing } missing, { $orphaned } orphaned, { $unknown } unknown
html-sections-heading = By site section
html-sections-caption = { $lang }
html-sections-summary = { $lang }: { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }
html-stale-heading = Stale pages, most behind first
html-no-stale = No stale page.
# Above the stale pages; { $command } is `tandem diff PAGE`.
html-stale-next = Next, for a page below: { $command } shows what changed in its source since the sync point, beside the translation.
html-col-page = page
html-col-source = source
html-col-behind = commits behind
# Before the count of commits behind on a phone, where the table's header is out of sight.
html-behind-label = commits behind:
html-col-severity = severity
html-col-changes = what changed
html-col-sync = sync point
html-col-links = links
# The stale pages' column with the command to run next (`tandem diff PAGE`) and the links to the forge.
html-col-next = next
html-col-state = state
html-col-why = why
html-link-source = source
html-link-compare = compare
html-renamed = the source was { $from }, now { $to }
html-others-heading = Orphaned and unknown pages
# The dashboard's list of translations whose source was renamed (each with its `git mv`).
html-renamed-heading = Sources renamed: move the translations to keep them paired by path
html-missing-heading = Missing pages
html-missing-summary = { $lang }: { $count ->
        [one] { $count } missing page
       *[other] { $count } missing pages
    }
## status text: the summary of several languages
status-summary-heading = { $count } target languages:
status-col-language = language
status-col-total = pages
# $count: how many stale pages the language has (French agrees with it).
status-summary-behind-heading = { $lang }: most behind
status-summary-more = … and { $count } more (--lang { $lang } or --all lists them)
status-summary-hint = --all shows every page of every language; --lang LANG one language.

## The action's script (scripts/action-check.sh), through `tandem __message`
action-head-not-pull-request = the pull request's head ({ $head }) is not in what was checked out, so there is nothing of it to check. { $event ->
        [pull_request_target] On pull_request_target, actions/checkout checks out the base branch: give it `ref: ${"{"}{"{"} github.event.pull_request.head.sha {"}"}{"}"}` (and mind that event's rights: it runs with the base repository's secrets).
       *[other] Give actions/checkout `ref: ${"{"}{"{"} github.event.pull_request.head.sha {"}"}{"}"}`.
    }
action-push-before-missing = the commit before the push ({ $before }) is not in this clone: actions/checkout's default fetch-depth (1) leaves it out (set fetch-depth: 0), and after a forced push it is on no branch. { $fallback ->
        [parent] Checking what the push's last commit changed (against HEAD^1) instead.
       *[repository] Checking the whole repository instead.
    }
