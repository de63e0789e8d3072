"""Fixtures for the billing sandbox's tests: an app over seeded data in tmp_path, and a logged-in client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sandbox_pages import Visitor

from billing_sandbox.app import create_app
from billing_sandbox.clock import DEFAULT_TODAY
from billing_sandbox.database import connect, database_path, reset_database
from billing_sandbox.process import SandboxProcess


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sandbox-data")


@pytest.fixture(scope="session")
def seeded_app(data_dir: Path) -> Flask:
    app = create_app(data_dir, reset=True, today=DEFAULT_TODAY, secret_key="test secret")
    app.config["TESTING"] = True
    return app


@pytest.fixture
def app(seeded_app: Flask, data_dir: Path) -> Flask:
    """The app over freshly seeded data. One app for the session (its templates compile once), re-seeded per test."""
    reset_database(data_dir, DEFAULT_TODAY)
    return seeded_app


@pytest.fixture
def db(app: Flask):
    connection = connect(database_path(Path(app.config["SANDBOX_DATABASE"]).parent))
    yield connection
    connection.close()


@pytest.fixture
def visitor(app: Flask) -> Visitor:
    return Visitor(app.test_client())


@pytest.fixture
def member(visitor: Visitor) -> Visitor:
    """A visitor who has logged in with the demo account."""
    response = visitor.log_in()
    assert response.status_code == 200
    return visitor


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    """A real sandbox server over freshly seeded data, shared by one test module."""
    with SandboxProcess(tmp_path_factory.mktemp("sandbox")) as running:
        yield running
