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
error-path-outside-repo = { $path } est hors du dépôt
error-io = { $path } : { $detail }
error-git = git : { $detail }
error-dir-not-empty = { $path } n'est pas vide
hint-dir-not-empty = donnez à la démo un dossier nouveau ou vide

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

## Verdicts et raisons

state-current = à jour
state-stale = obsolète
state-missing = manquante
state-orphaned = orpheline
state-unknown = inconnu
reason-source-unchanged = la source n'a pas changé depuis le point de synchronisation
reason-source-changed = la source a changé depuis le point de synchronisation
reason-source-created = la source n'existait pas encore au point de synchronisation
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
suggest-header = { $unpaired ->
        [one] { $unpaired } page sans partenaire
       *[other] { $unpaired } pages sans partenaire
    }, { $count ->
        [one] { $count } suggestion :
       *[other] { $count } suggestions :
    }
evidence-date = même date { $value }
evidence-file-number = même numéro { $value } dans le nom de fichier
evidence-resources = { $shared } images et fichiers communs sur { $of }
evidence-links = { $shared } liens identiques sur { $of }
evidence-code-blocks = { $shared } blocs de code identiques sur { $of }
evidence-inline-code = { $shared } extraits de code identiques sur { $of }
evidence-numbers = { $shared } nombres communs sur { $of }
evidence-shortcodes = { $shared } shortcodes communs sur { $of }
evidence-names = { $shared } noms communs sur { $of }
evidence-headings = même structure de titres ({ $value } titres)
evidence-markup = { $shared } classes et identifiants HTML communs sur { $of }
evidence-image = même image { $value }
evidence-file = même fichier { $value }
evidence-best-match = chacune est la meilleure correspondance de l'autre
