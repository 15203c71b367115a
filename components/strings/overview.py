"""Strings of the overview map page (owner: E1)."""

STRINGS = {
    "overview.title": {
        "en": "Overview map",
        "es": "Mapa general",
        "fr": "Carte d’ensemble",
    },
    "overview.intro": {
        "en": "States and provinces shaded by the chosen indicator, ports of entry sized by "
        "inbound crossings, and arcs for cross-border links. Click a state, a port or an arc for "
        "details.",
        "es": "Estados y provincias sombreados según el indicador elegido, puertos de entrada "
        "dimensionados por cruces de entrada y arcos para los vínculos transfronterizos. "
        "Haga clic en un estado, un puerto o un arco para ver detalles.",
        "fr": "États et provinces colorés selon l’indicateur choisi, points d’entrée dimensionnés "
        "selon les entrées, et arcs pour les liens transfrontaliers. Cliquez sur un État, un "
        "point d’entrée ou un arc pour voir le détail.",
    },
    "overview.indicator": {
        "en": "Shade states and provinces by",
        "es": "Sombrear estados y provincias por",
        "fr": "Colorer les États et provinces selon",
    },
    "overview.year": {"en": "Year", "es": "Año", "fr": "Année"},
    "overview.show_ports": {
        "en": "Ports of entry",
        "es": "Puertos de entrada",
        "fr": "Points d’entrée",
    },
    "overview.show_trade_arcs": {
        "en": "Trade links (state ↔ province)",
        "es": "Vínculos comerciales (estado ↔ provincia)",
        "fr": "Liens commerciaux (État ↔ province)",
    },
    "overview.show_initiative_arcs": {
        "en": "Initiative links",
        "es": "Vínculos de iniciativas",
        "fr": "Liens d’initiatives",
    },
    "overview.no_year_data": {
        "en": "No {indicator} figures for {year}. Available years: {first}–{last}.",
        "es": "No hay cifras de {indicator} para {year}. Años disponibles: {first}–{last}.",
        "fr": "Aucune donnée « {indicator} » pour {year}. Années disponibles : {first}–{last}.",
    },
    "overview.note_trade_ca": {
        "en": "US states only: TransBorder does not publish trade by Canadian province per year.",
        "es": "Solo estados de EE. UU.: TransBorder no publica el comercio anual por provincia canadiense.",
        "fr": "États américains seulement : TransBorder ne publie pas le commerce annuel par province canadienne.",
    },
    "overview.note_trade_mx": {
        "en": "US states: trade with Mexico (both directions). Mexican states: US exports to "
        "them only (TransBorder records the Mexican state only for US exports).",
        "es": "Estados de EE. UU.: comercio con México (ambos sentidos). Estados de México: solo "
        "exportaciones de EE. UU. hacia ellos (TransBorder registra el estado mexicano solo para "
        "las exportaciones de EE. UU.).",
        "fr": "États américains : commerce avec le Mexique (deux sens). États mexicains : "
        "exportations américaines vers eux seulement (TransBorder n’indique l’État mexicain que "
        "pour les exportations américaines).",
    },
    "overview.note_crossings": {
        "en": "Crossings count inbound traffic into the US only, summed over the state's ports.",
        "es": "Los cruces cuentan solo el tráfico de entrada a EE. UU., sumado en los puertos del estado.",
        "fr": "Les passages ne comptent que les entrées aux États-Unis, additionnées sur les points "
        "d’entrée de l’État.",
    },
    "overview.note_initiatives": {
        "en": "Initiatives signed up to the selected year in which the state or province (or one "
        "of its cities) is a party.",
        "es": "Iniciativas firmadas hasta el año elegido en las que el estado o provincia (o una "
        "de sus ciudades) participa.",
        "fr": "Initiatives signées jusqu’à l’année choisie auxquelles l’État ou la province (ou "
        "l’une de ses villes) participe.",
    },
    "overview.note_fdi": {
        "en": "Mexican states only: FDI inflows (all origins), quarters summed.",
        "es": "Solo estados de México: flujos de IED (todos los orígenes), suma de trimestres.",
        "fr": "États mexicains seulement : flux d’IDE (toutes origines), trimestres additionnés.",
    },
    "overview.legend_ports": {
        "en": "Circle area: {measure} in {year}",
        "es": "Área del círculo: {measure} en {year}",
        "fr": "Aire du cercle : {measure} en {year}",
    },
    "overview.legend_trade_arc": {
        "en": "Trade link (line width: cumulative value)",
        "es": "Vínculo comercial (grosor: valor acumulado)",
        "fr": "Lien commercial (épaisseur : valeur cumulée)",
    },
    "overview.legend_initiative_arc": {
        "en": "Shared initiatives (line width: number per pair)",
        "es": "Iniciativas compartidas (grosor: número por par)",
        "fr": "Initiatives communes (épaisseur : nombre par paire)",
    },
    "overview.legend_planned_port": {
        "en": "Ring: planned port (not yet open)",
        "es": "Anillo: puerto planeado (aún no abierto)",
        "fr": "Anneau : point d’entrée prévu (pas encore ouvert)",
    },
    "overview.arcs_focus_note": {
        "en": "Links of the selection are drawn bold; the others are faded.",
        "es": "Los vínculos de la selección se dibujan en trazo grueso; los demás, atenuados.",
        "fr": "Les liens de la sélection sont tracés en gras ; les autres sont estompés.",
    },
    "overview.arc_trade_tip": {
        "en": "Trade {a} ↔ {b}, {first}–{last} (both directions, all ports)",
        "es": "Comercio {a} ↔ {b}, {first}–{last} (ambos sentidos, todos los puertos)",
        "fr": "Commerce {a} ↔ {b}, {first}–{last} (deux sens, tous les points d’entrée)",
    },
    "overview.arc_initiative_tip": {
        "en": "{n} shared initiative(s): {a} ↔ {b}",
        "es": "{n} iniciativa(s) compartida(s): {a} ↔ {b}",
        "fr": "{n} initiative(s) commune(s) : {a} ↔ {b}",
    },
    "overview.pick_place": {
        "en": "Show the details of",
        "es": "Mostrar los detalles de",
        "fr": "Afficher le détail de",
    },
    "overview.details": {"en": "Details", "es": "Detalles", "fr": "Détails"},
    "overview.details_hint": {
        "en": "Click a state, province, port or arc on the map to see its figures here.",
        "es": "Haga clic en un estado, provincia, puerto o arco del mapa para ver sus cifras aquí.",
        "fr": "Cliquez sur un État, une province, un point d’entrée ou un arc pour voir ses "
        "chiffres ici.",
    },
    "overview.open_profile": {
        "en": "Open the profile of {name}",
        "es": "Abrir el perfil de {name}",
        "fr": "Ouvrir le profil de {name}",
    },
    "overview.clear_selection": {
        "en": "Clear selection",
        "es": "Quitar la selección",
        "fr": "Effacer la sélection",
    },
    "overview.port_state": {"en": "State", "es": "Estado", "fr": "État"},
    "overview.port_value": {
        "en": "{measure} in {year}",
        "es": "{measure} en {year}",
        "fr": "{measure} en {year}",
    },
    "overview.months_partial": {
        "en": "{months} of 12 months reported",
        "es": "{months} de 12 meses reportados",
        "fr": "{months} mois sur 12 déclarés",
    },
    "overview.unknown_selection": {
        "en": "The selected item is not on this map.",
        "es": "El elemento seleccionado no está en este mapa.",
        "fr": "L’élément sélectionné ne figure pas sur cette carte.",
    },
    "overview.fig_trade_ca": {
        "en": "Trade with Canada, {year}",
        "es": "Comercio con Canadá, {year}",
        "fr": "Commerce avec le Canada, {year}",
    },
    "overview.fig_trade_mx": {
        "en": "Trade with Mexico, {year}",
        "es": "Comercio con México, {year}",
        "fr": "Commerce avec le Mexique, {year}",
    },
    "overview.fig_us_exports": {
        "en": "US exports to it, {year}",
        "es": "Exportaciones de EE. UU. hacia él, {year}",
        "fr": "Exportations américaines vers lui, {year}",
    },
    "overview.fig_crossings": {
        "en": "{measure} at its ports, {year}",
        "es": "{measure} en sus puertos, {year}",
        "fr": "{measure} à ses points d’entrée, {year}",
    },
    "overview.fig_initiatives": {
        "en": "Cross-border initiatives",
        "es": "Iniciativas transfronterizas",
        "fr": "Initiatives transfrontalières",
    },
    "overview.fig_fdi": {
        "en": "FDI inflow, {year}",
        "es": "Flujo de IED, {year}",
        "fr": "Flux d’IDE, {year}",
    },
    "overview.table_title": {
        "en": "Values shown on the map",
        "es": "Valores mostrados en el mapa",
        "fr": "Valeurs affichées sur la carte",
    },
    "overview.pick_placeholder": {
        "en": "State, province or link…",
        "es": "Estado, provincia o vínculo…",
        "fr": "État, province ou lien…",
    },
    "overview.pair_initiatives": {
        "en": "Shared initiatives signed up to {year}",
        "es": "Iniciativas compartidas firmadas hasta {year}",
        "fr": "Initiatives communes signées jusqu’en {year}",
    },
    "overview.pair_no_initiatives": {
        "en": "No initiative in the inventory joins these two places up to {year}.",
        "es": "Ninguna iniciativa del inventario une a estos dos lugares hasta {year}.",
        "fr": "Aucune initiative de l’inventaire ne réunit ces deux lieux jusqu’en {year}.",
    },
    "overview.pair_trade": {
        "en": "Trade {first}–{last}, both directions, all ports",
        "es": "Comercio {first}–{last}, ambos sentidos, todos los puertos",
        "fr": "Commerce {first}–{last}, deux sens, tous les points d’entrée",
    },
    "overview.pair_no_trade": {
        "en": "No trade figure for this pair: TransBorder publishes trade between US states "
        "and Canadian provinces only.",
        "es": "No hay cifra de comercio para este par: TransBorder solo publica el comercio "
        "entre estados de EE. UU. y provincias de Canadá.",
        "fr": "Pas de chiffre de commerce pour cette paire : TransBorder ne publie le commerce "
        "qu’entre États américains et provinces canadiennes.",
    },
    "overview.open_initiative": {
        "en": "Open its record on the Initiatives page",
        "es": "Abrir su ficha en la página Iniciativas",
        "fr": "Ouvrir sa fiche sur la page Initiatives",
    },
}
