"""Telling someone about new claims: a command that reads JSON on standard input, and/or
a webhook that receives the same JSON in a POST.

Each hook is named by a string (``"command ARGS"``, ``"webhook URL"``) under which the
outbox keeps the messages for it. The command is split like a shell would split it but
run without a shell (wrap it in ``sh -c '...'`` for pipes); it has ``timeout`` seconds.
A failing hook is reported, never fatal: the claims are in the ledger whatever the hook
does, and the message stays in the outbox to be tried again.

Delivery is at least once: a hook that took a message just before the process died gets
it again after the restart. The message's ``notification`` id is the same each time (it
is derived from the source, the subject and the claims), so a receiver can drop repeats.
"""

from __future__ import annotations

import json
import shlex
import subprocess
from typing import Any

from intex.errors import FetchError, NotifyError
from intex.ingest import Fetcher
from intex.model.ids import uuid5
from intex.service import ClaimRow

COMMAND, WEBHOOK = "command", "webhook"


def payload(source: str, subject: str | None, rows: list[ClaimRow]) -> dict[str, Any]:
    """The JSON a hook receives: an id, where the claims came from, the subject, the claims."""
    claims = []
    for row in rows:
        c = row.claim.to_json()
        c.update({"id": row.claim.id, "report": row.report_id, "report_title": row.title,
                  "published": row.published.isoformat() if row.published else None,
                  "site": row.site})
        claims.append(c)
    ident = uuid5("notification", source, subject or "", *sorted(str(c["id"]) for c in claims))
    return {"notification": f"notification--{ident}", "source": source, "subject": subject,
            "claims": claims}


def encode(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False, sort_keys=True)


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

    @property
    def hooks(self) -> list[str]:
        """The names of this notifier's hooks, as the outbox keeps them."""
        names = [f"{COMMAND} {shlex.join(self.command)}"] if self.command else []
        return names + ([f"{WEBHOOK} {self.url}"] if self.url else [])

    def send(self, message: dict[str, Any]) -> list[NotifyError]:
        """Hand the message to every hook; the errors of those that failed."""
        body = encode(message)
        return [e for e in (self.deliver(h, body) for h in self.hooks) if e is not None]

    def deliver(self, hook: str, body: str) -> NotifyError | None:
        """Hand the JSON text ``body`` to the hook named ``hook``; its error, if it failed."""
        kind, _, target = hook.partition(" ")
        if kind == COMMAND and self.command:
            return self._run(body.encode())
        if kind == WEBHOOK and self.url:
            try:
                if self._fetcher is not None:
                    self._fetcher.post_json(self.url, body.encode())
                else:
                    with Fetcher() as fetcher:
                        fetcher.post_json(self.url, body.encode())
            except FetchError as exc:
                return NotifyError(f"webhook failed: {exc.message}", subject=self.url)
            return None
        return NotifyError("no such hook configured", subject=target or hook)

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
