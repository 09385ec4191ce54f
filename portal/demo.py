"""Demo directorates, accounts and site identities. Passwords are for the demo only.

The sites themselves come with their home pages (``pages``), whose demo gives them the
identities below."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from portal.models import Directorate, SiteIdentity, SocialAccounts, User

DEMO_PASSWORD = "relais-demo-2026"

DIRECTORATES = [
    ("Direction régionale des affaires culturelles de Bretagne", "DRAC Bretagne", "Bretagne"),
    ("Direction régionale des affaires culturelles de Normandie", "DRAC Normandie", "Normandie"),
    ("Direction régionale des affaires culturelles des Pays de la Loire",
     "DRAC Pays de la Loire", "Pays de la Loire"),
    # The network's secretariat, which builds and keeps the intranet for every directorate.
    ("Secrétariat général du réseau des DRAC", "Secrétariat du réseau", ""),
]

# e-mail, first name, last name, groups (role groups or directorate short names), superuser
ACCOUNTS = [
    ("admin@relais.localhost", "Camille", "Administratrice", [], True),
    ("editrice@relais.localhost", "Élise", "Le Goff", ["Rédacteurs", "DRAC Bretagne"], False),
    ("moderateur@relais.localhost", "Yann", "Kerbrat", ["Modérateurs", "DRAC Bretagne"], False),
    ("agent.bretagne@relais.localhost", "Maël", "Guéguen", ["DRAC Bretagne"], False),
    ("agent.normandie@relais.localhost", "Hélène", "Lefèvre", ["DRAC Normandie"], False),
    ("partenaire@relais.localhost", "Jeanne", "Martin", ["Partenaires"], False),
]


def load_directorates():
    directorates = {}
    for name, short_name, region in DIRECTORATES:
        directorate = Directorate.objects.filter(short_name=short_name).first()
        if directorate is None:
            directorate = Directorate(name=name, short_name=short_name, region_name=region)
            directorate.save()
        directorates[short_name] = directorate
    return directorates


def load_accounts(directorates):
    for email, first_name, last_name, memberships, superuser in ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, first_name=first_name, last_name=last_name,
                        is_superuser=superuser, is_staff=superuser)
            user.set_password(DEMO_PASSWORD)
            user.save()
        for membership in memberships:
            if membership in directorates:
                user.groups.add(directorates[membership].staff_group)
            else:
                user.groups.add(Group.objects.get(name=membership))
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )


NETWORK_NAME = "Réseau des directions régionales des affaires culturelles"


def load_identities(public_site, intranet_site):
    """The public site speaks for DRAC Bretagne, the intranet for the whole network (demos
    loaded before named DRAC Bretagne there too: they are put right)."""
    public = SiteIdentity.for_site(public_site)
    if not public.postal_address:
        public.ministry_name = "Ministère\nde la Culture"
        public.directorate_name = "Direction régionale des affaires culturelles de Bretagne"
        public.tagline = "Patrimoines, création, transmission"
        public.postal_address = "Hôtel de Blossac\n6 rue du Chapitre\n35044 Rennes Cedex"
        public.phone = "02 99 29 67 67"
        public.contact_email = "communication.bretagne@relais.localhost"
        public.save()
    network = SiteIdentity.for_site(intranet_site)
    if network.directorate_name != NETWORK_NAME:
        network.ministry_name = "Ministère\nde la Culture"
        network.directorate_name = NETWORK_NAME
        network.tagline = "L’intranet des agents des DRAC"
        network.footer_description = ("L’intranet commun aux directions régionales des "
                                      "affaires culturelles et à leurs agents.")
        network.postal_address = "Ministère de la Culture\n182 rue Saint-Honoré\n75001 Paris"
        network.phone = "01 40 15 80 00"
        network.contact_email = "intranet@relais.localhost"
        network.save()
    social = SocialAccounts.for_site(public_site)
    if not social.accounts:
        social.mastodon = "https://social.numerique.gouv.fr/@culture"
        social.bluesky = "https://bsky.app/profile/culture.gouv.fr"
        social.linkedin = "https://www.linkedin.com/company/ministere-de-la-culture"
        social.youtube = "https://www.youtube.com/@ministereculture"
        social.save()


def load(stdout):
    directorates = load_directorates()
    load_accounts(directorates)
    stdout.write(f"Accounts ready (demo password: {DEMO_PASSWORD}).")
