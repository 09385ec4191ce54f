"""The shared cache (Redis) fails open: when Redis is down, the sites stay up.

Django's Redis backend raises on every call when Redis cannot be reached, and every page, login
and form then answers 500. ``FailOpenRedisCache`` catches Redis errors and answers from a
fallback instead, chosen per cache alias with ``OPTIONS["FALLBACK"]``:

- ``"memory"`` (the default cache): this process's local memory. Rate limits (allauth's and
  ``portal.antispam``'s) and the used TOTP codes then hold per server rather than across the
  cluster, which is weaker but never "no limit at all".
- ``"miss"`` (the session cache): nothing is cached, every read misses. ``cached_db`` sessions
  then read and write the database only; a per-server memory copy would go stale as soon as
  another server changed the session (a sign-out would not stick).

After a failure Redis is left alone for ``RETRY_SECONDS`` (an option), so that a dead host does
not cost a connection timeout on every call; the outage is logged at most once a minute per
process, and its end once.

Writes made while Redis was unreachable did not reach it, so Redis may still hold older values
for those keys (a session that was signed out, a Wagtail site-root list that changed). The
keys are remembered and deleted from Redis as soon as it answers again; beyond
``MAX_REMEMBERED_KEYS`` the whole cache database is flushed instead. ``MAX_TIMEOUT`` (an
option) caps how long an entry may live in Redis, which bounds any staleness left over (a
process that ended during the outage cannot repair its keys).
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

LOG_EVERY_SECONDS = 60
MAX_REMEMBERED_KEYS = 10_000
FALLBACKS = ("memory", "miss")
EVERY_KEY = object()


def describe_server(location: str) -> str:
    """The first server's host, port and database, without any password, for the logs."""
    url = urlsplit(location.split(",")[0].split(";")[0])
    return f"{url.hostname}:{url.port or 6379}{url.path}"


class _Outage:
    """What one process knows about one Redis cache being down, shared by its threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0
        self.logged_at = None
        self.unsynced_keys: set[str] = set()
        self.flush_needed = False

    def is_resting(self) -> bool:
        return self.down and time.monotonic() < self.retry_at

    def went_down(self, retry_seconds) -> bool:
        """Record a failure; True when it is time to log one (at most once a minute)."""
        now = time.monotonic()
        with self.lock:
            self.down = True
            self.retry_at = now + retry_seconds
            if self.logged_at is not None and now - self.logged_at < LOG_EVERY_SECONDS:
                return False
            self.logged_at = now
            return True

    def remember_unsynced(self, keys=(), flush=False):
        with self.lock:
            self.flush_needed = self.flush_needed or flush
            if not self.flush_needed:
                self.unsynced_keys.update(keys)
                self.flush_needed = len(self.unsynced_keys) > MAX_REMEMBERED_KEYS
            if self.flush_needed:
                self.unsynced_keys.clear()

    def take_repairs(self):
        with self.lock:
            keys, flush = list(self.unsynced_keys), self.flush_needed
            self.unsynced_keys.clear()
            self.flush_needed = False
            return keys, flush

    def came_back(self):
        with self.lock:
            self.down = False
            self.logged_at = None


_outages: dict[str, _Outage] = {}
_outages_lock = threading.Lock()


def _outage_for(name: str) -> _Outage:
    with _outages_lock:
        return _outages.setdefault(name, _Outage())


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.fallback = options.pop("FALLBACK", "memory")
        if self.fallback not in FALLBACKS:
            raise ValueError(f"FALLBACK must be one of {FALLBACKS}, not {self.fallback!r}.")
        self.max_timeout = options.pop("MAX_TIMEOUT", None)
        self.retry_seconds = options.pop("RETRY_SECONDS", 5)
        super().__init__(server, {**params, "OPTIONS": options})
        location = server if isinstance(server, str) else ",".join(server)
        self.server = describe_server(location)
        # Django makes one backend object per thread: the outage is known process-wide.
        self._outage = _outage_for(f"{location}|{self.key_prefix}|{self.fallback}")
        self._memory = None
        if self.fallback == "memory":
            self._memory = LocMemCache(f"relais-fail-open|{location}|{self.key_prefix}", {
                **params, "OPTIONS": {"MAX_ENTRIES": 5000},
            })

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        timeout = super().get_backend_timeout(timeout)
        if self.max_timeout is None:
            return timeout
        return self.max_timeout if timeout is None else min(timeout, self.max_timeout)

    def _run(self, method, args, miss, written=(), version=None):
        """Call Redis; when it is down, remember the keys written and answer the fallback."""
        outage = self._outage
        if not outage.is_resting():
            try:
                if outage.down:
                    self._repair(outage)
                return getattr(super(), method)(*args)
            except RedisError as error:
                if outage.went_down(self.retry_seconds):
                    logger.warning(
                        "Redis cache at %s is unreachable (%s): answering from %s until it is "
                        "back.", self.server, error,
                        "local memory" if self._memory else "the database (cache misses)",
                    )
        if written is EVERY_KEY:
            outage.remember_unsynced(flush=True)
        elif written:
            outage.remember_unsynced(self.make_key(key, version) for key in written)
        if self._memory is not None:
            return getattr(self._memory, method)(*args)
        return miss() if callable(miss) else miss

    def _repair(self, outage):
        """First call once Redis answers again: drop what it may hold from before the outage."""
        keys, flush = outage.take_repairs()
        try:
            if flush:
                self._cache.clear()
            elif keys:
                self._cache.delete_many(keys)
        except RedisError:
            outage.remember_unsynced(keys, flush=flush)
            raise
        outage.came_back()
        if self._memory is not None:
            self._memory.clear()  # so that the next outage does not start from stale values
        logger.warning("Redis cache at %s answers again%s.", self.server,
                       ": flushed, too many writes were missed" if flush
                       else f": dropped {len(keys)} entries written meanwhile" if keys else "")

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._run("add", (key, value, timeout, version), False, [key], version)

    def get(self, key, default=None, version=None):
        return self._run("get", (key, default, version), default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._run("set", (key, value, timeout, version), None, [key], version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._run("touch", (key, timeout, version), False, [key], version)

    def delete(self, key, version=None):
        return self._run("delete", (key, version), False, [key], version)

    def get_many(self, keys, version=None):
        return self._run("get_many", (keys, version), {})

    def has_key(self, key, version=None):
        return self._run("has_key", (key, version), False)

    def incr(self, key, delta=1, version=None):
        def not_found():
            raise ValueError(f"Key '{key}' not found.")

        return self._run("incr", (key, delta, version), not_found, [key], version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._run("set_many", (data, timeout, version), list(data), list(data), version)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self._run("delete_many", (keys, version), None, keys, version)

    def clear(self):
        return self._run("clear", (), False, EVERY_KEY)
