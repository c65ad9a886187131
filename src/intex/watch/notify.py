"""Telling someone about new claims: a command that reads JSON on standard input, and/or
a webhook that receives the same JSON in a POST.

The command is split like a shell would split it but run without a shell (wrap it in
``sh -c '...'`` for pipes); it has ``timeout`` seconds. A failing hook is reported, never
fatal: the claims are in the ledger whatever the hook does.
"""

from __future__ import annotations

import json
import shlex
import subprocess
from typing import Any

from intex.errors import FetchError, NotifyError
from intex.ingest import Fetcher
from intex.service import ClaimRow


def payload(source: str, subject: str | None, rows: list[ClaimRow]) -> dict[str, Any]:
    """The JSON a hook receives: where the claims came from, the subject, the claims."""
    claims = []
    for row in rows:
        c = row.claim.to_json()
        c.update({"id": row.claim.id, "report": row.report_id, "report_title": row.title,
                  "published": row.published.isoformat() if row.published else None,
                  "site": row.site})
        claims.append(c)
    return {"source": source, "subject": subject, "claims": claims}


class Notifier:
    def __init__(self, command: str | None = None, url: str | None = None, *,
                 fetcher: Fetcher | None = None, timeout: float = 30.0) -> None:
        self.command = shlex.split(command) if command else None
        self.url = url
        self._fetcher = fetcher
        self.timeout = timeout

    @property
    def active(self) -> bool:
        return bool(self.command or self.url)

    def send(self, message: dict[str, Any]) -> list[NotifyError]:
        """Hand the message to every hook; the errors of those that failed."""
        body = json.dumps(message, ensure_ascii=False, sort_keys=True).encode()
        errors: list[NotifyError] = []
        if self.command:
            err = self._run(body)
            if err:
                errors.append(err)
        if self.url:
            try:
                if self._fetcher is not None:
                    self._fetcher.post_json(self.url, body)
                else:
                    with Fetcher() as fetcher:
                        fetcher.post_json(self.url, body)
            except FetchError as exc:
                errors.append(NotifyError(f"webhook failed: {exc.message}", subject=self.url))
        return errors

    def _run(self, body: bytes) -> NotifyError | None:
        assert self.command
        name = self.command[0]
        try:
            done = subprocess.run(self.command, input=body, capture_output=True,
                                  timeout=self.timeout, check=False)
        except FileNotFoundError:
            return NotifyError("notify command not found", subject=name)
        except subprocess.TimeoutExpired:
            return NotifyError(f"notify command took longer than {self.timeout:g} s",
                               subject=name)
        except OSError as exc:
            return NotifyError(f"notify command could not run: {exc.strerror or exc}",
                               subject=name)
        if done.returncode != 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            return NotifyError(f"notify command exited {done.returncode} {tail[0][:200]}"
                               .rstrip(), subject=name)
        return None
