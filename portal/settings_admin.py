"""Site settings that editors read without editing.

Wagtail's settings screens only edit: a user needs the "change" permission to open them. The
communication officers (Editors) hold the "view" permission of the site settings and read
the values their moderators set (the footer's links, the directorate's identity…), on the
same screen drawn with read-only fields, without a save button; a POST from them is refused.

The views are Wagtail's own, subclassed, and answered on Wagtail's URLs (registered before
them, see wagtail_hooks) so that every link to a setting leads here.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, PanelGroup
from wagtail.contrib.settings import views as settings_views
from wagtail.contrib.settings.forms import SiteSwitchForm
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import SettingMenuItem
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Site
from wagtail.permissions import policy_registry

from portal.views import permission_denied

READ = ["view", "change"]


def read_only(panel):
    """The same panel tree, every field shown as text instead of an input."""
    if isinstance(panel, FieldPanel):
        return type(panel)(**{**panel.clone_kwargs(), "read_only": True})
    if isinstance(panel, PanelGroup):
        return type(panel)(**{**panel.clone_kwargs(),
                              "children": [read_only(child) for child in panel.children]})
    return panel.clone()


def readable_sites(user, model):
    return policy_registry.get_by_type(model).sites_user_has_any_permission_for(user, READ)


class SettingView(settings_views.EditView):
    """Wagtail's settings screen, read-only for a user who may view but not change."""

    permission_required = None
    any_permission_required = READ
    read_only_template_name = "portal/admin/setting_read_only.html"

    @cached_property
    def setting_site(self):
        return Site.objects.filter(pk=self.pk).first()

    @cached_property
    def may_change(self):
        if issubclass(self.model, BaseSiteSetting):
            return self.setting_site is not None and (
                self.permission_policy.user_has_permission_for_instance(
                    self.request.user, "change", self.setting_site))
        return self.permission_policy.user_has_permission(self.request.user, "change")

    def get_object(self, queryset=None):
        if not issubclass(self.model, BaseSiteSetting):
            return super().get_object(queryset)
        self.site = self.setting_site
        if self.site is None or not self.permission_policy.user_has_any_permission_for_instance(
                self.request.user, READ, self.site):
            raise PermissionDenied
        return self.model.for_site(self.site)

    def get_template_names(self):
        return [self.template_name if self.may_change else self.read_only_template_name]

    def post(self, request, *args, **kwargs):
        if not self.may_change:
            # A 403, not Wagtail's redirect to the dashboard: nothing was saved.
            return permission_denied(request, PermissionDenied())
        return super().post(request, *args, **kwargs)

    def get_panel(self):
        panel = super().get_panel()
        return panel if self.may_change else read_only(panel).bind_to_model(self.model)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.may_change and issubclass(self.model, BaseSiteSetting):
            # Wagtail offers only the sites one may change; a reader switches among those
            # they may read.
            sites = readable_sites(self.request.user, self.model)
            if len(sites) > 1:
                context["site_switcher"] = SiteSwitchForm(self.site, self.model, sites=sites)
                context["media"] += context["site_switcher"].media
                context["site_for_header"] = None
        return context


def open_setting(request, app_name, model_name):
    """A setting's menu entry: the current site's values, or the first site one may read."""
    model = settings_views.get_model_from_url_params(app_name, model_name)
    policy = policy_registry.get_by_type(model)
    if not issubclass(model, BaseSiteSetting) or policy.user_has_permission(request.user,
                                                                          "change"):
        return settings_views.redirect_to_relevant_instance(request, app_name, model_name)
    sites = readable_sites(request.user, model)
    site = Site.find_for_request(request)
    if site not in sites:
        site = sites.first()
    if site is None:
        raise PermissionDenied
    return redirect("wagtailsettings:edit", app_name, model_name, site.pk)


class ReadableSettingMenuItem(SettingMenuItem):
    """The settings menu entry of a reader (those who may change have Wagtail's own)."""

    def __init__(self, model, **kwargs):
        super().__init__(model, icon=settings_registry._model_icons.get(model, "cog"),
                         name=f"read-{model._meta.model_name}", **kwargs)

    def is_shown(self, request):
        policy = policy_registry.get_by_type(self.model)
        return (policy.user_has_permission(request.user, "view")
                and not policy.user_has_permission(request.user, "change"))


def site_setting_models():
    return [model for model in settings_registry if issubclass(model, BaseSiteSetting)]


def setting_urls():
    """Answered before Wagtail's own settings URLs, which these replace (register_admin_urls)."""
    return [
        path("settings/<slug:app_name>/<slug:model_name>/", open_setting),
        path("settings/<slug:app_name>/<slug:model_name>/<int:pk>/", SettingView.as_view()),
    ]
