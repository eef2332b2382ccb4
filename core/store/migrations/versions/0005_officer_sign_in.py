"""Officers' sign-in: a password hash, the wrong passwords in a row, a lock, the last sign-in

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08

An officer signs in with a password stored as an argon2 hash (none until an
administrator sets one). Wrong passwords in a row are counted; enough of them
lock the login until ``locked_until``. Existing officers start with no
password, no wrong passwords and no lock.
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("officer") as batch:
        batch.add_column(sa.Column("password_hash", sa.Text(), nullable=True))
        batch.add_column(sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("last_sign_in_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("officer") as batch:
        batch.drop_column("last_sign_in_at")
        batch.drop_column("locked_until")
        batch.drop_column("failed_sign_ins")
        batch.drop_column("password_hash")
