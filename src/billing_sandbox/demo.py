"""The demo login and the fictional practice it belongs to. Demo data only: none of it is real."""

from __future__ import annotations

# Published in the README and on the login page: the sandbox holds no real data.
DEMO_EMAIL = "demo@willowcreek.example"
DEMO_PASSWORD = "sandbox-demo"
DEMO_USER_NAME = "Riley Hart"
PRACTICE_NAME = "Willow Creek Counseling"
