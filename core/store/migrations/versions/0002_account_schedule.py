"""Instalment schedules live on the account

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

A schedule is read with its account on every review, so it is stored with
the account (a JSON list of [due date, pence]) instead of one row per
instalment: a million Council Tax accounts would otherwise mean ten million rows
written on annual billing day.
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.add_column(sa.Column("schedule", sa.JSON(), nullable=True))
    op.drop_table("instalment")


def downgrade() -> None:
    op.create_table(
        "instalment",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("amount_pence", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], name=op.f("fk_instalment_account_id_account")),
        sa.PrimaryKeyConstraint("account_id", "seq", name=op.f("pk_instalment")),
    )
    with op.batch_alter_table("account") as batch:
        batch.drop_column("schedule")
