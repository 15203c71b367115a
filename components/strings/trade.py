"""Strings of the Trade flows page (owner: E2)."""

STRINGS = {
    "trade.title": {
        "en": "Trade flows",
        "es": "Flujos comerciales",
        "fr": "Flux commerciaux",
    },
    "trade.intro": {
        "en": "US states’ merchandise trade with Canada and Mexico by mode of transport "
        "(BTS TransBorder Freight Data). Values in current US dollars, exports and imports "
        "from the US point of view.",
        "es": "Comercio de mercancías de los estados de EE. UU. con Canadá y México por modo de "
        "transporte (BTS TransBorder Freight Data). Valores en dólares corrientes; "
        "exportaciones e importaciones desde el punto de vista de EE. UU.",
        "fr": "Commerce de marchandises des États américains avec le Canada et le Mexique par "
        "mode de transport (BTS TransBorder Freight Data). Valeurs en dollars américains "
        "courants; exportations et importations du point de vue des États-Unis.",
    },
    "trade.partner": {"en": "Partner", "es": "Socio", "fr": "Partenaire"},
    "trade.both_partners": {
        "en": "Canada and Mexico",
        "es": "Canadá y México",
        "fr": "Canada et Mexique",
    },
    "trade.flow": {"en": "Flow", "es": "Flujo", "fr": "Flux"},
    "trade.both_flows": {
        "en": "Exports + imports",
        "es": "Exportaciones + importaciones",
        "fr": "Exportations + importations",
    },
    "trade.all_modes": {"en": "all modes", "es": "todos los modos", "fr": "tous les modes"},
    "trade.partial_year": {
        "en": "{year} is the latest year published and may cover only part of the year.",
        "es": "{year} es el último año publicado y puede cubrir solo parte del año.",
        "fr": "{year} est la dernière année publiée et peut ne couvrir qu’une partie de l’année.",
    },
    "trade.other_states": {
        "en": "Other states",
        "es": "Otros estados",
        "fr": "Autres États",
    },
    "trade.col.origin": {"en": "From", "es": "Desde", "fr": "De"},
    "trade.col.destination": {
        "en": "Partner · mode",
        "es": "Socio · modo",
        "fr": "Partenaire · mode",
    },
    "trade.col.value": {"en": "Value (USD)", "es": "Valor (USD)", "fr": "Valeur (USD)"},
    "trade.col.value_text": {"en": "Value", "es": "Valor", "fr": "Valeur"},
    "trade.col.hs2_title": {
        "en": "HS chapter title",
        "es": "Título del capítulo del SA",
        "fr": "Titre du chapitre du SH",
    },
    "trade.col.province": {
        "en": "Province or territory",
        "es": "Provincia o territorio",
        "fr": "Province ou territoire",
    },
    "trade.sankey_mode_title": {
        "en": "US states’ trade by mode, {year} — partner: {partner} · {flow} · {mode}",
        "es": "Comercio de los estados de EE. UU. por modo, {year} — socio: {partner} · {flow} · "
        "{mode}",
        "fr": "Commerce des États américains par mode, {year} — partenaire : {partner} · {flow} "
        "· {mode}",
    },
    "trade.sankey_mode_note": {
        "en": "The {n} largest states are shown by name; the rest are grouped as “Other "
        "states”. Band width is proportional to value.",
        "es": "Se muestran por nombre los {n} estados más grandes; el resto se agrupa como "
        "«Otros estados». El ancho de cada banda es proporcional al valor.",
        "fr": "Les {n} plus grands États sont nommés; les autres sont regroupés sous « Autres "
        "États ». La largeur des bandes est proportionnelle à la valeur.",
    },
    "trade.empty": {
        "en": "No trade recorded for {year} with these filters.",
        "es": "No hay comercio registrado en {year} con estos filtros.",
        "fr": "Aucun échange enregistré en {year} avec ces filtres.",
    },
    "trade.all_states": {
        "en": "all states",
        "es": "todos los estados",
        "fr": "tous les États",
    },
    "trade.sankey_od_title": {
        "en": "Largest state–province trade pairs ({scope}), cumulative {period}",
        "es": "Principales pares estado–provincia por comercio ({scope}), acumulado {period}",
        "fr": "Principales paires État–province selon le commerce ({scope}), cumul {period}",
    },
    "trade.od_note": {
        "en": "State–province values are summed over all years and both directions through "
        "US ports (TransBorder origin/destination aggregates): a measure of how strongly two "
        "places are tied, not a yearly flow.",
        "es": "Los valores estado–provincia se suman para todos los años y ambas direcciones a "
        "través de los puertos de EE. UU. (agregados de origen/destino de TransBorder): miden "
        "qué tan ligados están dos lugares, no un flujo anual.",
        "fr": "Les valeurs État–province sont cumulées sur toutes les années et dans les deux "
        "sens aux points d’entrée américains (agrégats origine/destination TransBorder) : "
        "une mesure de la force du lien, pas un flux annuel.",
    },
    "trade.pairs_title": {
        "en": "Top state–province pairs ({scope})",
        "es": "Principales pares estado–provincia ({scope})",
        "fr": "Principales paires État–province ({scope})",
    },
    "trade.empty_pairs": {
        "en": "No state–province trade is recorded for {scope}.",
        "es": "No hay comercio estado–provincia registrado para {scope}.",
        "fr": "Aucun commerce État–province n’est enregistré pour {scope}.",
    },
    "trade.series_heading": {
        "en": "A state’s trade with Canada and Mexico over time",
        "es": "Comercio de un estado con Canadá y México a lo largo del tiempo",
        "fr": "Commerce d’un État avec le Canada et le Mexique au fil du temps",
    },
    "trade.state_placeholder": {
        "en": "Choose a US state",
        "es": "Elija un estado de EE. UU.",
        "fr": "Choisissez un État américain",
    },
    "trade.series_title": {
        "en": "{state}: exports and imports with Canada and Mexico ({mode})",
        "es": "{state}: exportaciones e importaciones con Canadá y México ({mode})",
        "fr": "{state} : exportations et importations avec le Canada et le Mexique ({mode})",
    },
    "trade.empty_series": {
        "en": "No trade recorded for {state} with these filters.",
        "es": "No hay comercio registrado para {state} con estos filtros.",
        "fr": "Aucun échange enregistré pour {state} avec ces filtres.",
    },
    "trade.no_commodities": {
        "en": "No trade by HS chapter (sector) for {year}: the store has it for {available} only.",
        "es": "No hay comercio por capítulo del SA (sector) para {year}: los datos cargados "
        "solo lo tienen para {available}.",
        "fr": "Pas de commerce par chapitre du SH (secteur) pour {year} : la base ne l’a que "
        "pour {available}.",
    },
    "trade.no_commodities_store": {
        "en": "Trade by HS chapter (sector) is not in the loaded data.",
        "es": "El comercio por capítulo del SA (sector) no está en los datos cargados.",
        "fr": "Le commerce par chapitre du SH (secteur) n’est pas dans les données chargées.",
    },
    "trade.hs2_empty": {
        "en": "No trade by HS chapter recorded for {scope} in {months} with these filters.",
        "es": "No hay comercio por capítulo del SA registrado para {scope} en {months} con "
        "estos filtros.",
        "fr": "Aucun commerce par chapitre du SH enregistré pour {scope} en {months} avec ces "
        "filtres.",
    },
    "trade.selected": {"en": "selected", "es": "seleccionado", "fr": "sélectionné"},
    "trade.hs2_title": {
        "en": "{state}: trade by HS chapter, {months} ({flow})",
        "es": "{state}: comercio por capítulo del SA, {months} ({flow})",
        "fr": "{state} : commerce par chapitre du SH, {months} ({flow})",
    },
    "trade.hs2_note": {
        "en": "{months} only: single months of raw BTS TransBorder data, not annual totals. "
        "All transport modes summed.",
        "es": "Solo {months}: meses sueltos de los datos brutos TransBorder del BTS, no totales "
        "anuales. Todos los modos de transporte sumados.",
        "fr": "Uniquement {months} : mois isolés des données brutes TransBorder du BTS, pas des "
        "totaux annuels. Tous modes de transport confondus.",
    },
    # Where the chapter names on the chart come from, in the language they are read in.
    "trade.hs2_names_source": {
        "en": "Chapter names: BTS, Codes for TransBorder Freight Raw Data; short labels are "
        "Borderlinks abbreviations.",
        "es": "Nombres de los capítulos: Ley de los Impuestos Generales de Importación y de "
        "Exportación (LIGIE 2022, DOF, 7 de junio de 2022); las etiquetas cortas son "
        "abreviaturas de Borderlinks.",
        "fr": "Noms des chapitres : Tarif des douanes (SH 2022, Agence des services "
        "frontaliers du Canada) ; les libellés courts sont des abréviations de Borderlinks.",
    },
    "trade.hs2_all_ports": {
        "en": "All U.S. ports",
        "es": "Todos los puertos de EE. UU.",
        "fr": "Tous les ports des États-Unis",
    },
    "trade.hs2_no_state": {
        "en": "For {months}, BTS’s commodity table is by port (DOT3), without the U.S. state: "
        "the chart shows all U.S. ports, not the chosen state.",
        "es": "Para {months}, la tabla de mercancías del BTS es por puerto (DOT3), sin el estado "
        "de EE. UU.: el gráfico muestra todos los puertos de EE. UU., no el estado elegido.",
        "fr": "Pour {months}, la table des marchandises du BTS est par port (DOT3), sans l’État "
        "américain : le graphique montre tous les ports des États-Unis, pas l’État choisi.",
    },
    "trade.sector_share": {
        "en": "**{chapter}** (selected sector): {value}, {share} of all chapters "
        "({scope}, {months}).",
        "es": "**{chapter}** (sector seleccionado): {value}, {share} del total de capítulos "
        "({scope}, {months}).",
        "fr": "**{chapter}** (secteur sélectionné) : {value}, {share} de l’ensemble des "
        "chapitres ({scope}, {months}).",
    },
    "trade.sector_none": {
        "en": "**{chapter}** (selected sector): no trade recorded ({scope}, {months}).",
        "es": "**{chapter}** (sector seleccionado): no hay comercio registrado ({scope}, "
        "{months}).",
        "fr": "**{chapter}** (secteur sélectionné) : aucun commerce enregistré ({scope}, "
        "{months}).",
    },
    "trade.sector_scope": {
        "en": "Sector filter: {chapter}. Only the trade-by-HS-chapter chart at the bottom of "
        "this page can use it: the annual figures above are not split by chapter.",
        "es": "Filtro de sector: {chapter}. Solo el gráfico de comercio por capítulo del SA, al "
        "final de esta página, puede usarlo: las cifras anuales de arriba no se desglosan por "
        "capítulo.",
        "fr": "Filtre de secteur : {chapter}. Seul le graphique du commerce par chapitre du SH, "
        "en bas de cette page, peut l’utiliser : les chiffres annuels ci-dessus ne sont pas "
        "ventilés par chapitre.",
    },
}
