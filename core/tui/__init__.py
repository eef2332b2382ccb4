"""The officers' terminal UI (Textual): queues, cases, debtors, the portfolio; it calls the services only."""
