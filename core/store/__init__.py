"""Storage: the tables and their migrations, engines and transactions, set-based writes, locks, the ledger's totals."""
