"""Readers' "Was this article helpful?" votes: the service the site posts them to, and the report.

Free of MkDocs and of the CLI: `store` keeps the votes in SQLite, `service` is the HTTP
endpoint (Flask under waitress), `report` turns the votes into a CSV for the support team.
"""
