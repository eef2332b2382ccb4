"""Statutory building blocks several debt types share: demand notices and instalments, enforcement agents, working days, officer-given dates."""
