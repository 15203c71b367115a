"""Strings of the Jobs and investment page (owner: E2)."""

STRINGS = {
    "jobs.title": {
        "en": "Jobs and investment",
        "es": "Empleo e inversión",
        "fr": "Emplois et investissement",
    },
    "jobs.intro": {
        "en": "Cited figures on jobs and investment tied to cross-border links, and foreign "
        "direct investment flowing into each Mexican state.",
        "es": "Cifras citadas sobre empleo e inversión ligados a los vínculos transfronterizos, "
        "e inversión extranjera directa recibida por cada estado de México.",
        "fr": "Chiffres cités sur les emplois et l’investissement liés aux relations "
        "transfrontalières, et investissement direct étranger reçu par chaque État mexicain.",
    },
    "jobs.facts_heading": {
        "en": "Key facts, with their sources",
        "es": "Datos clave, con sus fuentes",
        "fr": "Faits saillants et leurs sources",
    },
    "jobs.no_facts_place": {
        "en": "No cited facts about {place}; showing all cited facts.",
        "es": "No hay datos citados sobre {place}; se muestran todos los datos citados.",
        "fr": "Aucun fait cité sur {place}; affichage de tous les faits cités.",
    },
    "jobs.no_facts": {
        "en": "No cited jobs or investment facts are loaded.",
        "es": "No hay datos citados de empleo o inversión cargados.",
        "fr": "Aucun fait cité sur les emplois ou l’investissement n’est chargé.",
    },
    "jobs.qualifier.nearly": {
        "en": "nearly {value}",
        "es": "casi {value}",
        "fr": "près de {value}",
    },
    "jobs.qualifier.about": {
        "en": "about {value}",
        "es": "alrededor de {value}",
        "fr": "environ {value}",
    },
    "jobs.qualifier.over": {
        "en": "over {value}",
        "es": "más de {value}",
        "fr": "plus de {value}",
    },
    "jobs.unit.jobs": {"en": "jobs", "es": "empleos", "fr": "emplois"},
    "jobs.unit.trips": {"en": "trips", "es": "viajes", "fr": "voyages"},
    "jobs.unit.visitors": {"en": "visitors", "es": "visitantes", "fr": "visiteurs"},
    "jobs.col.fact": {"en": "Fact", "es": "Dato", "fr": "Fait"},
    "jobs.col.url": {"en": "Link", "es": "Enlace", "fr": "Lien"},
    "jobs.fdi_heading": {
        "en": "Foreign direct investment into Mexican states",
        "es": "Inversión extranjera directa en los estados de México",
        "fr": "Investissement direct étranger dans les États mexicains",
    },
    "jobs.fdi_note": {
        "en": "Secretaría de Economía, quarterly flows summed per year, US$ millions. All "
        "origin countries combined: the source publishes no breakdown by country of origin, so "
        "investment from the US or Canada cannot be isolated.",
        "es": "Secretaría de Economía, flujos trimestrales sumados por año, millones de "
        "dólares. Todos los países de origen juntos: la fuente no publica el desglose por país "
        "de origen, por lo que no se puede aislar la inversión de EE. UU. o Canadá.",
        "fr": "Secretaría de Economía, flux trimestriels additionnés par année, en millions de "
        "dollars américains. Tous pays d’origine confondus : la source ne publie aucune "
        "ventilation par pays d’origine, l’investissement américain ou canadien ne peut donc "
        "pas être isolé.",
    },
    "jobs.states": {
        "en": "Mexican states",
        "es": "Estados de México",
        "fr": "États mexicains",
    },
    "jobs.states_placeholder": {
        "en": "Choose one or more Mexican states",
        "es": "Elija uno o más estados de México",
        "fr": "Choisissez un ou plusieurs États mexicains",
    },
    "jobs.col.fdi": {
        "en": "FDI inflow (US$ M)",
        "es": "IED recibida (millones de US$)",
        "fr": "IDE reçu (M$ US)",
    },
    "jobs.col.quarters": {
        "en": "Quarters summed",
        "es": "Trimestres sumados",
        "fr": "Trimestres additionnés",
    },
    "jobs.fdi_series_title": {
        "en": "Foreign direct investment per year",
        "es": "Inversión extranjera directa por año",
        "fr": "Investissement direct étranger par année",
    },
    "jobs.fdi_empty_series": {
        "en": "Choose at least one Mexican state with investment data in the chosen years.",
        "es": "Elija al menos un estado de México con datos de inversión en los años elegidos.",
        "fr": "Choisissez au moins un État mexicain ayant des données d’investissement pour "
        "les années choisies.",
    },
    "jobs.year_outside": {
        "en": "Investment data cover {first}–{last}; {year} is outside that range.",
        "es": "Los datos de inversión cubren {first}–{last}; {year} está fuera de ese rango.",
        "fr": "Les données d’investissement couvrent {first}–{last}; {year} est hors de "
        "cette période.",
    },
    "jobs.chosen": {"en": "chosen", "es": "elegido", "fr": "choisi"},
    "jobs.fdi_rank_title": {
        "en": "Foreign direct investment by Mexican state, {year}",
        "es": "Inversión extranjera directa por estado de México, {year}",
        "fr": "Investissement direct étranger par État mexicain, {year}",
    },
    "jobs.fdi_empty_year": {
        "en": "No investment data for {year}.",
        "es": "No hay datos de inversión para {year}.",
        "fr": "Aucune donnée d’investissement pour {year}.",
    },
    "jobs.fdi_negative": {
        "en": "Negative values are net disinvestment in that year.",
        "es": "Los valores negativos son desinversión neta en ese año.",
        "fr": "Les valeurs négatives correspondent à un désinvestissement net cette année-là.",
    },
    "jobs.fdi_none": {
        "en": "No foreign direct investment data are loaded.",
        "es": "No hay datos de inversión extranjera directa cargados.",
        "fr": "Aucune donnée d’investissement direct étranger n’est chargée.",
    },
}
