"""Strings of the Stock-taking page (owner: E2)."""


def _tr(en: str, es: str, fr: str) -> dict[str, str]:
    return {"en": en, "es": es, "fr": fr}


STRINGS = {
    "stock.title": _tr(
        "Stocktaking: what exists, and where the gaps are",
        "Balance: lo que existe y dónde están los vacíos",
        "Bilan : ce qui existe et où sont les lacunes",
    ),
    "stock.intro": _tr(
        "Counts of the recorded initiatives, the cross-border pairs that trade heavily but "
        "share no recorded initiative, and how many initiatives were signed by leaders of "
        "different parties.",
        "Conteos de las iniciativas registradas, los pares transfronterizos que comercian mucho "
        "pero no comparten ninguna iniciativa registrada, y cuántas iniciativas firmaron "
        "líderes de partidos distintos.",
        "Nombre d’initiatives recensées, paires transfrontalières qui commercent beaucoup sans "
        "initiative commune recensée, et nombre d’initiatives signées par des dirigeants de "
        "partis différents.",
    ),
    "stock.counts_heading": _tr(
        "Initiatives over time", "Iniciativas a lo largo del tiempo", "Initiatives au fil du temps"
    ),
    "stock.group_by": _tr("Group by", "Agrupar por", "Regrouper par"),
    "stock.by.kind": _tr("Kind", "Tipo", "Type"),
    "stock.by.sector": _tr("Sector", "Sector", "Secteur"),
    "stock.by.state": _tr("State or province", "Estado o provincia", "État ou province"),
    "stock.before_1970": _tr("Before 1970", "Antes de 1970", "Avant 1970"),
    "stock.decade": _tr("{decade}s", "años {decade}", "années {decade}"),
    "stock.other": _tr("Other", "Otros", "Autres"),
    "stock.period": _tr("Decade started", "Década de inicio", "Décennie de début"),
    "stock.col.initiatives": _tr("Initiatives", "Iniciativas", "Initiatives"),
    "stock.counts_title": _tr(
        "Initiatives started per decade, by {by}",
        "Iniciativas iniciadas por década, por {by}",
        "Initiatives lancées par décennie, par {by}",
    ),
    "stock.no_initiatives": _tr(
        "No initiatives are recorded.",
        "No hay iniciativas registradas.",
        "Aucune initiative n’est recensée.",
    ),
    "stock.counts_note": _tr(
        "The {n} largest groups are named; the rest are “Other”. An initiative with several "
        "sectors or parties counts once in each of them.",
        "Se nombran los {n} grupos más grandes; el resto es «Otros». Una iniciativa con varios "
        "sectores o partes cuenta una vez en cada uno.",
        "Les {n} plus grands groupes sont nommés; les autres sont « Autres ». Une initiative à "
        "plusieurs secteurs ou parties compte une fois dans chacun.",
    ),
    "stock.gaps_heading": _tr(
        "Gaps worth a conversation",
        "Vacíos que vale la pena conversar",
        "Des lacunes qui méritent une discussion",
    ),
    "stock.gaps_intro": _tr(
        "Cross-border pairs with large trade and no recorded initiative linking them (a city "
        "counts for its state or province). Absence from our inventory is not proof that no "
        "cooperation exists.",
        "Pares transfronterizos con mucho comercio y sin ninguna iniciativa registrada que los "
        "vincule (una ciudad cuenta para su estado o provincia). Que no figure en nuestro "
        "inventario no prueba que no exista cooperación.",
        "Paires transfrontalières à fort commerce sans initiative recensée les reliant (une "
        "ville compte pour son État ou sa province). L’absence de notre inventaire ne prouve "
        "pas l’absence de coopération.",
    ),
    "stock.no_trade": _tr(
        "No trade data are loaded.",
        "No hay datos de comercio cargados.",
        "Aucune donnée commerciale n’est chargée.",
    ),
    "stock.gap_year": _tr(
        "Year for the US–Mexico values",
        "Año para los valores EE. UU.–México",
        "Année des valeurs États-Unis–Mexique",
    ),
    "stock.col.trade_cumulative": _tr(
        "Trade, cumulative (USD)", "Comercio acumulado (USD)", "Commerce cumulé (USD)"
    ),
    "stock.gaps_ca_title": _tr(
        "US state – Canadian province pairs without an initiative (trade {period})",
        "Pares estado de EE. UU. – provincia de Canadá sin iniciativa (comercio {period})",
        "Paires État américain – province canadienne sans initiative (commerce {period})",
    ),
    "stock.no_gaps": _tr(
        "Every heavily trading pair here already shares a recorded initiative.",
        "Todos los pares con mucho comercio ya comparten una iniciativa registrada.",
        "Toutes les paires à fort commerce partagent déjà une initiative recensée.",
    ),
    "stock.col.mx_state": _tr("Mexican state", "Estado de México", "État mexicain"),
    "stock.col.us_trade_mx": _tr(
        "US state’s trade with Mexico, {year} (USD)",
        "Comercio del estado de EE. UU. con México, {year} (USD)",
        "Commerce de l’État américain avec le Mexique, {year} (USD)",
    ),
    "stock.col.mx_exports": _tr(
        "US exports to the Mexican state, {year} (USD)",
        "Exportaciones de EE. UU. al estado mexicano, {year} (USD)",
        "Exportations américaines vers l’État mexicain, {year} (USD)",
    ),
    "stock.gaps_mx_title": _tr(
        "Neighbouring US–Mexican state pairs without an initiative, {year}",
        "Pares vecinos de estados de EE. UU. y México sin iniciativa, {year}",
        "Paires voisines d’États américains et mexicains sans initiative, {year}",
    ),
    "stock.gaps_mx_note": _tr(
        "TransBorder data do not publish trade between a US state and a Mexican state, so "
        "neighbouring pairs are ranked by the US state’s total trade with Mexico; US exports to "
        "the Mexican state are shown alongside.",
        "Los datos TransBorder no publican el comercio entre un estado de EE. UU. y un estado de "
        "México, por lo que los pares vecinos se ordenan por el comercio total del estado de "
        "EE. UU. con México; se muestran al lado las exportaciones de EE. UU. al estado mexicano.",
        "Les données TransBorder ne publient pas le commerce entre un État américain et un État "
        "mexicain; les paires voisines sont donc classées selon le commerce total de l’État "
        "américain avec le Mexique, avec à côté les exportations américaines vers l’État "
        "mexicain.",
    ),
    "stock.party_heading": _tr(
        "Bipartisan spread", "Alcance pluripartidista", "Portée transpartisane"
    ),
    "stock.no_parties": _tr(
        "No leader party affiliations are recorded.",
        "No hay afiliaciones partidistas registradas.",
        "Aucune affiliation partisane n’est consignée.",
    ),
    "stock.with_parties": _tr(
        "Initiatives with leaders’ parties recorded",
        "Iniciativas con partido de los líderes registrado",
        "Initiatives dont le parti des dirigeants est consigné",
    ),
    "stock.cross_party": _tr(
        "…signed by leaders of more than one party",
        "…firmadas por líderes de más de un partido",
        "…signées par des dirigeants de plus d’un parti",
    ),
    "stock.cross_party_help": _tr(
        "Parties are compared as recorded, across countries too (e.g. a Republican governor and "
        "a Liberal premier count as two parties).",
        "Los partidos se comparan tal como se registraron, también entre países (p. ej., un "
        "gobernador republicano y un primer ministro liberal cuentan como dos partidos).",
        "Les partis sont comparés tels que consignés, y compris d’un pays à l’autre (p. ex. un "
        "gouverneur républicain et un premier ministre libéral comptent pour deux partis).",
    ),
    "stock.cross_party_share": _tr(
        "{share} of the initiatives with recorded parties were signed across party lines.",
        "El {share} de las iniciativas con partidos registrados se firmaron entre partidos distintos.",
        "{share} des initiatives dont les partis sont consignés ont été signées par des partis différents.",
    ),
    "stock.col.party": _tr("Party", "Partido", "Parti"),
    "stock.party_title": _tr(
        "Initiatives with a leader from each party",
        "Iniciativas con un líder de cada partido",
        "Initiatives comptant un dirigeant de chaque parti",
    ),
    "stock.col.parties": _tr(
        "Leaders’ parties", "Partidos de los líderes", "Partis des dirigeants"
    ),
    "stock.col.cross": _tr("Cross-party", "Pluripartidista", "Transpartisane"),
    "stock.yes": _tr("yes", "sí", "oui"),
    "stock.no": _tr("no", "no", "non"),
    "stock.spread_title": _tr(
        "Leaders’ parties per initiative",
        "Partidos de los líderes por iniciativa",
        "Partis des dirigeants par initiative",
    ),
    # Party names as data values (i18n.label("stock.party", ...)): generic party names are
    # translated; proper names (PAN, MORENA, Parti Québécois, Saskatchewan Party...) have no key.
    "stock.party.Republican": _tr("Republican", "Republicano", "Républicain"),
    "stock.party.Democratic": _tr("Democratic", "Demócrata", "Démocrate"),
    "stock.party.Liberal": _tr("Liberal", "Liberal", "Libéral"),
    "stock.party.Progressive Conservative": _tr(
        "Progressive Conservative", "Conservador Progresista", "Progressiste-conservateur"
    ),
    "stock.party.BC Liberal": _tr("BC Liberal", "Liberal de C. B.", "Libéral de la C.-B."),
    "stock.party.BC NDP": _tr("BC NDP", "NPD de C. B.", "NPD de la C.-B."),
    "stock.party_note": _tr(
        "Only parties stated on the cited source pages are recorded; party names are as published.",
        "Solo se registran los partidos indicados en las páginas citadas; los nombres de los "
        "partidos son los publicados.",
        "Seuls les partis indiqués sur les pages citées sont consignés; les noms des partis "
        "sont ceux publiés.",
    ),
}
