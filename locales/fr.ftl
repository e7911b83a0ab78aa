# Les messages de tandem, en français. Chaque identifiant a son jumeau dans en.ftl (un test le vérifie).

## Erreurs et conseils

error-line = erreur : { $message }
error-not-a-repo = { $path } n'est pas dans un dépôt git
hint-not-a-repo = lancez tandem dans le clone de votre site, ou passez -C DOSSIER
error-no-commits = le dépôt { $path } n'a encore aucun commit
hint-no-commits = commitez d'abord vos pages : tandem lit leur historique
error-bare-repo = { $path } est un dépôt nu (bare)
hint-bare-repo = lancez tandem dans un clone qui a une copie de travail
error-no-languages = aucun dossier de langue trouvé sous { $root }
hint-no-languages = rangez les pages dans des dossiers content/<langue>/ (content/en, content/fr), ou réglez content et source dans tandem.yaml
error-one-language = une seule langue trouvée ({ $lang }) : rien à comparer
error-unknown-language = langue inconnue : { $lang }
hint-known-languages = langues trouvées : { $known }
error-config-parse = impossible de lire { $path } : { $detail }
hint-config = voyez l'exemple de tandem.yaml dans le README
error-config-unknown-key = clé inconnue { $key } dans { $path }
hint-did-you-mean = vouliez-vous dire { $key } ?
error-config-value = valeur incorrecte pour { $key } dans { $path } : { $detail }
error-shallow = ce clone est superficiel (shallow), et l'historique qui lui manque est nécessaire ici
hint-shallow = récupérez tout l'historique : git fetch --unshallow (dans GitHub Actions : actions/checkout avec fetch-depth: 0)
error-unknown-revision = révision inconnue : { $rev }
hint-unknown-revision = vérifiez le nom avec git rev-parse, et récupérez-la si elle est sur un dépôt distant
error-unrelated-base = { $rev } n'a aucun historique commun avec HEAD
error-path-outside-repo = { $path } est hors du dépôt
error-io = { $path } : { $detail }
error-git = git : { $detail }
error-dir-not-empty = { $path } n'est pas vide
hint-dir-not-empty = donnez à la démo un dossier nouveau ou vide
error-not-a-page = { $path } n'est pas une page du site, ou n'a pas de paire
hint-not-a-page = donnez une traduction (content/fr/…) ou une page source ; tandem status les liste
error-ambiguous-page = { $path } a des traductions dans plusieurs langues
hint-ambiguous-page = choisissez-en une avec --lang ({ $languages })

## Avertissements (une page chacun ; la page est déclarée inconnue)

warning-line = attention : { $location } : { $message }
warn-unreadable-io = lecture du fichier impossible ({ $detail })
warn-unreadable-binary = le fichier est binaire, ce n'est pas une page
warn-unreadable-utf8 = le fichier n'est pas de l'UTF-8 valide
warn-bad-front-matter = en-tête (front matter) invalide : { $detail }
warn-pin-not-found = { $key } : { $pin } ne désigne aucun commit de ce dépôt
warn-pin-ambiguous = { $key } : { $pin } est ambigu (plusieurs commits commencent ainsi) ; ajoutez des chiffres
warn-pin-not-ancestor = { $key } : { $pin } n'est pas dans l'historique de HEAD
warn-pin-beyond-shallow-boundary = { $key } : { $pin } est plus ancien que l'historique de ce clone superficiel (récupérez-le avec fetch-depth: 0)
warn-missing-blob = la version de cette page à { $commit } n'est pas dans ce clone partiel (récupérez-la, ou clonez sans --filter)

## Verdicts et raisons

state-current = à jour
state-stale = obsolète
state-missing = manquante
state-orphaned = orpheline
state-unknown = inconnu
reason-source-unchanged = la source n'a pas changé depuis le point de synchronisation
reason-source-changed = la source a changé depuis le point de synchronisation
reason-source-created = la source n'existait pas encore au point de synchronisation
reason-cosmetic-only = la source n'a changé que dans sa mise en forme depuis le point de synchronisation
reason-skip-directive = les changements de la source depuis le point de synchronisation sont tous dans des commits marqués [skip-l10n]
reason-structure = il manque à la traduction du contenu que la source a (structure)
reason-not-translated = pas encore traduite
reason-source-not-found = la page source n'existe pas
reason-no-pin = pas d'épingle dans l'en-tête (--mode pin)
reason-no-sync-point = pas d'épingle, et aucun commit n'a encore touché la traduction
reason-pin-not-found = l'épingle { $pin } ne désigne aucun commit
reason-pin-ambiguous = l'épingle { $pin } est ambiguë
reason-pin-not-ancestor = l'épingle { $pin } n'est pas dans l'historique de HEAD
reason-pin-beyond-shallow-boundary = l'épingle { $pin } est au-delà de l'historique du clone superficiel
reason-bad-front-matter = en-tête (front matter) invalide
reason-unreadable = le fichier ne se lit pas comme du texte
reason-missing-blob = une version nécessaire du fichier manque dans ce clone partiel

## status

status-no-pages = Aucune page à signaler.
status-language-header = Traductions { $lang } — { $total ->
        [one] { $total } page source
       *[other] { $total } pages source
    }, { $translated ->
        [one] { $translated } traduite
       *[other] { $translated } traduites
    } ({ $percent } %)
status-col-section = section
status-col-translated = traduites
status-col-current = à jour
status-col-stale = obsolètes
status-col-missing = manquantes
status-col-orphaned = orphelines
status-col-unknown = inconnues
status-stale-heading = Obsolètes ({ $count }), la plus en retard d'abord :
status-missing-heading = Manquantes ({ $count }) :
status-missing-line = { $translation }   (source { $source })
status-more = … et { $count } de plus (-v les montre toutes)
status-orphaned-heading = Orphelines ({ $count }) :
status-orphaned-line = { $translation } — { $source } n'existe pas
status-unknown-heading = Inconnues ({ $count }) :
status-changed-sections = sections modifiées : { $sections }
status-section-change = « { $section } » ({ $change })
status-more-sections = { $count } de plus
status-structure-detail = la source n'a pas changé, mais il manque à la traduction du contenu qu'elle a (tandem compare montre lequel)
status-next = Suivant : tandem diff { $page }
status-all-current = { $count ->
        [one] La page traduite est à jour.
       *[other] Les { $count } pages sont traduites et à jour.
    }
commits-behind = { $count ->
        [one] { $count } commit de retard
       *[other] { $count } commits de retard
    }
commits-behind-unknown = ? commits de retard
sync-pin = épinglée { $commit } ({ $date })
sync-history = historique : dernier commit { $lang } { $commit } ({ $date })
sync-history-weak = ⚠ méthode faible

## status --format markdown

md-col-page = page
md-col-state = état
md-col-behind = commits de retard
md-col-why = pourquoi

## demo

demo-built = site de démonstration créé avec { $languages } langues et { $commits } commits dans { $dir }
demo-try-next = À essayer ensuite :

## Sections, gravités et signaux de structure

section-preamble = (avant le premier titre)
line = ligne { $line }
severity-none = nulle
severity-low = faible
severity-high = élevée
change-added = ajoutée
change-removed = supprimée
change-modified = modifiée
change-moved = déplacée
change-cosmetic = mise en forme
change-unchanged = inchangée
signal-missing-section = « { $section } » n'a pas d'équivalent dans la traduction
signal-extra-section = « { $section } » de la traduction n'a pas d'équivalent dans la source
signal-missing-paragraph = « { $section } » : { $source } paragraphes dans la source, { $translation } dans la traduction
signal-extra-paragraph = « { $section } » : { $source } paragraphes dans la source, { $translation } dans la traduction
signal-missing-list-item = « { $section } » : { $source } éléments de liste dans la source, { $translation } dans la traduction
signal-extra-list-item = « { $section } » : { $source } éléments de liste dans la source, { $translation } dans la traduction
signal-missing-code-block = « { $section } » : { $source } blocs de code dans la source, { $translation } dans la traduction
signal-extra-code-block = « { $section } » : { $source } blocs de code dans la source, { $translation } dans la traduction
signal-code-changed = « { $section } » : commandes ou options différentes dans le code : { $items }
signal-table-changed = « { $section } » : tableaux différents ({ $source } lignes dans la source, { $translation } dans la traduction)
signal-missing-image = « { $section } » : images absentes de la traduction : { $items }
signal-image-changed = « { $section } » : autres fichiers d'image : { $items }
signal-missing-link = « { $section } » : cibles de liens absentes de la traduction : { $items }
signal-shortcodes-differ = « { $section } » : shortcodes différents : { $items }
signal-heading-level = « { $section } » : titre de niveau { $source } dans la source, { $translation } dans la traduction

## compare

compare-header = { $source } ⇄ { $translation } : { $state }, gravité { $severity }
compare-sections = Sections (source ⇄ traduction) :
compare-none = (aucune)
compare-no-counterpart = (pas d'équivalent)
compare-signals = Signaux de structure :

## diff

diff-header = Source : { $source }   { $since }
diff-since-pin = depuis l'épingle { $commit } ({ $date }) → HEAD { $head }
diff-since-history = depuis { $commit } ({ $date }, dernier commit de la traduction) → HEAD { $head }
diff-summary = { $changed } { $total ->
        [one] section sur { $total } modifiée
       *[other] sections sur { $total } modifiées
    } · { $cosmetic ->
        [one] { $cosmetic } changement de mise en forme ignoré
       *[other] { $cosmetic } changements de mise en forme ignorés
    }
diff-no-change = { $translation } est { $state } : { $reason }.
diff-structure-hint = La source n'a pas changé depuis le point de synchronisation, mais il manque à la traduction du contenu qu'elle a : tandem compare montre lequel.
diff-added-no-counterpart = { $change } — pas d'équivalent dans la traduction
diff-to-update = ← à mettre à jour (ligne { $line })
diff-to-remove = ← à supprimer (ligne { $line })
diff-insert-after = (à insérer après « { $section } », ligne { $line })
diff-insert-top = (à insérer au début)

## check

check-header-repo = tandem check : tout le dépôt
check-header-pr = tandem check : ce que cette pull request change par rapport à { $base } (base de fusion { $merge_base })
check-clean-repo = Rien à signaler : toutes les traductions sont à jour.
check-clean-pr = Cette pull request laisse toutes les traductions à jour.
check-language = { $lang } : { $count ->
        [one] { $count } constat
       *[other] { $count } constats
    }, { $failing } bloquant(s)
check-result = Résultat : { $failing ->
        [one] { $failing } constat bloquant
       *[other] { $failing } constats bloquants
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }.
check-more-annotations = … { $count } autres constats sont dans le résumé de l'étape (GitHub montre dix annotations de chaque sorte par étape).
check-summary-title = tandem check
check-summary-line = tandem : { $untranslated } ; { $pins ->
        [one] { $pins } problème d'épingle
       *[other] { $pins } problèmes d'épingle
    } ; { $orphans ->
        [one] { $orphans } orpheline
       *[other] { $orphans } orphelines
    } ; { $failing } bloquant(s) ; voir le résumé de l'étape.
check-summary-untranslated = { $count ->
        [one] { $count } page à traduire
       *[other] { $count } pages à traduire
    }
check-col-language = langue
check-col-page = traduction
check-col-finding = constat
check-col-action = que faire
check-title-stale = Traduction obsolète ({ $lang })
check-title-missing = Non traduite ({ $lang })
check-title-orphaned = Traduction orpheline ({ $lang })
check-title-invalid-pin = Épingle invalide ({ $lang })
check-title-no-sync-point = Pas de point de synchronisation ({ $lang })
check-title-unreadable = Traduction illisible ({ $lang })
check-title-stale-in-pr = Non traduite ({ $lang })
check-title-missing-pin = Traduction sans épingle ({ $lang })
check-title-orphaned-in-pr = Traduction oubliée ({ $lang })
check-msg-stale = { $source } a changé depuis que cette traduction était à jour ; mettez à jour { $translation }.
check-msg-missing = { $source } n'a pas encore de traduction { $lang } ({ $translation }).
check-msg-orphaned = { $translation } n'a pas de source : { $source } n'existe pas.
check-msg-invalid-pin = { $reason }. Lancez tandem sync { $translation } une fois la traduction à jour.
check-msg-no-sync-point = { $translation } n'a pas d'épingle et n'a jamais été commitée : commitez-la, ou lancez tandem sync { $translation }.
check-msg-unreadable = { $translation } : { $reason }.
check-msg-stale-in-pr = { $count ->
        [0] Cette page a changé, mais { $translation } n'a pas été mise à jour. Mettez-la à jour dans cette PR, ou marquez le commit [skip-l10n] s'il n'y a rien à traduire.
       *[other] { $sections } : modifié, mais { $translation } n'a pas été mise à jour. Mettez-la à jour dans cette PR, ou marquez le commit [skip-l10n] s'il n'y a rien à traduire.
    }
check-msg-stale-in-pr-section = Cette section ({ $section }) a changé, mais { $translation } n'a pas été mise à jour. Mettez-la à jour dans cette PR, ou marquez le commit [skip-l10n] s'il n'y a rien à traduire.
check-msg-missing-pin = { $translation } est nouvelle et n'indique aucun commit source : lancez tandem sync { $translation }.
check-msg-orphaned-in-pr = { $source } a été supprimée, mais { $translation } est toujours là : supprimez-la aussi.
check-msg-orphaned-in-pr-renamed = { $source } a été renommée en { $renamed_to } : lancez git mv { $translation } { $move_to }

## history (progression des longs parcours, affichée dans un terminal)
progress-loading-commits = Lecture des commits de HEAD
progress-comparing-commits = Recherche du dernier commit de chaque traduction
progress-counting-changes = Décompte des commits de retard depuis chaque point de synchronisation
cache-reused = historique : réponses tirées du cache (.git/tandem/history.cache)
cache-extended = { $count ->
        [one] historique : cache mis à jour avec { $count } nouveau commit
       *[other] historique : cache mis à jour avec { $count } nouveaux commits
    }
cache-rebuilt = historique : lu dans le dépôt (aucun cache utilisable)
