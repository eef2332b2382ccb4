"""Finding cases: a debtor by the start of a name on PostgreSQL whatever the collation; the accounts one holds
jointly; reviews due in date order

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08

A name prefix is searched with LIKE 'smi%' and listed by name. PostgreSQL uses
a b-tree for both only under the C collation; a council's database is often
created en_GB.UTF-8, so the index says so itself. SQLite compares bytes and
searches the prefix as a range on ix_debtor_name_key. Reviews due are paged by
date then id, which ix_account_review now holds in order (a night's reviews
share one date, so sorting the ties would mean sorting them all).
A debtor's screen lists the accounts they are jointly liable for: found by
debtor, not by scanning every joint liability.
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_accountparty_debtor_id", "accountparty", ["debtor_id"])
    with op.batch_alter_table("account") as batch:
        batch.drop_index("ix_account_review")
        batch.create_index("ix_account_review", ["council_id", "next_review_on", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_debtor_name_prefix", "debtor", ["council_id", sa.text('name_key COLLATE "C"')])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_debtor_name_prefix", table_name="debtor")
    with op.batch_alter_table("account") as batch:
        batch.drop_index("ix_account_review")
        batch.create_index("ix_account_review", ["council_id", "next_review_on"])
    op.drop_index("ix_accountparty_debtor_id", table_name="accountparty")
