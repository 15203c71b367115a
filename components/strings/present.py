"""Strings of the presenter page, presenter mode, sharing and exports (owner: F)."""

STRINGS = {
    "present.title": {"en": "Presenter", "es": "Presentación", "fr": "Présentation"},
    "present.intro": {
        "en": "Saved scenes for summits and briefings. Every number in a caption is read from the data store and cited below it.",
        "es": "Escenas guardadas para cumbres y reuniones. Cada cifra de un texto se lee del almacén de datos y se cita debajo.",
        "fr": "Scènes enregistrées pour les sommets et les séances d’information. Chaque chiffre d’une légende provient de la base de données et est cité en dessous.",
    },
    "present.scene": {"en": "Scene", "es": "Escena", "fr": "Scène"},
    "present.scene_placeholder": {
        "en": "Choose a scene",
        "es": "Elija una escena",
        "fr": "Choisissez une scène",
    },
    "present.counter": {
        "en": "Scene {n} of {total}",
        "es": "Escena {n} de {total}",
        "fr": "Scène {n} sur {total}",
    },
    "present.previous": {"en": "Previous", "es": "Anterior", "fr": "Précédente"},
    "present.next": {"en": "Next", "es": "Siguiente", "fr": "Suivante"},
    "present.keys_help": {
        "en": "Keyboard: ← previous scene, → next scene.",
        "es": "Teclado: ← escena anterior, → escena siguiente.",
        "fr": "Clavier : ← scène précédente, → scène suivante.",
    },
    "present.mode": {"en": "Presenter mode", "es": "Modo presentación", "fr": "Mode présentation"},
    "present.mode_help": {
        "en": "Hides the menus, enlarges the text and uses high contrast. Esc or the button at the top leaves it.",
        "es": "Oculta los menús, agranda el texto y usa alto contraste. Esc o el botón de arriba lo desactiva.",
        "fr": "Masque les menus, agrandit le texte et augmente le contraste. Échap ou le bouton en haut permet d’en sortir.",
    },
    "present.exit": {
        "en": "Exit presenter mode",
        "es": "Salir del modo presentación",
        "fr": "Quitter le mode présentation",
    },
    "present.year": {"en": "Year", "es": "Año", "fr": "Année"},
    "present.play": {"en": "Play years", "es": "Reproducir años", "fr": "Animer les années"},
    "present.play_help": {
        "en": "Steps the map through the years; switch it off to stop on the year shown.",
        "es": "Recorre los años en el mapa; desactívelo para detenerse en el año mostrado.",
        "fr": "Fait défiler les années sur la carte ; désactivez-le pour s’arrêter sur l’année affichée.",
    },
    "present.playing": {
        "en": "Playing: {year}",
        "es": "Reproduciendo: {year}",
        "fr": "Lecture : {year}",
    },
    "present.year_note": {
        "en": "The map shows {year}; the caption quotes the years it names.",
        "es": "El mapa muestra {year}; el texto cita los años que menciona.",
        "fr": "La carte montre {year} ; la légende cite les années qu’elle nomme.",
    },
    "present.map_label": {
        "en": "{indicator}, {year}",
        "es": "{indicator}, {year}",
        "fr": "{indicator}, {year}",
    },
    "present.no_map_data": {
        "en": "No values for {indicator} in {year}; the map shows the places without shading.",
        "es": "No hay valores de {indicator} en {year}; el mapa muestra los lugares sin color.",
        "fr": "Aucune valeur pour {indicator} en {year} ; la carte montre les lieux sans couleur.",
    },
    "present.missing_figures": {
        "en": "Not in the data store, shown as –: {figures}",
        "es": "No están en el almacén de datos, se muestran como –: {figures}",
        "fr": "Absents de la base de données, affichés comme – : {figures}",
    },
    "present.cited": {
        "en": "First published in",
        "es": "Publicado originalmente en",
        "fr": "Publié d’abord dans",
    },
    "present.figures": {
        "en": "Figures quoted in this scene",
        "es": "Cifras citadas en esta escena",
        "fr": "Chiffres cités dans cette scène",
    },
    "present.col_figure": {"en": "Figure", "es": "Cifra", "fr": "Chiffre"},
    "present.col_value": {"en": "Value", "es": "Valor", "fr": "Valeur"},
    "present.col_years": {"en": "Years", "es": "Años", "fr": "Années"},
    "present.share": {
        "en": "Share this view",
        "es": "Compartir esta vista",
        "fr": "Partager cette vue",
    },
    "present.share_help": {
        "en": "This link opens the same page, language, scene, year and filters. Use the copy button at its right.",
        "es": "Este enlace abre la misma página, idioma, escena, año y filtros. Use el botón de copiar a su derecha.",
        "fr": "Ce lien ouvre la même page, la même langue, la même scène, la même année et les mêmes filtres. Utilisez le bouton de copie à sa droite.",
    },
    "present.scenes_error": {
        "en": "The scenes file cannot be used: {error}",
        "es": "No se puede usar el archivo de escenas: {error}",
        "fr": "Le fichier des scènes est inutilisable : {error}",
    },
    "present.scenes_help": {
        "en": "Scenes are defined in data/scenes.yaml; the format is described in data/README.md (Presenter scenes).",
        "es": "Las escenas se definen en data/scenes.yaml; el formato se describe en data/README.md (Presenter scenes).",
        "fr": "Les scènes sont définies dans data/scenes.yaml ; le format est décrit dans data/README.md (Presenter scenes).",
    },
    "present.download_png": {
        "en": "Download chart (PNG)",
        "es": "Descargar gráfico (PNG)",
        "fr": "Télécharger le graphique (PNG)",
    },
    "present.download_html": {
        "en": "Download map (HTML)",
        "es": "Descargar mapa (HTML)",
        "fr": "Télécharger la carte (HTML)",
    },
    "present.png_unavailable": {
        "en": "PNG export needs Chromium: install it with apt-get install chromium",
        "es": "La exportación PNG necesita Chromium: instálelo con apt-get install chromium",
        "fr": "L’export PNG nécessite Chromium : installez-le avec apt-get install chromium",
    },
    "present.legend_ports": {
        "en": "Ports of entry — circle area: {measure}, {year}",
        "es": "Puertos de entrada — área del círculo: {measure}, {year}",
        "fr": "Points d’entrée — aire du cercle : {measure}, {year}",
    },
    "present.legend_initiatives": {
        "en": "Arcs: places sharing cross-border initiatives",
        "es": "Arcos: lugares con iniciativas transfronterizas en común",
        "fr": "Arcs : lieux partageant des initiatives transfrontalières",
    },
    "present.legend_trade": {
        "en": "Arcs: freight between a US state and a Canadian province",
        "es": "Arcos: carga entre un estado de EE. UU. y una provincia canadiense",
        "fr": "Arcs : fret entre un État américain et une province canadienne",
    },
}
