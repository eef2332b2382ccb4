"""The kit for writing and testing a debt-type plugin: a throwaway council, fixtures, and the contract suite.

* :class:`TestCouncil` drives a council in a scratch database through the core's services;
* ``pytest_plugins = ["arrears.testing.fixtures"]`` in a conftest gives the fixtures
  (:mod:`arrears.testing.fixtures`);
* :class:`DebtTypeContract` is the suite every debt type should pass.

Needs pytest (a plugin's test dependency, not arrears's).
"""

from .contract import DebtTypeContract
from .council import TestCouncil, profile_text

__all__ = ["DebtTypeContract", "TestCouncil", "profile_text"]
