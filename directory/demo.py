"""The demo directory: the network's secretariat with its three bureaux, as its organisation
order sets them out, and the services of three DRAC, with a few dozen people; the demo
accounts are linked to their profiles, and an HR officer (``rh@relais.localhost``) is added."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from directory.models import Person, Service
from portal.demo import DEMO_PASSWORD
from portal.models import Directorate, User

SECRETARIAT = "Secrétariat du réseau"
SITE_ADDRESSES = {
    SECRETARIAT: "182 rue Saint-Honoré\n75001 Paris",
    "DRAC Bretagne": "Hôtel de Blossac\n6 rue du Chapitre\n35044 Rennes Cedex",
    "DRAC Normandie": "13 bis rue Saint-Ouen\n14052 Caen Cedex 4",
    "DRAC Pays de la Loire": "1 rue Stanislas-Baudry\n44035 Nantes Cedex 1",
}

# directorate: [(key, parent key, kind, name, acronym, missions)]
ORGANISATION = {
    SECRETARIAT: [
        ("sg", None, "direction", "Secrétariat général du réseau", "SGR",
         "Le secrétariat général assure, pour l’ensemble des directions du réseau, la "
         "gestion des moyens communs, l’animation des fonctions support et la conduite des "
         "projets de modernisation."),
        ("blog", "sg", "bureau", "Bureau du budget et de la logistique", "BBL",
         "Préparation et exécution du budget du réseau ; marchés publics et achats ; "
         "gestion immobilière, parc automobile et logistique des séminaires."),
        ("brh", "sg", "bureau", "Bureau des ressources humaines", "BRH",
         "Gestion administrative et paie ; recrutements et mobilités ; formation continue ; "
         "action sociale, prévention et qualité de vie au travail."),
        ("bmod", "sg", "bureau", "Bureau de la modernisation", "BMOD",
         "Transformation numérique ; intranet et outils collaboratifs ; dématérialisation "
         "des procédures ; accompagnement au changement."),
    ],
}
DRAC_SERVICES = [
    ("dir", None, "direction", "Direction", "",
     "Pilotage de la direction régionale et représentation de l’État en région."),
    ("sg", "dir", "service", "Secrétariat général", "SG",
     "Budget, ressources humaines, logistique et systèmes d’information de la direction."),
    ("crmh", "dir", "service", "Conservation régionale des monuments historiques", "CRMH",
     "Protection, conservation et restauration des monuments historiques."),
    ("sra", "dir", "service", "Service régional de l’archéologie", "SRA",
     "Prescription et contrôle des opérations archéologiques ; carte archéologique."),
    ("pole", "dir", "service", "Pôle création et action culturelle", "",
     "Soutien à la création, aux équipes artistiques et à l’éducation artistique."),
]

FIRST_NAMES = ["Anne", "Bruno", "Claire", "David", "Émilie", "François", "Gaëlle", "Hugo",
               "Inès", "Jérôme", "Katell", "Loïc", "Maëlle", "Nicolas", "Océane", "Pierre",
               "Rozenn", "Sébastien", "Thérèse", "Ulysse", "Valérie", "Wenceslas", "Yannick",
               "Zoé"]
LAST_NAMES = ["Le Bihan", "Morvan", "Prigent", "Lecœur", "Hamon", "Tanguy", "Quéré",
              "Bertrand", "Lefranc", "Cadiou", "Mével", "Duval", "Guillou", "Renaud",
              "Kerleau", "Marchand", "Pichon", "Besnard", "Nédélec", "Olivier", "Jégou",
              "Fournier", "Hervé", "Salaün"]
JOBS = {
    "direction": ["Directeur régional", "Directrice adjointe"],
    "sg": ["Secrétaire général", "Gestionnaire budgétaire", "Gestionnaire RH"],
    "blog": ["Chef du bureau", "Acheteuse publique", "Gestionnaire logistique"],
    "brh": ["Cheffe du bureau", "Chargé de formation", "Gestionnaire paie"],
    "bmod": ["Chef du bureau", "Cheffe de projet intranet", "Développeur"],
    "crmh": ["Conservateur régional", "Ingénieure du patrimoine", "Technicien des bâtiments"],
    "sra": ["Conservatrice régionale", "Ingénieur d’études", "Documentaliste"],
    "pole": ["Conseillère théâtre", "Conseiller musique", "Conseillère éducation artistique"],
}
SUBJECTS = {
    "blog": "Marchés publics\nFrais de déplacement\nChorus\nRéservation de salles",
    "brh": "Formation continue\nTélétravail\nMobilité\nAction sociale",
    "bmod": "Intranet\nOutils collaboratifs\nDématérialisation\nSignature électronique",
    "sg": "Budget\nCongés\nInformatique",
    "crmh": "Monuments historiques\nTravaux sur monuments classés\nAbords",
    "sra": "Archéologie préventive\nDiagnostics\nCarte archéologique",
    "pole": "Spectacle vivant\nÉducation artistique et culturelle\nLabels",
    "dir": "",
}
LANGUAGES = ["français, anglais", "français, breton", "français, allemand",
             "français, espagnol, anglais", "français"]
# Demo accounts and the profile each one has: (e-mail, directorate, service key, job).
ACCOUNT_PROFILES = [
    ("agent.bretagne@relais.localhost", "DRAC Bretagne", "crmh", "Technicien des bâtiments"),
    ("editrice@relais.localhost", "DRAC Bretagne", "sg", "Chargée de communication"),
    ("moderateur@relais.localhost", "DRAC Bretagne", "dir", "Chef du service communication"),
    ("agent.normandie@relais.localhost", "DRAC Normandie", "sra", "Documentaliste"),
    ("rh@relais.localhost", SECRETARIAT, "brh", "Gestionnaire RH"),
]


def load_hr_account(directorates):
    user = User.objects.filter(email="rh@relais.localhost").first()
    if user is None:
        user = User(email="rh@relais.localhost", first_name="Solenn", last_name="Le Gall")
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name="HR"),
                        directorates[SECRETARIAT].staff_group)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


def load_services(directorate, rows) -> dict[str, Service]:
    services = {}
    for order, (key, parent, kind, name, acronym, missions) in enumerate(rows):
        service = Service.objects.filter(directorate=directorate, name=name).first()
        if service is None:
            service = Service.objects.create(
                directorate=directorate, parent=services.get(parent), kind=kind, name=name,
                acronym=acronym, missions=missions, order=order,
                email=f"{(acronym or key).lower()}.{directorate.slug}@relais.localhost")
        services[key] = service
    return services


def load_people(directorate, services, start):
    number = start
    for key, service in services.items():
        jobs = JOBS.get(key, JOBS["direction"] if key == "dir" else JOBS["sg"])
        head = None
        for position, job in enumerate(jobs):
            first, last = FIRST_NAMES[number % 24], LAST_NAMES[(number * 7 + 3) % 24]
            number += 1
            person = Person.objects.create(
                hr_id=f"DEMO{number:04d}", first_name=first, last_name=last,
                directorate=directorate, service=service, job_title=job, manager=head,
                email=f"{first}.{last}.{number}@relais.localhost".lower().replace(" ", "-"),
                phone=f"01 40 15 {number // 100 % 100:02d} {number % 100:02d}",
                mobile=f"06 12 {number % 97:02d} {number % 89:02d} {number % 83:02d}",
                hide_mobile=number % 3 == 0,
                office=f"Bâtiment A, {1 + position} étage, bureau {100 + number}",
                site_address=SITE_ADDRESSES[directorate.short_name],
                subjects=SUBJECTS.get(key, "") if position else "",
                languages=LANGUAGES[number % len(LANGUAGES)])
            if head is None:
                head = person
                service.head = person
                service.save(update_fields=["head"])
    return number


def link_accounts(directorates, services_by_directorate):
    for email, short_name, key, job in ACCOUNT_PROFILES:
        user = User.objects.filter(email=email).first()
        if user is None or Person.objects.filter(user=user).exists():
            continue
        Person.objects.create(
            user=user, first_name=user.first_name, last_name=user.last_name, email=email,
            directorate=directorates[short_name],
            service=services_by_directorate[short_name][key], job_title=job,
            phone="02 99 29 67 67", site_address=SITE_ADDRESSES[short_name],
            languages="français")


def load(stdout):
    directorates = {directorate.short_name: directorate
                    for directorate in Directorate.objects.filter(
                        short_name__in=SITE_ADDRESSES)}
    if len(directorates) < len(SITE_ADDRESSES):
        return  # the portal's demo makes them
    load_hr_account(directorates)
    if Person.objects.exists():
        return
    services_by_directorate = {}
    number = 0
    for short_name, directorate in directorates.items():
        services = load_services(directorate, ORGANISATION.get(short_name, DRAC_SERVICES))
        services_by_directorate[short_name] = services
        number = load_people(directorate, services, number)
    link_accounts(directorates, services_by_directorate)
    stdout.write(f"Staff directory ready: {Person.objects.count()} people.")
