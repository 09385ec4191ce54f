"""The staff directory in the portal search: people (while not archived) and services.

Both are intranet results seen by the staff only, as the directory's pages are: never on
the public site, never by a partner or an anonymous visitor (``visibility`` ``staff`` on the
``intranet`` site). A person is found by their name, job title, service, subjects and
directorate; a service by its name, acronym, missions and directorate. Saving, archiving or
deleting a person or a service (a service renamed: its members too; a directorate renamed:
its people and services) reads their entries again after the commit.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from directory.models import Person, Service
from portal.models import Directorate
from portal.sites import intranet_url
from search.registry import STAFF, Entry, Source, register, register_type


def directorate_fields(directorate) -> dict:
    return {"directorate": directorate.short_name, "region": directorate.region_name}


SECTION = _("Staff directory")


def french(obj) -> dict:
    """The object's page on the intranet and its section, in the default language (an entry
    without a language is in every language's index)."""
    with translation.override("fr"):
        return {"url": intranet_url(obj.get_absolute_url()), "section": str(SECTION)}


class PersonSource(Source):
    name = "person"
    model = Person

    def indexable(self):
        return Person.objects.current()

    def entries(self, objects):
        people = Person.objects.filter(pk__in=[item.pk for item in objects]).select_related(
            "directorate", "service")
        for person in people:
            service = person.service
            yield Entry(
                key=self.key(person), type="person", title=person.full_name,
                site="intranet", language="", **french(person),
                summary=" · ".join(part for part in (
                    person.job_title, service.label if service else "",
                    person.directorate.short_name) if part),
                body=" ".join(person.subject_list),
                tags=person.subject_list, visibility=STAFF,
                **directorate_fields(person.directorate),
            )

    def followed(self):
        return [
            (Person, lambda person: [self.key(person)]),
            (Service, lambda service: [self.key(person) for person in service.members.all()]),
            (Directorate, lambda directorate: [self.key(person)
                                               for person in directorate.people.all()]),
        ]


class ServiceSource(Source):
    name = "service"
    model = Service

    def indexable(self):
        return Service.objects.all()

    def entries(self, objects):
        services = Service.objects.filter(pk__in=[item.pk for item in objects]).select_related(
            "directorate", "parent")
        for service in services:
            yield Entry(
                key=self.key(service), type="service", title=service.label,
                site="intranet", language="", **french(service),
                # Several directorates have a service of the same name: say whose.
                summary=" · ".join(part for part in (
                    service.parent.label if service.parent_id else "",
                    service.directorate.short_name) if part),
                body=service.missions, visibility=STAFF,
                **directorate_fields(service.directorate),
            )

    def followed(self):
        return [
            (Service, lambda service: [self.key(service)]),
            (Directorate, lambda directorate: [self.key(service)
                                               for service in directorate.services.all()]),
        ]


register_type("person", _("Person"), _("People"))
register_type("service", _("Service"), _("Services"))
register(PersonSource())
register(ServiceSource())
