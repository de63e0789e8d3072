"""Real apps that nobody on this team wrote, started once per test session, for walks on live targets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from realapps import react_admin_app
from realapps.django_admin_app import RunningAdmin, create_project, serve


@pytest.fixture(scope="session")
def django_admin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningAdmin]:
    """A stock Django admin, migrated and seeded once, served on a free port of 127.0.0.1."""
    project = create_project(tmp_path_factory.mktemp("django-admin"))
    with serve(project) as running:
        yield running


@pytest.fixture(scope="session")
def react_admin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[react_admin_app.RunningHelpdesk]:
    """The react-admin helpdesk as ./scripts/test built it, served on a free port of 127.0.0.1."""
    try:
        with react_admin_app.serve(tmp_path_factory.mktemp("react-admin")) as running:
            yield running
    except react_admin_app.HelpdeskAppError as error:
        pytest.fail(str(error), pytrace=False)
