"""A small, bounded HTTP load generator: N clients loop over a weighted mix of paths until told to stop,
and every answer is kept (status, latency, which search backend answered, whether a notice was shown).
Plain threads and urllib keep it dependency-free and its numbers easy to audit."""

from __future__ import annotations

import json
import random
import statistics
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

TIMEOUT = 30


@dataclass
class Sample:
    started: float
    path: str
    status: int  # 0 when no HTTP answer came back at all
    ms: float
    backend: str = ""
    notice: bool = False
    error: str = ""

    @property
    def failed(self) -> bool:
        return self.status == 0 or self.status >= 500


def fetch(base_url: str, path: str) -> Sample:
    started = time.monotonic()
    status, body, error = 0, b"", ""
    try:
        with urllib.request.urlopen(base_url + path, timeout=TIMEOUT) as response:  # noqa: S310
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    except OSError as exc:
        error = str(exc)
    ms = (time.monotonic() - started) * 1000
    backend, notice = "", False
    if path.startswith("/api/search/") and status == 200:
        data = json.loads(body)
        backend, notice = data.get("backend", ""), bool(data.get("notice"))
    elif path.startswith("/search/") and status == 200:
        notice = b"The search engine is unavailable" in body
    return Sample(started, path, status, ms, backend, notice, error)


@dataclass
class LoadGenerator:
    base_url: str
    mix: list[tuple[int, str]]  # (weight, path)
    clients: int = 8
    seed: int = 2026
    samples: list[Sample] = field(default_factory=list)

    def __post_init__(self):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    def _client(self, number: int) -> None:
        rng = random.Random(self.seed + number)  # noqa: S311 - a reproducible request mix, not security
        paths = [path for _weight, path in self.mix]
        weights = [weight for weight, _path in self.mix]
        while not self._stop.is_set():
            sample = fetch(self.base_url, rng.choices(paths, weights)[0])
            with self._lock:
                self.samples.append(sample)

    def start(self) -> LoadGenerator:
        self._threads = [
            threading.Thread(target=self._client, args=(n,), daemon=True) for n in range(self.clients)
        ]
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> list[Sample]:
        self._stop.set()
        for thread in self._threads:
            thread.join(TIMEOUT + 5)
        return self.samples

    def between(self, start: float, end: float) -> list[Sample]:
        with self._lock:
            return [sample for sample in self.samples if start <= sample.started < end]


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(pct) - 1]


def summarise(samples: list[Sample], seconds: float) -> dict:
    latencies = [sample.ms for sample in samples]
    backends: dict[str, int] = {}
    for sample in samples:
        if sample.backend:
            backends[sample.backend] = backends.get(sample.backend, 0) + 1
    statuses: dict[str, int] = {}
    for sample in samples:
        statuses[str(sample.status)] = statuses.get(str(sample.status), 0) + 1
    return {
        "requests": len(samples),
        "seconds": round(seconds, 1),
        "per_second": round(len(samples) / seconds, 1) if seconds else 0.0,
        "errors": sum(sample.failed for sample in samples),
        "statuses": statuses,
        "backends": backends,
        "notices": sum(sample.notice for sample in samples),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "max_ms": round(max(latencies, default=0.0), 1),
    }
