"""The text of the demo's reports and guides: a few pages that read like a directorate's
publication (context, actions, figures, outlook), around the publication's own title and
summary."""


def report_sections(title: str, summary: str, year: int) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) pairs for ``pages.demo.files.report_pdf``."""
    return [
        ("Avant-propos", [
            f"{summary} Cette publication de la direction régionale des affaires culturelles "
            f"rend compte de l’action conduite en {year} avec les collectivités, les "
            "associations, les établissements culturels et les services de l’État. Elle "
            "s’adresse aux élus, aux porteurs de projets et à tous ceux qui font vivre la "
            "culture dans les territoires.",
            "La direction régionale met en œuvre, sous l’autorité du préfet de région, la "
            "politique culturelle du ministère : connaissance, protection et valorisation des "
            "patrimoines, soutien à la création et à la diffusion, développement de "
            "l’éducation artistique et culturelle, économie du livre et des industries "
            "culturelles. Ses conseillers sectoriels accompagnent chaque projet, de l’idée "
            "à sa réalisation.",
        ]),
        ("1. Le contexte", [
            "La région compte plus de trois mille monuments protégés au titre des monuments "
            "historiques, une centaine de musées de France, des services d’archives dans "
            "chaque département et un réseau dense de lieux de création et de diffusion. "
            "Cette richesse appelle un travail patient d’inventaire, d’entretien et de "
            "transmission, que la direction partage avec les propriétaires publics et privés.",
            "Les attentes du public évoluent : les visiteurs veulent comprendre ce qu’ils "
            "voient, participer, revenir en famille. Les lieux patrimoniaux deviennent aussi "
            "des lieux de pratique artistique, de rencontre et de débat. Les territoires "
            "ruraux, plus éloignés de l’offre culturelle, font l’objet d’une attention "
            "particulière.",
            "Les moyens mobilisés en région associent les crédits déconcentrés du ministère, "
            "les fonds des collectivités territoriales et, pour les grands chantiers, le "
            "mécénat d’entreprises et de particuliers. La coordination de ces financements "
            "est l’une des missions quotidiennes des services.",
        ]),
        ("2. Les actions menées", [
            "Sur les chantiers de restauration, les architectes et les ingénieurs de la "
            "conservation régionale des monuments historiques ont suivi une soixantaine "
            "d’opérations : couvertures, maçonneries, vitraux, décors peints et objets "
            "mobiliers. Chaque chantier a donné lieu à des visites pour les habitants et les "
            "scolaires, afin de faire connaître les métiers d’art qui y travaillent.",
            "Le soutien à la création s’est traduit par l’accompagnement des compagnies, "
            "des ensembles musicaux et des artistes plasticiens, par des résidences dans les "
            "établissements scolaires et par l’aide aux festivals qui irriguent la région "
            "pendant l’été. Les équipes artistiques ont été invitées à aller à la rencontre "
            "des publics qui fréquentent peu les salles.",
            "En matière d’éducation artistique et culturelle, l’objectif est que chaque "
            "jeune bénéficie d’un parcours cohérent tout au long de sa scolarité. Des "
            "conventions avec les collectivités ont permis de construire ces parcours avec "
            "les enseignants, les artistes et les structures culturelles de proximité.",
        ]),
        ("3. Les chiffres clés", [
            "Plus de huit cents lieux ont ouvert leurs portes lors des Journées européennes "
            "du patrimoine, dont un quart pour la première fois. Les musées de France de la "
            "région ont accueilli près de deux millions de visiteurs. Quatre cent cinquante "
            "classes ont participé à un projet d’éducation artistique accompagné par la "
            "direction.",
            "Les services ont instruit plus de deux mille dossiers d’urbanisme dans les "
            "abords des monuments historiques et les sites patrimoniaux remarquables, "
            "rendu plus de quatre cents arrêtés de prescription d’archéologie préventive et "
            "attribué près de trois cents subventions aux acteurs culturels.",
            "Ces chiffres ne disent pas tout : derrière chaque dossier, il y a un élu, une "
            "association, un artiste ou un propriétaire que les agents ont reçu, conseillé et "
            "accompagné. La qualité de ce dialogue reste la première force du service public "
            "de la culture en région.",
        ]),
        ("4. Perspectives", [
            "Les priorités des prochaines années sont connues : adapter le patrimoine au "
            "changement climatique, poursuivre l’effort en faveur des territoires ruraux et "
            "des quartiers prioritaires, accompagner la transition numérique des lieux "
            "culturels et renforcer la place des jeunes dans la vie culturelle.",
            "La direction continuera d’associer les collectivités à ces choix, dans le cadre "
            "des conférences territoriales et des contrats de territoire. Les porteurs de "
            "projets sont invités à prendre contact avec les conseillers le plus en amont "
            "possible : un projet bien préparé est un projet mieux accompagné.",
        ]),
        ("Pour en savoir plus", [
            f"{title}. Direction régionale des affaires culturelles, {year}. Document "
            "consultable et téléchargeable sur le site internet de la direction. "
            "Reproduction autorisée, à condition de citer la source.",
        ]),
    ]
