"""Strings of the Initiatives inventory page (owner: E2)."""


def _tr(en: str, es: str, fr: str) -> dict[str, str]:
    return {"en": en, "es": es, "fr": fr}


STRINGS = {
    "initiatives.title": _tr(
        "Cross-border initiatives", "Iniciativas transfronterizas", "Initiatives transfrontalières"
    ),
    "initiatives.intro": _tr(
        "Agreements, commissions, programs, declarations, summits and infrastructure that "
        "governors, premiers and mayors set up across the border. Each record cites the public "
        "page it was checked against.",
        "Acuerdos, comisiones, programas, declaraciones, cumbres e infraestructura que "
        "gobernadores, primeros ministros provinciales y alcaldes establecieron a través de la "
        "frontera. Cada registro cita la página pública con la que se verificó.",
        "Ententes, commissions, programmes, déclarations, sommets et infrastructures que "
        "gouverneurs, premiers ministres provinciaux et maires ont créés de part et d’autre de "
        "la frontière. Chaque fiche cite la page publique qui a servi à la vérifier.",
    ),
    "initiatives.sector": _tr("Sector", "Sector", "Secteur"),
    "initiatives.years": _tr("Year started", "Año de inicio", "Année de début"),
    "initiatives.sidebar_filters": _tr(
        "Also filtered by the sidebar: {filters}.",
        "También filtrado por la barra lateral: {filters}.",
        "Également filtré par la barre latérale : {filters}.",
    ),
    "initiatives.count": _tr(
        "**{n}** initiatives match.",
        "**{n}** iniciativas coinciden.",
        "**{n}** initiatives correspondent.",
    ),
    "initiatives.between": _tr("Between", "Entre", "Entre"),
    "initiatives.party": _tr("Party", "Parte", "Partie"),
    "initiatives.from": _tr("Party A", "Parte A", "Partie A"),
    "initiatives.to": _tr("Party B", "Parte B", "Partie B"),
    "initiatives.map_title": _tr(
        "Who is linked to whom", "Quién está vinculado con quién", "Qui est lié à qui"
    ),
    "initiatives.map_note": _tr(
        "Each arc joins two parties of one initiative; a dot marks an initiative with a single "
        "listed party. Hover for the initiative’s name.",
        "Cada arco une dos partes de una iniciativa; un punto marca una iniciativa con una sola "
        "parte registrada. Pase el cursor para ver el nombre.",
        "Chaque arc relie deux parties d’une initiative; un point marque une initiative à une "
        "seule partie inscrite. Survolez pour voir son nom.",
    ),
    "initiatives.empty": _tr(
        "No initiative matches these filters.",
        "Ninguna iniciativa coincide con estos filtros.",
        "Aucune initiative ne correspond à ces filtres.",
    ),
    "initiatives.table_title": _tr("Inventory", "Inventario", "Inventaire"),
    "initiatives.parties": _tr("Parties", "Partes", "Parties"),
    "initiatives.source_link": _tr("Source page", "Página de la fuente", "Page source"),
    "initiatives.record_heading": _tr("One initiative", "Una iniciativa", "Une initiative"),
    "initiatives.choose": _tr("Show the record of", "Mostrar la ficha de", "Afficher la fiche de"),
    "initiatives.choose_placeholder": _tr(
        "Choose an initiative", "Elija una iniciativa", "Choisissez une initiative"
    ),
    "initiatives.leaders": _tr("Leaders (party)", "Líderes (partido)", "Dirigeants (parti)"),
    "initiatives.party_unknown": _tr(
        "party not recorded", "partido no registrado", "parti non consigné"
    ),
    # Kinds, statuses, sectors and common party roles as stored.
    "initiatives.kind.agreement": _tr("Agreement", "Acuerdo", "Entente"),
    "initiatives.kind.commission": _tr("Commission", "Comisión", "Commission"),
    "initiatives.kind.program": _tr("Program", "Programa", "Programme"),
    "initiatives.kind.declaration": _tr("Declaration", "Declaración", "Déclaration"),
    "initiatives.kind.summit": _tr("Summit", "Cumbre", "Sommet"),
    "initiatives.kind.infrastructure": _tr("Infrastructure", "Infraestructura", "Infrastructure"),
    "initiatives.status.active": _tr("Active", "Activa", "Active"),
    "initiatives.status.ended": _tr("Ended", "Concluida", "Terminée"),
    "initiatives.status.planned": _tr("Planned", "Planeada", "Prévue"),
    "initiatives.sector.trade": _tr("Trade", "Comercio", "Commerce"),
    "initiatives.sector.environment": _tr("Environment", "Medio ambiente", "Environnement"),
    "initiatives.sector.transportation": _tr("Transportation", "Transporte", "Transport"),
    "initiatives.sector.border-crossing": _tr(
        "Border crossing", "Cruce fronterizo", "Passage frontalier"
    ),
    "initiatives.sector.energy": _tr("Energy", "Energía", "Énergie"),
    "initiatives.sector.tourism": _tr("Tourism", "Turismo", "Tourisme"),
    "initiatives.sector.security": _tr("Security", "Seguridad", "Sécurité"),
    "initiatives.sector.infrastructure": _tr("Infrastructure", "Infraestructura", "Infrastructure"),
    "initiatives.sector.agriculture": _tr("Agriculture", "Agricultura", "Agriculture"),
    "initiatives.sector.water": _tr("Water", "Agua", "Eau"),
    "initiatives.sector.education": _tr("Education", "Educación", "Éducation"),
    "initiatives.sector.investment": _tr("Investment", "Inversión", "Investissement"),
    "initiatives.sector.innovation": _tr("Innovation", "Innovación", "Innovation"),
    "initiatives.sector.manufacturing": _tr("Manufacturing", "Manufactura", "Fabrication"),
    "initiatives.sector.health": _tr("Health", "Salud", "Santé"),
    "initiatives.sector.culture": _tr("Culture", "Cultura", "Culture"),
    "initiatives.sector.workforce": _tr("Workforce", "Fuerza laboral", "Main-d’œuvre"),
    "initiatives.role.signatory": _tr("signatory", "firmante", "signataire"),
    "initiatives.role.member": _tr("member", "miembro", "membre"),
    "initiatives.role.host": _tr("host", "anfitrión", "hôte"),
    "initiatives.role.partner": _tr("partner", "socio", "partenaire"),
    "initiatives.role.participant": _tr("participant", "participante", "participant"),
}
