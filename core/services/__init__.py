"""What the faces call: accounts and officer actions, imports, profile impact, write-offs, plans, standards, the demo."""
