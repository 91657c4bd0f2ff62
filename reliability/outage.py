"""The engine-outage drill: gunicorn serves the demo site from its own database and its own search engine
while a load generator keeps searching; the engine is stopped, a case study is edited and another
unpublished during the outage, the engine is started again, the queued updates are sent, and the index
is checked against the database.

    scripts/drill-engine-outage [--engine opensearch|elasticsearch] [--clients 8] [--json out.json]

Nothing here touches the developer's database, index or engines: everything lives in a temporary
directory, on ports of its own, and is stopped at the end."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from reliability.loadgen import LoadGenerator, fetch, summarise
from reliability.site import BIN, ROOT, DrillError, Installation

MARKER = "Kestrelmark"
PORTS = {"opensearch": 9231, "elasticsearch": 9232}
HTTP_PORT = 8791


class Site(Installation):
    """The demo site under production settings, with its own search engine instance and gunicorn."""

    def __init__(self, engine: str, workdir: Path):
        engine_port = int(os.environ.get("DRILL_ENGINE_PORT", PORTS[engine]))
        self.engine = engine
        self.engine_url = f"http://127.0.0.1:{engine_port}"
        self.base_url = f"http://127.0.0.1:{HTTP_PORT}"
        super().__init__(
            workdir,
            f"sqlite:///{workdir / 'drill.sqlite3'}",
            self.engine_url,
            "drill-outage",
            # Production settings, as a deployment serves them, minus the HTTPS redirect on loopback.
            DJANGO_SETTINGS_MODULE="knowledgebase.settings.production",
            SECRET_KEY="drill-only-" + os.urandom(16).hex(),
            SECURE_SSL_REDIRECT="false",
            SEARCH_ENGINE_PORT=str(engine_port),
            SEARCH_ENGINE_DATA=str(workdir / "engine"),
        )
        self.server: subprocess.Popen | None = None

    def engine_start(self) -> float:
        started = time.monotonic()
        self.run("scripts/search-engine", "start", self.engine)
        return time.monotonic() - started

    def engine_stop(self) -> float:
        started = time.monotonic()
        self.run("scripts/search-engine", "stop", self.engine, check=False)
        return time.monotonic() - started

    def serve(self) -> None:
        log = (self.workdir / "gunicorn.log").open("w")
        self.server = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "knowledgebase.wsgi:application", "--workers", "2", "--threads", "4"]
            + ["--bind", f"127.0.0.1:{HTTP_PORT}", "--timeout", "60", "--graceful-timeout", "5"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        for _ in range(120):
            if fetch(self.base_url, "/").status == 200:
                return
            time.sleep(0.5)
        raise DrillError("gunicorn did not start; see " + str(self.workdir / "gunicorn.log"))

    def close(self) -> None:
        if self.server and self.server.poll() is None:
            self.server.terminate()
            self.server.wait(15)
        self.engine_stop()


def api(site: Site, **params) -> dict:
    url = f"{site.base_url}/api/search/?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        return json.load(response)


def request_mix(site: Site) -> list[tuple[int, str]]:
    hits = api(site, page_size=12)["results"]
    if len(hits) < 3:
        raise DrillError("the demo corpus did not load")
    ids = ",".join(str(hit["id"]) for hit in hits[:3])
    pages = [urllib.parse.urlparse(hit["url"]).path for hit in hits[:6]]
    return [
        (4, "/api/search/?q=violencia"),
        (3, "/api/search/?q=youth+violence&level=municipal"),
        (3, "/search/?q=police"),
        (2, "/search/?level=municipal"),
        (2, "/api/search/autocomplete/?q=pol"),
        (1, f"/compare/?ids={ids}"),
        (1, "/evidence-map/"),
        (1, "/dashboard/"),
        *((1, path) for path in pages),
    ]


EDIT_DURING_OUTAGE = f"""
from practices.models import CaseStudyPage
from search.models import PendingIndexUpdate
pages = list(CaseStudyPage.objects.live().order_by("pk")[:2])
edited, withdrawn = pages
edited.title = edited.title + " ({MARKER})"
edited.save_revision().publish()
withdrawn.unpublish()
print(edited.pk, withdrawn.pk, withdrawn.title, PendingIndexUpdate.objects.count(), sep="|")
"""


def run(engine: str = "opensearch", clients: int = 8, warm: float = 10, outage: float = 20) -> dict:
    report: dict = {"engine": engine, "clients": clients, "phases": {}}
    with tempfile.TemporaryDirectory(prefix="px-drill-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        site = Site(engine, workdir)
        stack.callback(site.close)
        report["engine_start_s"] = round(site.engine_start(), 1)
        started = time.monotonic()
        site.manage("migrate", "--noinput")
        site.manage("collectstatic", "--noinput")
        site.manage("load_demo")
        site.manage("search_index", "rebuild")
        site.serve()
        report["site_setup_s"] = round(time.monotonic() - started, 1)
        load = LoadGenerator(site.base_url, request_mix(site), clients=clients).start()
        stack.callback(load.stop)

        t0 = time.monotonic()
        time.sleep(warm)
        t1 = time.monotonic()
        report["engine_stop_s"] = round(site.engine_stop(), 1)
        t1b = time.monotonic()
        time.sleep(outage / 4)
        edited, withdrawn, withdrawn_title, queued = site.shell(EDIT_DURING_OUTAGE).split("|")
        report["queued_during_outage"] = int(queued)
        time.sleep(outage * 3 / 4)
        t2 = time.monotonic()
        report["engine_restart_s"] = round(site.engine_start(), 1)
        t3 = time.monotonic()
        report["catch_up"] = site.manage("search_index", "catch-up").stdout.strip()
        t4 = time.monotonic()
        report["catch_up_s"] = round(t4 - t3, 1)
        time.sleep(warm)
        t5 = time.monotonic()
        load.stop()

        for name, (start, end) in {
            "engine up": (t0, t1),
            "engine stopping": (t1, t1b),
            "engine stopped": (t1b, t2),
            "engine restarting": (t2, t3),
            "catching up": (t3, t4),
            "after catch-up": (t4, t5),
        }.items():
            report["phases"][name] = summarise(load.between(start, end), end - start)
        report["all"] = summarise(load.samples, t5 - t0)

        found = api(site, q=MARKER)
        report["marker_found"] = [hit["id"] for hit in found["results"]] == [int(edited)]
        report["marker_backend"] = found["backend"]
        withdrawn_hits = api(site, q=f'"{withdrawn_title}"')["results"]
        report["withdrawn_absent"] = int(withdrawn) not in [hit["id"] for hit in withdrawn_hits]
        verify = site.manage("search_index", "verify", check=False)
        report["verify"] = verify.stdout.strip().splitlines()
        report["verify_clean"] = verify.returncode == 0
        report["queued_after"] = int(
            site.shell("from search.models import PendingIndexUpdate as P; print(P.objects.count())")
        )
        report["gunicorn_5xx_logged"] = (workdir / "gunicorn.log").read_text().count("Internal Server Error")
    return report


def print_report(report: dict) -> None:
    print(f"Engine outage drill: {report['engine']}, {report['clients']} clients")
    print(
        f"{'phase':<20}{'requests':>9}{'req/s':>8}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}"
        "  backends (API)  notices"
    )
    for name, row in [*report["phases"].items(), ("whole run", report["all"])]:
        backends = ", ".join(f"{k} {v}" for k, v in sorted(row["backends"].items()))
        print(
            f"{name:<20}{row['requests']:>9}{row['per_second']:>8}{row['errors']:>8}"
            f"{row['p50_ms']:>9}{row['p95_ms']:>9}  {backends}  {row['notices']}"
        )
    print(
        f"engine start {report['engine_start_s']} s, stop {report['engine_stop_s']} s, "
        f"restart {report['engine_restart_s']} s; catch-up {report['catch_up_s']} s ({report['catch_up']})"
    )
    print(
        f"updates queued during the outage: {report['queued_during_outage']}; "
        f"left after: {report['queued_after']}"
    )
    print(
        f"edit made during the outage found after catch-up: {report['marker_found']} "
        f"({report['marker_backend']}); "
        f"unpublished page absent: {report['withdrawn_absent']}"
    )
    print("verify: " + " / ".join(report["verify"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=sorted(PORTS), default="opensearch")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--outage", type=float, default=20, help="seconds the engine stays down")
    parser.add_argument("--json", help="also write the report to this file")
    args = parser.parse_args(argv)
    report = run(args.engine, args.clients, outage=args.outage)
    print_report(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))
    ok = (
        report["all"]["errors"] == 0
        and report["marker_found"]
        and report["withdrawn_absent"]
        and report["verify_clean"]
        and report["queued_after"] == 0
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
