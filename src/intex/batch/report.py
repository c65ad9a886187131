"""What a batch did, counted: records read, extracted, failed, skipped (by reason); reports
added to the ledger."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BatchReport:
    records: int = 0  # records that could be reports (extracted + failed)
    extracted: int = 0
    failed: int = 0
    claims: int = 0  # claims extracted
    added: int = 0  # reports the ledger did not hold yet (with --db)
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)  # the first ``keep`` error lines
    keep: int = 100
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> records

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def error(self, line: str) -> None:
        self.failed += 1
        if len(self.errors) < self.keep:
            self.errors.append(line)
