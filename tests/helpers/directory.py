"""People and services of the staff directory, as HR enters them."""

from directory.models import Person, Service

_counter = {"n": 0}


def make_service(directorate, name, *, parent=None, kind=Service.Kind.BUREAU, **fields):
    service = Service(directorate=directorate, name=name, parent=parent, kind=kind, **fields)
    service.full_clean()
    service.save()
    return service


def make_person(directorate, first_name, last_name, *, service=None, **fields):
    _counter["n"] += 1
    fields.setdefault("email", f"{first_name}.{last_name}.{_counter['n']}@example.org".lower()
                      .replace(" ", "-"))
    person = Person(directorate=directorate, first_name=first_name, last_name=last_name,
                    service=service, **fields)
    person.save()
    return person
