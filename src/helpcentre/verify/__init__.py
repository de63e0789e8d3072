"""Verify: re-walk the walkthroughs and report every step where the docs drifted from the product."""
