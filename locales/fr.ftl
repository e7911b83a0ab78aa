# Les messages de tandem, en français. Chaque identifiant a son jumeau dans en.ftl (un test le vérifie).

## Erreurs et conseils

error-line = erreur : { $message }
error-not-a-repo = { $path } n’est pas dans un dépôt git
hint-not-a-repo = lancez tandem dans le clone de votre site, ou passez -C DOSSIER
error-no-commits = le dépôt { $path } n’a encore aucun commit
hint-no-commits = commitez d’abord vos pages : tandem lit leur historique
error-bare-repo = { $path } est un dépôt nu (bare)
hint-bare-repo = lancez tandem dans un clone qui a une copie de travail
error-no-languages = aucun dossier de langue trouvé sous { $root }
hint-no-languages-example = tandem a cherché une configuration Hugo (hugo.*, config.*, config/_default/), Astro (astro.config.* : Starlight, ou pages Markdown dans src/pages/<locale>/ avec son i18n), Docusaurus, VitePress ou VuePress (.vitepress/config.*, .vitepress/config/index.*, .vuepress/config.*) ou MkDocs (mkdocs.yml), des dossiers de langue (content/<langue>/, src/content/<collection>/<langue>/, src/<langue>/, <langue>/, un dossier de seuls dossiers de langue comme files/<langue>/), des suffixes de langue (x.fr.md) et les pages de la source à côté de dossiers de leurs traductions (index.md et fr/index.md, dans src/content/<collection>/, docs/, src/ ou au sommet) ; ce tandem.yaml, construit à partir des dossiers vus, fonctionnera une fois ses langues corrigées :
hint-no-languages-pelican = c’est un site Pelican (pelicanconf.py) : Pelican apparie une page et ses traductions par le Slug de leur en-tête de métadonnées (Lang: en, Slug: le-col), que tandem ne lit pas, car il ne lit le front matter qu’en YAML ou TOML. Nommez chaque traduction d’après sa page, avec sa langue avant l’extension (le-col.en.md à côté de le-col.md : Pelican prend Lang et Slug dans l’en-tête quel que soit le nom du fichier), et tandem les apparie par leur nom, avec ce tandem.yaml (il lit aussi un site encore sans traduction, chaque page étant alors manquante) :
error-site-submodule = { $dir }/ est un sous-module git : lancez tandem -C { $dir }
error-several-sites = ce dépôt contient plusieurs sites : { $sites }
hint-several-sites = lancez tandem dans celui à examiner (tandem -C { $first } status), ou écrivez au sommet un tandem.yaml qui dit où sont les pages (content:)
error-one-language = une seule langue trouvée ({ $lang }) : rien à comparer
hint-one-language = pour commencer une première traduction, nommez sa langue : tandem scaffold <page> --lang fr, ou languages: [fr] dans tandem.yaml (son dossier se place à côté de celui de la source) ; ou nommez le dossier de chaque langue dans tandem.yaml : content: {"{"} { $lang }: content/{ $lang }, fr: content/fr {"}"}
hint-one-language-docusaurus = un site Docusaurus range chaque traduction dans i18n/<langue>/ (i18n/fr/docusaurus-plugin-content-docs/current/ pour docs/, i18n/fr/docusaurus-plugin-content-blog/ pour blog/) ; si sa langue source n’est pas { $lang }, réglez source dans tandem.yaml
error-unknown-language = langue inconnue : { $lang }
hint-known-languages = langues trouvées : { $known }
error-source-language-given = { $lang } est la langue source, pas celle d’une traduction
hint-target-languages = --lang prend des langues cibles : { $targets }
error-config-parse = impossible de lire { $path } : { $detail }
hint-config = voyez l’exemple de tandem.yaml dans le README
error-config-unknown-key = clé inconnue { $key } dans { $path }
hint-did-you-mean = vouliez-vous dire { $key } ?
error-config-value = valeur incorrecte pour { $key } dans { $path } : { $detail }
error-shallow = ce clone est superficiel (shallow), et l’historique qui lui manque est nécessaire ici
hint-shallow = récupérez tout l’historique : git fetch --unshallow (dans GitHub Actions : actions/checkout avec fetch-depth: 0)
error-unknown-revision = révision inconnue : { $rev }
hint-unknown-revision = vérifiez le nom avec git rev-parse, et récupérez-la si elle est sur un dépôt distant
error-unknown-revision-shallow = révision inconnue dans ce clone superficiel : { $rev } (elle est peut-être dans l’historique qui lui manque)
error-unrelated-base = { $rev } n’a aucun historique commun avec HEAD
error-path-outside-repo = { $path } est hors du dépôt
error-io = { $path } : { $detail }
io-not-found = fichier ou dossier introuvable
io-permission-denied = permission refusée
hint-permission-denied = vérifiez les permissions du fichier et de ses dossiers (ls -l) : tandem s’exécute sous votre compte
io-is-a-directory = un dossier, pas un fichier
io-not-a-directory = une partie du chemin est un fichier, pas un dossier
error-git = git : { $detail }
error-dir-not-empty = { $path } n’est pas vide
hint-dir-not-empty = donnez à la démo un dossier nouveau ou vide
error-not-a-page = { $path } n’est pas une page du site, ou n’a pas de paire
error-unknown-section = { $page } n’a pas de section « { $id } »
hint-known-sections = ses sections : { $known } (les identifiants que diff écrit entre accolades)
hint-not-a-page = donnez une traduction (content/fr/…) ou une page source ; tandem status les liste
error-no-page-under = aucune page ne correspond à { $path }
hint-no-page-under = les chemins sont relatifs au dossier où tandem est lancé (le dossier courant, ou celui de -C) ; tandem pair liste les pages
hint-no-page-under-language = { $lang } est une des langues du site : --lang { $lang } n’affiche que ses pages (CHEMIN est un fichier ou un dossier, relatif au dossier où tandem est lancé)
error-page-of-another-language = { $path } est sous { $dir }, les pages { $lang }, et --lang demande { $asked }
hint-page-of-another-language = retirez --lang, ou donnez --lang { $lang }
error-compared-with-itself = { $path } est à la fois la source et la traduction
hint-compared-with-itself = nommez la source d’abord, puis sa traduction : tandem compare content/en/x.md content/fr/x.md
error-compared-files-missing = ni { $source } ni { $translation } n’existent
error-ambiguous-page = { $path } a des traductions dans plusieurs langues
hint-ambiguous-page = choisissez-en une avec --lang ({ $languages })
error-needs-terminal = { $flag } pose ses questions dans un terminal, et il n’y en a pas ici (ou CI est défini)
hint-needs-terminal = nommez plutôt les pages : tandem tasks CHEMIN… prend les pages sous ces chemins

## Avertissements (une page chacun ; la page est déclarée inconnue)

warning-line = attention : { $location } : { $message }
warn-unreadable-io = lecture du fichier impossible ({ $detail })
warn-unreadable-binary = le fichier est binaire, ce n’est pas une page
warn-unreadable-utf8 = le fichier n’est pas de l’UTF-8 valide : convertissez-le (une page en Latin-1 : iconv -f LATIN1 -t UTF-8)
warn-unreadable-utf16 = le fichier est du texte UTF-16, pas de l’UTF-8 : convertissez-le avec iconv -f UTF-16 -t UTF-8
warn-lfs-pointer = un pointeur Git LFS, pas la page : lancez git lfs pull
warn-bad-front-matter = front matter invalide : { $detail }
warn-bad-front-matter-at = sa version à { $commit } a un front matter invalide ou n’est pas du texte UTF-8 : ce qui a changé depuis ne peut pas être montré
warn-sync-source-uncommitted = sa source { $source } a des modifications non commitées : l’épingle nomme son dernier commit, sans elles, et la page reste obsolète — commitez la source, puis relancez tandem sync
warn-key-cases = front matter invalide : { $first } (ligne { $first_line }) et { $second } (ligne { $second_line }) sont une même clé écrite avec deux casses et deux valeurs ; gardez-en une
warn-symlink-page = un lien symbolique, pas une page : ignoré (tandem ne lit aucune page à travers un lien)
warn-folder-unreadable = le dossier ne peut pas être lu (pas de permission) : ses pages sont laissées de côté, leurs traductions lues comme manquantes et celles de leurs sources comme orphelines — donnez l’accès en lecture (chmod u+rx), ou lancez tandem sous un utilisateur qui peut le lire
warn-page-extension-case = nommé comme une page, mais son extension n’est pas en minuscules : pas lu comme une page ; si c’en est une, renommez-le : { $command }
warn-pin-not-found = { $key } : { $pin } ne désigne aucun commit de ce dépôt
warn-pin-ambiguous = { $key } : { $pin } est ambigu (plusieurs commits commencent ainsi) ; ajoutez des chiffres
warn-pin-not-ancestor = { $key } : { $pin } n’est pas dans l’historique de HEAD
warn-pin-beyond-shallow-boundary = { $key } : { $pin } est plus ancien que l’historique de ce clone superficiel (récupérez-le avec fetch-depth: 0)
warn-missing-blob = la version de cette page à { $commit } n’est pas dans ce clone partiel (récupérez-la, ou clonez sans --filter)

## Verdicts et raisons

state-current = à jour
state-stale = obsolète
state-missing = manquante
state-orphaned = orpheline
state-unknown = inconnue
reason-source-unchanged = la source n’a pas changé depuis le point de synchronisation
reason-source-changed = la source a changé depuis le point de synchronisation
reason-mirrored-only = depuis le point de synchronisation, la source n’a changé que dans des clés recopiées du front matter : des valeurs à recopier, rien à traduire
reason-source-created = la source n’existait pas encore au point de synchronisation
reason-cosmetic-only = la source n’a changé que dans sa mise en forme depuis le point de synchronisation
reason-skip-directive = les changements de la source depuis le point de synchronisation sont tous dans des commits dont le message porte une directive d’exclusion
reason-already-in-translation = les changements de la source depuis le point de synchronisation sont tous déjà dans la traduction (cibles de liens qu’elle a, clés du front matter qu’elle a modifiées après la source)
reason-mirrored-in-translation = les changements de la source depuis le point de synchronisation ont tous été faits à la traduction dans les mêmes commits
reason-structure = la traduction ne correspond pas à la structure de la source (les signaux de structure disent où)
reason-not-translated = pas encore traduite
reason-translation-deleted = traduction supprimée dans cette pull request
reason-source-copy = encore le texte de la source, octet pour octet (pas encore traduite)
reason-source-not-found = la page source n’existe pas
orphan-source-deleted-in = supprimée dans { $deleted }
orphan-source-renamed-to = renommée en { $to }
reason-no-pin = pas d’épingle dans le front matter (--mode pin)
reason-no-sync-point = pas d’épingle, et aucun commit n’a encore touché la traduction
reason-pin-not-found = l’épingle { $pin } ne désigne aucun commit
reason-pin-ambiguous = l’épingle { $pin } est ambiguë
reason-pin-not-ancestor = l’épingle { $pin } n’est pas dans l’historique de HEAD
reason-pin-not-on-base = l’épingle { $pin } est dans l’historique de HEAD mais pas sur { $base } : après un squash merge elle ne désignerait aucun commit
reason-pin-beyond-shallow-boundary = l’épingle { $pin } est au-delà de l’historique du clone superficiel
reason-source-bad-front-matter = la source ne peut pas être lue section par section, maintenant ou au point de synchronisation (front matter invalide, ou pas du texte UTF-8) : ce qui a changé ne peut pas être montré
reason-bad-front-matter = front matter invalide
reason-unreadable = le fichier ne se lit pas comme du texte
reason-lfs-pointer = un pointeur Git LFS, pas la page : lancez git lfs pull
reason-missing-blob = une version nécessaire du fichier manque dans ce clone partiel

## status

status-no-pages = Aucune page à signaler.
status-language-header = Traductions ({ $lang }) — { $total ->
        [one] { $total } page source
       *[other] { $total } pages source
    }, { $translated ->
        [one] { $translated } traduite
       *[other] { $translated } traduites
    }{ $total ->
        [0] {""}
       *[other] {" "}({ $percent } %)
    }
status-percent = { $translated }/{ $total }{ $total ->
        [0] {""}
       *[other] {" "}({ $percent } %)
    }
status-col-section = section
status-col-translated = traduites
status-col-current = à jour
status-col-stale = obsolètes
status-col-missing = manquantes
status-col-orphaned = orphelines
status-col-unknown = inconnues
status-stale-heading = Obsolètes ({ $count }), la plus en retard d’abord :
status-missing-heading = Manquantes ({ $count }) :
status-missing-line = { $translation }   (source { $source })
status-missing-copy-line = { $translation }   (encore le texte de la source : à traduire sur place)
status-more = … et { $count } de plus (--all les montre toutes)
status-orphaned-heading = Orphelines ({ $count }) :
status-orphaned-line = { $translation } — { $source } n’existe pas
# An orphan whose source a commit deleted; $deleted is that commit: short hash, date and quoted subject.
status-orphaned-deleted-line = { $translation } — sa source { $source } a été supprimée dans { $deleted }
status-orphaned-no-key-line = { $translation } — aucune page source n’a son page_id ni son permalink
status-unknown-heading = Inconnues ({ $count }) :
status-changed-sections = sections modifiées : { $sections }
# $section is a quoted heading (quoted-heading) or the name of a section without one.
status-section-change = { $section } ({ $change })
status-change-in-translation = { $change }, déjà dans la traduction
# Une section nommée par son titre, dans une liste de sections.
quoted-heading = « { $heading } »
status-front-matter-change = front matter : { $keys }
# The front matter's keys, then the other changed sections.
status-front-matter-then = { $front_matter } ; { $rest }
status-signals = ce qui diffère maintenant : { $signals }
front-matter-absent = (absente)
front-matter-mirrored-mark = (à recopier)
front-matter-in-translation-mark = (déjà dans la traduction : modifiée depuis)
front-matter-held-mark = (déjà dans la traduction)
section-front-matter = front matter
status-more-sections = { $count ->
        [one] et { $count } autre
       *[other] et { $count } autres
    }
status-structure-detail = la source n’a pas changé, mais la traduction ne lui correspond pas (tandem compare montre les deux côtés)
status-orphans-suggest = Certaines sont peut-être des traductions de pages manquantes sous un autre nom : tandem pair --suggest propose des associations.
status-next = Ensuite : tandem diff { $page }
status-next-mirrored = Ensuite : tandem sync --mirrored { $page } (seules des valeurs recopiées ont changé : il les recopie depuis la source ; rien à traduire)
status-all-current = { $count ->
        [one] La page traduite est à jour.
       *[other] Les { $count } pages sont traduites et à jour.
    }
commits-behind = { $count ->
        [one] { $count } commit de retard
       *[other] { $count } commits de retard
    }
commits-behind-none = source inchangée
commits-behind-uncommitted = source modifiée, non commitée
commits-behind-unknown = ? commits de retard
sync-pin = épinglée { $commit } ({ $date })
sync-history = historique : dernier commit { $lang } { $commit } ({ $date })
# Sources dans un dépôt à part : $commit est le commit des sources au moment du dernier commit de la traduction,
# $translation (dans le dépôt des traductions).
sync-history-sources = historique : source { $commit } ({ $date }), à la date du dernier commit { $lang } { $translation }
# $passed : combien de commits plus récents de la traduction ont été ignorés (nommés après).
sync-history-translation = historique : { $passed ->
        [0] dernier commit de la traduction
       *[other] dernier commit de la traduction qui compte
    } { $commit } ({ $date })
sync-passed-over = { $count ->
        [one] { $count } commit plus récent de la traduction ignoré
       *[other] { $count } commits plus récents de la traduction ignorés
    } : { $commits }
sync-not-counted = { $count ->
        [one] { $count } commit de la source écarté du verdict
       *[other] { $count } commits de la source écartés du verdict
    } : { $commits }
# Un commit nommé par son sujet, après son hash court.
quoted-subject = « { $subject } »
skip-why-directive = une directive d’exclusion dans son message
skip-why-directive-named = « { $keyword } » dans son message, une directive d’exclusion
skip-why-mirrored = même changement dans la traduction
skip-why-bookkeeping = ne change pas le sens
skip-why-keys-followed = aligne { $keys } sur la source
skip-why-keys-changed = ne change que { $count ->
        [one] la clé { $keys }, qui n’est pas
       *[other] les clés { $keys }, qui ne sont pas
    } à traduire (front_matter.translated)
sync-history-weak = ⚠ méthode faible
status-history-note = Points de synchronisation : le dernier commit significatif de chaque traduction (aucune page n’est épinglée ; la méthode faible). Une fois une traduction à jour, `tandem sync PAGE` épingle le commit source qu’elle suit.
status-site-line = Site : { $generator } — { $dir }, langue source : { $source } ({ $why }), { $count } langues
status-site-line-plain = Site : { $generator } — { $dir }, langue source : { $source }, { $count } langues
status-site-flag = {" "}; seulement les pages avec { $flag }
site-generator-starlight = Starlight
site-generator-vitepress = VitePress
site-generator-vuepress = VuePress
site-generator-docusaurus = Docusaurus
site-generator-hugo = Hugo
site-generator-suffixes = suffixes de langue dans les noms de pages
site-generator-front-matter-lang = Jekyll (la langue de chaque page dans son front matter, lang:)
site-generator-folders = dossiers de langue
site-generator-astro = Astro (collections de contenu)
site-generator-astro-pages = Astro (pages i18n)
site-generator-root-locale = pages source au sommet, un dossier par traduction

## status --format markdown

md-missing-summary = { $count ->
        [one] { $count } page pas encore traduite
       *[other] { $count } pages pas encore traduites
    }
md-col-page = page
md-col-state = état
md-col-behind = commits de retard
md-col-why = pourquoi
# Before the command to run next on a language's most behind stale page (`tandem diff PAGE`).
md-next = Ensuite :
# Above a Markdown report too long for a GitHub comment, before the command that writes it whole.
md-shortened = Raccourci pour tenir dans un commentaire GitHub (65 536 caractères) : chaque langue liste { $count ->
        [one] sa première page
       *[other] ses { $count } premières pages
    } de chaque sorte (les plus en retard d’abord). Toutes :
# After a list of pages shortened to fit in a GitHub comment, before the command that lists them all.
md-more-pages = { $count ->
        [one] { $count } autre page non listée ici, pour tenir dans un commentaire GitHub :
       *[other] { $count } autres pages non listées ici, pour tenir dans un commentaire GitHub :
    }

## demo

demo-built = Site de démonstration créé avec { $languages } langues et { $commits } commits dans { $dir }
demo-try-next = À essayer ensuite :

## Sections, gravités et signaux de structure
# Dans les signaux ci-dessous, $section est un titre entre guillemets (quoted-heading) ou le nom d'une section sans titre.

section-preamble = (avant le premier titre)
# La même, dans une phrase qui met la section entre parenthèses (annotations de check).
section-preamble-plain = texte avant le premier titre
line = ligne { $line }
severity-none = nulle
severity-low = faible
severity-high = élevée
change-added = ajoutée
change-removed = supprimée
change-modified = modifiée
change-front-matter-modified = modifié
change-moved = déplacée
change-cosmetic = mise en forme
change-unchanged = inchangée
signal-missing-section = { $section } n’a pas d’équivalent dans la traduction
signal-extra-section = { $section } de la traduction n’a pas d’équivalent dans la source
signal-missing-paragraph = { $section } : { $source ->
        [one] { $source } paragraphe dans la source
       *[other] { $source } paragraphes dans la source
    }, { $translation } dans la traduction
signal-extra-paragraph = { $section } : { $source ->
        [one] { $source } paragraphe dans la source
       *[other] { $source } paragraphes dans la source
    }, { $translation } dans la traduction
signal-missing-list-item = { $section } : { $source ->
        [one] { $source } élément de liste dans la source
       *[other] { $source } éléments de liste dans la source
    }, { $translation } dans la traduction
signal-extra-list-item = { $section } : { $source ->
        [one] { $source } élément de liste dans la source
       *[other] { $source } éléments de liste dans la source
    }, { $translation } dans la traduction
# A high extra-list-item: what the translation's extra items name that the whole source lacks.
signal-extra-list-item-named = { $section } : { $source ->
        [one] { $source } élément de liste dans la source
       *[other] { $source } éléments de liste dans la source
    }, { $translation } dans la traduction, dont les éléments en plus nomment ce que la source n’a plus : { $items }
signal-missing-code-block = { $section } : { $source ->
        [one] { $source } bloc de code dans la source
       *[other] { $source } blocs de code dans la source
    }, { $translation } dans la traduction
signal-extra-code-block = { $section } : { $source ->
        [one] { $source } bloc de code dans la source
       *[other] { $source } blocs de code dans la source
    }, { $translation } dans la traduction
signal-code-changed = { $section } : des lignes de commande ou des clés de configuration diffèrent dans le code : { $source ->
        [0] seule la traduction a { $translation_items }
       *[other] { $translation ->
            [0] il manque à la traduction { $source_items }
           *[other] la source a { $source_items }, la traduction { $translation_items }
        }
    }
signal-table-changed = { $section } : tableaux différents ({ $source ->
        [one] { $source } ligne dans la source
       *[other] { $source } lignes dans la source
    }, { $translation } dans la traduction)
signal-missing-image = { $section } : images absentes de la traduction : { $items }
signal-image-changed = { $section } : autres fichiers d’image : { $translation ->
        [0] { $items }
       *[other] la source a { $source_items }, la traduction garde { $translation_items }
    }
signal-missing-link = { $section } : cibles de liens absentes de la traduction : { $items }
signal-shortcodes-differ = { $section } : shortcodes différents : { $source ->
        [0] seule la traduction a { $translation_items }
       *[other] { $translation ->
            [0] il manque à la traduction { $source_items }
           *[other] la source a { $source_items }, la traduction { $translation_items }
        }
    }
signal-heading-level = { $section } : titre de niveau { $source } dans la source, { $translation } dans la traduction
signal-conflict-markers = { $section } : marques de conflit de fusion restées dans la traduction, { $translation ->
    [one] ligne
   *[other] lignes
} { $items }
signal-translate-marks = { $section } : pas encore traduite, la marque « tandem: translate » de tandem scaffold toujours { $translation ->
    [one] à la ligne
   *[other] aux lignes
} { $items }
signal-number-changed = { $section } : nombres d’un paragraphe, d’un élément de liste ou d’un tableau absents de leur pendant dans la traduction : { $items }
signal-link-changed = { $section } : un lien mène ailleurs que celui de la source : la source mène à { $source_items }, la traduction à { $translation_items }
signal-inline-code-changed = { $section } : du code nommé autrement que dans la source : la source a { $source_items }, la traduction { $translation_items }
signal-paragraph-extended = { $section } : un paragraphe a { $source ->
        [one] { $source } phrase dans la source
       *[other] { $source } phrases dans la source
    }, { $translation } dans la traduction, et une longueur hors de proportion avec la page ({ $items })
# A paragraph signal's item: where the paragraph starts in the source, and its first words.
signal-number-item = { $item } (ligne { $line })
signal-paragraph-item = ligne { $line } : « { $item } »

## compare

compare-header = { $source } ⇄ { $translation } : { $state }, gravité { $severity }
compare-without-history = pas d’historique ici (hors d’un dépôt, ou aucun site trouvé) : la structure seule décide, et il ne manque rien
compare-sections = Sections (source ⇄ traduction) :
compare-none = (aucune)
compare-no-counterpart = (pas d’équivalent)
compare-signals = Signaux de structure :

## diff

diff-header = Source : { $source }   { $since }
diff-since-pin = depuis l’épingle { $commit } ({ $date }) → HEAD { $head }
# $passed : combien de commits plus récents de la traduction ont été ignorés (nommés à la ligne suivante).
diff-since-history = depuis { $commit } ({ $date }, { $passed ->
        [0] dernier commit de la traduction
       *[other] dernier commit de la traduction qui compte
    }) → HEAD { $head }
diff-since-history-sources = depuis { $commit } ({ $date }, la source à la date du dernier commit de la traduction, { $translation }) → HEAD { $head }
diff-summary-shown = { " " }· { $shown ->
        [one] { $shown } affichée
       *[other] { $shown } affichées
    } (--section)
# $cosmetic : changements de mise en forme écartés par le filtre (rien n’est dit quand il n’y en a pas).
diff-summary = { $changed } { $changed ->
        [one] section sur { $total } modifiée
       *[other] sections sur { $total } modifiées
    }{ $cosmetic ->
        [0] {""}
        [one] { " " }· { $cosmetic } changement de mise en forme ignoré
       *[other] { " " }· { $cosmetic } changements de mise en forme ignorés
    }
diff-no-change = { $translation } est { $state } : { $reason }.
diff-next-scaffold = Ensuite : tandem scaffold { $source } --lang { $lang } la crée à partir de la source
diff-structure-signals = La source n’a pas changé depuis le point de synchronisation ; ce qui diffère aujourd’hui entre elle et la traduction :
diff-structure-signals-held = Ce que la source a changé depuis le point de synchronisation est déjà dans la traduction ; ce qui diffère aujourd’hui entre elles :
diff-structure-hint = La source n’a pas changé depuis le point de synchronisation, mais la traduction ne lui correspond pas : tandem compare montre les deux côtés.
diff-added-no-counterpart = { $change } — pas d’équivalent dans la traduction
diff-not-counted = { $count ->
        [one] 1 changement fait seulement par un commit non compté n’est pas montré
       *[other] { $count } changements faits seulement par des commits non comptés ne sont pas montrés
    }
diff-signal-at = (traduction, ligne { $line })
task-moved-too = déplacée aussi
diff-to-update = ← à mettre à jour (ligne { $line })
diff-keys-in-translation = ← déjà dans la traduction (ligne { $line }) : modifiée après la source
diff-keys-held-in-translation = ← déjà dans la traduction (ligne { $line }) : elle a ce que la source a maintenant
diff-keys-to-add = ← à ajouter après la ligne { $line } : { $keys }
diff-lines-elided = … { $count } lignes non affichées
diff-already-in-translation = ← déjà dans la traduction (ligne { $line }) : seules des cibles de liens ont changé
diff-heading-gone-in-translation = ← déjà dans la traduction (ligne { $line }) : elle n’a pas non plus de titre ici
diff-heading-to-remove = ← à supprimer (ligne { $line }) : la source n’a plus ce titre
diff-created-compare = ← à comparer (ligne { $line }) : la source n’existait pas au point de synchronisation
diff-to-move = ← à déplacer après { $section } ({ $before ->
        [0] à la fin de la page
       *[other] avant la ligne { $before }
    })
diff-to-move-top = ← à déplacer au début
diff-moved-too = (la source l’a aussi déplacée : elle va après { $section }, { $before ->
        [0] à la fin de la page
       *[other] avant la ligne { $before }
    })
diff-moved-too-top = (la source l’a aussi déplacée : elle va au début)
diff-to-move-preamble = ← à déplacer après le texte avant le premier titre ({ $before ->
        [0] à la fin de la page
       *[other] avant la ligne { $before }
    })
diff-moved-too-preamble = (la source l’a aussi déplacée : elle va après le texte avant le premier titre, { $before ->
        [0] à la fin de la page
       *[other] avant la ligne { $before }
    })
diff-block-to-move = ← à déplacer après la ligne { $line }
diff-block-to-move-top = ← à déplacer au début de la section
diff-block-now-at = (actuellement ligne { $line })
diff-to-remove = ← à supprimer (ligne { $line })
# $before : la ligne du titre devant lequel insérer ; 0 à la fin de la page.
diff-insert-after = (à insérer après { $section }, { $before ->
        [0] à la fin de la page
       *[other] avant la ligne { $before }
    })
diff-insert-after-preamble = (à insérer après le texte avant le premier titre, { $before ->
        [0] à la fin de la page
       *[other] avant la ligne { $before }
    })
diff-insert-after-added = (à insérer après { $section }, ajoutée ci-dessus)
diff-insert-top = (à insérer au début)
diff-block-insert-after-added = (à insérer à la suite de l’ajout ci-dessus)
diff-block-insert-after = (à insérer après la ligne { $line })
diff-block-no-counterpart = (sans équivalent dans la traduction)

## check

check-header-repo = tandem check : tout le dépôt
check-header-pr = tandem check : ce que cette pull request change par rapport à { $base } (base de fusion { $merge_base })
check-header-push = tandem check : ce que le push a apporté depuis { $base } (base de fusion { $merge_base })
check-note-pull-request-without-base = note : ceci tourne pour une pull request vers { $branch } ($GITHUB_BASE_REF) et vérifie le dépôt entier : --base origin/{ $branch } ne vérifie que ce que la pull request change
check-warn-policy-no-repository-kind = avertissement : les constats qui font échouer (check.fail_on ou --fail-on) n’en nomment aucun de ceux que la vérification du dépôt entier signale ({ $kinds }) : chaque constat est un avertissement et la vérification passe ; ajoutez ceux qui doivent la faire échouer
check-warn-policy-no-pull-request-kind = avertissement : les constats qui font échouer (check.fail_on ou --fail-on) n’en nomment aucun de ceux que la vérification d’une pull request signale ({ $kinds }) : chaque constat est un avertissement et la vérification passe ; ajoutez ceux qui doivent la faire échouer
check-clean-repo = Rien à signaler : toutes les traductions sont à jour.
check-clean-pr = Cette pull request laisse toutes les traductions à jour.
check-clean-push = Ce push laisse toutes les traductions à jour.
check-language = { $lang } : { $count ->
        [one] { $count } constat
       *[other] { $count } constats
    }, { $failing ->
        [one] { $failing } bloquant
       *[other] { $failing } bloquants
    }
check-result = Résultat : { $failing ->
        [one] { $failing } constat bloquant
       *[other] { $failing } constats bloquants
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }.
# $summary : yes quand le résumé de l’étape a tous les constats.
check-more-annotations = … { $count ->
        [one] { $count } autre constat
       *[other] { $count } autres constats
    } { $summary ->
        [yes] dans le résumé de l’étape
       *[no] avec `--format text`
    } (GitHub montre dix annotations de chaque sorte par étape).
check-summary-title = tandem check
check-summary-unwritten = attention : le résumé de l’étape ($GITHUB_STEP_SUMMARY) n’a pas été écrit : { $detail }
# $summary : yes quand le résumé de l’étape a les constats (et que cette ligne n’y est pas).
check-summary-line = tandem : { $untranslated } ; { $pins ->
        [one] { $pins } problème d’épingle
       *[other] { $pins } problèmes d’épingle
    } ; { $orphans ->
        [one] { $orphans } orpheline
       *[other] { $orphans } orphelines
    } ; { $failing ->
        [one] { $failing } bloquant
       *[other] { $failing } bloquants
    }{ $summary ->
        [yes] {" "}; voir le résumé de l’étape.
       *[no] .
    }
check-summary-untranslated = { $count ->
        [one] { $count } traduction à écrire ou à mettre à jour
       *[other] { $count } traductions à écrire ou à mettre à jour
    }
check-summary-cut = { $count ->
        [one] { $count } constat de plus n’est pas montré ici
       *[other] { $count } constats de plus ne sont pas montrés ici
    } (GitHub prend un résumé d’étape d’au plus 1 Mio) : tandem check --format json les liste tous.
check-col-language = langue
check-col-page = traduction
check-col-finding = constat
check-col-action = que faire
# La sorte d’un constat dans le rapport texte, le résumé de l’étape et JUnit : le mot du verdict quand c’en est un (celui
# de status), sinon un mot qui dit la sorte ; check-kind-with-id y ajoute l’identifiant de --fail-on.
check-kind-stale = { state-stale }
check-kind-missing = { state-missing }
check-kind-orphaned = { state-orphaned }
check-kind-invalid-pin = épingle invalide
check-kind-no-sync-point = sans point de synchronisation
check-kind-unreadable = illisible
check-kind-stale-in-pr = pas mise à jour
check-kind-missing-pin = sans épingle
check-kind-orphaned-in-pr = oubliée
check-kind-missing-in-pr = nouvelle page non traduite
check-kind-mirrored-only = valeurs à recopier
check-kind-with-id = { $name } ({ $id })
check-junit-warning = attention : { $kind } — { $text }
check-junit-not-translated = pas traduite : { $translation } n’existe pas
check-title-stale = Traduction obsolète ({ $lang })
check-title-missing = Traduction manquante ({ $lang })
check-title-orphaned = Traduction orpheline ({ $lang })
check-title-invalid-pin = Épingle invalide ({ $lang })
check-title-no-sync-point = Pas de point de synchronisation ({ $lang })
check-title-unreadable = Traduction illisible ({ $lang })
check-title-stale-in-pr = Traduction pas mise à jour ({ $lang })
check-title-missing-pin = Traduction sans épingle ({ $lang })
check-title-orphaned-in-pr = Traduction oubliée ({ $lang })
check-title-missing-in-pr = Nouvelle page non traduite ({ $lang })
check-title-missing-in-pr-deleted = Traduction supprimée ({ $lang })
check-title-mirrored-only = Valeurs à recopier ({ $lang })
check-msg-stale = { $source } a changé depuis que cette traduction était à jour ; mettez à jour { $translation }.
check-msg-stale-unfinished = { $translation } n’est pas terminée.
check-msg-stale-structure = { $translation } ne correspond pas à { $source } (la source n’a pas changé depuis leur dernier alignement).
check-msg-missing = { $source } n’a pas encore de traduction ({ $lang }) : { $translation }.
check-msg-orphaned = { $translation } n’a pas de source : { $source } n’existe pas.
check-msg-orphaned-deleted = { $translation } n’a pas de source : { $source } a été supprimée dans { $deleted }. Supprimez aussi la traduction (git rm), ou associez-la à la page qui a repris son contenu.
check-msg-orphaned-no-key = { $translation } n’a pas de source : aucune page source n’a son page_id ni son permalink.
check-msg-pin-not-on-base = { $reason }. Une épingle ne peut désigner qu’un commit de la branche de base : une fois cette pull request fusionnée, lancez-y tandem sync { $translation_quoted }.
check-msg-invalid-pin = { $reason }. Lancez tandem sync { $translation_quoted } une fois la traduction à jour.
check-msg-no-sync-point = { $translation } n’a pas d’épingle et n’a jamais été commitée : commitez-la, ou lancez tandem sync { $translation_quoted }.
check-msg-unreadable = { $translation } : { $reason }.
check-advice-update = { $pushed ->
        [yes] Mettez-la à jour dans un prochain commit.
       *[other] Mettez-la à jour dans cette PR, ou marquez le commit { $directive } s’il n’y a rien à traduire.
    }
check-msg-stale-in-pr = { $count ->
        [0] Cette page a changé, mais { $translation } n’a pas été mise à jour. { check-advice-update }
        [one] Section modifiée : { $sections } ; { $translation } n’a pas été mise à jour. { check-advice-update }
       *[other] Sections modifiées : { $sections } ; { $translation } n’a pas été mise à jour. { check-advice-update }
    }
check-msg-stale-in-pr-section = Cette section ({ $section }) a changé, mais { $translation } n’a pas été mise à jour. { check-advice-update }
check-msg-stale-in-pr-section-added = Cette section ({ $section }) a été ajoutée, mais { $translation } n’a pas été mise à jour. { $pushed ->
        [yes] Traduisez-la dans un prochain commit.
       *[other] Traduisez-la dans cette PR, ou marquez le commit { $directive } s’il n’y a rien à traduire.
    }
check-msg-stale-in-pr-section-removed = Une section a été supprimée ici ({ $section }), mais { $translation } n’a pas été mise à jour. { $pushed ->
        [yes] Supprimez-la aussi dans un prochain commit.
       *[other] Supprimez-la aussi dans cette PR, ou marquez le commit { $directive } s’il n’y a rien à traduire.
    }
check-msg-missing-pin = { $translation } est nouvelle et n’indique aucun commit source : lancez tandem sync { $translation_quoted }.
check-title-new-page = Nouvelle page
check-msg-new-page = { $source } est nouvelle et pas encore traduite : { $languages }. tandem scaffold { $source_quoted } --lang { $lang } commence une traduction.
check-title-skipped = Rien à traduire
check-msg-skipped = { $source } a changé, et ses commits portent une directive d’exclusion : rien à traduire, ses traductions ({ $languages }) restent telles quelles.
check-summary-new-pages = Nouvelles pages pas encore traduites
check-summary-skipped = Modifiées sans rien à traduire (directive d’exclusion)
check-summary-pins-to-move = Épingles à déplacer après la fusion
check-title-pin-to-move = Épingle à déplacer après la fusion
check-pin-to-move = après la fusion : tandem sync { $translation_quoted } (mise à jour avec sa source dans cette pull request, son épingle nomme encore un commit d’avant le changement)
check-updated-pins-to-move = mise à jour avec ses traductions
check-added-pins-to-move = traduite dans cette pull request
check-pin-to-move-new-page = après la fusion : tandem sync { $translation_quoted } (la traduction d’une nouvelle page : son épingle ne pourrait nommer qu’un commit de cette pull request, qu’une fusion par squash ne garde pas)
check-msg-missing-in-pr = { $source } est nouvelle, et il n’y a pas de traduction ({ $lang }) : { $translation } ; ajoutez-la { $pushed ->
        [yes] dans un prochain commit
       *[other] dans cette PR
    } (tandem scaffold { $source_quoted } --lang { $lang } la commence).
check-msg-missing-in-pr-deleted = { $translation } a été supprimée, mais sa source { $source } est toujours là : le site { $lang } perd cette page. Si ce n’était pas voulu, restaurez-la { $pushed ->
        [yes] dans un prochain commit
       *[other] dans cette PR
    } (git checkout { $base } -- { $translation_quoted }).
check-msg-missing-in-pr-deleted-renamed = { $translation } a été supprimée alors que sa source est devenue { $renamed_to } : le site { $lang } perd cette page. Si ce n’était pas voulu, déplacez-la avec sa source { $pushed ->
        [yes] dans un prochain commit
       *[other] dans cette PR
    } (git checkout { $base } -- { $translation_quoted } && git mv { $translation_quoted } { $move_to_quoted }).
check-msg-mirrored-only = { $source } n’a changé que dans des clés recopiées du front matter : recopiez-les avec tandem sync --mirrored { $translation_quoted }.
check-msg-stale-in-pr-sections = Ces sections ont changé : { $sections } ; { $translation } n’a pas été mise à jour. { check-advice-update }
check-page-changed = { $source } a changé
check-page-added = { $source } ajoutée
check-skipped-directive = rien à traduire : ses commits portent une directive d’exclusion
check-to-update = à mettre à jour : { $langs }
check-not-translated = non traduite : { $langs }
check-other-findings = Autres constats
check-msg-orphaned-in-pr = { $source } a été supprimée, mais { $translation } est toujours là : supprimez-la aussi.
check-msg-orphaned-in-pr-renamed = { $source } a été renommée en { $renamed_to } : lancez git mv { $translation_quoted } { $move_to_quoted }
check-msg-orphaned-in-pr-renamed-changed = { $source } a été renommée en { $renamed_to } et modifiée ({ $sections }) : lancez git mv { $translation_quoted } { $move_to_quoted }, puis mettez-la à jour
check-msg-orphaned-in-pr-added = { $translation } a été ajoutée, mais sa source { $source } n’existe pas : un nom mal orthographié, ou une page traduite avant sa source ?

## tasks

tasks-title-update = [{ $lang }] Mise à jour de { $translation }
tasks-title-translate = [{ $lang }] Traduction de { $source }
tasks-labels = étiquettes : { $labels }
tasks-reviewers = relecture : { $reviewers }
tasks-reviewers-from = relecture : { $reviewers } (d’après { $from })
tasks-why-pin = { $source } a changé depuis l’épingle { $commit } ({ $date }) : { $commits ->
        [one] { $commits } commit
       *[other] { $commits } commits
    }, { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }.
# $passed : combien de commits plus récents de la traduction ont été ignorés (nommés au paragraphe suivant).
tasks-why-history = { $source } a changé depuis { $commit } ({ $date }), { $passed ->
        [0] le dernier commit de la traduction
       *[other] le dernier commit de la traduction qui compte
    } : { $commits ->
        [one] { $commits } commit
       *[other] { $commits } commits
    }, { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }.
tasks-why-history-sources = { $source } a changé depuis { $commit } ({ $date }), la source à la date du dernier commit de la traduction, { $translation } : { $commits ->
        [one] { $commits } commit
       *[other] { $commits } commits
    }, { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }.
tasks-why-structure = { $source } n’a pas changé, mais la traduction ne lui correspond pas :
tasks-why-missing = Traduire { $source } dans { $translation } ({ $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }).
tasks-why-copy = Traduire { $translation } sur place : c’est encore le texte de la source ({ $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }).
tasks-start = Pour commencer : `tandem scaffold { $source } --lang { $lang }`
tasks-when-done = Une fois la traduction terminée : `tandem sync { $translation }`, puis ouvrez une pull request intitulée « { $title } ».
# What follows a task item, after its change: its note.
tasks-item-note = { " " }: { $note }
tasks-when-done-mirrored = Rien à traduire : `tandem sync --mirrored { $translation }` recopie les valeurs depuis la source et épingle ; puis ouvrez une pull request intitulée « { $title } ».
tasks-wrote = { $updates ->
        [one] { $updates } tâche de mise à jour
       *[other] { $updates } tâches de mise à jour
    } et { $translations ->
        [one] { $translations } tâche de traduction écrites
       *[other] { $translations } tâches de traduction écrites
    } dans { $dir } ({ $unchanged ->
        [one] { $unchanged } inchangée
       *[other] { $unchanged } inchangées
    } depuis la dernière fois, { $removed ->
        [one] { $removed } supprimée
       *[other] { $removed } supprimées
    })
tasks-none = Aucune tâche : { $unknown ->
        [0] { $missing ->
            [0] toutes les traductions sont à jour.
           *[other] aucune traduction n’est obsolète ; { $missing ->
                [one] { $missing } manquante
               *[other] { $missing } manquantes
            } (--missing fait une tâche de chacune).
        }
       *[other] aucune traduction n’est obsolète, mais { $unknown ->
            [one] { $unknown } ne peut pas être jugée
           *[other] { $unknown } ne peuvent pas être jugées
        } (tandem status dit pourquoi).
    }
tasks-prompt-pick = Quelles pages distribuer cette fois ?
tasks-kept-edited = attention : { $file } a été modifié depuis que tandem l’a écrit : laissé tel quel (supprimez-le pour qu’il soit réécrit)
tasks-kept-done = attention : { $file } a été modifié depuis que tandem l’a écrit, et sa page n’a plus besoin de tâche : gardé (supprimez-le quand vous en aurez fini)
tasks-kept-not-ours = attention : { $file } n’a pas été écrit par tandem : laissé tel quel, et sa tâche n’est pas écrite (déplacez le fichier pour qu’elle le soit)
tasks-block = { $kind } { $change } — { $lines }
tasks-block-source = ligne { $line } de la source
tasks-block-old-source = ligne { $line } de l’ancienne source
tasks-block-translation = ligne { $line } de la traduction
tasks-in-translation = seules des cibles de liens ont changé, et la traduction a déjà les nouvelles : à vérifier, rien à traduire
tasks-keys-in-translation = clés déjà dans la traduction : à vérifier, rien à traduire ({ $keys })
tasks-block-in-translation = déjà dans la traduction (ligne { $line }) : seules des cibles de liens ont changé
tasks-block-no-translation = absent de la traduction
block-change-modified = modifié
block-change-added = ajouté
block-change-removed = supprimé
block-kind-paragraph = paragraphe
block-kind-list-item = élément de liste
block-kind-code = bloc de code
block-kind-table = tableau
block-kind-quote = bloc de citation
block-kind-html = bloc HTML
block-kind-rule = séparateur
block-kind-mdx = bloc MDX
block-kind-component = composant
block-kind-shortcode = shortcode
## pairing: layouts, keys, the mapping file, renames (issue 3)

reason-source-renamed = la source a été renommée depuis le point de synchronisation (--strict compte un renommage comme une modification)
reason-source-paired-elsewhere = une clé ou le fichier de correspondance associe la source à une autre page
reason-pairing-conflict = des clés ou le fichier de correspondance lient cette page à plusieurs pages d’une même langue (tandem pair les montre)
error-source-repo-not-root = le dépôt source { $path } n’est pas la racine de son clone ({ $root })
hint-source-repo-not-root = donnez à --source-repo (ou source_repo:) le dossier du clone lui-même
error-source-folder-missing = le dossier de la source { $path } n’existe pas : toutes les traductions seraient orphelines
hint-source-folder-missing = si les pages source vivent dans un autre clone, nommez-le avec --source-repo DOSSIER (ou source_repo: dans tandem.yaml) ; sinon corrigez content: dans tandem.yaml
error-source-folder-missing-in-clone = le dossier de la source { $path } n’existe pas dans le clone des sources
hint-source-folder-missing-in-clone = vérifiez que --source-repo (ou source_repo:) nomme bien le clone des sources, et content: dans tandem.yaml
error-map-file = impossible de lire le fichier de correspondance { $path } : { $detail }
hint-map-file = le format du fichier de correspondance est décrit dans docs/pairing.md
warn-link-not-found = { $key } : { $value } ne désigne aucune page d’une autre langue
warn-link-ambiguous = { $key } : { $value } désigne plusieurs pages ; écrivez le chemin
warn-map-page-not-found = { $page } n’existe pas
status-orphaned-renamed-line = { $translation } — sa source { $source } a été renommée en { $to }
status-orphaned-displaced-line = { $translation } — sa source { $source } est associée à { $other } par clé ou correspondance
status-renamed-heading = Sources renommées ({ $count }), déplacez les traductions pour qu’elles restent associées par chemin :
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
pair-rule-map = correspondance
pair-rule-key = clé
pair-rule-path = chemin
pair-rule-suffix = suffixe
pair-rule-rename = renommage
pair-renamed = { $from } a été renommée en { $to }
pair-unpaired-sources = Pages source sans traduction ({ $count }) :
pair-unpaired-translations = Traductions sans source ({ $count }) :
pair-conflicts = Conflits ({ $count }), rien n’est associé ; corrigez les clés ou le fichier de correspondance :
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
suggest-none-unpaired = Chaque page a son partenaire : rien à proposer.
suggest-none-one-sided = { $unpaired ->
        [one] { $unpaired } page sans partenaire
       *[other] { $unpaired } pages sans partenaire
    }, et aucune suggestion : une suggestion associe une page source sans traduction à une traduction sans source de la même langue, et aucune langue n’a les deux.
suggest-none-scored = { $unpaired ->
        [one] { $unpaired } page sans partenaire
       *[other] { $unpaired } pages sans partenaire
    }, et aucune suggestion n’atteint le score { $min } (--min-score fixe le score minimal).
suggest-none-accepted = { $unpaired ->
        [one] { $unpaired } page sans partenaire
       *[other] { $unpaired } pages sans partenaire
    }, et aucune suggestion acceptée.
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
evidence-cognates = { $shared ->
        [one] { $shared } racine de mot commune
       *[other] { $shared } racines de mots communes
    } sur { $of } dans le nom et le titre
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
evidence-best-match = chacune est la meilleure correspondance de l’autre
evidence-front-matter = même valeur { $value } dans le front matter
suggest-pairing-key = { $count } de ces paires partagent leur { $key } dans le front matter : avec pairing: {"{"} key: { $key } {"}"} dans tandem.yaml, tandem apparie les pages par cette clé, telles quelles
evidence-twin = { $key } : { $source } et { $translation }, identiques à la langue près
evidence-sibling-same-name = même nom de fichier, dans des dossiers déjà appariés
evidence-sibling-last-left = les dernières pages restantes de dossiers déjà appariés
init-yaml-from-file-names = Langues trouvées en suffixe des noms de pages (x.fr.md).
init-yaml-from-front-matter-lang = Langues trouvées dans _config.yml, celle de chaque page dans son front matter (lang:), comme jekyll-polyglot les lit.
init-yaml-from-docusaurus = Langues trouvées comme locales Docusaurus (i18n/<langue>/).
init-yaml-source-repo = le clone qui contient les pages source, relatif à ce fichier
init-yaml-content-docusaurus = Docusaurus range les pages dans docs/, blog/ et i18n/<langue>/ : aucun réglage content nécessaire.
init-yaml-content-front-matter-language = Les pages de toutes les langues sont côte à côte, chacune disant sa langue dans son front matter (lang: fr) et s’appariant par page_id ou permalink, comme jekyll-polyglot les lit : aucun réglage content ne le dit, et chaque lancement le retrouve.
init-yaml-content-nested = Les pages de la source sont au sommet, un dossier par traduction à côté, et des dossiers de ces pages ont leurs propres dossiers de traductions (_posts/fr/) : aucun réglage content ne le dit, et chaque exécution le retrouve.

## front-matter edits (sync, scaffold, pair --write)

edit-bad-front-matter = { $path }:{ $line } : front matter illisible : { $detail }
hint-edit-bad-front-matter = corrigez d’abord le front matter à la main ; tandem ne modifie rien dans un fichier qu’il ne sait pas lire
edit-key-cases = { $path } : { $first } (ligne { $first_line }) et { $second } (ligne { $second_line }) sont une même clé écrite avec deux casses et deux valeurs
hint-edit-key-cases = les clés sont lues sans tenir compte de la casse, comme Hugo les lit : gardez une seule graphie, puis relancez tandem
edit-unsupported = { $path }:{ $line } : impossible de réécrire { $key } sur place : { $what ->
        [comment] ses lignes dans la traduction portent un commentaire absent de la source, qu’une copie perdrait
        [indentation] son indentation n’est pas celle de la source, ou la table qui la contient manque
        [multi-line] sa valeur s’étend sur plusieurs lignes
        [block-scalar] sa valeur est un bloc littéral (| ou >)
        [anchor] sa valeur porte une ancre (&nom)
        [alias] sa valeur est un alias (*nom)
        [tag] sa valeur porte une étiquette de type (!!type)
        [flow-collection] c’est une collection en ligne ([…] ou {"{"}…{"}"})
        [collection] c’est une table ou une liste, pas une valeur simple
        [spellings] elle est écrite avec plusieurs casses
       *[other] { $format ->
            [toml] elle n’est pas écrite sous la forme `clé = valeur` sur une ligne
           *[other] elle n’est pas écrite sous la forme `clé: valeur` sur une ligne
        }
    }
hint-edit-unsupported = { $parent ->
        [yes] { $format ->
            [toml] écrivez { $key } sous forme de table ([{ $key }] suivi de ses clés, une ligne `clé = valeur` chacune), puis relancez tandem
           *[other] écrivez { $key } sous forme de table en bloc (ses clés sur les lignes suivantes, indentées, une ligne `clé: valeur` chacune), puis relancez tandem
        }
       *[other] { $format ->
            [toml] écrivez-la sous la forme `clé = valeur` sur une seule ligne, puis relancez tandem
           *[other] écrivez-la sous la forme `clé: valeur` sur une seule ligne, puis relancez tandem
        }
    }
hint-edit-not-a-map = faites de { $key } une table de clés, ou nommez une autre clé d’épingle (pin.key dans tandem.yaml), puis relancez tandem
edit-flow-root = { $path }:{ $line } : le front matter est écrit comme une seule table en ligne ({"{"}…{"}"}), que tandem ne réécrit pas sur place
hint-edit-flow-root = écrivez-le sous forme de table en bloc, une ligne `clé: valeur` par clé, puis relancez tandem
edit-not-a-map = { $path }:{ $line } : { $key } n’est pas une table : aucune clé ne peut y être ajoutée
edit-bad-key = { $path } : la clé « { $key } » a une partie vide
hint-edit-bad-key = séparez les clés imbriquées par des points, sans partie vide : l10n.sourceCommit
edit-fence-after-blank-lines = { $path }:{ $line } : des lignes vides précèdent le `{ $fence }` qui ouvre le front matter : Hugo les saute, mais le générateur de ce site lit ce bloc comme du texte
hint-edit-fence-after-blank-lines = supprimez les lignes vides au-dessus de `{ $fence }` pour qu’il ouvre le fichier, puis relancez tandem
edit-fence-indented = { $path }:{ $line } : le `{ $fence }` qui ouvre le front matter est indenté, et tandem ne modifie qu’un front matter dont la délimitation commence la ligne
hint-edit-fence-indented = supprimez les espaces avant `{ $fence }`, puis relancez tandem
edit-unverified = { $path } : la modification de { $key } n’a pas pu être vérifiée ({ $detail }) ; rien n’a été écrit
hint-edit-unverified = c’est un bogue de tandem : signalez-le avec le front matter de ce fichier
edit-lone-carriage-return = { $path }:{ $line } : cette ligne se termine par un retour chariot seul (comme les fichiers de l’ancien Mac OS), et tandem ne modifie que les pages dont les lignes se terminent par LF ou CRLF ; rien n’a été écrit
hint-edit-lone-carriage-return = convertissez les fins de ligne du fichier en LF, par exemple avec `dos2unix -c mac` ou le réglage « fins de ligne » de votre éditeur, puis relancez tandem
edit-metadata-header = { $path } : la page s’ouvre sur un en-tête de métadonnées (des lignes Title:, Lang:, Slug:, comme les lit Pelican) et n’a pas de front matter ; un front matter écrit au-dessus pour { $key } cacherait cet en-tête à Pelican, et la page perdrait son titre et sa langue ; rien n’a été écrit
hint-edit-metadata-header = laissez cette page sans épingle : tandem prend son dernier commit comme point de synchronisation

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
        [0] { $changed ->
            [one] { $changed } ligne modifiée
           *[other] { $changed } lignes modifiées
        }
        [one] { $lines } ligne ajoutée{ $changed ->
            [0] {""}
            [one] , { $changed } modifiée
           *[other] , { $changed } modifiées
        }
       *[other] { $lines } lignes ajoutées{ $changed ->
            [0] {""}
            [one] , { $changed } modifiée
           *[other] , { $changed } modifiées
        }
    })
sync-pin-unchanged = { $path } : { $key } déjà à { $new } (inchangé)
sync-was-behind = {"  "}(elle avait { $count ->
        [one] 1 commit
       *[other] { $count } commits
    } de retard sur sa source : désormais marquée à jour)
sync-warn-still-stale = reste obsolète une fois épinglée ; { $why }
sync-drift-set = { $path } : { $key } mis à { $value }
sync-drift-removed = { $path } : { $key } retiré (la page est à jour)
sync-dry-run = simulation : rien n’a été écrit
sync-nothing-to-change = Rien à changer.
sync-nothing-stale = Aucune page obsolète : rien à synchroniser.
sync-nothing-picked = Aucune page choisie : rien n’a été écrit.
sync-prompt-pick = Quelles traductions sont maintenant à jour ?
sync-warn-not-on-default-branch = ce commit n’est pas sur la branche par défaut ({ $branch }) : si la branche est fusionnée par squash, l’épingle nommera un commit absent de l’historique du site (resynchronisez après la fusion, ou passez --to avec un commit de { $branch })
sync-warn-drift-unknown = pas de verdict pour cette page : { $key } n’a pas été modifié
sync-nothing-mirrored = Aucune page n’est obsolète pour des clés recopiées seulement : rien à recopier.
sync-mirrored-copied = { $path } : { $key } mis à { $new }, comme dans la source
sync-mirrored-removed = { $path } : { $key } retiré, comme dans la source
sync-warn-mirrored-not-copied = { $key } n’a pas été recopié, cette page n’a donc pas été modifiée : { $detail }
error-sync-needs-pages = quelles traductions ? sync attend des pages ou des dossiers
hint-sync-needs-pages = nommez-les (tandem sync { $page }), passez --stale pour synchroniser toutes les pages obsolètes, ou lancez tandem sync dans un terminal pour les choisir
error-sync-orphan = { $path } est une traduction orpheline : sa page source n’existe plus, il n’y a donc aucun commit source à épingler
hint-sync-orphan = renommez-la d’après le nouveau nom de sa source, ou supprimez-la (tandem status la liste parmi les orphelines)
error-sync-missing = { $path } n’est pas encore traduite : il n’y a pas de traduction à épingler
hint-sync-missing = tandem scaffold { $command } --lang { $lang } l’écrit
error-nothing-to-sync = aucune traduction sous { $paths }
hint-nothing-to-sync = donnez des pages traduites ou des dossiers qui en contiennent (tandem status les liste)
error-not-an-ancestor = { $rev } n’est pas dans l’historique de HEAD
hint-not-an-ancestor = une épingle doit nommer un commit présent dans la branche de la traduction : fusionnez ou rebasez d’abord, ou choisissez un commit de l’historique de HEAD
error-source-not-committed = { $path } n’a encore aucun commit : il n’y a pas de commit source à enregistrer
hint-source-not-committed = commitez d’abord la page source, ou passez --to RÉV

## scaffold

scaffold-created = créé { $path } ({ $details })
scaffold-detail-separator = {" ; "}
scaffold-detail-pin = épinglée { $commit }
scaffold-detail-no-pin = pas encore d’épingle
scaffold-detail-fields = { $fields } à traduire
scaffold-detail-body-kept = corps copié depuis la source
scaffold-detail-sections = { $count ->
        [one] { $count } section à rédiger
       *[other] { $count } sections à rédiger
    }
list-and = et
warn-language-folder-absent = ce dossier n’existe pas encore : chaque page { $lang } est manquante ({ $listed ->
        [tandem] une langue commencée dans tandem.yaml
       *[generator] une langue que la configuration du site liste avant sa première page
    }, ou mal orthographiée)
warn-source-assumed-en = { $most } a plus de pages que { $lang } ({ $count } contre { $en }), et pourtant la source est prise pour { $lang }, le choix par défaut quand un dossier s’appelle { $lang } : si { $most } est l’original, écrivez source: { $most } dans tandem.yaml (tandem init)
warn-first-pin = première traduction { $lang } épinglée : désormais, tandem check --base exige une épingle dans chaque nouvelle traduction { $lang } d’une pull request (missing-pin)
scaffold-warn-no-pin = la page source n’est pas encore commitée, donc la traduction n’est pas épinglée : commitez la source, puis lancez tandem sync sur la traduction
scaffold-warn-metadata-header = la page source s’ouvre sur un en-tête de métadonnées (des lignes Title:, Lang:, Slug:, comme les lit Pelican) et n’a pas de front matter : une épingle écrite au-dessus cacherait cet en-tête, donc la traduction n’en a pas, et son dernier commit est son point de synchronisation ; réglez son Lang: (et gardez son Slug:) dans l’en-tête copié
warn-pelican-translation-unnamed = son en-tête Pelican dit Lang: { $lang }, mais son nom n’a pas de suffixe .{ $lang }, donc tandem la lit comme une page { $source } : nommez-la d’après la page dont elle partage le Slug, avec .{ $lang } avant l’extension (git mv), et tandem les apparie
warn-pelican-translation-rename = son en-tête Pelican dit Lang: { $lang }, mais son nom n’a pas de suffixe .{ $lang }, donc tandem la lit comme une page { $source } ; elle partage son Slug avec une page { $source } : { $command } la nomme d’après cette page, et tandem les apparie
scaffold-warn-alt-key = { $key } : { $value } est copié de la source et peut nommer la langue ou la page de cette traduction elle-même : donnez-lui la valeur vers laquelle le sélecteur de langue de la traduction doit pointer
scaffold-warn-slug-key = la source n’a pas de { $key } : des pages aux noms de fichier différents ne sont appariées que si elles portent le même { $key } ; ajoutez « { $key }: { $value } » au front matter des deux, sinon la nouvelle page reste orpheline
error-translation-exists = { $path } existe déjà
hint-translation-exists = passez --force pour l’écraser, ou modifiez-le et lancez tandem sync
error-not-a-source-page = { $path } n’est pas une page de la langue source ({ $source })
error-no-such-page = { $path } n’existe pas
hint-no-such-page = scaffold prend une page existante de la langue source ({ $source }) ; tandem status --all liste les pages sans traduction
hint-not-a-source-page = c’est une traduction : scaffold prend sa page source, { $page }
file-kind-file = un fichier
file-kind-folder = un dossier
file-kind-submodule = un dossier (un sous-module git)
file-kind-fifo = un tube nommé (FIFO)
file-kind-socket = un socket
file-kind-device = un périphérique
file-kind-special = un fichier spécial
file-kind-broken-link = un lien vers rien (sa cible manque, ou il mène à lui-même)
error-site-config-not-a-file = { $path } est { $kind } : la configuration du site ne peut pas être lue, et lu sans elle le site serait un autre
hint-site-config-not-a-file = réparez le lien ou le fichier (un thème ou un sous-module non récupéré : git submodule update --init), ou supprimez-le
error-compared-not-a-file = { $path } est { $kind }, pas une page
hint-compared-not-a-file = compare prend deux fichiers de page : tandem pair liste les pages
error-config-not-a-file = --config { $path } est { $kind }, pas un fichier tandem.yaml
hint-config-not-a-file = nommez le fichier de configuration lui-même, ou retirez --config pour utiliser le tandem.yaml trouvé
error-out-not-a-folder = --out { $path } est { $kind }, pas un dossier
hint-out-not-a-folder = --out nomme le dossier où vont les fichiers de tâche (créé s’il manque) : donnez un autre chemin
error-out-in-content = --out { $path } est un dossier du contenu du site : ses fichiers de tâches seraient lus comme des pages et publiés
hint-out-in-content = donnez à --out un dossier hors des dossiers de contenu (l10n-tasks)
error-out-protected = --out { $path } est { $what ->
        [git] dans .git, les fichiers de git lui-même
       *[config] un fichier de configuration d’où le site est lu
    } : le rapport prendrait sa place
hint-out-protected = donnez à --out un fichier à lui (l10n-status.md, ou un dossier comme l10n-tasks pour tandem tasks)
error-out-is-a-page = --out { $path } est, ou serait, une page du site : le rapport prendrait sa place
hint-out-is-a-page = donnez à --out un fichier hors des pages du site (status.html, l10n-status.md)
error-lfs-pointer = { $path } est un pointeur Git LFS, pas la page
hint-lfs-pointer = lancez git lfs pull, puis relancez tandem
error-not-utf8 = { $encoding ->
        [utf-16] { $path } : le fichier est du texte UTF-16, et tandem ne lit et n’écrit les pages qu’en UTF-8 ; rien n’a été écrit
        [binary] { $path } : le fichier est binaire, ce n’est pas une page ; rien n’a été écrit
       *[other] { $path }:{ $line } : le fichier n’est pas du texte UTF-8 (Latin-1, Windows-1252…), et tandem ne lit et n’écrit les pages qu’en UTF-8 ; rien n’a été écrit
    }
hint-not-utf8 = { $encoding ->
        [utf-16] convertissez-le en UTF-8, par exemple avec `iconv -f UTF-16 -t UTF-8`, puis relancez tandem
        [binary] une page est du texte : sortez le fichier du dossier de contenu, ou écartez-le avec `exclude` dans tandem.yaml
       *[other] convertissez-le en UTF-8 (une page en Latin-1 : `iconv -f LATIN1 -t UTF-8`), puis relancez tandem
    }
error-bad-slug = --slug « { $slug } » n’est pas un nom de fichier que tandem lit comme une page : il est vide ou caché (.x), contient un /, un \, .., une fin de ligne ou une tabulation, a des espaces autour, ou une extension que tandem ne lit pas (x.MD)
hint-bad-slug = donnez le seul nom de fichier de la traduction, comme --slug installer : elle va dans le dossier que donne la disposition
error-scaffold-onto-source = { $path } est une page de la langue source ({ $source }) : scaffold n’écrit que des traductions
hint-scaffold-onto-source = passez --slug avec un autre nom de fichier
error-language-needed = quelle langue ? le site en a plusieurs
error-symlink-page = { $path } est un lien symbolique : tandem ne lit aucune page à travers un lien
hint-symlink-page = les pages sont des fichiers ordinaires du dépôt ; copiez le fichier à la place du lien
error-read-only-file = { $path } est en lecture seule : tandem ne remplace pas un fichier en lecture seule, et rien n’a été écrit
hint-read-only-file = s’il vous revient de le modifier, rendez-le modifiable (chmod u+w { $path }), puis relancez tandem
error-folder-not-writable = impossible d’écrire { $path } : le dossier { $folder } n’accepte pas de nouveau fichier ({ $detail }), et rien n’a été écrit
hint-folder-not-writable = vérifiez les droits de { $folder } (ls -ld { $folder }) : tandem écrit chaque fichier par un nouveau fichier posé à côté
error-written-before = { $count ->
        [one] ce fichier a été écrit avant l’erreur et garde sa modification : { $files }
       *[other] ces { $count } fichiers ont été écrits avant l’erreur et gardent leurs modifications : { $files }
    }
error-write-through-link = { $kind ->
        [page] { $path } est un lien symbolique : tandem n’écrit aucune page à travers un lien, qui peut mener hors du dépôt
       *[folder] { $path } : { $link } est un lien symbolique : tandem n’écrit aucune page à travers un lien, qui peut mener hors du dépôt
    }
hint-write-through-link = { $kind ->
        [page] les pages sont des fichiers ordinaires du dépôt ; supprimez le lien, ou remplacez-le par une copie du fichier vers lequel il pointe
       *[folder] les pages sont des fichiers ordinaires du dépôt ; faites de { $link } un vrai dossier, ou supprimez le lien
    }
hint-language-needed = passez --lang avec l’une de : { $known }

## init

init-wrote = { $path } écrit : source { $source }, traductions { $languages } ; { $policy }
init-policy-together = tandem check échoue à chaque constat
init-policy-later = tandem check n’échoue que sur les épingles invalides
init-policy-unset = tandem check échoue à chaque constat sauf missing-in-pr et mirrored-only (par défaut) ; avec --publish later, les changements non traduits ne sont que des avertissements
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
init-yaml-from-vitepress = Langues et dossiers trouvés dans le site VitePress (ses locales).
init-yaml-from-vuepress = Langues et dossiers trouvés dans le site VuePress (ses locales).
init-yaml-repository-files = des fichiers que le site ne publie pas (ceux du dépôt, ce que son générateur laisse de côté), pas des pages
init-yaml-from-astro = Langues trouvées d’après les dossiers des collections de contenu d’Astro (src/content/<collection>/<langue>/).
init-yaml-from-astro-pages = Langues et dossiers trouvés dans l’i18n de la configuration Astro (ses locales) : les pages de la locale par défaut dans src/pages/, les autres dans src/pages/<locale>/.
init-yaml-from-root-locale = Les pages de la source au sommet d’un dossier, un dossier par traduction à côté d’elles.
init-yaml-check-source = Vérifiez `source` : rien ne dit la langue des pages du sommet.
init-yaml-translatable-flag = Seules les pages source qui portent ce drapeau de front matter sont à traduire : les autres ne sont jamais manquantes.
evidence-config = comme le dit tandem.yaml
evidence-hugo-default-language = defaultContentLanguage dans { $file }
evidence-hugo-default-en = langue par défaut de Hugo : { $file } ne fixe pas defaultContentLanguage
evidence-zola-default-language = default_language dans { $file } (Zola)
evidence-zola-default-en = langue par défaut de Zola : { $file } ne fixe pas default_language
evidence-hugo-languages = languages et leur contentDir dans { $file }
evidence-hugo-mounts = montages de contenu avec lang dans { $file }
evidence-key-in-file = { $key } dans { $file }
evidence-starlight-folders = les dossiers de langue de src/content/docs ({ $file } n’a pas de locales littérales)
evidence-vitepress-folders = les dossiers de langue de { $dir } ({ $file } n’a pas de locales littérales)
evidence-vitepress-root = la locale racine de { $file }
evidence-docusaurus-default-en = locale par défaut de Docusaurus : aucun i18n.defaultLocale littéral trouvé
evidence-docusaurus-locales = locales Docusaurus (i18n/<langue>/)
evidence-folders = dossiers nommés comme des langues dans { $dir }
evidence-astro-collections = les dossiers de langue de chaque collection de contenu de src/content ({ $file } est une configuration Astro)
evidence-root-locale-folders = dossiers nommés comme des langues dans { $dir }, leurs pages jumelles des pages à côté d’eux
evidence-root-locale-said = les pages au sommet de { $dir }, dans la langue source de tandem.yaml
evidence-pages-lang = le lang de { $count } des { $read } pages au sommet de { $dir } qui en donnent un
evidence-pages-words = les mots courants de { $count } des { $read } pages au sommet de { $dir } qui se lisent clairement dans une langue
evidence-folder-words = les mots courants de { $count } des { $read } pages de { $dir } qui se lisent clairement dans une langue
evidence-mintlify-default = navigation.languages dans { $file } (Mintlify)
evidence-source-folder-assumed = supposée : rien ne dit en quelle langue sont les pages de { $dir } ; source: dans tandem.yaml la fixe
evidence-root-locale-assumed = supposée : rien ne dit en quelle langue sont les pages au sommet de { $dir } ; source: dans tandem.yaml la fixe
evidence-suffixes = suffixes de langue des noms de pages (x.fr.md)
evidence-front-matter-lang = langues de { $file }, le lang: du front matter de chaque page
evidence-source-en = « { $lang } » figure parmi les langues trouvées
evidence-source-only-in-source-repo = la seule langue dont le dossier n’est que dans le clone des sources
evidence-source-en-fewer = { $lang } figure parmi les langues trouvées, bien que { $most } ait plus de pages : { $count } contre { $en }
evidence-source-most-pages = la langue qui a le plus de pages
evidence-source-most-pages-over-en = la langue qui a le plus de pages ({ $count } ; { $lang } en a { $en } : une traduction en cours)
evidence-mdx-generator = le générateur écrit du MDX
evidence-mdx-files = des pages .mdx dans les dossiers de contenu
evidence-flag-in-pages = des pages sources portent { $key } (la première : { $page })
init-yaml-content-from-hugo = Les dossiers des langues viennent de la configuration Hugo (languages.*.contentDir).
init-yaml-pin-none = Aucune traduction n’enregistre encore son commit source : tandem sync écrit cette clé ; d’ici là, le dernier commit de chaque traduction sert de point de synchronisation.
init-yaml-pin-found-item = { $key } dans { $count ->
        [one] { $count } page
       *[other] { $count } pages
    }
init-yaml-pin-found = Clé du front matter qui enregistre le commit source de chaque traduction (trouvée : { $found }).
init-yaml-check-together = Source et traductions sont publiées ensemble : chaque constat de tandem check le fait échouer.
init-yaml-check-later = Les traductions rattrapent leur retard plus tard : les changements non traduits sont des avertissements, les épingles invalides font échouer.
init-yaml-check-unset = La façon dont le site publie ses traductions n’a pas été dite (--publish) : tandem check échoue à chaque constat sauf missing-in-pr et mirrored-only, comme sans ce fichier. Des traductions qui rattrapent leur retard plus tard : décommentez la ligne ci-dessous (les épingles invalides font échouer, les changements non traduits sont des avertissements).
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
verbose-versions-parsed = { $count ->
        [0] verdicts : aucune version de page analysée (toutes les réponses tirées de .git/tandem/refine.cache)
        [one] verdicts : { $count } version de page lue et analysée
       *[other] verdicts : { $count } versions de page lues et analysées
    }

## Ligne de commande : textes d'aide. Les identifiants suivent la ligne de commande (src/cli.rs) : about-<commande>,
## help-<commande>-<argument> (les arguments globaux sous tandem), value-<argument>-<valeur>.

help-heading-usage = Utilisation :
help-heading-commands = Commandes :
help-heading-arguments = Arguments :
help-heading-options = Options :
help-command-value = COMMANDE
# The placeholders of the arguments' values in --help, usage errors and man pages (`--repo <DIR>`).
placeholder-body = CORPS
placeholder-color = COULEUR
placeholder-command = COMMANDE
placeholder-dir = DOSSIER
placeholder-file = FICHIER
placeholder-format = FORMAT
placeholder-id = ID
placeholder-kinds = TYPES
placeholder-lang = LANGUE
placeholder-mode = MODE
placeholder-n = N
placeholder-name = NOM
placeholder-page = PAGE
placeholder-path = CHEMIN
placeholder-rev = RÉV
placeholder-score = SCORE
placeholder-shell = SHELL
placeholder-source = SOURCE
placeholder-source-file = FICHIER_SOURCE
placeholder-translation-file = FICHIER_TRADUCTION
placeholder-when = QUAND
help-default = [par défaut : { $value }]
help-possible-values = [valeurs possibles : { $values }]
help-possible-values-heading = Valeurs possibles :
help-flag-help = Afficher l’aide
help-flag-help-more = Afficher l’aide (le détail avec « --help »)
help-flag-help-summary = Afficher l’aide (un résumé avec « -h »)
help-flag-version = Afficher la version
about-tandem = Tient les traductions d’un site de documentation ou d’un blog au pas de leurs pages source.
after-help-tandem = Codes de sortie : 0 rien à signaler, 1 constats (check, compare, status --exit-code), 2 tandem n’a pas pu faire son travail.
help-tandem-repo = Travailler comme si tandem était lancé dans DOSSIER
help-tandem-config = Lire ce fichier de configuration au lieu du tandem.yaml le plus proche
help-tandem-lang = Langues cibles, séparées par des virgules (par défaut : toutes)
help-tandem-source-repo = Le clone qui contient les pages source, quand les traductions vivent dans un autre dépôt
help-tandem-ui-lang = Langue des messages de tandem (sinon TANDEM_UI_LANG, la configuration, la langue du système)
help-tandem-color = Quand mettre des couleurs
help-tandem-quiet = N’afficher aucun avertissement
help-tandem-verbose = En dire plus (usage du cache d’historique, indices d’appariement)
about-status = Le verdict de chaque paire de pages : à jour, obsolète, manquante, orpheline ou inconnue
help-status-paths = Seulement les pages sous ces fichiers ou dossiers (relatifs au dossier courant)
help-status-mode = D’où viennent les points de synchronisation : les épingles, le dernier commit de la traduction, ou les épingles d’abord
help-status-strict = Comparer les octets, rien d’autre : exactement `git diff --quiet <sync>...HEAD -- <source>`
help-status-format = Format de sortie (html : une page de tableau de bord autonome)
help-status-out = Écrire le rapport dans FICHIER (remplacé d’un seul coup ; jamais une page du site) plutôt que sur la sortie standard
help-status-all = Texte : toutes les pages de toutes les langues (par défaut un terminal montre un résumé quand il y a plusieurs langues, et les premières pages manquantes) ; Markdown : toutes les pages, même au-delà des 65 536 caractères d’un commentaire GitHub
help-status-exit-code = Sortir avec 1 dès qu’une page n’est pas à jour
about-diff = Ce qui a changé dans la source depuis le point de synchronisation de la traduction, section par section
help-diff-page = Une traduction, ou une page source (avec --lang quand elle a plusieurs traductions)
help-diff-section = Seulement la section de cet identifiant (son ancre, dans la source ou dans la traduction ; top : le texte avant le premier titre)
help-diff-word = Surligner les mots qui ont changé
help-diff-mode = D’où vient le point de synchronisation
help-diff-format = Format de sortie
about-compare = Une paire donnée par ses chemins : signaux de structure, et le verdict de l’historique dans un dépôt
help-compare-source = La page source
help-compare-translation = La traduction
help-compare-format = Format de sortie
about-check = Contrôle de CI : échoue sur les changements non traduits, les épingles invalides, les orphelines (tout le dépôt, ou une pull request avec --base)
help-check-base = Ne contrôler que ce qu’ont apporté les commits depuis la base de fusion avec RÉV (une pull request : origin/main)
help-check-pushed = HEAD est la branche de base elle-même, après un push (--base : le commit d’avant) : il suffit qu’une épingle soit dans l’historique de HEAD
help-check-fail-on = Les constats qui font échouer, séparés par des virgules (par défaut : check.fail_on, sinon tous sauf missing-in-pr et mirrored-only) ; les autres sont des avertissements
help-status-rev = Lire les pages et leur front matter dans le commit RÉV au lieu de la copie de travail (RÉV remplace HEAD)
help-tasks-rev = Lire les pages et leur front matter dans le commit RÉV au lieu de la copie de travail (RÉV remplace HEAD)
help-check-rev = Lire les pages et leur front matter dans le commit RÉV au lieu de la copie de travail (RÉV remplace HEAD)
help-diff-rev = Lire les pages et leur front matter dans le commit RÉV au lieu de la copie de travail (RÉV remplace HEAD)
help-diff-context = Blocs inchangés montrés autour de chaque bloc modifié
help-check-warn-only = Signaler chaque constat comme un avertissement et sortir avec 0
help-check-mode = D’où viennent les points de synchronisation
help-check-format = Format de sortie (github : commandes de workflow pour annoter la pull request)
about-pair = Montrer comment les pages s’apparient et pourquoi ; proposer des paires pour les pages seules
help-pair-suggest = Donner un score aux paires possibles des pages qui n’ont pas de partenaire
help-pair-write = Enregistrer les propositions acceptées comme clé de traduction (translationKey) dans les deux fichiers
help-pair-min-score = Score minimal pour proposer une paire, ou pour l’écrire sans demander (de 0 à 1)
help-pair-format = Format de sortie
about-sync = Enregistrer que des traductions sont à jour : écrire dans leur front matter le commit source auquel elles correspondent
help-sync-paths = Les traductions, ou leurs dossiers, à marquer comme à jour (relatives au dossier courant). Sans rien, un terminal propose de choisir parmi les pages obsolètes
help-sync-to = Le commit source à enregistrer (par défaut : le dernier commit qui a modifié la source de chaque page, comme `git log -1`)
help-sync-patched = Marquer l’épingle `# patched` : la traduction a été corrigée sans être entièrement remise à jour
help-sync-drift-key = Renseigner aussi la clé de dérive (`drifted_from_default`, ou pin.drift_key) : `true` sur les pages obsolètes, `file not found` sur les orphelines, retirée des pages à jour
help-sync-drift-only = Ne mettre à jour que la clé de dérive de chaque page (sous PAGE, ou de tout le site) ; n’écrire aucune épingle
help-sync-stale = Synchroniser chaque page obsolète (sous PAGE, ou de tout le site) : ce que propose le terminal, sans demander
help-sync-mirrored = Pour les pages obsolètes seulement pour des clés recopiées du front matter (sous PAGE, ou de tout le site) : recopier leurs valeurs depuis la source (une liste sur plusieurs lignes telle que la source l’écrit), puis épingler
help-sync-dry-run = Montrer ce qui changerait ; ne rien écrire
about-scaffold = Créer une traduction à partir de sa page source : front matter avec l’épingle, corps gardé ou remplacé par des marques
help-scaffold-source = La page source à traduire (relative au dossier courant)
help-scaffold-slug = Le nom de fichier de la traduction (sans dossier), pour les sites dont les traductions ont des noms traduits
help-scaffold-body = Que faire du corps : garder le texte source, ou n’en garder que la structure avec une marque à la place de la prose
help-scaffold-force = Écraser la traduction si elle existe
about-tasks = Tâches de relecture et de traduction : une par page obsolète (et par page manquante), en fichiers Markdown ou en tickets GitHub
help-tasks-paths = Seulement les pages sous ces fichiers ou dossiers (relatifs au dossier courant)
help-tasks-missing = Aussi une tâche de traduction par page manquante
help-tasks-out = Écrire un fichier Markdown par tâche dans DOSSIER (noms stables : relancer les met à jour)
help-tasks-format = Format de sortie (github : lignes JSON avec titre, corps, étiquettes et assignés pour `gh issue create`)
help-tasks-interactive = Cocher les pages à confier, dans un terminal (sans terminal, nommez-les en CHEMINS)
help-tasks-mode = D’où viennent les points de synchronisation
about-init = Écrire tandem.yaml d’après ce qui a été détecté (demande dans un terminal, sinon --yes)
help-init-yes = Accepter les réglages détectés sans demander
help-init-force = Écraser un tandem.yaml existant
help-init-publish = Comment le site publie ses traductions (décide de ce qui fait échouer `tandem check`)
about-demo = Construire un petit site bilingue avec un vrai historique et montrer son état
help-demo-dir = Où construire le site de démonstration (par défaut : un nouveau dossier temporaire)
about-completions = Afficher les complétions du shell (--lang se complète avec les langues du site)
help-completions-shell = Le shell
about-man = Afficher la page de manuel de tandem ou de l’une de ses commandes (roff), ou les écrire toutes avec --out
help-man-command = La commande dont afficher la page (par défaut : tandem lui-même)
help-man-out = Écrire toutes les pages dans DOSSIER (tandem.1, tandem-status.1…)
about-help = Afficher ce message ou l’aide des sous-commandes données
help-help-subcommand = Afficher l’aide de la sous-commande
value-mode-auto = L’épingle quand la traduction en a une, sinon le dernier commit qui l’a modifiée
value-mode-pin = Les épingles seulement : une traduction sans épingle est inconnue (`no-pin`)
value-mode-history = Le dernier commit qui a modifié la traduction, sans tenir compte des épingles (la méthode de lsync)
value-fail-on-stale = Tout le dépôt : une traduction obsolète
value-fail-on-missing = Tout le dépôt : une page source sans traduction
value-fail-on-orphaned = Tout le dépôt : une traduction sans source
value-fail-on-invalid-pin = Une épingle qui ne désigne aucun commit, en désigne plusieurs, ou un commit hors de l’historique (de HEAD ; dans une PR, de la base)
value-fail-on-no-sync-point = Tout le dépôt : une traduction sans épingle ni commit
value-fail-on-unreadable = Tout le dépôt : une traduction illisible (binaire, pas en UTF-8, front matter invalide)
value-fail-on-stale-in-pr = Pull request : une page source vraiment modifiée, sa traduction non mise à jour
value-fail-on-missing-pin = Pull request : une nouvelle traduction sans épingle, sur un site qui en utilise
value-fail-on-missing-in-pr = Pull request : une nouvelle page source sans traduction (signalée seulement si configuré), ou une traduction supprimée alors que sa source reste
value-fail-on-mirrored-only = Tout le dépôt : une traduction obsolète dont la source n’a changé que dans des clés recopiées du front matter (seulement si configuré)
value-fail-on-orphaned-in-pr = Pull request : une page source supprimée ou renommée, sa traduction laissée derrière ; une traduction ajoutée sans source
value-body-keep = Le corps de la source, à traduire sur place
value-body-placeholder = Titres (avec leur {"{"}#id{"}"}), blocs de code, shortcodes et images gardés ; une marque à la place de la prose
value-publish-together = Les deux langues sortent ensemble : chaque constat de `check` fait échouer la construction
value-publish-later = Les traductions rattrapent plus tard : les changements non traduits sont des avertissements, seules les épingles invalides font échouer

## Ligne de commande : erreurs d'utilisation (code de sortie 2)

usage-unknown-subcommand = sous-commande inconnue « { $name } »
usage-unknown-argument = argument inattendu « { $name } »
usage-invalid-value = valeur incorrecte « { $value } » pour « { $arg } »
usage-invalid-value-because = valeur incorrecte « { $value } » pour « { $arg } » : { $reason }
usage-missing-value = « { $arg } » attend une valeur, et aucune n’a été donnée
usage-missing-argument = { $count ->
        [one] il manque l’argument obligatoire { $args }
       *[other] il manque les arguments obligatoires { $args }
    }
usage-missing-subcommand = « { $name } » attend une sous-commande, et aucune n’a été donnée
usage-conflict = l’argument « { $arg } » ne peut pas être utilisé avec « { $other } »
usage-repeated = l’argument « { $arg } » ne peut être donné qu’une fois
usage-too-many-values = valeur inattendue « { $value } » pour « { $arg } » : aucune autre n’était attendue
usage-wrong-number = « { $arg } » prend { $expected } valeurs, pas { $actual }
usage-no-equals = il faut un signe égal pour donner une valeur à « { $arg } »
usage-invalid-utf8 = un ou plusieurs arguments ne sont pas de l’UTF-8 valide
usage-other = la ligne de commande n’est pas valide (« { $detail } »)
usage-tip = astuce : { $tip }
usage-tip-subcommand = une sous-commande proche existe : « { $name } »
usage-tip-argument = un argument proche existe : « { $name } »
usage-tip-value = une valeur proche existe : « { $name } »
usage-tip-trailing = pour passer « { $name } » comme valeur, écrivez « -- { $name } »
usage-tip-possible-values = valeurs possibles : { $values }
usage-more-info = Pour en savoir plus, essayez « --help ».
usage-detail-score = { $value } n’est pas un score entre 0 et 1

## Pages de manuel

man-section-name = NOM
man-section-synopsis = SYNOPSIS
man-section-description = DESCRIPTION
man-section-extra = CODE DE RETOUR
man-section-version = VERSION
man-section-authors = AUTEURS
man-written = { $count ->
        [one] { $count } page de manuel écrite dans { $dir }
       *[other] { $count } pages de manuel écrites dans { $dir }
    }
error-no-such-command = tandem n’a pas de commande { $name }
hint-commands = les commandes : { $known }

## Détails dans les erreurs (le `detail` de error-config-value, error-config-parse, error-map-file)

detail-verbatim = « { $text } »
detail-yaml-at-line = ligne { $line } : { $detail }
detail-yaml = { $detail }
yaml-duplicate-key = la clé { $key } est écrite deux fois
yaml-duplicate-key-unnamed = une clé est écrite deux fois
yaml-unclosed-quote = une valeur entre guillemets n’est jamais fermée (il manque son guillemet fermant)
yaml-unclosed-bracket = un { $open } n’est jamais fermé (il manque son { $close })
yaml-tab = une tabulation là où YAML n’accepte que des espaces : indentez avec des espaces
yaml-colon-in-value = une valeur contient « : », que YAML lit comme une nouvelle clé : mettez la valeur entre guillemets (title: "A: B")
yaml-expected-list = une liste était attendue ([a, b])
yaml-expected-map = des clés et des valeurs étaient attendues (clé: valeur)
front-matter-not-a-map = le front matter n’est pas fait de clés et de valeurs (clé: valeur)
front-matter-never-closed = le front matter ouvert par { $fence } n’est jamais fermé
detail-list-expected = une liste est attendue : écrivez { $key }: [{ $value }]
front-matter-json = un front matter JSON ({"{"} … {"}"}) n’est pas lu par tandem : écrivez-le en YAML (---) ou en TOML (+++)
front-matter-conflict-markers = des marques de conflit de fusion (<<<<<<<, =======, >>>>>>>) dans le front matter : résolvez le conflit
yaml-too-many-nodes = trop de valeurs une fois ses alias développés : plus de { $limit }
yaml-too-many-aliases = trop d’alias (*nom) à développer : plus de { $limit }
yaml-too-deep = imbriqué trop profondément : plus de { $limit } niveaux
yaml-too-large = trop grand pour être lu : plus de { $limit } éléments
detail-config-not-a-map = une table de réglages était attendue
detail-layout-unsupported = { $value } (possibles : { $supported })
detail-layout-nearest = { $value } (possibles : { $supported }) ; vouliez-vous dire { $nearest } ?
detail-pin-key-empty = « { $value } » n’est pas un nom de clé : nommez la clé du front matter où s’écrivent les épingles (default_lang_commit)
detail-pin-key-content = { $value } fait partie du contenu de la page (une clé { $class }) : tandem sync y écrirait des identifiants de commit ; nommez une clé à part (default_lang_commit)
detail-content-shape = une liste de dossiers, ou une table qui associe à chaque langue son dossier
detail-content-same-folder = { $first } et { $second } nomment tous deux le dossier { $dir } : chaque langue a besoin d’un dossier à elle (des pages distinguées par un suffixe, x.fr.md, relèvent de layout: suffix ; un fork de traduction, ses pages aux chemins de la source, nomme le clone de la source avec source_repo)
detail-source-repo-layout = la disposition { $layout } garde toutes les langues dans un seul dépôt
detail-unknown-source = { $lang } n’a pas de pages ici (langues trouvées : { $known })
detail-ui-language = { $value } (tandem parle en et fr)
detail-unknown-target = { $lang } (trouvées : { $known })
detail-source-as-target = { $lang } est la langue source ; languages liste les langues des traductions
detail-map-missing = { $path } n’existe pas
detail-map-needs-file = la disposition map a besoin de pairing.map, le fichier de correspondance
detail-unknown-finding = { $name } (valeurs possibles : { $valid })
detail-unknown-finding-nearest = { $name } (valeurs possibles : { $valid }) ; vouliez-vous dire { $nearest } ?
detail-front-matter-two-classes = { $key } est à la fois dans { $first } et dans { $second } : une clé n’a qu’une classe

## status --format html (la page de tableau de bord)
html-title = État des traductions
html-summary = Langue source { $source } · { $languages ->
        [one] { $languages } langue cible
       *[other] { $languages } langues cibles
    } · commit { $head }
html-filters = Filtres
html-filter-language = Langue
html-filter-state = État
html-filter-path = Chemin
html-filter-all = toutes
html-coverage-heading = Couverture par langue
html-col-language = langue
html-col-coverage = couverture
html-percent = ({ $percent }{"\u00A0"}%)
html-bar-label = { $lang } : { $current } à jour, { $stale ->
        [one] { $stale } obsolète
       *[other] { $stale } obsolètes
    }, { $missing ->
        [one] { $missing } manquante
       *[other] { $missing } manquantes
    }, { $orphaned ->
        [one] { $orphaned } orpheline
       *[other] { $orphaned } orphelines
    }, { $unknown ->
        [one] { $unknown } inconnue
       *[other] { $unknown } inconnues
    }
html-sections-heading = Par section du site
html-sections-caption = { $lang }
html-sections-summary = { $lang } : { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }
html-stale-heading = Pages obsolètes, les plus en retard d’abord
html-no-stale = Aucune page obsolète.
# Above the stale pages; { $command } is `tandem diff PAGE`.
html-stale-next = Ensuite, pour une page ci-dessous : { $command } montre ce qui a changé dans sa source depuis le point de synchronisation, à côté de la traduction.
html-col-page = page
html-col-source = source
html-col-behind = commits de retard
# Before the count of commits behind on a phone, where the table's header is out of sight.
html-behind-label = commits de retard :
html-col-severity = gravité
html-col-changes = ce qui a changé
html-col-sync = point de synchronisation
html-col-links = liens
# The stale pages' column with the command to run next (`tandem diff PAGE`) and the links to the forge.
html-col-next = ensuite
html-col-state = état
html-col-why = pourquoi
html-link-source = source
html-link-compare = comparer
html-renamed = la source s’appelait { $from }, maintenant { $to }
html-others-heading = Pages orphelines et inconnues
# The dashboard's list of translations whose source was renamed (each with its `git mv`).
html-renamed-heading = Sources renommées : déplacez les traductions pour qu’elles restent associées par chemin
html-missing-heading = Pages manquantes
html-missing-summary = { $lang } : { $count ->
        [one] { $count } page manquante
       *[other] { $count } pages manquantes
    }
## status texte : le résumé de plusieurs langues
status-summary-heading = { $count } langues cibles :
status-col-language = langue
status-col-total = pages
status-summary-behind-heading = { $lang } : { $count ->
        [one] la plus en retard
       *[other] les plus en retard
    }
status-summary-more = … et { $count } de plus (--lang { $lang } ou --all les montre)
status-summary-hint = --all montre chaque page de chaque langue ; --lang LANGUE une seule langue.

## Le script de l’action (scripts/action-check.sh), par `tandem __message`
action-head-not-pull-request = la tête de la pull request ({ $head }) n’est pas dans ce qui a été extrait : il n’y a rien d’elle à contrôler. { $event ->
        [pull_request_target] Sur pull_request_target, actions/checkout extrait la branche de base : donnez-lui `ref: ${"{"}{"{"} github.event.pull_request.head.sha {"}"}{"}"}` (et attention aux droits de cet événement : il tourne avec les secrets du dépôt de base).
       *[other] Donnez à actions/checkout `ref: ${"{"}{"{"} github.event.pull_request.head.sha {"}"}{"}"}`.
    }
action-push-before-missing = le commit d’avant le push ({ $before }) n’est pas dans ce clone : la profondeur par défaut d’actions/checkout (fetch-depth: 1) l’en exclut (mettez fetch-depth: 0), et après un push forcé il n’est sur aucune branche. { $fallback ->
        [parent] Contrôle de ce qu’a changé le dernier commit du push (par rapport à HEAD^1) à la place.
       *[repository] Contrôle de tout le dépôt à la place.
    }
