"""The writers' live preview."""

from __future__ import annotations

import signal
from pathlib import Path

import click

from helpcentre.cli import cli
from helpcentre.cli.common import UsageProblem, config_option


@cli.command()
@config_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="The site's port.")
@click.option(
    "--sandbox-port",
    default=8001,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="The billing sandbox's port; 0 lets the OS pick a free one.",
)
@click.option("--no-sandbox", is_flag=True, help="Do not start the billing sandbox.")
def serve(config_file: Path, host: str, port: int, sandbox_port: int, no_sandbox: bool) -> None:
    """Preview the help centre while you write: a page reloads when its article or a screenshot changes.

    Also starts the billing sandbox when a walkthrough target in mkdocs.yml has `sandbox: true`.
    A rebuild that fails is reported here and the preview keeps running. Stop it with Ctrl-C.
    """
    from billing_sandbox.process import SandboxStartError
    from helpcentre.preview import PortInUse, Preview, PreviewError
    from helpcentre.project import ProjectError

    # SIGTERM stops the preview the way Ctrl-C does, so MkDocs shuts down and the sandbox is stopped.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    preview = Preview(config_file, host=host, port=port, sandbox_port=None if no_sandbox else sandbox_port)
    try:
        with preview:
            if preview.sandbox is not None:
                sandbox = preview.sandbox
                click.echo(f"Billing sandbox: {sandbox.url}  (sign in as {sandbox.email}, password {sandbox.password})")
            click.echo(f"Help centre: {preview.url}  (reloads when an article or a screenshot changes)")
            preview.serve_until_stopped()
    except KeyboardInterrupt:
        pass
    except ProjectError as error:
        raise UsageProblem(str(error)) from None
    except PortInUse as error:
        option = "--sandbox-port" if error.for_sandbox else "--port"
        raise UsageProblem(f"{error}; choose another port with {option}") from None
    except (PreviewError, SandboxStartError) as error:
        raise click.ClickException(str(error)) from None
    click.echo("Stopped.", err=True)
