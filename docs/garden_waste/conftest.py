"""The arrears plugin kit's fixtures (a scratch council, the CLI, the business-date clock) for these tests."""

pytest_plugins = ["arrears.testing.fixtures"]
