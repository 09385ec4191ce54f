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


def load_identities(public_site, intranet_site):
    for site, tagline in ((public_site, "Patrimoines, création, transmission"),
                          (intranet_site, "L’intranet du réseau des DRAC")):
        identity = SiteIdentity.for_site(site)
        if not identity.postal_address:
            identity.ministry_name = "Ministère\nde la Culture"
            identity.directorate_name = "Direction régionale des affaires culturelles de Bretagne"
            identity.tagline = tagline
            identity.postal_address = "Hôtel de Blossac\n6 rue du Chapitre\n35044 Rennes Cedex"
            identity.phone = "02 99 29 67 67"
            identity.contact_email = "communication.bretagne@relais.localhost"
            identity.save()
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
