"""Strings of the place profile page (owner: E1)."""

STRINGS = {
    "place.title": {"en": "Place profile", "es": "Perfil del lugar", "fr": "Profil du lieu"},
    "place.choose": {
        "en": "Choose a state or province in the sidebar to see its profile.",
        "es": "Elija un estado o provincia en la barra lateral para ver su perfil.",
        "fr": "Choisissez un État ou une province dans la barre latérale pour voir son profil.",
    },
    "place.kind.state": {"en": "State", "es": "Estado", "fr": "État"},
    "place.kind.province": {"en": "Province", "es": "Provincia", "fr": "Province"},
    "place.kind.territory": {"en": "Territory", "es": "Territorio", "fr": "Territoire"},
    "place.kind.district": {"en": "District", "es": "Distrito", "fr": "District"},
    "place.border_place": {
        "en": "on the {border} border",
        "es": "en la frontera {border}",
        "fr": "à la frontière {border}",
    },
    "place.key_figures": {"en": "Key figures", "es": "Cifras clave", "fr": "Chiffres clés"},
    "place.fig_trade_ca": {
        "en": "Trade with Canada, {year}",
        "es": "Comercio con Canadá, {year}",
        "fr": "Commerce avec le Canada, {year}",
    },
    "place.fig_trade_mx": {
        "en": "Trade with Mexico, {year}",
        "es": "Comercio con México, {year}",
        "fr": "Commerce avec le Mexique, {year}",
    },
    "place.fig_us_exports": {
        "en": "US exports to it, {year}",
        "es": "Exportaciones de EE. UU. hacia el estado, {year}",
        "fr": "Exportations américaines vers cet État, {year}",
    },
    "place.fig_crossings": {
        "en": "{measure} into the US, {year}",
        "es": "{measure} hacia EE. UU., {year}",
        "fr": "{measure} vers les É.-U., {year}",
    },
    # The long part of the crossings tile's label: a short label fits a third of the page.
    "place.fig_crossings_help": {
        "en": "Counted as they enter the US at this state's ports of entry.",
        "es": "Contados al entrar a EE. UU. por los puertos de entrada de este estado.",
        "fr": "Comptés à leur entrée aux États-Unis par les points d’entrée de cet État.",
    },
    "place.fig_fdi": {
        "en": "FDI inflow, {year}",
        "es": "Flujo de IED, {year}",
        "fr": "Flux d’IDE, {year}",
    },
    "place.fig_initiatives": {
        "en": "Cross-border initiatives",
        "es": "Iniciativas transfronterizas",
        "fr": "Initiatives transfrontalières",
    },
    # Short: a metric tile cuts its label at about 46 characters (the years came last).
    "place.fig_od_total": {
        "en": "Trade with US states, {first}–{last} (cumulative)",
        "es": "Comercio con EE. UU., {first}–{last} (acumulado)",
        "fr": "Commerce avec les É.-U., {first}–{last} (cumulé)",
    },
    "place.fig_od_total_help": {
        "en": "Trade with US states through US ports of entry, both directions, summed over "
        "the years published (TransBorder).",
        "es": "Comercio con estados de EE. UU. por puertos de entrada de EE. UU., en ambos "
        "sentidos, sumado en los años publicados (TransBorder).",
        "fr": "Commerce avec les États américains par les points d’entrée américains, dans les "
        "deux sens, cumulé sur les années publiées (TransBorder).",
    },
    "place.latest_note": {
        "en": "Figures are for {year} or the latest earlier year with data.",
        "es": "Las cifras son de {year} o del último año anterior con datos.",
        "fr": "Les chiffres portent sur {year} ou la dernière année antérieure disponible.",
    },
    "place.facts": {"en": "Cited facts", "es": "Datos citados", "fr": "Faits cités"},
    "place.trade_chart": {
        "en": "Trade over time (USD)",
        "es": "Comercio a lo largo del tiempo (USD)",
        "fr": "Commerce dans le temps (USD)",
    },
    "place.series": {"en": "Series", "es": "Serie", "fr": "Série"},
    "place.series_name": {
        "en": "{flow} – {partner}",
        "es": "{flow} – {partner}",
        "fr": "{flow} – {partner}",
    },
    "place.series_mx_state": {
        "en": "US exports to this state",
        "es": "Exportaciones de EE. UU. a este estado",
        "fr": "Exportations américaines vers cet État",
    },
    "place.no_trade_series": {
        "en": "TransBorder publishes no yearly trade by Canadian province; see its US partners below.",
        "es": "TransBorder no publica comercio anual por provincia canadiense; vea sus socios de EE. UU. abajo.",
        "fr": "TransBorder ne publie pas de commerce annuel par province canadienne ; voir ses partenaires américains ci-dessous.",
    },
    "place.ports": {
        "en": "Its ports of entry",
        "es": "Sus puertos de entrada",
        "fr": "Ses points d’entrée",
    },
    "place.no_ports": {
        "en": "Ports of entry are listed for US states only (BTS counts entries into the US).",
        "es": "Los puertos de entrada se listan solo para estados de EE. UU. (BTS cuenta entradas a EE. UU.).",
        "fr": "Les points d’entrée ne sont listés que pour les États américains (le BTS compte les entrées aux É.-U.).",
    },
    "place.partners": {
        "en": "Top partners across the border",
        "es": "Principales socios al otro lado de la frontera",
        "fr": "Principaux partenaires de l’autre côté de la frontière",
    },
    "place.partners_note": {
        "en": "State ↔ province trade through US ports, both directions, summed over {first}–{last}.",
        "es": "Comercio estado ↔ provincia por puertos de EE. UU., ambos sentidos, suma de {first}–{last}.",
        "fr": "Commerce État ↔ province par les points d’entrée américains, deux sens, cumulé {first}–{last}.",
    },
    "place.partners_mx": {
        "en": "Not available for Mexican states: TransBorder records the Mexican state only for US "
        "exports and does not publish which US state they come from.",
        "es": "No disponible para estados de México: TransBorder registra el estado mexicano solo "
        "para exportaciones de EE. UU. y no publica de qué estado de EE. UU. provienen.",
        "fr": "Non disponible pour les États mexicains : TransBorder n’indique l’État mexicain que "
        "pour les exportations américaines, sans publier l’État américain d’origine.",
    },
    "place.partners_us_mx": {
        "en": "Trade with Mexico by Mexican state is not published for US states (only totals).",
        "es": "El comercio con México por estado mexicano no se publica para estados de EE. UU. (solo totales).",
        "fr": "Le commerce avec le Mexique par État mexicain n’est pas publié pour les États américains (totaux seulement).",
    },
    "place.initiatives": {
        "en": "Its cross-border initiatives",
        "es": "Sus iniciativas transfronterizas",
        "fr": "Ses initiatives transfrontalières",
    },
    "place.no_initiatives": {
        "en": "No recorded cross-border initiative names this place.",
        "es": "Ninguna iniciativa transfronteriza registrada menciona este lugar.",
        "fr": "Aucune initiative transfrontalière enregistrée ne nomme ce lieu.",
    },
    "place.map": {
        "en": "The place and its neighbours across the border",
        "es": "El lugar y sus vecinos al otro lado de la frontera",
        "fr": "Le lieu et ses voisins de l’autre côté de la frontière",
    },
    "place.neighbours": {
        "en": "Neighbours across the border",
        "es": "Vecinos al otro lado de la frontera",
        "fr": "Voisins de l’autre côté de la frontière",
    },
    "place.other_places": {"en": "Other places", "es": "Otros lugares", "fr": "Autres lieux"},
    "place.map_legend": {
        "en": "Outlined: {name} and its neighbours across the border",
        "es": "Contorno: {name} y sus vecinos al otro lado de la frontera",
        "fr": "Contour : {name} et ses voisins de l’autre côté de la frontière",
    },
    "place.all_sources": {
        "en": "All sources on this page",
        "es": "Todas las fuentes de esta página",
        "fr": "Toutes les sources de cette page",
    },
    "place.col_initiative": {"en": "Initiative", "es": "Iniciativa", "fr": "Initiative"},
    "place.col_partners": {
        "en": "Other parties",
        "es": "Otras partes",
        "fr": "Autres parties",
    },
    "place.col_summary": {"en": "Summary", "es": "Resumen", "fr": "Résumé"},
    "place.col_link": {
        "en": "Source link",
        "es": "Enlace a la fuente",
        "fr": "Lien vers la source",
    },
    "place.col_fact": {"en": "Fact", "es": "Dato", "fr": "Fait"},
    "place.col_unit": {"en": "Unit", "es": "Unidad", "fr": "Unité"},
    "place.col_value_usd": {
        "en": "Value (USD)",
        "es": "Valor (USD)",
        "fr": "Valeur (USD)",
    },
    "place.col_crossings": {
        "en": "{measure}, {year}",
        "es": "{measure}, {year}",
        "fr": "{measure}, {year}",
    },
    "place.col_publisher": {"en": "Publisher", "es": "Editor", "fr": "Éditeur"},
    "place.col_title": {"en": "Title", "es": "Título", "fr": "Titre"},
    "place.col_as_of": {"en": "As of", "es": "Fecha de corte", "fr": "À jour au"},
    "place.pdf_spot": {"en": "Brief", "es": "Ficha", "fr": "Fiche"},
    "place.status.active": {"en": "active", "es": "vigente", "fr": "en vigueur"},
    "place.status.ended": {"en": "ended", "es": "concluida", "fr": "terminée"},
    "place.status.planned": {"en": "planned", "es": "prevista", "fr": "prévue"},
}
