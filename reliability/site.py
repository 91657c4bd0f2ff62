"""A throw-away installation of the site for drills and restore proofs: its own database, media directory
and index name, driven through manage.py in subprocesses exactly as an operator would drive it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


class DrillError(Exception):
    pass


class Installation:
    def __init__(self, workdir: Path, database_url: str, search_url: str = "", index: str = "", **env: str):
        self.workdir = workdir
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "knowledgebase.settings.dev",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "SEARCH_URL": search_url,
            "SEARCH_INDEX": index or "practice-exchange",
            "PYTHONUNBUFFERED": "1",
            **env,
        }

    def run(self, *args: str, check: bool = True, timeout: float = 900, **env: str):
        done = subprocess.run(  # noqa: S603 - fixed commands from this repository
            list(args),
            cwd=ROOT,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and done.returncode != 0:
            raise DrillError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        return done

    def manage(
        self, *args: str, check: bool = True, timeout: float = 900, **env: str
    ) -> subprocess.CompletedProcess:
        return self.run(str(BIN / "python"), "manage.py", *args, check=check, timeout=timeout, **env)

    def shell(self, code: str, **env: str) -> str:
        # The last line: Django's shell may announce its automatic imports first.
        return self.manage("shell", "-c", code, **env).stdout.strip().splitlines()[-1]
