from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import media, moderation, views
from portal.accounts import ActivateTOTPThenContinueView

urlpatterns = [
    # The admin signs in through allauth only (MFA, rate limits): its own login page is closed.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    # Wagtail's workflow action (the dashboard's "Approve"), which then says what it did.
    path("admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
         moderation.workflow_action),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, with the download headers (portal.media); same URL and name.
    re_path(r"^documents/(\d+)/(.*)$", media.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    # Restricted image files, for those who may see them (never under MEDIA_URL).
    path(settings.PRIVATE_MEDIA_URL.lstrip("/") + "<path:path>", media.serve_private_file,
         name="private_media"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    # Apps are included by name: the portal imports no other app.
    path("", include("pages.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # allauth's TOTP set-up, going back afterwards to where the user was going.
    path("accounts/2fa/totp/activate/", ActivateTOTPThenContinueView.as_view(),
         name="mfa_activate_totp"),
    path("accounts/", include("allauth.urls")),
    path("evenements/", include("events.urls")),
    path("relations-presse/", include("press.urls")),
    path("logos/", include("branding.urls")),
    path("annuaire/", include("directory.urls")),
    path("recherche/", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
