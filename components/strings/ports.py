"""Strings of the Ports and crossings page (owner: E2)."""

STRINGS = {
    "ports.title": {
        "en": "Ports of entry and border crossings",
        "es": "Puertos de entrada y cruces fronterizos",
        "fr": "Points d’entrée et passages frontaliers",
    },
    "ports.intro": {
        "en": "Inbound crossings into the United States counted by CBP at each land port of entry "
        "(BTS Border Crossing Entry Data). Outbound crossings are not counted.",
        "es": "Cruces de entrada a Estados Unidos contados por la CBP en cada puerto terrestre "
        "(datos de cruces fronterizos del BTS). Los cruces de salida no se cuentan.",
        "fr": "Entrées aux États-Unis comptées par la CBP à chaque point d’entrée terrestre "
        "(données de passages frontaliers du BTS). Les sorties ne sont pas comptées.",
    },
    "ports.count": {"en": "Count", "es": "Conteo de", "fr": "Nombre de"},
    "ports.count_help": {
        "en": "People = personal vehicle passengers + bus passengers + train passengers + "
        "pedestrians. Road vehicles = personal vehicles + buses + trucks. The first option "
        "is the crossing measure chosen in the sidebar.",
        "es": "Personas = pasajeros de vehículos particulares + pasajeros de autobús + pasajeros "
        "de tren + peatones. Vehículos de carretera = vehículos particulares + autobuses + "
        "camiones. La primera opción es la medida elegida en la barra lateral.",
        "fr": "Personnes = passagers de véhicules personnels + passagers d’autobus + passagers "
        "de train + piétons. Véhicules routiers = véhicules personnels + autobus + camions. "
        "La première option est la mesure choisie dans la barre latérale.",
    },
    "ports.group.people": {
        "en": "People (all modes)",
        "es": "Personas (todos los medios)",
        "fr": "Personnes (tous modes)",
    },
    "ports.group.vehicles": {
        "en": "Road vehicles",
        "es": "Vehículos de carretera",
        "fr": "Véhicules routiers",
    },
    "ports.all_borders": {
        "en": "both borders",
        "es": "ambas fronteras",
        "fr": "les deux frontières",
    },
    "ports.map_title": {
        "en": "{measure} by port, {year} ({border})",
        "es": "{measure} por puerto, {year} ({border})",
        "fr": "{measure} par point d’entrée, {year} ({border})",
    },
    "ports.map_note": {
        "en": "Circle area is proportional to the count; grey = no data that year; an "
        "orange ring = a planned port (not yet open). Click a port to see its series below.",
        "es": "El área del círculo es proporcional al conteo; gris = sin datos ese año; un "
        "anillo naranja = puerto planeado (aún no abierto). Haga clic en un puerto para ver "
        "su serie abajo.",
        "fr": "L’aire du cercle est proportionnelle au nombre; gris = aucune donnée cette "
        "année; anneau orange = point d’entrée prévu (pas encore ouvert). Cliquez sur un "
        "point pour voir sa série ci-dessous.",
    },
    "ports.planned_note": {
        "en": "{name} ({state}) is a planned port of entry: it is not open yet, so it has no "
        "crossings. {source}",
        "es": "{name} ({state}) es un puerto de entrada planeado: aún no está abierto, por lo "
        "que no tiene cruces. {source}",
        "fr": "{name} ({state}) est un point d’entrée prévu : il n’est pas encore ouvert et "
        "n’a donc aucun passage. {source}",
    },
    # Port names that differ by language (i18n.port_name); CBP's names otherwise stay.
    "ports.name.Otay Mesa East": {
        "en": "Otay Mesa East",
        "es": "Otay Mesa Este",
        "fr": "Otay Mesa Est",
    },
    "ports.status.open": {"en": "open", "es": "abierto", "fr": "ouvert"},
    "ports.status.closed": {"en": "closed", "es": "cerrado", "fr": "fermé"},
    "ports.status.planned": {"en": "planned", "es": "planeado", "fr": "prévu"},
    "ports.rank_title": {
        "en": "Top ports — {measure}, {year} ({border})",
        "es": "Principales puertos — {measure}, {year} ({border})",
        "fr": "Principaux points d’entrée — {measure}, {year} ({border})",
    },
    "ports.empty_year": {
        "en": "No port has data for {year} in this selection ({measure}).",
        "es": "Ningún puerto tiene datos de {year} en esta selección ({measure}).",
        "fr": "Aucun point d’entrée n’a de données pour {year} dans cette sélection ({measure}).",
    },
    "ports.series_heading": {
        "en": "Crossings over time",
        "es": "Cruces a lo largo del tiempo",
        "fr": "Passages au fil du temps",
    },
    "ports.scope": {"en": "Show", "es": "Mostrar", "fr": "Afficher"},
    "ports.scope.port": {"en": "One port", "es": "Un puerto", "fr": "Un point d’entrée"},
    "ports.scope.state": {
        "en": "A US state",
        "es": "Un estado de EE. UU.",
        "fr": "Un État américain",
    },
    "ports.scope.border": {"en": "A border", "es": "Una frontera", "fr": "Une frontière"},
    "ports.scope.all": {"en": "All ports", "es": "Todos los puertos", "fr": "Tous les points"},
    "ports.port_placeholder": {
        "en": "Choose a port of entry",
        "es": "Elija un puerto de entrada",
        "fr": "Choisissez un point d’entrée",
    },
    "ports.state_placeholder": {
        "en": "Choose a US state with ports",
        "es": "Elija un estado de EE. UU. con puertos",
        "fr": "Choisissez un État américain ayant des points d’entrée",
    },
    "ports.border_hint": {
        "en": "Showing the US–Canada border; choose a border in the sidebar to change it.",
        "es": "Se muestra la frontera EE. UU.–Canadá; elija una frontera en la barra lateral "
        "para cambiarla.",
        "fr": "Frontière États-Unis–Canada affichée; choisissez une frontière dans la barre "
        "latérale pour la changer.",
    },
    "ports.choose_first": {
        "en": "Choose a port or a state above to see its series.",
        "es": "Elija un puerto o un estado arriba para ver su serie.",
        "fr": "Choisissez un point d’entrée ou un État ci-dessus pour voir sa série.",
    },
    "ports.yearly_title": {
        "en": "{measure} per year — {subject}",
        "es": "{measure} por año — {subject}",
        "fr": "{measure} par année — {subject}",
    },
    "ports.monthly_title": {
        "en": "{measure} per month — {subject}",
        "es": "{measure} por mes — {subject}",
        "fr": "{measure} par mois — {subject}",
    },
    "ports.empty_series": {
        "en": "No {measure} reported for {subject} in the chosen years.",
        "es": "No se reportaron {measure} para {subject} en los años elegidos.",
        "fr": "Aucune donnée {measure} pour {subject} pendant les années choisies.",
    },
    "ports.partial_years": {
        "en": "Some years have fewer than 12 reported months (see “Months reported”): their "
        "totals cover only the published months, e.g. a latest year still in progress.",
        "es": "Algunos años tienen menos de 12 meses reportados (ver «Meses reportados»): sus "
        "totales cubren solo los meses publicados, p. ej. un último año aún en curso.",
        "fr": "Certaines années comptent moins de 12 mois déclarés (voir « Mois déclarés ») : "
        "leurs totaux ne couvrent que les mois publiés, p. ex. une dernière année en cours.",
    },
    "ports.no_monthly": {
        "en": "Monthly figures are not in the loaded data; annual totals come from the "
        "reference data shipped with Borderlinks.",
        "es": "Las cifras mensuales no están en los datos cargados; los totales anuales "
        "provienen de los datos de referencia incluidos en Borderlinks.",
        "fr": "Les chiffres mensuels ne sont pas dans les données chargées; les totaux annuels "
        "proviennent des données de référence fournies avec Borderlinks.",
    },
    "ports.col.ports": {"en": "Ports", "es": "Puertos", "fr": "Points d’entrée"},
    "ports.col.month": {"en": "Month", "es": "Mes", "fr": "Mois"},
}
