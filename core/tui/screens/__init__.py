"""The officers' screens: queues (home), a queue, a case, a debtor, search, the portfolio, help, sign-in."""
