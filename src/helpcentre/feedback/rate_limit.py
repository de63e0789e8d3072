"""How many votes one client may send: a sliding window kept in memory, per client address."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    """At most `limit` requests per `window` seconds for each key.

    In memory on purpose: the limit only has to slow a flood down for as long as the service
    runs, and a restart forgetting it does no harm.
    """

    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic):
        if limit < 1:
            raise ValueError("the limit must be 1 or more")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._times: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, key: str) -> int:
        """0 when the request may go ahead (and is counted); else whole seconds until one may."""
        now = self._clock()
        with self._lock:
            times = self._times.setdefault(key, deque())
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.limit:
                return max(1, math.ceil(times[0] + self.window - now))
            times.append(now)
            if len(self._times) > 10_000:
                self._forget_idle(now)
            return 0

    def _forget_idle(self, now: float) -> None:
        # Keeps memory bounded by the clients of the last window, not every client ever seen.
        for key in [key for key, times in self._times.items() if not times or times[-1] <= now - self.window]:
            del self._times[key]
