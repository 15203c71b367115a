"""Strings shared by the frame, sidebar, charts and tables (owner: E1)."""

STRINGS = {
    "common.app_title": {"en": "Borderlinks", "es": "Borderlinks", "fr": "Borderlinks"},
    "common.app_tagline": {
        "en": "US–Canada–Mexico subnational economic ties",
        "es": "Vínculos económicos subnacionales entre EE. UU., Canadá y México",
        "fr": "Liens économiques infranationaux États-Unis–Canada–Mexique",
    },
    # Navigation (keyed by page file stem).
    "nav.overview_map": {"en": "Overview map", "es": "Mapa general", "fr": "Carte d’ensemble"},
    "nav.place_profile": {"en": "Place profile", "es": "Perfil del lugar", "fr": "Profil du lieu"},
    "nav.ports_crossings": {
        "en": "Ports and crossings",
        "es": "Puertos y cruces",
        "fr": "Points d’entrée et passages",
    },
    "nav.trade_flows": {
        "en": "Trade flows",
        "es": "Flujos comerciales",
        "fr": "Flux commerciaux",
    },
    "nav.jobs_investment": {
        "en": "Jobs and investment",
        "es": "Empleo e inversión",
        "fr": "Emplois et investissement",
    },
    "nav.initiatives": {"en": "Initiatives", "es": "Iniciativas", "fr": "Initiatives"},
    "nav.stocktaking": {"en": "Stocktaking", "es": "Balance", "fr": "Bilan"},
    "nav.presenter": {"en": "Presenter", "es": "Presentación", "fr": "Présentation"},
    "nav.data_sources": {
        "en": "Data and sources",
        "es": "Datos y fuentes",
        "fr": "Données et sources",
    },
    # Store check.
    "common.building_store": {
        "en": "Building the data store from the committed data (first run only)…",
        "es": "Creando el almacén de datos a partir de los datos incluidos (solo la primera vez)…",
        "fr": "Construction de la base de données à partir des données fournies (première fois seulement)…",
    },
    "common.store_failed": {
        "en": "The data store could not be built: {error}",
        "es": "No se pudo crear el almacén de datos: {error}",
        "fr": "La base de données n’a pas pu être construite : {error}",
    },
    "common.range_outside": {
        "en": "The chosen years ({lo}–{hi}) hold none of these data, which cover {first}–{last}.",
        "es": "Los años elegidos ({lo}–{hi}) no contienen estos datos, que cubren {first}–{last}.",
        "fr": "Les années choisies ({lo}–{hi}) ne contiennent aucune de ces données, qui couvrent "
        "{first}–{last}.",
    },
    "common.range_cut": {
        "en": "Showing {lo}–{hi} (the chosen years); the data cover {first}–{last}.",
        "es": "Se muestra {lo}–{hi} (los años elegidos); los datos cubren {first}–{last}.",
        "fr": "Affichage de {lo}–{hi} (les années choisies) ; les données couvrent {first}–{last}.",
    },
    "common.range_show_all": {
        "en": "Show {first}–{last}",
        "es": "Mostrar {first}–{last}",
        "fr": "Afficher {first}–{last}",
    },
    "common.note_invalid_param": {
        "en": "The link asked for {param} = `{value}`, which is not available; showing `{default}` instead.",
        "es": "El enlace pedía {param} = `{value}`, que no está disponible; se muestra `{default}`.",
        "fr": "Le lien demandait {param} = `{value}`, qui n’est pas disponible ; affichage de `{default}`.",
    },
    # Sidebar.
    "sidebar.language": {"en": "Language", "es": "Idioma", "fr": "Langue"},
    "sidebar.border": {"en": "Border", "es": "Frontera", "fr": "Frontière"},
    "sidebar.place": {
        "en": "State or province",
        "es": "Estado o provincia",
        "fr": "État ou province",
    },
    "sidebar.place_placeholder": {
        "en": "State or province…",
        "es": "Estado o provincia…",
        "fr": "État ou province…",
    },
    "sidebar.sector": {
        "en": "Sector (HS chapter)",
        "es": "Sector (capítulo del SA)",
        "fr": "Secteur (chapitre du SH)",
    },
    "sidebar.sector_placeholder": {
        "en": "All sectors",
        "es": "Todos los sectores",
        "fr": "Tous les secteurs",
    },
    "sidebar.mode": {"en": "Transport mode", "es": "Modo de transporte", "fr": "Mode de transport"},
    "sidebar.years": {"en": "Years", "es": "Años", "fr": "Années"},
    "sidebar.measure": {
        "en": "Crossing measure",
        "es": "Medida de cruces",
        "fr": "Mesure des passages",
    },
    "sidebar.filters": {"en": "Filters", "es": "Filtros", "fr": "Filtres"},
    "sidebar.not_used": {
        "en": "Not used on this page.",
        "es": "No se usa en esta página.",
        "fr": "Non utilisé sur cette page.",
    },
    "sidebar.hs_chapter": {
        "en": "Chapter {code}",
        "es": "Capítulo {code}",
        "fr": "Chapitre {code}",
    },
    "common.all": {"en": "All", "es": "Todos", "fr": "Tous"},
    "common.select_placeholder": {
        "en": "Choose an option",
        "es": "Elija una opción",
        "fr": "Choisissez une option",
    },
    "border.US-Canada": {
        "en": "US–Canada",
        "es": "EE. UU.–Canadá",
        "fr": "États-Unis–Canada",
    },
    "border.US-Mexico": {
        "en": "US–Mexico",
        "es": "EE. UU.–México",
        "fr": "États-Unis–Mexique",
    },
    "border.trilateral": {"en": "Trilateral", "es": "Trilateral", "fr": "Trilatéral"},
    "country.US": {"en": "United States", "es": "Estados Unidos", "fr": "États-Unis"},
    "country.CA": {"en": "Canada", "es": "Canadá", "fr": "Canada"},
    "country.MX": {"en": "Mexico", "es": "México", "fr": "Mexique"},
    # TransBorder modes as stored.
    "mode.Truck": {"en": "Truck", "es": "Camión", "fr": "Camion"},
    "mode.Rail": {"en": "Rail", "es": "Ferrocarril", "fr": "Rail"},
    "mode.Pipeline": {"en": "Pipeline", "es": "Ducto", "fr": "Pipeline"},
    "mode.Air": {"en": "Air", "es": "Aéreo", "fr": "Aérien"},
    "mode.Vessel": {"en": "Vessel", "es": "Marítimo", "fr": "Maritime"},
    "mode.Mail": {"en": "Mail", "es": "Correo", "fr": "Courrier"},
    "mode.Other": {"en": "Other/unknown", "es": "Otro/desconocido", "fr": "Autre/inconnu"},
    "mode.FTZ": {
        "en": "Foreign trade zones",
        "es": "Zonas francas",
        "fr": "Zones franches",
    },
    "flow.export": {
        "en": "US exports",
        "es": "Exportaciones de EE. UU.",
        "fr": "Exportations des É.-U.",
    },
    "flow.import": {
        "en": "US imports",
        "es": "Importaciones de EE. UU.",
        "fr": "Importations des É.-U.",
    },
    # Charts and tables (components/ui.py).
    "ui.source": {"en": "Source", "es": "Fuente", "fr": "Source"},
    # Our own compilations are named in the reader's language (published sources are not).
    "source.publisher.Borderlinks (compiled from the cited sources)": {
        "en": "Borderlinks (compiled from the cited sources)",
        "es": "Borderlinks (compilado a partir de las fuentes citadas)",
        "fr": "Borderlinks (compilé à partir des sources citées)",
    },
    "source.title.borderlinks-inventory": {
        "en": "Inventory of subnational cross-border initiatives",
        "es": "Inventario de iniciativas transfronterizas subnacionales",
        "fr": "Inventaire des initiatives transfrontalières infranationales",
    },
    "source.title.borderlinks-facts": {
        "en": "Figures on subnational cross-border ties",
        "es": "Cifras sobre los vínculos transfronterizos subnacionales",
        "fr": "Chiffres sur les liens transfrontaliers infranationaux",
    },
    "ui.sources": {"en": "Sources", "es": "Fuentes", "fr": "Sources"},
    "ui.as_of": {"en": "as of {date}", "es": "al {date}", "fr": "au {date}"},
    "ui.no_source": {
        "en": "Source: not recorded for this view.",
        "es": "Fuente: no registrada para esta vista.",
        "fr": "Source : non consignée pour cette vue.",
    },
    "ui.download_csv": {
        "en": "Download CSV",
        "es": "Descargar CSV",
        "fr": "Télécharger le CSV",
    },
    "ui.data_table": {"en": "Data table", "es": "Tabla de datos", "fr": "Tableau de données"},
    "ui.empty": {
        "en": "No data for this selection. Try another year, place or filter.",
        "es": "No hay datos para esta selección. Pruebe con otro año, lugar o filtro.",
        "fr": "Aucune donnée pour cette sélection. Essayez une autre année, un autre lieu ou un autre filtre.",
    },
    "ui.no_data": {"en": "no data", "es": "sin datos", "fr": "aucune donnée"},
    "ui.legend": {"en": "Legend", "es": "Leyenda", "fr": "Légende"},
    # A source that publishes no as-of date (a gazetteer, a project page).
    "ui.no_date": {
        "en": "no date published",
        "es": "sin fecha publicada",
        "fr": "aucune date publiée",
    },
    # Money axes of charts: the scale in words, never Plotly's 'B'/'G' (components/ui.py).
    "unit.usd": {"en": "US$", "es": "US$", "fr": "$ US"},
    "unit.usd_k": {"en": "thousands of US$", "es": "miles de US$", "fr": "milliers de $ US"},
    "unit.usd_m": {"en": "millions of US$", "es": "millones de US$", "fr": "millions de $ US"},
    "unit.usd_bn": {
        "en": "billions of US$",
        "es": "miles de millones de US$",
        "fr": "milliards de $ US",
    },
    # Indicators (map shading).
    "indicator.trade_ca": {
        "en": "Trade with Canada (USD)",
        "es": "Comercio con Canadá (USD)",
        "fr": "Commerce avec le Canada (USD)",
    },
    "indicator.trade_mx": {
        "en": "Trade with Mexico (USD)",
        "es": "Comercio con México (USD)",
        "fr": "Commerce avec le Mexique (USD)",
    },
    "indicator.crossings": {
        "en": "Inbound crossings at ports of entry",
        "es": "Cruces de entrada en los puertos",
        "fr": "Entrées aux points de passage",
    },
    "indicator.initiatives": {
        "en": "Number of cross-border initiatives",
        "es": "Número de iniciativas transfronterizas",
        "fr": "Nombre d’initiatives transfrontalières",
    },
    "indicator.fdi": {
        "en": "Foreign direct investment (Mexican states, USD)",
        "es": "Inversión extranjera directa (estados de México, USD)",
        "fr": "Investissement direct étranger (États mexicains, USD)",
    },
    # Column headers used by several tables.
    "col.place": {"en": "Place", "es": "Lugar", "fr": "Lieu"},
    "col.country": {"en": "Country", "es": "País", "fr": "Pays"},
    "col.value": {"en": "Value", "es": "Valor", "fr": "Valeur"},
    "col.year": {"en": "Year", "es": "Año", "fr": "Année"},
    "col.port": {"en": "Port of entry", "es": "Puerto de entrada", "fr": "Point d’entrée"},
    "col.port_code": {"en": "Port code", "es": "Código de puerto", "fr": "Code du point"},
    "col.state": {"en": "State", "es": "Estado", "fr": "État"},
    "col.border": {"en": "Border", "es": "Frontera", "fr": "Frontière"},
    "col.source": {"en": "Source", "es": "Fuente", "fr": "Source"},
    "col.source_id": {"en": "Source id", "es": "Id. de fuente", "fr": "Id. de la source"},
    "col.months": {"en": "Months reported", "es": "Meses reportados", "fr": "Mois déclarés"},
    "col.partner": {"en": "Partner", "es": "Socio", "fr": "Partenaire"},
    "col.exports": {
        "en": "US exports (USD)",
        "es": "Exportaciones de EE. UU. (USD)",
        "fr": "Exportations des É.-U. (USD)",
    },
    "col.imports": {
        "en": "US imports (USD)",
        "es": "Importaciones de EE. UU. (USD)",
        "fr": "Importations des É.-U. (USD)",
    },
    "col.name": {"en": "Name", "es": "Nombre", "fr": "Nom"},
    "col.status": {"en": "Status", "es": "Estado", "fr": "Statut"},
    "col.kind": {"en": "Kind", "es": "Tipo", "fr": "Type"},
    "col.period": {"en": "Period", "es": "Periodo", "fr": "Période"},
    # BTS crossing measures (stored names).
    "measure.Bus Passengers": {
        "en": "Bus passengers",
        "es": "Pasajeros de autobús",
        "fr": "Passagers d’autobus",
    },
    "measure.Buses": {"en": "Buses", "es": "Autobuses", "fr": "Autobus"},
    "measure.Pedestrians": {"en": "Pedestrians", "es": "Peatones", "fr": "Piétons"},
    "measure.Personal Vehicle Passengers": {
        "en": "Personal vehicle passengers",
        "es": "Pasajeros de vehículos particulares",
        "fr": "Passagers de véhicules particuliers",
    },
    "measure.Personal Vehicles": {
        "en": "Personal vehicles",
        "es": "Vehículos particulares",
        "fr": "Véhicules particuliers",
    },
    "measure.Rail Containers Empty": {
        "en": "Rail containers (empty)",
        "es": "Contenedores ferroviarios (vacíos)",
        "fr": "Conteneurs ferroviaires (vides)",
    },
    "measure.Rail Containers Loaded": {
        "en": "Rail containers (loaded)",
        "es": "Contenedores ferroviarios (cargados)",
        "fr": "Conteneurs ferroviaires (chargés)",
    },
    "measure.Train Passengers": {
        "en": "Train passengers",
        "es": "Pasajeros de tren",
        "fr": "Passagers de train",
    },
    "measure.Trains": {"en": "Trains", "es": "Trenes", "fr": "Trains"},
    "measure.Truck Containers Empty": {
        "en": "Truck containers (empty)",
        "es": "Contenedores de camión (vacíos)",
        "fr": "Conteneurs de camion (vides)",
    },
    "measure.Truck Containers Loaded": {
        "en": "Truck containers (loaded)",
        "es": "Contenedores de camión (cargados)",
        "fr": "Conteneurs de camion (chargés)",
    },
    "measure.Trucks": {"en": "Trucks", "es": "Camiones", "fr": "Camions"},
}
