"""``ficlens serve``: browse the reports of every analysed work in a folder."""

from __future__ import annotations

import ipaddress
import logging
from pathlib import Path

import click

from ficlens.errors import ConfigError, InputNotFoundError
from ficlens.server import make_server

logger = logging.getLogger(__name__)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default is reachable from this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
def command(directory: Path, host: str, port: int) -> None:
    """Serve an index and the HTML report of every analysed work (*.json) in DIR.
    Reports are built on the fly from the JSON; nothing outside DIR is served."""
    if not directory.is_dir():
        raise InputNotFoundError(f"{directory}: no such directory")
    if not _is_loopback(host):
        logger.warning("listening on %s: anyone who can reach this machine can read the "
                       "reports", host)
    try:
        server = make_server(directory, host, port)
    except OSError as error:
        raise ConfigError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"Serving {directory} at http://{bound_host}:{bound_port}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.server_close()
