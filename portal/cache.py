"""Redis for Django's cache with a circuit breaker: a Redis that hangs costs a process one
timeout, not every cache call of every request.

django-redis with ``IGNORE_EXCEPTIONS`` turns a failed cache call into a miss, and the socket
timeouts bound each call. But a page makes a dozen cache calls or more, and a Redis that accepts
connections without answering (stopped, swapping, overloaded) makes each of them wait the whole
timeout: 31 seconds for one kern page. Neither django-redis nor redis-py has a breaker for one
server (redis-py's ``multidb`` breakers switch between several databases), so this connection
class keeps one: after a call failed (refused, timed out, connection lost), every call to that
Redis address fails at once, without touching the network, for ``REDIS_CIRCUIT_SECONDS``.
django-redis answers those calls as misses, and pages come from the database. The first call
after that time tries Redis again; the first answer closes the breaker.

The state is per process (each gunicorn worker pays the timeout once) and per address. Nothing
is retried: redis-py's connections made by django-redis's pool retry nothing, and
``portal/settings/base.py`` says so explicitly.

:func:`changes` counts how often this process lost or regained Redis: the page cache checks
for invalidations it could not write when that number changes (``pagecache/invalidation.py``).
"""

import hashlib
import logging
import threading
import time

from django.conf import settings

from redis.connection import Connection, SSLConnection, UnixDomainSocketConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

DEFAULT_CIRCUIT_SECONDS = 30

_lock = threading.Lock()
_open_until: dict[str, float] = {}  # address → monotonic time until which calls are refused
_changes = 0


class CacheSkipped(RedisConnectionError):
    """Raised instead of talking to a Redis that failed a moment ago."""


def changes() -> int:
    """How often this process lost or regained Redis (any address)."""
    return _changes


def is_open(address: str) -> bool:
    return address in _open_until


def reset() -> None:
    """Forget every failure (tests)."""
    with _lock:
        _open_until.clear()


def _circuit_seconds() -> float:
    return float(getattr(settings, "REDIS_CIRCUIT_SECONDS", DEFAULT_CIRCUIT_SECONDS))


class CircuitBreakerMixin:
    """Refuse calls while the breaker of this address is open; open it on a failure, close it
    on the first answer."""

    def _address(self) -> str:
        return self._host_error()

    def _refuse_while_open(self):
        address = self._address()
        until = _open_until.get(address)
        if until is not None and time.monotonic() < until:
            raise CacheSkipped(f"Redis at {address} failed a moment ago; not asked until later.")

    def _trip(self, error):
        global _changes
        address = self._address()
        seconds = _circuit_seconds()
        with _lock:
            first = address not in _open_until
            _open_until[address] = time.monotonic() + seconds
            _changes += 1
        if first:
            logger.warning(
                "Redis at %s failed (%s): the cache is skipped for %s s.", address, error, seconds
            )

    def _answered(self):
        global _changes
        address = self._address()
        if address in _open_until:
            with _lock:
                if _open_until.pop(address, None) is not None:
                    _changes += 1
            logger.warning("Redis at %s answers again: the cache is used again.", address)

    def connect(self):
        self._refuse_while_open()
        try:
            super().connect()
        except (RedisConnectionError, RedisTimeoutError) as error:
            if not isinstance(error, CacheSkipped):
                self._trip(error)
            raise

    def send_packed_command(self, command, check_health=True):
        self._refuse_while_open()
        try:
            super().send_packed_command(command, check_health=check_health)
        except (RedisConnectionError, RedisTimeoutError) as error:
            if not isinstance(error, CacheSkipped):
                self._trip(error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            response = super().read_response(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            if not isinstance(error, CacheSkipped):
                self._trip(error)
            raise
        self._answered()
        return response


class CircuitBreakerConnection(CircuitBreakerMixin, Connection):
    pass


class CircuitBreakerSSLConnection(CircuitBreakerMixin, SSLConnection):
    pass


class CircuitBreakerUnixConnection(CircuitBreakerMixin, UnixDomainSocketConnection):
    pass


def connection_class(url: str):
    """The connection class for a ``REDIS_URL`` (redis://, rediss:// or unix://)."""
    if url.startswith("rediss://"):
        return CircuitBreakerSSLConnection
    if url.startswith("unix://"):
        return CircuitBreakerUnixConnection
    return CircuitBreakerConnection


def deployment_key_prefix(database: dict, secret_key: str) -> str:
    """A cache key prefix of its own for each deployment: derived from where its database is
    and from its SECRET_KEY, so two sites on one Redis never share keys (``CACHE_KEY_PREFIX``
    overrides it)."""
    where = "|".join(str(database.get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME"))
    return "kp-" + hashlib.sha256(f"{where}|{secret_key}".encode()).hexdigest()[:12]
