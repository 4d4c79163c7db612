"""The command line: complete help, and README kept in step with it."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from renda.cli import app

runner = CliRunner()
COMMANDS = ["run", "validate", "normalize", "eval", "eval-fixtures", "serve", "catalog", "version"]


def test_top_level_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output
    command_obj = next(c for c in app.registered_commands if (c.name or c.callback.__name__) in
                       (command, f"{command}_cmd"))
    assert command_obj.callback.__doc__, f"{command} has no help text"


def test_run_options_documented_in_readme() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for needle in ("make run", "make test", "renda run --raw", "--strict", "renda normalize"):
        assert needle in readme


def test_missing_raw_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", "--raw", str(tmp_path / "nope"), "--curated", str(tmp_path)])
    assert result.exit_code == 2
    assert "raw folder not found" in result.output


def test_normalize_prints_repaired_text(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("本届常委会依 法 有 序\n\n进 行 监 督 。".encode("gb18030"))
    result = runner.invoke(app, ["normalize", str(path)])
    assert result.exit_code == 0
    assert "本届常委会依法有序进行监督。" in result.output


def test_normalize_reads_a_page_as_a_run_does(tmp_path: Path) -> None:
    from tests.same_report import TITLE, html_bytes

    path = tmp_path / "page.html"
    path.write_bytes(html_bytes())
    result = runner.invoke(app, ["normalize", str(path)])
    assert result.exit_code == 0, result.output
    assert TITLE in result.stdout and "打印本页" not in result.stdout and "<p>" not in result.stdout
