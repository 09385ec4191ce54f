"""Two app servers behind one database, one Redis and one object store (issue 14, item 3).

Everything is real and on loopback: two gunicorn processes, moto's S3 server, the shared
Redis at 127.0.0.1:6379 (under a key prefix of this test's own), PostgreSQL when it answers
on 127.0.0.1:5432, else a SQLite file in WAL mode (see tests/helpers/cluster.py).
"""

import json
import re
import uuid

import pytest
import redis
import requests
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.page_cache import HIT_HEADER
from tests.helpers.accounts import PASSWORD, current_totp_code
from tests.helpers.cluster import (
    REDIS_URL,
    app_environment,
    free_port,
    manage,
    object_store,
    s3_client,
    s3_environment,
    start_gunicorn,
    stop,
    throwaway_database,
    wait_until_serving,
)
from tests.helpers.sites import INTRANET_HOST, PUBLIC_HOST

pytestmark = pytest.mark.cluster

BUCKET = "relais-cluster"
ADMIN_EMAIL = "admin-cluster@example.org"
# A second editor: the first test locks the first one's sign-in, in whichever order they run.
EDITOR_EMAIL = "editor-cluster@example.org"
SETUP = f"""
import json
from wagtail.models import Collection, CollectionViewRestriction
from pages.base.sites import ensure_sites
from tests.helpers.accounts import activate_totp, create_user
from tests.helpers.pages import add_page
public_site, _intranet_site = ensure_sites()
page = add_page(public_site.root_page, "Horaires estivaux", "horaires")
collection = Collection.get_first_root_node().add_child(name="Cluster")
CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
admin = create_user("{ADMIN_EMAIL}", superuser=True)
editor = create_user("{EDITOR_EMAIL}", superuser=True)
print(json.dumps({{"collection": collection.id, "page": page.id,
                  "secret": activate_totp(admin), "editor_secret": activate_totp(editor)}}))
"""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Two app servers sharing everything, started once for this module's tests; yields their
    base URLs and what the tests need."""
    prefix = f"relais-cluster-{uuid.uuid4().hex[:12]}"
    tmp_path = tmp_path_factory.mktemp("cluster")
    with throwaway_database() as database_url, object_store(BUCKET) as s3_url:
        env = app_environment(database_url, REDIS_URL=REDIS_URL, REDIS_KEY_PREFIX=prefix,
                              MEDIA_ROOT=str(tmp_path / "media"),
                              PRIVATE_MEDIA_ROOT=str(tmp_path / "media_private"),
                              **s3_environment(s3_url, BUCKET))
        setup = json.loads(manage("shell", "-c", SETUP, env=env).strip().splitlines()[-1])
        ports = [free_port(), free_port()]
        # The first server streams restricted files, the second hands out signed URLs.
        servers = [start_gunicorn(env, ports[0]),
                   start_gunicorn({**env, "S3_PRIVATE_DELIVERY": "redirect"}, ports[1])]
        try:
            for port, server in zip(ports, servers, strict=True):
                wait_until_serving(f"http://127.0.0.1:{port}/", server,
                                   headers={"Host": INTRANET_HOST})
            yield {"urls": [f"http://127.0.0.1:{port}" for port in ports], "s3": s3_url,
                   "tmp": tmp_path, **setup}
        finally:
            for server in servers:
                stop(server)
            connection = redis.Redis.from_url(REDIS_URL)
            keys = list(connection.scan_iter(f"{prefix}:*"))
            if keys:
                connection.delete(*keys)


def browser() -> requests.Session:
    """A visitor of the intranet host; cookies set by one server go to the other (same IP)."""
    session = requests.Session()
    session.headers["Host"] = INTRANET_HOST
    return session


def post_form(session, url, data, **kwargs):
    session.get(url)
    return session.post(url, {**data, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
                        allow_redirects=False, **kwargs)


def sign_in_to_admin(session, base, secret, email=ADMIN_EMAIL):
    response = post_form(session, f"{base}/accounts/login/",
                         {"login": email, "password": PASSWORD})
    assert response.headers["Location"] == "/accounts/2fa/authenticate/"
    response = post_form(session, f"{base}/accounts/2fa/authenticate/",
                         {"code": current_totp_code(secret)})
    assert response.status_code == 302, response.text


def test_an_upload_on_one_server_is_served_by_the_other_and_the_cache_is_shared(cluster):
    first, second = cluster["urls"]
    editor = browser()
    sign_in_to_admin(editor, first, cluster["secret"])

    # An editor uploads a document to a collection for signed-in readers, on the first server.
    content = f"Compte rendu {uuid.uuid4().hex}\n".encode()
    response = post_form(editor, f"{first}/admin/documents/add/",
                         {"title": "Compte rendu", "collection": cluster["collection"]},
                         files={"file": ("compte-rendu.txt", content, "text/plain")})
    assert response.status_code == 302, response.text
    listing = editor.get(f"{first}/admin/documents/?q=Compte").text
    document_id = re.search(r"/admin/documents/edit/(\d+)/", listing).group(1)

    # The file is in the object store's restricted prefix, not on either server's disk.
    stored = [item["Key"] for item in s3_client(cluster["s3"]).list_objects_v2(
        Bucket=BUCKET)["Contents"]]
    assert stored == ["private/documents/compte-rendu.txt"]
    assert not any(path.is_file() for path in cluster["tmp"].rglob("*"))

    # The second server lets the editor have it (signed in on the first: the session is
    # shared) through a signed URL of the object store that lives a minute...
    url = f"/documents/{document_id}/compte-rendu.txt"
    response = editor.get(f"{second}{url}", allow_redirects=False)
    assert response.status_code == 302
    signed = response.headers["Location"]
    assert signed.startswith(f"{cluster['s3']}/{BUCKET}/private/documents/compte-rendu.txt?")
    assert "X-Amz-Expires=60" in signed
    assert "private" in response.headers["Cache-Control"]
    from_store = requests.get(signed, timeout=10)
    assert from_store.content == content
    assert from_store.headers["Content-Disposition"].startswith("attachment")
    # ... the first one streams it ...
    response = editor.get(f"{first}{url}", allow_redirects=False)
    assert response.status_code == 200
    assert response.content == content
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert "private" in response.headers["Cache-Control"]
    # ... and neither gives it to anyone else: an anonymous visitor goes to the login page.
    for server in (first, second):
        response = browser().get(f"{server}{url}", allow_redirects=False)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/accounts/login/")

    # The cache is shared: five failed sign-ins on the first server lock the account's
    # sign-in on the second one, even with the right password (allauth's rate limit).
    attacker = browser()
    for _attempt in range(5):
        response = post_form(attacker, f"{first}/accounts/login/",
                             {"login": ADMIN_EMAIL, "password": "not-the-password"})
        assert response.status_code == 200
    response = post_form(browser(), f"{second}/accounts/login/",
                         {"login": ADMIN_EMAIL, "password": PASSWORD})
    assert response.status_code == 200  # the form again, not the step of the TOTP code
    assert "Trop de tentatives de connexion échouées." in response.text


def test_a_page_published_on_one_server_is_new_on_the_other_at_once(cluster):
    first, second = cluster["urls"]

    def visit():
        """An anonymous visitor of the public site (no cookie), on the second server."""
        response = requests.get(f"{second}/horaires/", headers={"Host": PUBLIC_HOST},
                                allow_redirects=False, timeout=10)
        assert response.status_code == 200
        return response

    # The second server makes the page once, then serves it from the shared cache.
    before = [visit(), visit()]
    assert [response.headers[HIT_HEADER] for response in before] == ["miss", "hit"]
    assert all("Horaires estivaux" in response.text for response in before)

    # An editor publishes a new version of it in the admin, on the first server.
    editor = browser()
    sign_in_to_admin(editor, first, cluster["editor_secret"], EDITOR_EMAIL)
    data = nested_form_data({"title": "Horaires hivernaux", "slug": "horaires", "summary": "",
                             "body": streamfield([]), "action-publish": "publish"})
    response = post_form(editor, f"{first}/admin/pages/{cluster['page']}/edit/", data)
    assert response.status_code == 302, response.text

    # The second server's very next visitor gets the new version, which is kept in turn.
    after = [visit(), visit()]
    assert [response.headers[HIT_HEADER] for response in after] == ["miss", "hit"]
    for response in after:
        assert "Horaires hivernaux" in response.text
        assert "Horaires estivaux" not in response.text
