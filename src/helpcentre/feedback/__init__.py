"""Readers' "Was this article helpful?" votes and their searches: the service the site posts them to, and the reports.

Free of MkDocs and of the CLI: `store` keeps the votes and search reports in SQLite, `service`
is the HTTP endpoint (Flask under waitress), `report` turns the votes into a CSV for the support
team, and `search_report` the searches into the manager's lists of articles to write and
synonyms to add.
"""
