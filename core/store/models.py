"""The storage model: councils, officers, debtors, accounts, the ledger, stage history, runs, imports.

Money columns are integer pence (``*_pence``); timestamps carry UTC. The ledger
is append-only: an account's balance is the sum of its entries. The account
row caches the ledger's totals (balance, paid, charged, last payment date and
the date of its latest entry) in the same transaction as every ledger write, so
the nightly run reads one row per case; :mod:`arrears.store.ledger` checks the cache
against the ledger.
Constraints are named so that SQLite batch migrations can alter them.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

__all__ = [
    "Council", "Officer", "Debtor", "Account", "AccountParty",
    "LedgerEntry", "StageEvent", "Run", "ImportBatch", "PaymentReceipt", "StageCount", "LEDGER_KINDS", "DEBTOR_KINDS",
]

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

LEDGER_KINDS = ("charge", "payment", "fee", "adjustment", "write_off", "reversal")
DEBTOR_KINDS = ("person", "sole_trader", "company")


BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
"""A 64-bit id that is still SQLite's rowid alias (so it autoincrements there)."""


def utcnow() -> datetime:
    """Audit timestamps (not business dates) are UTC."""
    return datetime.now(timezone.utc)


def _ts(**kw: Any) -> Any:
    return Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True), **kw)


class Council(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=40)
    name: str
    profile_version: str = Field(max_length=64)
    profile_text: str = Field(sa_type=sa.Text)
    profile_source: str
    last_run_on: Optional[date] = None
    created_at: datetime = _ts()
    updated_at: datetime = _ts()


class Officer(SQLModel, table=True):
    """An officer of a council; ``password_hash`` is argon2, ``failed_sign_ins`` the wrong passwords in a row."""

    __table_args__ = (sa.UniqueConstraint("council_id", "login"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    council_id: str = Field(foreign_key="council.id", max_length=40)
    login: str = Field(max_length=120)
    role: str = Field(max_length=60)
    write_off_limit_pence: Optional[int] = Field(default=None, sa_type=sa.BigInteger)
    created_at: datetime = _ts()
    password_hash: Optional[str] = Field(default=None, sa_type=sa.Text)
    failed_sign_ins: int = 0
    locked_until: Optional[datetime] = Field(default=None, sa_type=sa.DateTime(timezone=True))
    last_sign_in_at: Optional[datetime] = Field(default=None, sa_type=sa.DateTime(timezone=True))


def name_key(name: str) -> str:
    """A debtor's name as it is searched: case folded and spaces collapsed (``casefold``, not SQL's ASCII ``lower``)."""
    return " ".join(name.casefold().split())


_OPEN = sa.text("closed_on IS NULL")


class Debtor(SQLModel, table=True):
    __table_args__ = (
        sa.UniqueConstraint("council_id", "reference"),
        sa.CheckConstraint("kind in ('person', 'sole_trader', 'company')", name="kind"),
        sa.Index("ix_debtor_name_key", "council_id", "name_key"),
        sa.Index("ix_debtor_name_prefix", "council_id", sa.text('name_key COLLATE "C"')).ddl_if(dialect="postgresql"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    council_id: str = Field(foreign_key="council.id", max_length=40)
    reference: str = Field(max_length=80)
    name: str
    kind: str = Field(default="person", max_length=20)
    name_key: str = Field(default="", sa_type=sa.Text)


class Account(SQLModel, table=True):
    __table_args__ = (
        sa.UniqueConstraint("council_id", "reference"),
        sa.Index("ix_account_review", "council_id", "next_review_on", "id"),
        sa.Index("ix_account_billing", "council_id", "next_bill_on"),
        sa.Index("ix_account_debtor_id", "debtor_id"),
        sa.Index("ix_account_reference", "reference"),
        sa.Index("ix_account_queue_priority", "council_id", "debt_type", "stage", "priority",
                 sa.text("balance_pence DESC"), sa.text("id DESC"), sqlite_where=_OPEN, postgresql_where=_OPEN),
        sa.Index("ix_account_queue_age", "council_id", "debt_type", "stage", "stage_since", "id",
                 sqlite_where=_OPEN, postgresql_where=_OPEN),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    council_id: str = Field(foreign_key="council.id", max_length=40)
    reference: str = Field(max_length=80)
    debt_type: str = Field(max_length=40)
    debtor_id: int = Field(foreign_key="debtor.id")
    opened_on: date
    amount_pence: int = Field(sa_type=sa.BigInteger)
    stage: str = Field(max_length=60)
    stage_since: date
    balance_pence: int = Field(default=0, sa_type=sa.BigInteger)
    paid_pence: int = Field(default=0, sa_type=sa.BigInteger)
    charged_pence: int = Field(default=0, sa_type=sa.BigInteger)
    last_payment_on: Optional[date] = None
    last_entry_on: Optional[date] = None
    next_bill_on: Optional[date] = None
    next_review_on: Optional[date] = None
    closed_on: Optional[date] = None
    priority: Optional[int] = None
    attrs: dict = Field(default_factory=dict, sa_type=sa.JSON)
    state: dict = Field(default_factory=dict, sa_type=sa.JSON)
    schedule: Optional[list] = Field(default=None, sa_type=sa.JSON)
    import_id: Optional[int] = Field(default=None, foreign_key="import_batch.id")


class AccountParty(SQLModel, table=True):
    """Other people jointly and severally liable for an account, besides ``account.debtor_id``."""

    __table_args__ = (sa.Index("ix_accountparty_debtor_id", "debtor_id"),)
    account_id: int = Field(foreign_key="account.id", primary_key=True)
    debtor_id: int = Field(foreign_key="debtor.id", primary_key=True)
    role: str = Field(default="liable", max_length=30)


class LedgerEntry(SQLModel, table=True):
    __tablename__ = "ledger_entry"
    __table_args__ = (
        sa.Index("ix_ledger_entry_account", "account_id", "effective_on"),
        sa.CheckConstraint(
            "kind in ('charge', 'payment', 'fee', 'adjustment', 'write_off', 'reversal')", name="kind"
        ),
    )
    id: Optional[int] = Field(default=None, primary_key=True, sa_type=BigId)
    account_id: int = Field(foreign_key="account.id")
    kind: str = Field(max_length=20)
    amount_pence: int = Field(sa_type=sa.BigInteger)
    effective_on: date
    code: str = Field(default="", max_length=60)
    description: str = ""
    run_id: Optional[int] = Field(default=None, foreign_key="run.id")
    import_id: Optional[int] = Field(default=None, foreign_key="import_batch.id")
    officer_id: Optional[int] = Field(default=None, foreign_key="officer.id")
    reverses_id: Optional[int] = Field(default=None, sa_type=sa.BigInteger)
    created_at: datetime = _ts()


class StageEvent(SQLModel, table=True):
    """A stage move and its decision record: rule, reason, facts seen, versions, run or officer."""

    __tablename__ = "stage_event"
    __table_args__ = (sa.Index("ix_stage_event_account", "account_id", "on_date"),)
    id: Optional[int] = Field(default=None, primary_key=True, sa_type=BigId)
    account_id: int = Field(foreign_key="account.id")
    on_date: date
    from_stage: str = Field(max_length=60)
    to_stage: str = Field(max_length=60)
    rule: str = Field(max_length=80)
    reason: str = ""
    facts: dict = Field(default_factory=dict, sa_type=sa.JSON)
    profile_version: str = Field(max_length=64)
    plugin_version: str = Field(max_length=40)
    run_id: Optional[int] = Field(default=None, foreign_key="run.id")
    officer_id: Optional[int] = Field(default=None, foreign_key="officer.id")
    created_at: datetime = _ts()


class Run(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    council_id: str = Field(foreign_key="council.id", max_length=40)
    from_date: date
    to_date: date
    dry_run: bool = False
    status: str = Field(default="running", max_length=20)
    profile_version: str = Field(max_length=64)
    stats: dict = Field(default_factory=dict, sa_type=sa.JSON)
    started_at: datetime = _ts()
    finished_at: Optional[datetime] = Field(default=None, sa_type=sa.DateTime(timezone=True))


class ImportBatch(SQLModel, table=True):
    __tablename__ = "import_batch"
    __table_args__ = (sa.UniqueConstraint("council_id", "kind", "sha256"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    council_id: str = Field(foreign_key="council.id", max_length=40)
    kind: str = Field(max_length=20)
    filename: str
    sha256: str = Field(max_length=64)
    rows: int
    skipped: int = 0
    created_at: datetime = _ts()


class PaymentReceipt(SQLModel, table=True):
    """A payment's identity, once posted: no second payment with the same key is ever posted for the council.

    ``payment_key`` is the payer's transaction reference, or (for a council that
    identifies payments by content) ``content:`` with the account, pence, date,
    method and occurrence in its file.
    """

    __tablename__ = "payment_receipt"
    __table_args__ = (sa.UniqueConstraint("council_id", "payment_key"),)
    id: Optional[int] = Field(default=None, primary_key=True, sa_type=BigId)
    council_id: str = Field(foreign_key="council.id", max_length=40)
    payment_key: str = Field(max_length=200)
    ledger_entry_id: int = Field(foreign_key="ledger_entry.id", sa_type=sa.BigInteger)
    import_id: int = Field(foreign_key="import_batch.id")
    line: int


class StageCount(SQLModel, table=True):
    """How many of a council's accounts of a debt type are at a stage, kept as cases move (the queues' counts)."""

    __tablename__ = "stage_count"
    council_id: str = Field(foreign_key="council.id", primary_key=True, max_length=40)
    debt_type: str = Field(primary_key=True, max_length=40)
    stage: str = Field(primary_key=True, max_length=60)
    n: int = 0
