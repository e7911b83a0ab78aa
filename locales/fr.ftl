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
hint-no-languages-example = tandem a cherché une configuration Hugo (hugo.*, config.*, config/_default/), Astro Starlight (astro.config.*) ou Docusaurus, des dossiers de langue (content/<langue>/, src/<langue>/, <langue>/) et des suffixes de langue (x.fr.md) ; ce tandem.yaml, construit à partir des dossiers vus, fonctionnera une fois ses langues corrigées :
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
error-no-page-under = aucune page ne correspond à { $path }
hint-no-page-under = les chemins sont relatifs au dossier où tandem est lancé (le dossier courant, ou celui de -C) ; tandem pair liste les pages
error-ambiguous-page = { $path } a des traductions dans plusieurs langues
hint-ambiguous-page = choisissez-en une avec --lang ({ $languages })
error-needs-terminal = { $flag } pose ses questions dans un terminal, et il n'y en a pas ici (ou CI est défini)
hint-needs-terminal = nommez plutôt les pages : tandem tasks CHEMIN… prend les pages sous ces chemins

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
signal-code-changed = « { $section } » : des lignes de commande ou des clés de configuration diffèrent dans le code : { $items }
signal-table-changed = « { $section } » : tableaux différents ({ $source } lignes dans la source, { $translation } dans la traduction)
signal-missing-image = « { $section } » : images absentes de la traduction : { $items }
signal-image-changed = « { $section } » : autres fichiers d'image : { $items }
signal-missing-link = « { $section } » : cibles de liens absentes de la traduction : { $items }
signal-shortcodes-differ = « { $section } » : shortcodes différents : { $items }
signal-heading-level = « { $section } » : titre de niveau { $source } dans la source, { $translation } dans la traduction
signal-paragraph-extended = « { $section } » : un paragraphe a { $source } phrases dans la source, { $translation } dans la traduction, et une longueur hors de proportion avec la page : { $items }

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
diff-summary = { $changed } { $changed ->
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
diff-block-insert-after = (à insérer après la ligne { $line })
diff-block-no-counterpart = (sans équivalent dans la traduction)

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

## tasks

tasks-title-update = [{ $lang }] Mise à jour de { $translation }
tasks-title-translate = [{ $lang }] Traduction de { $source }
tasks-labels = étiquettes : { $labels }
tasks-reviewers = relecture : { $reviewers }
tasks-reviewers-from = relecture : { $reviewers } (d'après { $from })
tasks-why-pin = { $source } a changé depuis l'épingle { $commit } ({ $date }) : { $commits ->
        [one] { $commits } commit
       *[other] { $commits } commits
    }, { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }.
tasks-why-history = { $source } a changé depuis { $commit } ({ $date }), le dernier commit de la traduction : { $commits ->
        [one] { $commits } commit
       *[other] { $commits } commits
    }, { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }.
tasks-why-structure = { $source } n'a pas changé, mais il manque à la traduction du contenu qu'elle a :
tasks-why-missing = Traduire { $source } dans { $translation } ({ $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }).
tasks-start = Pour commencer : `tandem scaffold { $source } --lang { $lang }`
tasks-when-done = Une fois fini : `tandem sync { $translation }`, puis ouvrez une pull request intitulée « { $title } ».
tasks-wrote = { $updates } tâches de mise à jour et { $translations } tâches de traduction écrites dans { $dir } ({ $unchanged } inchangées depuis la dernière fois, { $removed } supprimées)
tasks-none = Aucune tâche : toutes les traductions sont à jour.
tasks-prompt-pick = Quelles pages distribuer cette fois ?
## pairing: layouts, keys, the mapping file, renames (issue 3)

reason-source-renamed = la source a été renommée depuis le point de synchronisation (--strict compte un renommage comme une modification)
reason-source-paired-elsewhere = une clé ou le fichier de correspondance associe la source à une autre page
reason-pairing-conflict = des clés ou le fichier de correspondance lient cette page à plusieurs pages d'une même langue (tandem pair les montre)
error-source-repo-not-root = le dépôt source { $path } n'est pas la racine de son clone ({ $root })
hint-source-repo-not-root = donnez à --source-repo (ou source_repo:) le dossier du clone lui-même
error-map-file = impossible de lire le fichier de correspondance { $path } : { $detail }
hint-map-file = le format du fichier de correspondance est décrit dans docs/pairing.md
warn-link-not-found = { $key } : { $value } ne désigne aucune page d'une autre langue
warn-link-ambiguous = { $key } : { $value } désigne plusieurs pages ; écrivez le chemin
warn-map-page-not-found = { $page } n'existe pas
status-orphaned-renamed-line = { $translation } — sa source { $source } a été renommée en { $to }
status-orphaned-displaced-line = { $translation } — sa source { $source } est associée à { $other } par clé ou correspondance
status-renamed-heading = Sources renommées ({ $count }), déplacez les traductions pour qu'elles restent associées par chemin :
status-renamed-line = { $translation } — { $from } est devenue { $to }

## pair

pair-language-header = { $lang } : { $pairs ->
        [one] { $pairs } paire
       *[other] { $pairs } paires
    }{ $rules }, { $sources } sans traduction, { $translations } sans source, { $conflicts ->
        [one] { $conflicts } conflit
       *[other] { $conflicts } conflits
    }
pair-by-count = { $count } par { $rule }
pair-renamed = { $from } a été renommée en { $to }
pair-unpaired-sources = Pages source sans traduction ({ $count }) :
pair-unpaired-translations = Traductions sans source ({ $count }) :
pair-conflicts = Conflits ({ $count }), rien n'est associé ; corrigez les clés ou le fichier de correspondance :
pair-try-suggest = Ensuite : tandem pair --suggest propose des associations pour les pages sans partenaire.
pair-prompt-accept = { $translation } ⇄ { $source }, score { $score } ({ $evidence }). Les associer ?
pair-written = { $key } écrit dans { $files ->
        [one] { $files } fichier
       *[other] { $files } fichiers
    } ({ $pairs ->
        [one] { $pairs } paire
       *[other] { $pairs } paires
    })
suggest-header = { $unpaired ->
        [one] { $unpaired } page sans partenaire
       *[other] { $unpaired } pages sans partenaire
    }, { $count ->
        [one] { $count } suggestion :
       *[other] { $count } suggestions :
    }
evidence-date = même date { $value }
evidence-file-number = même numéro { $value } dans le nom de fichier
evidence-resources = { $shared ->
        [one] { $shared } image ou fichier commun
       *[other] { $shared } images et fichiers communs
    } sur { $of }
evidence-links = { $shared ->
        [one] { $shared } lien identique
       *[other] { $shared } liens identiques
    } sur { $of }
evidence-code-blocks = { $shared ->
        [one] { $shared } bloc de code identique
       *[other] { $shared } blocs de code identiques
    } sur { $of }
evidence-inline-code = { $shared ->
        [one] { $shared } extrait de code identique
       *[other] { $shared } extraits de code identiques
    } sur { $of }
evidence-numbers = { $shared ->
        [one] { $shared } nombre commun
       *[other] { $shared } nombres communs
    } sur { $of }
evidence-shortcodes = { $shared ->
        [one] { $shared } shortcode commun
       *[other] { $shared } shortcodes communs
    } sur { $of }
evidence-names = { $shared ->
        [one] { $shared } nom commun
       *[other] { $shared } noms communs
    } sur { $of }
evidence-headings = même structure de titres ({ $shared ->
        [one] { $shared } titre
       *[other] { $shared } titres
    })
evidence-markup = { $shared ->
        [one] { $shared } classe ou identifiant HTML commun
       *[other] { $shared } classes et identifiants HTML communs
    } sur { $of }
evidence-image = même image { $value }
evidence-file = même fichier { $value }
evidence-best-match = chacune est la meilleure correspondance de l'autre
init-yaml-from-file-names = Langues trouvées en suffixe des noms de pages (x.fr.md).
init-yaml-from-docusaurus = Langues trouvées comme locales Docusaurus (i18n/<langue>/).
init-yaml-content-docusaurus = Docusaurus range les pages dans docs/, blog/ et i18n/<langue>/ : aucun réglage content nécessaire.

## front-matter edits (sync, scaffold, pair --write)

edit-bad-front-matter = { $path }:{ $line } : front matter illisible : { $detail }
hint-edit-bad-front-matter = corrigez d’abord le front matter à la main ; tandem ne modifie rien dans un fichier qu’il ne sait pas lire
edit-unsupported = { $path }:{ $line } : impossible de réécrire { $key } sur place : { $what ->
        [multi-line] sa valeur s’étend sur plusieurs lignes
        [block-scalar] sa valeur est un bloc littéral (| ou >)
        [anchor] sa valeur porte une ancre (&nom)
        [alias] sa valeur est un alias (*nom)
        [tag] sa valeur porte une étiquette de type (!!type)
        [flow-collection] c’est une collection en ligne ([…] ou {"{"}…{"}"})
        [collection] c’est une table ou une liste, pas une valeur simple
       *[other] elle n’est pas écrite sous la forme `clé: valeur` sur une ligne
    }
hint-edit-unsupported = écrivez-la sous la forme `clé: valeur` sur une seule ligne, puis relancez tandem
edit-not-a-map = { $path }:{ $line } : { $key } n’est pas une table : aucune clé ne peut y être ajoutée
edit-bad-key = { $path } : la clé « { $key } » a une partie vide
hint-edit-bad-key = séparez les clés imbriquées par des points, sans partie vide : l10n.sourceCommit
edit-unverified = { $path } : la modification de { $key } n’a pas pu être vérifiée ({ $detail }) ; rien n’a été écrit
hint-edit-unverified = c’est un bogue de tandem : signalez-le avec le front matter de ce fichier

## questions on a terminal

prompt-yes-words = o, oui, y, yes
prompt-no-words = n, non, no
prompt-yes = oui
prompt-no = non
prompt-default-yes = O/n
prompt-default-no = o/N
prompt-yes-no-error = répondez o (oui) ou n (non)
prompt-multi-select-help = ↑↓ pour se déplacer, espace pour cocher, → tout, ← rien, tapez pour filtrer, entrée pour valider
prompt-select-help = ↑↓ pour se déplacer, entrée pour valider
error-cancelled = annulé : rien n’a été écrit

## sync

sync-pin-changed = { $path } : { $key } { $old } → { $new } ({ $lines ->
        [one] { $lines } ligne modifiée
       *[other] { $lines } lignes modifiées
    })
sync-pin-added = { $path } : { $key } (aucun) → { $new } ({ $lines ->
        [one] { $lines } ligne ajoutée
       *[other] { $lines } lignes ajoutées
    })
sync-pin-unchanged = { $path } : { $key } déjà à { $new } (inchangé)
sync-drift-set = { $path } : { $key } mis à { $value }
sync-drift-removed = { $path } : { $key } retiré (la page est à jour)
sync-dry-run = simulation : rien n’a été écrit
sync-nothing-to-change = Rien à changer.
sync-nothing-stale = Aucune page obsolète : rien à synchroniser.
sync-nothing-picked = Aucune page choisie : rien n’a été écrit.
sync-prompt-pick = Quelles traductions sont maintenant à jour ?
sync-warn-not-on-default-branch = ce commit n’est pas sur la branche par défaut ({ $branch }) : si la branche est fusionnée par squash, l’épinglage nommera un commit absent de l’historique du site (resynchronisez après la fusion, ou passez --to avec un commit de { $branch })
sync-warn-drift-unknown = pas de verdict pour cette page : { $key } n’a pas été modifié
error-sync-needs-pages = quelles traductions ? sync attend des pages ou des dossiers
hint-sync-needs-pages = nommez-les (tandem sync content/fr/docs/page.md), passez --stale pour synchroniser toutes les pages obsolètes, ou lancez tandem sync dans un terminal pour les choisir
error-nothing-to-sync = aucune traduction sous { $paths }
hint-nothing-to-sync = donnez des pages traduites ou des dossiers qui en contiennent (tandem status les liste)
error-not-an-ancestor = { $rev } n’est pas dans l’historique de HEAD
hint-not-an-ancestor = un épinglage doit nommer un commit présent dans la branche de la traduction : fusionnez ou rebasez d’abord, ou choisissez un commit de l’historique de HEAD
error-source-not-committed = { $path } n’a encore aucun commit : il n’y a pas de commit source à enregistrer
hint-source-not-committed = committez d’abord la page source, ou passez --to REV

## scaffold

scaffold-created = créé { $path } ({ $details })
scaffold-detail-pin = épinglé { $commit }
scaffold-detail-no-pin = pas encore d’épinglage
scaffold-detail-fields = { $fields } à traduire
scaffold-detail-body-kept = corps copié depuis la source
scaffold-detail-sections = { $count ->
        [one] { $count } section à rédiger
       *[other] { $count } sections à rédiger
    }
list-and = et
scaffold-warn-no-pin = la page source n’est pas encore committée, donc la traduction n’est pas épinglée : committez la source, puis lancez tandem sync sur la traduction
scaffold-warn-slug-key = la source n’a pas de { $key } : des pages aux noms de fichier différents ne sont appariées que si elles portent le même { $key }
error-translation-exists = { $path } existe déjà
hint-translation-exists = passez --force pour l’écraser, ou modifiez-le et lancez tandem sync
error-not-a-source-page = { $path } n’est pas une page de la langue source ({ $source })
error-language-needed = quelle langue ? le site en a plusieurs
hint-language-needed = passez --lang avec l’une de : { $known }

## init

init-wrote = { $path } écrit : source { $source }, traductions { $languages } ; { $policy }
init-policy-together = tandem check échoue à chaque constat
init-policy-later = tandem check n’échoue que sur les épinglages invalides
init-prompt-languages = Langue source { $source }, traductions { $languages } : est-ce exact ?
init-prompt-source = Dans quelle langue les pages sont-elles écrites d’abord ?
init-prompt-targets = Quelles traductions tandem doit-il suivre ?
init-prompt-publish = Comment le site publie-t-il ses traductions ?
init-publish-together = avec la source : une modification sans sa traduction fait échouer tandem check
init-publish-later = plus tard : les traductions rattrapent leur retard, les changements non traduits sont des avertissements
init-yaml-header = tandem.yaml, écrit par tandem init. Toutes les clés sont facultatives ; le README les liste toutes.
init-yaml-from-hugo = Langues et dossiers trouvés dans la configuration Hugo.
init-yaml-from-folders = Langues trouvées d’après les dossiers de pages.
init-yaml-from-config = Langues reprises du précédent { $file }.
init-yaml-from-starlight = Langues et dossiers trouvés dans le site Starlight (ses locales).
init-yaml-translatable-flag = Seules les pages sources qui portent ce drapeau de front matter sont à traduire : les autres ne sont jamais manquantes.
evidence-config = comme le dit tandem.yaml
evidence-hugo-default-language = defaultContentLanguage dans { $file }
evidence-hugo-default-en = langue par défaut de Hugo : { $file } ne fixe pas defaultContentLanguage
evidence-hugo-languages = languages et leur contentDir dans { $file }
evidence-hugo-mounts = montages de contenu avec lang dans { $file }
evidence-key-in-file = { $key } dans { $file }
evidence-starlight-folders = les dossiers de langue de src/content/docs ({ $file } n’a pas de locales littérales)
evidence-docusaurus-default-en = locale par défaut de Docusaurus : aucun i18n.defaultLocale littéral trouvé
evidence-docusaurus-locales = locales Docusaurus (i18n/<langue>/)
evidence-folders = dossiers nommés comme des langues dans { $dir }
evidence-suffixes = suffixes de langue des noms de pages (x.fr.md)
evidence-source-en = le dossier en
evidence-source-most-pages = la langue qui a le plus de pages
evidence-mdx-generator = le générateur écrit du MDX
evidence-mdx-files = des pages .mdx dans les dossiers de contenu
evidence-flag-in-pages = des pages sources portent { $key } (la première : { $page })
init-yaml-content-from-hugo = Les dossiers des langues viennent de la configuration Hugo (languages.*.contentDir).
init-yaml-pin-none = Aucune traduction n’enregistre encore son commit source : tandem sync écrit cette clé ; d’ici là, le dernier commit de chaque traduction sert de point de synchronisation.
init-yaml-pin-found = Clé du front matter qui enregistre le commit source de chaque traduction (trouvée : { $found }).
init-yaml-check-together = Source et traductions sont publiées ensemble : chaque constat de tandem check le fait échouer.
init-yaml-check-later = Les traductions rattrapent leur retard plus tard : les changements non traduits sont des avertissements, les épinglages invalides font échouer.
init-yaml-ui-language = Langue des messages de tandem (sinon TANDEM_UI_LANG, puis la langue du système) :
error-config-exists = { $path } existe déjà
hint-config-exists = passez --force pour le réécrire d’après ce que tandem détecte maintenant
error-init-needs-yes = init demande confirmation avant d’écrire, et il n’y a pas de terminal pour le faire
hint-init-needs-yes = passez --yes pour accepter ce qui a été détecté (et --publish together|later)
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
