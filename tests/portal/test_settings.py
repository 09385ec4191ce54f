"""Start-up with the environment: each case runs Django in a fresh process, as a server would."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "RELAIS_ENV": "production",
    "SECRET_KEY": "x" * 50,
    "DATABASE_URL": "postgres://relais@127.0.0.1:5432/relais",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
    "EMAIL_HOST": "smtp.example.org",
    "DEFAULT_FROM_EMAIL": "Relais <ne-pas-repondre@example.org>",
    "PUBLIC_HOST": "www.culture-bretagne.example.org",
    "INTRANET_HOST": "intranet.culture-bretagne.example.org",
    "SECURITY_CONTACT": "securite@example.org",
}
PROBE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], "
    "s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'], s.EMAIL_BACKEND, s.DEBUG, "
    "sorted(s.ALLOWED_HOSTS), s.TASKS['default']['BACKEND'])"
)


def start_django(**overrides):
    env = {key: value for key, value in os.environ.items()
           if key not in PRODUCTION_ENV and not key.startswith("OIDC_")}
    env.update({"DJANGO_SETTINGS_MODULE": "portal.settings"}, **overrides)
    env = {key: value for key, value in env.items() if value is not None}
    return subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=settings.BASE_DIR,
                          capture_output=True, text=True, timeout=60)


def test_embedded_default_needs_nothing_installed():
    result = start_django()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:5] == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "wagtail.search.backends.database",
        "django.core.mail.backends.console.EmailBackend",
        "True",
    ]
    assert "django_tasks.backends.immediate.ImmediateBackend" in result.stdout


def test_production_with_every_value_starts():
    result = start_django(**PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    output = result.stdout
    assert output.startswith("django.db.backends.postgresql portal.cache.FailOpenRedisCache")
    assert "portal.search_backend.Elasticsearch8WithDatabaseSpare" in output
    assert "smtp.EmailBackend False" in output
    assert "'intranet.culture-bretagne.example.org', 'www.culture-bretagne.example.org'" in output
    assert "django_tasks_db.DatabaseBackend" in output


def test_production_refuses_to_start_without_a_required_value_and_names_it():
    for name in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "EMAIL_HOST",
                 "DEFAULT_FROM_EMAIL", "SECURITY_CONTACT",
                 "PUBLIC_HOST", "INTRANET_HOST"):
        result = start_django(**{**PRODUCTION_ENV, name: None})
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr
        assert f"missing: {name}" in result.stderr


def test_production_lists_every_missing_value_at_once():
    result = start_django(RELAIS_ENV="production")
    assert result.returncode != 0
    assert ("missing: DATABASE_URL, DEFAULT_FROM_EMAIL, ELASTICSEARCH_URL, EMAIL_HOST, "
            "INTRANET_HOST, PUBLIC_HOST, "
            "REDIS_URL, SECRET_KEY, SECURITY_CONTACT") in result.stderr


def test_half_configured_openid_connect_is_refused():
    result = start_django(OIDC_CLIENT_ID="relais")
    assert result.returncode != 0
    assert "OIDC_CLIENT_SECRET is required when OIDC_CLIENT_ID is set" in result.stderr


def test_unknown_environment_name_is_refused():
    result = start_django(RELAIS_ENV="prod")
    assert result.returncode != 0
    assert "RELAIS_ENV must be 'development' or 'production'" in result.stderr
