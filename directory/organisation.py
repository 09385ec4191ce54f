"""The organisation of a directorate as a tree of its services, read in two queries whatever
its size: the services with their heads, and the number of people in each."""

from dataclasses import dataclass, field

from django.db.models import Count

from directory.models import Person, Service


@dataclass
class Node:
    service: Service
    members: int = 0
    children: list["Node"] = field(default_factory=list)


def organisation_tree(directorate) -> list[Node]:
    """The top-level services of the directorate, each with its sub-services, in order."""
    services = list(Service.objects.filter(directorate=directorate)
                    .select_related("head", "directorate").order_by("order", "name"))
    counts = dict(Person.objects.current().filter(directorate=directorate)
                  .exclude(service=None).order_by().values_list("service")
                  .annotate(count=Count("id")))
    nodes = {service.pk: Node(service, counts.get(service.pk, 0)) for service in services}
    roots = []
    for service in services:
        parent = nodes.get(service.parent_id)
        (parent.children if parent else roots).append(nodes[service.pk])
    return roots


def ancestors(service) -> list[Service]:
    """The services above this one, from the top (one query per level, a few at most)."""
    chain = []
    current = service.parent
    while current is not None:
        chain.insert(0, current)
        current = current.parent
    return chain
