"""The billing sandbox: a stand-in for Therasoft's live billing page that walkthroughs run against.

A Flask app served by waitress, with its data in SQLite and a fixed clock, so that the
same walk gives the same pages every time. `SandboxProcess` (in `billing_sandbox.process`)
starts it as a separate process for capture, verify and the tests.
"""

from billing_sandbox.demo import DEMO_EMAIL, DEMO_PASSWORD

__all__ = ["DEMO_EMAIL", "DEMO_PASSWORD"]
