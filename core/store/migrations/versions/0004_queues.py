"""Queues at scale: each case's priority, stage counts kept as cases move, indexes for paging and search

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

The officers' queues page a stage's open cases by priority and balance or by
age, count every stage at once, and find a debtor by the start of a name or a
reference in any council. Priority is stored with each case (registering the
council fills it in); a debtor's name is kept case-folded for searching.
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OPEN = sa.text("closed_on IS NULL")


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def upgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.add_column(sa.Column("priority", sa.Integer(), nullable=True))
    with op.batch_alter_table("debtor") as batch:
        batch.add_column(sa.Column("name_key", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    debtor = sa.table("debtor", sa.column("id", sa.Integer), sa.column("name", sa.Text), sa.column("name_key", sa.Text))
    rows = bind.execute(sa.select(debtor.c.id, debtor.c.name)).all()
    if rows:
        bind.execute(sa.update(debtor).where(debtor.c.id == sa.bindparam("d_id")).values(name_key=sa.bindparam("key")),
                     [{"d_id": i, "key": _name_key(n)} for i, n in rows])
    op.create_index("ix_debtor_name_key", "debtor", ["council_id", "name_key"])
    op.create_index("ix_account_reference", "account", ["reference"])
    op.create_index("ix_account_queue_priority", "account",
                    ["council_id", "debt_type", "stage", "priority", sa.text("balance_pence DESC"), sa.text("id DESC")],
                    sqlite_where=OPEN, postgresql_where=OPEN)
    op.create_index("ix_account_queue_age", "account", ["council_id", "debt_type", "stage", "stage_since", "id"],
                    sqlite_where=OPEN, postgresql_where=OPEN)
    op.create_table(
        "stage_count",
        sa.Column("council_id", sa.String(length=40), nullable=False),
        sa.Column("debt_type", sa.String(length=40), nullable=False),
        sa.Column("stage", sa.String(length=60), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["council_id"], ["council.id"], name=op.f("fk_stage_count_council_id_council")),
        sa.PrimaryKeyConstraint("council_id", "debt_type", "stage", name=op.f("pk_stage_count")),
    )
    op.execute("INSERT INTO stage_count (council_id, debt_type, stage, n) "
               "SELECT council_id, debt_type, stage, COUNT(*) FROM account GROUP BY council_id, debt_type, stage")


def downgrade() -> None:
    op.drop_table("stage_count")
    op.drop_index("ix_account_queue_age", table_name="account")
    op.drop_index("ix_account_queue_priority", table_name="account")
    op.drop_index("ix_account_reference", table_name="account")
    op.drop_index("ix_debtor_name_key", table_name="debtor")
    with op.batch_alter_table("debtor") as batch:
        batch.drop_column("name_key")
    with op.batch_alter_table("account") as batch:
        batch.drop_column("priority")
