from allauth.socialaccount.providers.oauth2.urls import default_urlpatterns

from .provider import ProConnectProvider

# accounts/proconnect/login/ and accounts/proconnect/login/callback/, named
# "proconnect_login" and "proconnect_callback". allauth.urls includes them, and puts its
# generic openid_connect patterns (which would also match these paths) after them.
urlpatterns = default_urlpatterns(ProConnectProvider)
