"""The staff directory on the intranet: the list with its search and filters, a page per
person (with their vCard and photo) and per service, each directorate's organisation chart,
and the form where an agent edits their own profile.

Nothing here answers on the public site: every view is a 404 there. On the intranet, the
portal's middleware has already let in staff accounts only.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from directory.filters import DirectoryFilters
from directory.forms import OwnProfileForm
from directory.models import Person, Service
from directory.organisation import ancestors, organisation_tree
from directory.vcard import vcard_response
from portal.filters import InvalidFilters, answer_invalid_filters
from portal.listing import paginate
from portal.media import send_stored_file
from portal.models import Directorate

PEOPLE_PER_PAGE = 24


def intranet_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not getattr(request, "is_intranet", False):
            raise Http404("The directory is on the intranet only.")
        return view(request, *args, **kwargs)

    return wrapped


def current_person(pk) -> Person:
    return get_object_or_404(Person.objects.current().for_listing(), pk=pk)


@intranet_only
def directory_index(request):
    people = Person.objects.current().for_listing().order_by("last_name", "first_name", "pk")
    filters = DirectoryFilters(request.GET, people, request=request)
    response = TemplateResponse(request, "directory/directory_index.html", {
        "filters": filters, "directorates": Directorate.objects.all(),
        "own_profile": Person.objects.filter(user=request.user).first(),
    })
    try:
        listed = filters.qs
    except InvalidFilters as invalid:
        response.context_data["page_obj"] = paginate(request, people.none(), PEOPLE_PER_PAGE)
        return answer_invalid_filters(request, invalid, response)
    response.context_data["page_obj"] = paginate(request, listed, PEOPLE_PER_PAGE)
    response.context_data["corrected"] = filters.corrected
    return response


@intranet_only
def person_detail(request, pk):
    person = get_object_or_404(Person.objects.current().for_listing().select_related("manager"),
                               pk=pk)
    return TemplateResponse(request, "directory/person.html", {
        "person": person,
        "mobile": person.mobile_for(request.user),
        "may_edit": person.may_be_edited_by(request.user),
        "reports": person.reports.current().order_by("last_name", "first_name"),
    })


@intranet_only
def person_vcard(request, pk):
    person = current_person(pk)
    return vcard_response(person, mobile=person.mobile_for(request.user))


@intranet_only
def person_photo(request, pk):
    person = current_person(pk)
    if not person.photo:
        raise Http404
    return send_stored_file(request, person.photo.storage, person.photo.name)


@intranet_only
def edit_person(request, pk):
    """An agent's own profile (photo, phones, subjects, languages); someone else's is a 403,
    whatever the id typed, except for HR and communication officers, who edit it in the
    admin."""
    person = current_person(pk)
    if not person.may_be_edited_by(request.user):
        raise PermissionDenied("This is not your profile.")
    form = OwnProfileForm(request.POST or None, request.FILES or None, instance=person)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is up to date."))
        return redirect(person.get_absolute_url())
    return TemplateResponse(request, "directory/edit_person.html",
                            {"person": person, "form": form},
                            status=400 if form.is_bound else 200)


@intranet_only
def own_profile(request):
    person = Person.objects.current().filter(user=request.user).first()
    if person is None:
        return TemplateResponse(request, "directory/no_profile.html", {})
    return redirect("directory:edit_person", pk=person.pk)


@intranet_only
def service_detail(request, pk):
    service = get_object_or_404(Service.objects.select_related("directorate", "head", "parent"),
                                pk=pk)
    return TemplateResponse(request, "directory/service.html", {
        "service": service,
        "ancestors": ancestors(service),
        "children": service.children.select_related("head").order_by("order", "name"),
        "members": service.members.current().select_related("directorate")
                          .order_by("last_name", "first_name"),
    })


@intranet_only
def organisation_chart(request, slug):
    directorate = get_object_or_404(Directorate, slug=slug)
    return TemplateResponse(request, "directory/organisation_chart.html", {
        "directorate": directorate,
        "tree": organisation_tree(directorate),
        "directorates": Directorate.objects.all(),
    })
