"""Relais settings: the only module that reads the environment.

Without any variable set, Relais runs on an embedded default that needs nothing installed:
SQLite file, local media, local-memory cache, console e-mail, Wagtail's database search and
tasks run immediately. With ``RELAIS_ENV=production`` every value a production server needs
is required, and a missing one stops start-up with its name (see README, "Configuration").
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

RELAIS_ENV = os.environ.get("RELAIS_ENV", "development").strip().lower()
if RELAIS_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"RELAIS_ENV must be 'development' or 'production', not {RELAIS_ENV!r}."
    )
PRODUCTION = RELAIS_ENV == "production"

_missing: list[str] = []


def env(name: str, default: str = "", *, required_in_production: bool = False) -> str:
    """Return an environment variable, recording it as missing when production needs it."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if PRODUCTION and required_in_production:
        _missing.append(name)
    return default


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def split_host(host_with_port: str) -> tuple[str, int | None]:
    hostname, _sep, port = host_with_port.partition(":")
    return hostname.lower(), int(port) if port else None


# --- Core -------------------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
SECRET_KEY = env(
    "SECRET_KEY",
    "relais-development-only-secret-key-never-use-in-production",
    required_in_production=True,
)

# The two sites served by this one project. Each value is "hostname[:port]".
PUBLIC_HOST = env("PUBLIC_HOST", "localhost:8000", required_in_production=True)
INTRANET_HOST = env("INTRANET_HOST", "intranet.localhost:8000", required_in_production=True)
PUBLIC_HOSTNAME, PUBLIC_PORT = split_host(PUBLIC_HOST)
INTRANET_HOSTNAME, INTRANET_PORT = split_host(INTRANET_HOST)
if PUBLIC_HOSTNAME == INTRANET_HOSTNAME:
    raise ImproperlyConfigured("PUBLIC_HOST and INTRANET_HOST must have different hostnames.")

ALLOWED_HOSTS = [PUBLIC_HOSTNAME, INTRANET_HOSTNAME, *env_list("ALLOWED_HOSTS")]
if not PRODUCTION:
    ALLOWED_HOSTS += ["127.0.0.1"]

USE_HTTPS = env_bool("USE_HTTPS", default=PRODUCTION)
_scheme = "https" if USE_HTTPS else "http"
CSRF_TRUSTED_ORIGINS = [f"{_scheme}://{PUBLIC_HOST}", f"{_scheme}://{INTRANET_HOST}"]
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"{_scheme}://{INTRANET_HOST}")

INSTALLED_APPS = [
    "portal",
    "portal.proconnect",
    "portal.outbox",
    "pages",
    "events",
    "press",
    "branding",
    "directory",
    "search",
    "dsfr",
    "widget_tweaks",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.intranet.IntranetAccessMiddleware",
    "portal.accounts.AdminAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.filters.InvalidFiltersMiddleware",
]

if PRODUCTION:
    # gunicorn serves the collected static files itself, compressed and cached for ever.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
AUTH_USER_MODEL = "portal.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
DSFR_MARK_OPTIONAL_FIELDS = True

# --- Data -------------------------------------------------------------------------------------

DATABASE_URL = env("DATABASE_URL", required_in_production=True)
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                             "NAME": BASE_DIR / "db.sqlite3"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (gunicorn's workers, the task worker) share the file: readers never
    # wait for a writer (WAL), and a transaction that will write takes the lock first.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# The cache alias of the layout and the anonymous page cache (portal/layout.py).
LAYOUT_CACHE = "layout"


def redis_caches(url: str, key_prefix: str = "relais") -> dict:
    """Redis in front of everything, failing open when it is down (see portal/cache.py): the
    default cache falls back to each server's memory (rate limits), the session cache to the
    database (cached_db sessions), whose entries live at most 5 minutes in Redis, the layout
    and page cache to nothing (each page made afresh)."""
    options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    backend = {"BACKEND": "portal.cache.FailOpenRedisCache", "LOCATION": url,
               "KEY_PREFIX": key_prefix}
    return {
        "default": {**backend, "OPTIONS": {**options, "FALLBACK": "memory"}},
        "sessions": {**backend, "OPTIONS": {**options, "FALLBACK": "miss", "MAX_TIMEOUT": 300}},
        # The layout and the anonymous page cache: a server's own copy would miss the other
        # servers' publications, so while Redis is down every page is made afresh.
        LAYOUT_CACHE: {**backend, "OPTIONS": {**options, "FALLBACK": "miss"}},
    }


REDIS_URL = env("REDIS_URL", required_in_production=True)
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, env("REDIS_KEY_PREFIX", "relais"))
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    SESSION_CACHE_ALIAS = "sessions"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                          "OPTIONS": {"MAX_ENTRIES": 2000}},
              LAYOUT_CACHE: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                             "LOCATION": "relais-layout", "OPTIONS": {"MAX_ENTRIES": 2000}}}

# The layout kept in the cache (portal/layout.py) and the anonymous page cache of the public
# site (portal/page_cache.py), both dropped whenever an editor publishes or changes a setting.
LAYOUT_CACHE_SECONDS = 300
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
# What anonymous public pages tell a reverse proxy or a browser (Cache-Control: max-age).
PAGE_CACHE_MAX_AGE = int(env("PAGE_CACHE_MAX_AGE", "60"))
# A reverse proxy or CDN purged by Wagtail's frontend cache on publish and unpublish.
FRONTEND_CACHE_PURGE_URL = env("FRONTEND_CACHE_PURGE_URL")
FRONTEND_CACHE_CLOUDFLARE_ZONE = env("FRONTEND_CACHE_CLOUDFLARE_ZONE")
FRONTEND_CACHE_CLOUDFLARE_TOKEN = env("FRONTEND_CACHE_CLOUDFLARE_TOKEN")
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
if FRONTEND_CACHE_CLOUDFLARE_ZONE:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": FRONTEND_CACHE_CLOUDFLARE_ZONE,
        "BEARER_TOKEN": FRONTEND_CACHE_CLOUDFLARE_TOKEN,
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")


def elasticsearch_backends(url: str, index_prefix: str) -> dict:
    """Elasticsearch, and Wagtail's database search indexed beside it: the spare the admin
    searches while Elasticsearch is down (see portal/search_backend.py)."""
    return {
        "default": {
            "BACKEND": "portal.search_backend.Elasticsearch8WithDatabaseSpare",
            "URLS": [url],
            "INDEX": index_prefix,
            "TIMEOUT": 5,
            "SPARE": "database",
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }


ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", required_in_production=True)
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", "relais")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = elasticsearch_backends(ELASTICSEARCH_URL, ELASTICSEARCH_INDEX_PREFIX)
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Daily counts of the portal's searches (search_promotions' QueryDailyHits, and the search
# app's per-site counts that go with their query) kept for the search report's periods:
# ``searchpromotions_garbage_collect`` deletes older ones.
WAGTAILSEARCH_HITS_MAX_AGE = 400

# The portal's search (the search app): an Elasticsearch index of its own, one alias per site
# and language named after SEARCH_INDEX_PREFIX, or without ELASTICSEARCH_URL the database
# (Wagtail's database search over the search app's table of entries), which also answers
# while Elasticsearch is down or slower than SEARCH_TIMEOUT seconds.
SEARCH_ELASTICSEARCH_URL = ELASTICSEARCH_URL
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", f"{ELASTICSEARCH_INDEX_PREFIX}-search")
SEARCH_TIMEOUT = float(env("SEARCH_TIMEOUT", "2"))
SEARCH_INDEX_REPLICAS = int(env("SEARCH_INDEX_REPLICAS", "1"))
# After a failure, Elasticsearch is left alone for this many seconds (the database answers).
SEARCH_CIRCUIT_BREAKER_SECONDS = int(env("SEARCH_CIRCUIT_BREAKER_SECONDS", "30"))

# Background work (Wagtail's reference index, image renditions, the outbox's e-mails) goes
# through django_tasks: immediately in development, through the database and a worker
# (`manage.py db_worker`) in production.
TASKS_BACKEND = env("TASKS_BACKEND", "database" if PRODUCTION else "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}

# --- Files ------------------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_collected")))
# Two places for uploaded files. MEDIA_ROOT holds only what anyone may read (renditions of
# public images, event images): the proxy may serve it at MEDIA_URL. PRIVATE_MEDIA_ROOT holds
# the rest (every document, the original of every image, the renditions of images in
# restricted collections); it is never under MEDIA_URL and is read only through views that
# check the user (portal.media), which hand the sending to the proxy with SENDFILE_BACKEND.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
PRIVATE_MEDIA_URL = "/private-media/"
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "media_private")))
_media_roots = (MEDIA_ROOT.resolve(), PRIVATE_MEDIA_ROOT.resolve())
if _media_roots[0].is_relative_to(_media_roots[1]) or _media_roots[1].is_relative_to(
    _media_roots[0]
):
    raise ImproperlyConfigured(
        "MEDIA_ROOT and PRIVATE_MEDIA_ROOT must be two separate folders, neither inside the other."
    )
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "restricted": {"BACKEND": "portal.storage.PrivateFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Several app servers: both stores on S3-compatible object storage (portal/object_storage.py),
# each under its own prefix of S3_BUCKET (the restricted one may have a bucket of its own).
# Public files are linked directly (the prefix must be readable by anyone, or S3_PUBLIC_DOMAIN
# a CDN in front of it); restricted files keep Relais's URLs and, once the view has checked
# the user, are streamed from the store or, with S3_PRIVATE_DELIVERY=redirect, handed over as
# a signed URL valid S3_SIGNED_URL_SECONDS.
S3_BUCKET = env("S3_BUCKET")
S3_PRIVATE_DELIVERY = env("S3_PRIVATE_DELIVERY", "stream").lower()
if S3_PRIVATE_DELIVERY not in {"stream", "redirect"}:
    raise ImproperlyConfigured("S3_PRIVATE_DELIVERY must be stream or redirect.")
S3_SIGNED_URL_SECONDS = int(env("S3_SIGNED_URL_SECONDS", "60"))
if S3_BUCKET:
    _s3_options = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": env("S3_ENDPOINT_URL") or None,
        "region_name": env("S3_REGION") or None,
        "access_key": env("S3_ACCESS_KEY_ID") or None,
        "secret_key": env("S3_SECRET_ACCESS_KEY") or None,
        "addressing_style": env("S3_ADDRESSING_STYLE") or None,
        "file_overwrite": False,
        "default_acl": None,
        "signature_version": "s3v4",
    }
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        **_s3_options, "location": env("S3_PUBLIC_PREFIX", "public"),
        "querystring_auth": False, "custom_domain": env("S3_PUBLIC_DOMAIN") or None,
    }}
    STORAGES["restricted"] = {"BACKEND": "portal.object_storage.PrivateS3Storage", "OPTIONS": {
        **_s3_options, "bucket_name": env("S3_PRIVATE_BUCKET", S3_BUCKET),
        "location": env("S3_PRIVATE_PREFIX", "private"), "querystring_auth": True,
    }}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# How restricted files leave once a view has checked the user: streamed by gunicorn (none),
# or handed to the proxy with X-Accel-Redirect (nginx, internal location SENDFILE_URL) or
# X-Sendfile (apache). See README, "Deploying".
SENDFILE_BACKEND = {
    "none": "wagtail.utils.sendfile_streaming_backend",
    "nginx": "django_sendfile.backends.nginx",
    "apache": "django_sendfile.backends.xsendfile",
}.get(env("SENDFILE_BACKEND", "none").lower())
if SENDFILE_BACKEND is None:
    raise ImproperlyConfigured("SENDFILE_BACKEND must be none, nginx or apache.")
SENDFILE_ROOT = str(PRIVATE_MEDIA_ROOT)
SENDFILE_URL = "/internal-media"

# --- E-mail -----------------------------------------------------------------------------------

EMAIL_HOST = env("EMAIL_HOST", required_in_production=True)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", "Relais <ne-pas-repondre@relais.localhost>", required_in_production=True
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where to report a vulnerability: an e-mail address or an https:// URL, published in
# /.well-known/security.txt (RFC 9116). Required in production: a report must reach someone.
SECURITY_CONTACT = env("SECURITY_CONTACT", "securite@relais.localhost",
                       required_in_production=True)
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(env("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=EMAIL_PORT == 465)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Languages --------------------------------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Accounts ---------------------------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False

# How many reverse proxies add themselves to X-Forwarded-For in front of gunicorn: the
# visitor's address (for allauth's and the public forms' rate limits) is read from that header.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

ACCOUNT_ADAPTER = "portal.accounts.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "portal.accounts.SocialAccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, written out so that nobody switches them off by accident.
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "login": "30/m/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Relais"
# Accept the code of the previous and next 30-second period: phone clocks drift, and a code
# typed as its period ends would otherwise be refused.
MFA_TOTP_TOLERANCE = 1
# A used code is refused for as long as the tolerance keeps it valid (allauth alone forgets it
# after one period).
MFA_FORMS = {
    "authenticate": "portal.accounts.TOTPAuthenticateForm",
    "reauthenticate": "portal.accounts.TOTPReauthenticateForm",
}
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True

# ProConnect (or any OpenID Connect provider), switched on by OIDC_CLIENT_ID.
# The "proconnect" provider is portal.proconnect. OIDC_SERVER_URL is the issuer, for instance
# https://auth.agentconnect.gouv.fr/api/v2 (the provider appends
# /.well-known/openid-configuration), or that full discovery URL. OIDC_SCOPES and
# OIDC_ACR_VALUES are space-separated; acr_values is only sent when set.
OIDC_CLIENT_ID = env("OIDC_CLIENT_ID")
SOCIALACCOUNT_PROVIDERS = {}
if OIDC_CLIENT_ID:
    _oidc_secret = os.environ.get("OIDC_CLIENT_SECRET", "").strip()
    _oidc_server = os.environ.get("OIDC_SERVER_URL", "").strip().rstrip("/")
    for _name, _value in (("OIDC_CLIENT_SECRET", _oidc_secret), ("OIDC_SERVER_URL", _oidc_server)):
        if not _value:
            raise ImproperlyConfigured(f"{_name} is required when OIDC_CLIENT_ID is set.")
    SOCIALACCOUNT_PROVIDERS["proconnect"] = {
        "APPS": [
            {
                "provider_id": "proconnect",
                "name": env("OIDC_PROVIDER_NAME", "ProConnect"),
                "client_id": OIDC_CLIENT_ID,
                "secret": _oidc_secret,
                "settings": {
                    "server_url": _oidc_server,
                    "scope": env(
                        "OIDC_SCOPES", "openid email given_name usual_name uid siret idp_id"
                    ).split(),
                    "acr_values": env("OIDC_ACR_VALUES"),
                },
            }
        ],
        "OAUTH_PKCE_ENABLED": True,
    }

# --- Wagtail ----------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = env("SITE_NAME", "Relais")
WAGTAILDOCS_EXTENSIONS = [
    "csv", "docx", "gif", "jpeg", "jpg", "odp", "ods", "odt", "pdf", "png", "pptx", "svg",
    "txt", "xlsx", "zip", "mp3", "ogg",
]
# Documents and images live in portal (portal.models): their files follow the privacy of
# their collection (see "Files" above).
WAGTAILDOCS_DOCUMENT_MODEL = "portal.LibraryDocument"
WAGTAILIMAGES_IMAGE_MODEL = "portal.LibraryImage"
# Documents are always downloaded (never shown inline on our origin) through the view that
# checks their collection, with nosniff and a sandboxing Content-Security-Policy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.forms.ImageForm"
# Every document upload checks that the file is what its extension says (a PDF is a PDF).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "pages.documents.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Avatars are Wagtail's default image or the one the user uploads: no request to Gravatar
# (a third party our Content-Security-Policy does not allow, and which would learn who works
# in the admin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security ---------------------------------------------------------------------------------

SESSION_COOKIE_SECURE = USE_HTTPS
CSRF_COOKIE_SECURE = USE_HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No page of ours is framed; Wagtail's own preview views answer SAMEORIGIN for the editor.
X_FRAME_OPTIONS = "DENY"
# Players that video blocks may embed (iframes); everything else is served by Relais itself.
CSP_FRAME_SRC = env_list("CSP_FRAME_SRC") or [
    "https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com",
    "https://www.dailymotion.com", "https://geo.dailymotion.com",
]
if USE_HTTPS:
    # The proxy terminates TLS and sets X-Forwarded-Proto itself (replacing any value the client
    # sent); a request it forwards over plain HTTP is redirected to HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
# Intranet sessions end after this long without a request (portal.intranet).
INTRANET_SESSION_IDLE_MINUTES = int(env("INTRANET_SESSION_IDLE_MINUTES", "120"))
# Press contacts not updated for this many months are flagged for review (RGPD).
PRESS_REVIEW_MONTHS = int(env("PRESS_REVIEW_MONTHS", "24"))
if PRODUCTION and SECRET_KEY.startswith("relais-development-only"):
    _missing.append("SECRET_KEY")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

if _missing:
    raise ImproperlyConfigured(
        "Relais runs with RELAIS_ENV=production but these environment variables are missing: "
        + ", ".join(sorted(set(_missing)))
        + ". See README.md, section Configuration."
    )
