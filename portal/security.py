"""Content-Security-Policy for the two sites: our own scripts only, no inline script, and no
framing by anyone.

HTML pages get the full policy. Every other response (exports, feeds, calendars, files) gets
one that allows nothing, so that a file opened in the browser (an SVG, an XML feed) can run no
script and load nothing; only inline styles stay allowed, which browsers use to draw images
and text documents. PDFs keep only the framing rules: the browsers' PDF viewers draw inside
the PDF's own document with their own resources.

The Wagtail admin is left out: it is Wagtail's code, with its own needs.
"""

from django.conf import settings

LOCKED_DOWN = {"frame-ancestors": "'none'", "base-uri": "'none'", "form-action": "'none'"}


def serialise(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def content_security_policy() -> str:
    frame_sources = " ".join(["'self'", *settings.CSP_FRAME_SRC])
    return serialise({
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
        "frame-ancestors": "'none'",
    })


NON_HTML_POLICY = serialise({"default-src": "'none'", "style-src": "'unsafe-inline'",
                             **LOCKED_DOWN})
PDF_POLICY = serialise(LOCKED_DOWN)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            return response
        content_type = response.get("Content-Type", "").partition(";")[0].strip().lower()
        if content_type == "text/html":
            policy = self.policy
        elif content_type == "application/pdf":
            policy = PDF_POLICY
        else:
            policy = NON_HTML_POLICY
        # A view that set its own policy (a stricter one for a file) keeps it.
        response.headers.setdefault("Content-Security-Policy", policy)
        return response
