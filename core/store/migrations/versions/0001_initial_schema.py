"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('council',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('profile_version', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('profile_text', sa.Text(), nullable=False),
    sa.Column('profile_source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('last_run_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_council'))
    )
    op.create_table('debtor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.CheckConstraint("kind in ('person', 'sole_trader', 'company')", name=op.f('ck_debtor_kind')),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_debtor_council_id_council')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_debtor')),
    sa.UniqueConstraint('council_id', 'reference', name=op.f('uq_debtor_council_id_reference'))
    )
    op.create_table('import_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('filename', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_import_batch_council_id_council')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batch')),
    sa.UniqueConstraint('council_id', 'kind', 'sha256', name=op.f('uq_import_batch_council_id_kind_sha256'))
    )
    op.create_table('officer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('login', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('write_off_limit_pence', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_officer_council_id_council')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_officer')),
    sa.UniqueConstraint('council_id', 'login', name=op.f('uq_officer_council_id_login'))
    )
    op.create_table('run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('from_date', sa.Date(), nullable=False),
    sa.Column('to_date', sa.Date(), nullable=False),
    sa.Column('dry_run', sa.Boolean(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('profile_version', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('stats', sa.JSON(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_run_council_id_council')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_run'))
    )
    op.create_table('account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('debt_type', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('debtor_id', sa.Integer(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('amount_pence', sa.BigInteger(), nullable=False),
    sa.Column('stage', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('stage_since', sa.Date(), nullable=False),
    sa.Column('balance_pence', sa.BigInteger(), nullable=False),
    sa.Column('paid_pence', sa.BigInteger(), nullable=False),
    sa.Column('charged_pence', sa.BigInteger(), nullable=False),
    sa.Column('last_payment_on', sa.Date(), nullable=True),
    sa.Column('last_entry_on', sa.Date(), nullable=True),
    sa.Column('next_bill_on', sa.Date(), nullable=True),
    sa.Column('next_review_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('attrs', sa.JSON(), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_account_council_id_council')),
    sa.ForeignKeyConstraint(['debtor_id'], ['debtor.id'], name=op.f('fk_account_debtor_id_debtor')),
    sa.ForeignKeyConstraint(['import_id'], ['import_batch.id'], name=op.f('fk_account_import_id_import_batch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account')),
    sa.UniqueConstraint('council_id', 'reference', name=op.f('uq_account_council_id_reference'))
    )
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.create_index('ix_account_billing', ['council_id', 'next_bill_on'], unique=False)
        batch_op.create_index('ix_account_debtor_id', ['debtor_id'], unique=False)
        batch_op.create_index('ix_account_review', ['council_id', 'next_review_on'], unique=False)

    op.create_table('accountparty',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('debtor_id', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_accountparty_account_id_account')),
    sa.ForeignKeyConstraint(['debtor_id'], ['debtor.id'], name=op.f('fk_accountparty_debtor_id_debtor')),
    sa.PrimaryKeyConstraint('account_id', 'debtor_id', name=op.f('pk_accountparty'))
    )
    op.create_table('instalment',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('amount_pence', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_instalment_account_id_account')),
    sa.PrimaryKeyConstraint('account_id', 'seq', name=op.f('pk_instalment'))
    )
    op.create_table('ledger_entry',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('amount_pence', sa.BigInteger(), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('reverses_id', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind in ('charge', 'payment', 'fee', 'adjustment', 'write_off', 'reversal')", name=op.f('ck_ledger_entry_kind')),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_ledger_entry_account_id_account')),
    sa.ForeignKeyConstraint(['import_id'], ['import_batch.id'], name=op.f('fk_ledger_entry_import_id_import_batch')),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name=op.f('fk_ledger_entry_officer_id_officer')),
    sa.ForeignKeyConstraint(['run_id'], ['run.id'], name=op.f('fk_ledger_entry_run_id_run')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entry'))
    )
    with op.batch_alter_table('ledger_entry', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_entry_account', ['account_id', 'effective_on'], unique=False)

    op.create_table('stage_event',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('from_stage', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('to_stage', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('rule', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('facts', sa.JSON(), nullable=False),
    sa.Column('profile_version', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('plugin_version', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_stage_event_account_id_account')),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name=op.f('fk_stage_event_officer_id_officer')),
    sa.ForeignKeyConstraint(['run_id'], ['run.id'], name=op.f('fk_stage_event_run_id_run')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage_event'))
    )
    with op.batch_alter_table('stage_event', schema=None) as batch_op:
        batch_op.create_index('ix_stage_event_account', ['account_id', 'on_date'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('stage_event', schema=None) as batch_op:
        batch_op.drop_index('ix_stage_event_account')

    op.drop_table('stage_event')
    with op.batch_alter_table('ledger_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_entry_account')

    op.drop_table('ledger_entry')
    op.drop_table('instalment')
    op.drop_table('accountparty')
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.drop_index('ix_account_review')
        batch_op.drop_index('ix_account_debtor_id')
        batch_op.drop_index('ix_account_billing')

    op.drop_table('account')
    op.drop_table('run')
    op.drop_table('officer')
    op.drop_table('import_batch')
    op.drop_table('debtor')
    op.drop_table('council')
