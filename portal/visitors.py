"""Counting people rather than requests, without tracking anyone.

Robots are recognised by what they say: their User-Agent, checked against crawlerdetect's
maintained list (search engines, link previews of messaging apps and office suites, HTTP
libraries and headless browsers).

A visitor is recognised within one day by a keyed hash of their address and User-Agent, kept
in the cache until midnight. We chose this over a cookie: nothing is stored on the visitor's
device (no consent question), it works for clients that refuse cookies, and what the server
keeps cannot be turned back into an address: the hash is keyed with SECRET_KEY and a salt
that changes every day (so two days cannot be linked either), it never reaches the database
or the logs, and it expires with the day.
"""

from datetime import datetime, time, timedelta

from crawlerdetect import CrawlerDetect
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from portal.antispam import client_ip

_crawler_detect = CrawlerDetect()


def is_declared_robot(request) -> bool:
    """True when the User-Agent says this is not a person's browser; a request without any
    User-Agent is no browser either."""
    user_agent = request.headers.get("User-Agent", "").strip()
    # crawlerdetect names the known previewers; "preview" catches the ones it does not know.
    return not user_agent or "preview" in user_agent.lower() or _crawler_detect.is_crawler(
        user_agent
    )


def seconds_until_tomorrow() -> int:
    now = timezone.localtime()
    midnight = datetime.combine(now.date() + timedelta(days=1), time.min, tzinfo=now.tzinfo)
    return max(1, int((midnight - now).total_seconds()))


def first_time_today(request, subject: str) -> bool:
    """True the first time today that this visitor does ``subject`` (e.g. downloads a file)."""
    today = timezone.localdate()
    visitor = salted_hmac(
        f"relais.visitors.{today.isoformat()}",
        f"{client_ip(request)}\n{request.headers.get('User-Agent', '')}",
        algorithm="sha256",
    ).hexdigest()
    return cache.add(f"relais:seen:{subject}:{visitor}", True, timeout=seconds_until_tomorrow())
