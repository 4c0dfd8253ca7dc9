"""A monthly payment run of one county (社会化发放): started, retried, completed (PAY-3)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from payments.domain.funds import InsufficientFunds
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type

PERIOD = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")


@event_type("payments.PaymentRunStarted", version=1)
@dataclass(frozen=True)
class PaymentRunStarted:
    """A county's run for a period was started by an authorised officer."""

    run_id: str
    county_code: str
    period: str
    needed_fen: int = 0
    available_fen: int = 0
    shortfall_fen: int = 0
    funds_override_reason: str | None = None
    channel: str = "api"  # how the bank is told and answers: `api` (batch API) or `file` (ADR 0038)
    held_programmes: tuple[str, ...] = ()  # short of money, none of their months paid (ADR 0067)


@event_type("payments.FailedPaymentsRetried", version=1)
@dataclass(frozen=True)
class FailedPaymentsRetried:
    """An officer sent the run's failed payments to the bank again."""

    run_id: str
    payments: int


@event_type("payments.PaymentRunCompleted", version=1)
@dataclass(frozen=True)
class PaymentRunCompleted:
    """Every instruction of the run has an answer: the reconciliation totals."""

    run_id: str
    instructed: int
    settled: int
    settled_fen: int
    failed: int


@event_type("payments.BankReturnImported", version=1)
@dataclass(frozen=True)
class BankReturnImported:
    """An officer imported the bank's return file (回盘文件) of a batch of the run (ADR 0038)."""

    run_id: str
    batch_no: str
    file_sha256: str
    records: int
    settled: int
    failed: int
    unchanged: int  # results for payments that already had their outcome


class RunAlreadyStarted(DomainError):
    """One run per county and period."""

    code = "run-already-started"
    status = 409
    title_en = "A run for this county and period already exists"
    title_zh = "该县本期发放批次已存在"


class BankFileNotReady(DomainError):
    """The run's round is still being instructed: its bank file would be incomplete."""

    code = "bank-file-not-ready"
    status = 409
    title_en = "The run's bank file is not ready yet"
    title_zh = "发放批次的代发文件尚未生成完毕"


class PeriodNotDue(DomainError):
    """A run pays its month at the earliest in the month before it."""

    code = "period-not-due"
    status = 422
    title_en = "The period is not due for payment yet"
    title_zh = "该期尚未到发放时间"


class PeriodClosed(DomainError):
    """A run pays its month at the latest in the month after it."""

    code = "period-closed"
    status = 422
    title_en = "The period can no longer be run; the next run pays it back"
    title_zh = "该期已不能发放，由下一次发放补发"


def earliest_period(today: date) -> str:
    """The earliest period a run may pay on China's civil date `today`: last month."""
    return _month_after(today, -1)


def ensure_due(period: str, today: date) -> None:
    """Refuse a period later than next month or earlier than last month (China's civil date
    `today`).

    A county pays its current month, last month late (a run started in the first days of a
    month), or next month early (提前发放, before the Spring Festival); a run for any later month
    would pay households ahead of their time. An older month is owed as back pay by the next run
    (ADR 0061), so a run for it would pay it twice or pay what the old system paid."""
    latest = _month_after(today, 1)
    if period > latest:
        raise PeriodNotDue(
            f"period: {period} is not due; a run may pay {latest} at the latest",
            f"period（发放期）：{period}尚未到发放时间，最迟可发放{latest}",
            field="period",
            latest_period=latest,
        )
    earliest = earliest_period(today)
    if period < earliest:
        raise PeriodClosed(
            f"period: {period} can no longer be run; a run may pay {earliest} at the earliest,"
            " and the next run pays back what no run paid",
            f"period（发放期）：{period}已不能发放，最早可发放{earliest}，未发月份由下一次发放补发",
            field="period",
            earliest_period=earliest,
        )


def _month_after(today: date, months: int) -> str:
    """The period `months` after the one `today` falls in (before it when negative)."""
    year, month = divmod(today.year * 12 + today.month - 1 + months, 12)
    return f"{year:04d}-{month + 1:02d}"


class PaymentRun(Aggregate):
    """One county's run for one period."""

    stream_prefix = "run"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.started: PaymentRunStarted | None = None
        self.status = "none"
        self.instructed_all = False  # completed once: no payable joins it any more (ADR 0061)
        self.round = 0  # of execution: one more each time its failed payments are retried
        self.channel = "api"
        self.returns: dict[str, BankReturnImported] = {}  # imported return files by SHA-256

    @staticmethod
    def id_for(county_code: str, period: str) -> str:
        """Run id: `<county>-<period>`, the run's own business key."""
        return f"{county_code}-{period}"

    def start(
        self,
        county_code: str,
        period: str,
        needed_fen: int = 0,
        available_fen: int = 0,
        shortfall_fen: int = 0,
        override_reason: str | None = None,
        channel: str = "api",
        short_programmes: tuple[str, ...] = (),
        hold_short_programmes: bool = False,
    ) -> None:
        """Start the run once; over the available funds only with a recorded override, or
        holding the programmes short of money (the refusal names them)."""
        if self.started is not None:
            raise RunAlreadyStarted(
                f"run {self.id} already exists", f"发放批次{self.id}已存在", run_id=self.id
            )
        if shortfall_fen > 0 and not override_reason and not hold_short_programmes:
            raise InsufficientFunds.short(
                ("the run", "本次发放"),
                needed_fen,
                available_fen,
                shortfall_fen,
                short_programmes,
                (
                    "; hold_short_programmes pays the others, or an officer authorised to"
                    " override gives funds_override_reason",
                    "；可设 hold_short_programmes 先发放资金足额的项目，或由有权人员在"
                    " funds_override_reason 中说明超额发放理由",
                ),
            )
        self.record(
            PaymentRunStarted(
                self.id,
                county_code,
                period,
                needed_fen,
                available_fen,
                shortfall_fen,
                override_reason if shortfall_fen > 0 else None,
                channel,
                short_programmes if hold_short_programmes and not override_reason else (),
            )
        )

    def retried(self, count: int) -> None:
        """Reopen the run for retried payments."""
        self.record(FailedPaymentsRetried(self.id, count))

    def import_return(self, imported: BankReturnImported) -> bool:
        """Record a return file once: False when a file with the same SHA-256 was imported."""
        if imported.file_sha256 in self.returns:
            return False
        self.record(imported)
        return True

    def complete(self, instructed: int, settled: int, settled_fen: int, failed: int) -> bool:
        """Close the run with its totals; False when already closed."""
        if self.status == "completed":
            return False
        self.record(PaymentRunCompleted(self.id, instructed, settled, settled_fen, failed))
        return True

    def when_PaymentRunStarted(self, event: PaymentRunStarted) -> None:
        self.started = event
        self.status = "executing"
        self.channel = event.channel

    def when_FailedPaymentsRetried(self, event: FailedPaymentsRetried) -> None:
        self.status = "executing"
        self.round += 1

    def when_PaymentRunCompleted(self, event: PaymentRunCompleted) -> None:
        self.status = "completed"
        self.instructed_all = True

    def when_BankReturnImported(self, event: BankReturnImported) -> None:
        self.returns[event.file_sha256] = event
