"""Finding a debtor: by the start of a name on PostgreSQL whatever the collation; the accounts one holds jointly

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08

A name prefix is searched with LIKE 'smi%'. PostgreSQL uses a b-tree for that
only under the C collation or with the text_pattern_ops operator class; a
council's database is often created en_GB.UTF-8, so the index says so itself.
SQLite compares bytes and searches the prefix as a range on ix_debtor_name_key.
A debtor's screen lists the accounts they are jointly liable for: found by
debtor, not by scanning every joint liability.
"""
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_accountparty_debtor_id", "accountparty", ["debtor_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_debtor_name_prefix", "debtor", ["council_id", "name_key"],
                        postgresql_ops={"name_key": "text_pattern_ops"})


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_debtor_name_prefix", table_name="debtor")
    op.drop_index("ix_accountparty_debtor_id", table_name="accountparty")
