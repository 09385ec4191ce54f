"""Per-address limits for the public forms, kept in the cache (Redis in production).

The visitor's address is the one allauth trusts for its own sign-in limits, so both follow
the same proxy settings (ALLAUTH_TRUSTED_PROXY_COUNT / ALLAUTH_TRUSTED_CLIENT_IP_HEADER).
"""

from allauth.account.adapter import get_adapter
from django.core.cache import cache


def client_ip(request) -> str:
    return get_adapter(request).get_client_ip(request)


def over_rate_limit(request, scope: str, limit: int, period_seconds: int) -> bool:
    """Count one more use of ``scope`` by this visitor's address; True once over ``limit``."""
    key = f"relais:rate:{scope}:{client_ip(request)}"
    cache.add(key, 0, timeout=period_seconds)
    try:
        uses = cache.incr(key)
    except ValueError:
        # The entry expired between add() and incr(): this use opens a new period.
        cache.set(key, 1, timeout=period_seconds)
        uses = 1
    return uses > limit
