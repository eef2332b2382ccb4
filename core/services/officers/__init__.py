"""What an officer works from: the desk (one council, one officer), the queues and their pages, search, debtors,
the portfolio, and signing in."""
