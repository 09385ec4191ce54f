import pytest
from django.conf import settings
from django.test import Client

from directory.models import Service
from tests.helpers.directory import make_person, make_service


@pytest.fixture
def secretariat(directorates):
    """DRAC Bretagne's general secretariat and its three bureaux, with a few people."""
    bretagne = directorates[0]
    general = make_service(bretagne, "Secrétariat général", acronym="SG",
                           kind=Service.Kind.SERVICE, missions="Moyens de la direction.")
    budget = make_service(bretagne, "Bureau du budget et de la logistique", parent=general,
                          missions="Budget, achats, logistique.", email="budget@example.org")
    hr = make_service(bretagne, "Bureau des ressources humaines", parent=general)
    modern = make_service(bretagne, "Bureau de la modernisation", parent=general)
    head = make_person(bretagne, "Anne", "Le Bihan", service=general,
                       job_title="Secrétaire générale")
    general.head = head
    general.save()
    return {"general": general, "budget": budget, "hr": hr, "modern": modern, "head": head}


@pytest.fixture
def intranet(sites):
    return Client(HTTP_HOST=settings.INTRANET_HOST)


@pytest.fixture
def people(secretariat, directorates):
    bretagne, normandie = directorates
    return {
        "helene": make_person(bretagne, "Hélène", "Prigent", service=secretariat["budget"],
                              job_title="Gestionnaire budgétaire",
                              subjects="Marchés publics\nFrais de déplacement",
                              phone="02 99 29 67 00", mobile="06 12 34 56 78",
                              manager=secretariat["head"]),
        "yann": make_person(bretagne, "Yann", "Morvan", service=secretariat["hr"],
                            job_title="Chargé de formation", subjects="Formation continue",
                            mobile="06 98 76 54 32", hide_mobile=True),
        "zoe": make_person(normandie, "Zoé", "Lecœur", job_title="Archiviste",
                           subjects="Archives numériques\nÉlectricité des bâtiments"),
    }
