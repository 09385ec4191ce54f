"""Editors see the drafts only of the pages they may read (issue 7, "Then prove it").

Editors and Moderators hold Wagtail's page permissions on the whole tree, so before this an
editor of DRAC Bretagne read the drafts of the DRAC Normandie space through view_draft, the
preview, the revisions, the comparison and the moderation preview. A page restricted to a
directorate's staff is now edited, previewed and moderated only by those its restriction
lets in (and superusers): whoever may not read a page gets a 403 on each of its admin views.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from portal.roles import EDITORS, MODERATORS
from tests.helpers.accounts import activate_totp, create_user
from tests.helpers.pages import add_page
from tests.helpers.sites import INTRANET_HOST

pytestmark = pytest.mark.django_db

SECRET = "Réorganisation confidentielle du service"


@pytest.fixture
def normandie_space(intranet_home, directorates):
    """The DRAC Normandie space, published, with a draft holding a secret, submitted to the
    moderators' workflow."""
    space = add_page(intranet_home, "Espace Normandie", "espace-normandie")
    restriction = PageViewRestriction.objects.create(
        page=space, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([directorates[1].staff_group])
    space.title = SECRET
    draft = space.save_revision()
    return space, draft


def admin_user(email, *groups):
    user = create_user(email, *groups)
    activate_totp(user)
    client = Client(HTTP_HOST=INTRANET_HOST)
    client.force_login(user)
    return client


@pytest.fixture
def bretagne_editor(directorates):
    return admin_user("editrice.bretagne@example.org", EDITORS, directorates[0].staff_group)


@pytest.fixture
def normandie_editor(directorates):
    return admin_user("editeur.normandie@example.org", EDITORS, directorates[1].staff_group)


def assert_refused(response, path):
    """A 403, or Wagtail's way of saying it: back to the dashboard with a message."""
    assert response.status_code in (302, 403), path
    assert SECRET not in response.content.decode(), path
    if response.status_code == 302:
        assert response["Location"] == "/admin/", path


def draft_views(space, draft):
    page_id = space.pk
    live = Page.objects.get(pk=page_id).live_revision_id
    return [
        f"/admin/pages/{page_id}/view_draft/",
        f"/admin/pages/{page_id}/revisions/{draft.pk}/view/",
        f"/admin/pages/{page_id}/revisions/compare/{live}...{draft.pk}/",
        f"/admin/pages/{page_id}/revisions/compare/live...latest/",
        f"/admin/pages/{page_id}/edit/",
        f"/admin/pages/{page_id}/history/",
    ]


def test_an_editor_of_another_directorate_cannot_read_its_drafts(
    bretagne_editor, normandie_space
):
    space, draft = normandie_space
    for path in draft_views(space, draft):
        assert_refused(bretagne_editor.get(path), path)
    # The preview of the edit form neither renders nor takes the posted form.
    preview = f"/admin/pages/{space.pk}/edit/preview/"
    assert_refused(bretagne_editor.post(preview, {"title": "x"}), preview)
    assert_refused(bretagne_editor.get(preview), preview)


def test_the_editor_of_the_directorate_reads_them(normandie_editor, normandie_space):
    space, draft = normandie_space
    for path in draft_views(space, draft):
        response = normandie_editor.get(path)
        assert response.status_code == 200, path
    assert SECRET in normandie_editor.get(f"/admin/pages/{space.pk}/view_draft/").content.decode()


@pytest.mark.usefixtures("normandie_space")
def test_the_explorer_lists_only_the_pages_an_editor_may_read(
    bretagne_editor, normandie_editor, intranet_home
):
    listing = f"/admin/pages/{intranet_home.pk}/"
    assert SECRET not in bretagne_editor.get(listing).content.decode()
    assert SECRET in normandie_editor.get(listing).content.decode()


def test_a_moderator_of_another_directorate_cannot_preview_it_in_moderation(
    directorates, normandie_space, make_user
):
    space, _draft = normandie_space
    author = create_user("auteur.normandie@example.org", EDITORS,
                         directorates[1].staff_group)
    workflow = space.get_workflow()
    workflow.start(space, author)
    task = space.current_workflow_task
    moderator = admin_user("moderateur.bretagne@example.org", MODERATORS,
                           directorates[0].staff_group)
    response = moderator.get(f"/admin/pages/workflow/preview/{space.pk}/{task.pk}/")
    assert response.status_code == 403
    assert SECRET not in response.content.decode()

    own_moderator = admin_user("moderatrice.normandie@example.org",
                               Group.objects.get(name=MODERATORS),
                               directorates[1].staff_group)
    response = own_moderator.get(f"/admin/pages/workflow/preview/{space.pk}/{task.pk}/")
    assert response.status_code == 200
    assert SECRET in response.content.decode()


def test_the_admin_page_search_finds_only_the_pages_an_editor_may_read(
    bretagne_editor, normandie_editor, normandie_space
):
    space, _draft = normandie_space
    edit_link = f"/admin/pages/{space.pk}/edit/"
    for path in ("/admin/pages/search/?q=Normandie", "/admin/pages/search/results/?q=Normandie"):
        found = bretagne_editor.get(path).content.decode()
        assert edit_link not in found and SECRET not in found, path
        assert edit_link in normandie_editor.get(path).content.decode(), path
