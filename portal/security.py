"""Content-Security-Policy for the two sites: our own scripts only, no inline script.

The Wagtail admin is left out: it is Wagtail's code, with its own needs.
"""

from django.conf import settings


def content_security_policy() -> str:
    frame_sources = " ".join(["'self'", *settings.CSP_FRAME_SRC])
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
        # DSFR components and the Wagtail userbar set style attributes.
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data:",
        "font-src": "'self' data:",
        "media-src": "'self'",
        "frame-src": frame_sources,
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request):
        response = self.get_response(request)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if is_html and not request.path_info.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
