"""The connection to an Elasticsearch or OpenSearch server. Requests are built with elasticsearch-dsl
once; this layer only sends them through the client that the server accepts."""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

ELASTICSEARCH = "elasticsearch"
OPENSEARCH = "opensearch"
CONNECT_TIMEOUT = 5


class EngineError(Exception):
    """The engine could not be reached or refused a request."""


def _get(url: str, timeout: float) -> tuple[int, dict, dict[str, str]]:
    """GET a URL; an HTTP error status is an answer too (its headers still name the product)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            status, headers, raw = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        status, headers, raw = exc.code, dict(exc.headers), exc.read()
    except (OSError, urllib.error.URLError) as exc:
        raise EngineError(f"search engine at {url} did not answer: {exc}") from exc
    try:
        body = json.loads(raw or b"{}")
    except ValueError:
        body = {}
    return status, body, headers


def split_urls(url: str) -> list[str]:
    """SEARCH_URL names one node, or several nodes of one cluster separated by commas."""
    return [part.strip() for part in url.split(",") if part.strip()]


def probe(url: str, timeout: float = CONNECT_TIMEOUT) -> tuple[str, str]:
    """(kind, version) from the first of the URL's nodes that answers: any node of a cluster will do,
    so one that is down does not keep the site on the database."""
    problems = []
    for node in split_urls(url):
        try:
            return _probe_node(node, timeout)
        except EngineError as exc:
            problems.append(str(exc))
    raise EngineError("; ".join(problems) or "no search engine URL given")


def _probe_node(url: str, timeout: float) -> tuple[str, str]:
    """(kind, version) of the server. OpenSearch names itself in the root endpoint's version;
    Elasticsearch always sends the X-elastic-product header, even where the root endpoint is absent
    (the integ-test-zip has no rest-root module), and its nodes API gives the version."""
    base = url.rstrip("/")
    _status, body, headers = _get(base + "/", timeout)
    version = body.get("version", {}) if isinstance(body.get("version"), dict) else {}
    if version.get("distribution") == OPENSEARCH:
        return OPENSEARCH, str(version.get("number", ""))
    if (
        headers.get("X-elastic-product") == "Elasticsearch"
        or headers.get("x-elastic-product") == "Elasticsearch"
    ):
        number = version.get("number")
        if not number:
            _s, nodes, _h = _get(base + "/_nodes/_local?filter_path=nodes.*.version", timeout)
            number = next(iter(nodes.get("nodes", {}).values()), {}).get("version", "")
        return ELASTICSEARCH, str(number)
    raise EngineError(f"{url} does not look like Elasticsearch or OpenSearch")


@dataclass
class Engine:
    url: str
    kind: str
    version: str
    _modules: set[str] | None = field(default=None, repr=False)

    @classmethod
    def connect(cls, url: str) -> Engine:
        kind, version = probe(url)
        return cls(url=url, kind=kind, version=version)

    @property
    def hosts(self) -> list[str]:
        return split_urls(self.url)

    @cached_property
    def client(self):
        timeout = getattr(settings, "SEARCH_TIMEOUT", 5)
        hosts = self.hosts
        # Several nodes: requests go round the nodes, and one whose node refuses the connection,
        # drops it or answers 502/503/504 moves on to another; the failed node rests one second before
        # it is tried again. When every node rests the client wakes the one whose rest ends first,
        # and rests of one length make that the node that failed longest ago (growing rests, the
        # clients' default, can keep waking the node that has just died while the other, back in
        # service, still rests). Each other node gets two tries for that reason. Refusals are
        # instant; a time-out is not retried, so a hung node costs one SEARCH_TIMEOUT, never one per
        # node. One node: no retries, as ever.
        retries = {"max_retries": 2 * (len(hosts) - 1), "retry_on_timeout": False}
        if self.kind == OPENSEARCH:
            from opensearchpy import OpenSearch

            # gunicorn threads share one client: a pool of one connection per node would open and
            # drop a fresh connection for every concurrent request beyond the first.
            return OpenSearch(
                hosts, timeout=timeout, dead_timeout=1, timeout_cutoff=0, pool_maxsize=16, **retries
            )
        from elasticsearch import Elasticsearch

        return Elasticsearch(
            hosts,
            request_timeout=timeout,
            dead_node_backoff_factor=1.0,
            max_dead_node_backoff=1.0,
            **retries,
        )

    @property
    def transport_errors(self) -> tuple[type[Exception], ...]:
        if self.kind == OPENSEARCH:
            from opensearchpy.exceptions import OpenSearchException

            return (OpenSearchException, OSError)
        from elastic_transport import TransportError
        from elasticsearch import ApiError

        return (ApiError, TransportError, OSError)

    def call(self, method: str, **kwargs) -> Any:
        """Run one client call, turning any client's transport or API error into EngineError."""
        target = self.client
        for part in method.split("."):
            target = getattr(target, part)
        try:
            response = target(**kwargs)
        except self.transport_errors as exc:
            raise EngineError(f"{self.kind} {method} failed: {exc}") from exc
        return getattr(response, "body", response)

    @property
    def modules(self) -> set[str]:
        if self._modules is None:
            nodes = self.call("nodes.info", node_id="_all", metric="modules,plugins")["nodes"]
            names = set()
            for node in nodes.values():
                names.update(module["name"] for module in node.get("modules", []))
                names.update(plugin["name"] for plugin in node.get("plugins", []))
            self._modules = names
        return self._modules

    @property
    def has_full_analysis(self) -> bool:
        """analysis-common brings the language stemmers, asciifolding and edge n-grams. A normal
        distribution lists it as a module; the OpenSearch runner loads it as a plugin named by class."""
        return any(name == "analysis-common" or "CommonAnalysis" in name for name in self.modules)

    def bulk(self, actions, refresh: str = "true") -> tuple[int, list]:
        """Send index/delete actions. By default the shard refreshes at once, so a published edit is
        searchable when this returns (waiting for the next scheduled refresh costs up to a second)."""
        if self.kind == OPENSEARCH:
            from opensearchpy.helpers import bulk
        else:
            from elasticsearch.helpers import bulk
        try:
            return bulk(self.client, actions, raise_on_error=False, refresh=refresh)
        except self.transport_errors as exc:
            raise EngineError(f"{self.kind} bulk indexing failed: {exc}") from exc


_engines: dict[str, Engine] = {}


def get_engine(url: str | None = None) -> Engine | None:
    """The configured engine (SEARCH_URL: one URL, or a cluster's node URLs separated by commas), or
    None for the database backend. Connects lazily, once."""
    url = url if url is not None else getattr(settings, "SEARCH_URL", "")
    if not url:
        return None
    if url not in _engines:
        _engines[url] = Engine.connect(url)
    return _engines[url]


def forget_engines() -> None:
    _engines.clear()
