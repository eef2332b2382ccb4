"""Payment receipts: a posted payment's identity, so that no payment is posted twice

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

Each posted payment records its key (the payer's transaction reference, or its
content for councils whose files carry none), unique within the council; an
import also counts the rows it skipped as already posted.
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "payment_receipt",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("council_id", sa.String(length=40), nullable=False),
        sa.Column("payment_key", sa.String(length=200), nullable=False),
        sa.Column("ledger_entry_id", sa.BigInteger(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["council_id"], ["council.id"], name=op.f("fk_payment_receipt_council_id_council")),
        sa.ForeignKeyConstraint(["ledger_entry_id"], ["ledger_entry.id"],
                                name=op.f("fk_payment_receipt_ledger_entry_id_ledger_entry")),
        sa.ForeignKeyConstraint(["import_id"], ["import_batch.id"], name=op.f("fk_payment_receipt_import_id_import_batch")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_receipt")),
        sa.UniqueConstraint("council_id", "payment_key", name=op.f("uq_payment_receipt_council_id_payment_key")),
    )
    with op.batch_alter_table("import_batch") as batch:
        batch.add_column(sa.Column("skipped", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("import_batch") as batch:
        batch.drop_column("skipped")
    op.drop_table("payment_receipt")
