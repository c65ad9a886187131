"""Docs kept true: the command reference and the README agree with the commands."""

from pathlib import Path

from intex.cli.reference import render

ROOT = Path(__file__).resolve().parents[2]


def test_docs_cli_md_is_generated_from_the_commands():
    assert (ROOT / "docs" / "cli.md").read_text() == render(), \
        "docs/cli.md is stale: run `make docs`"


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for line in render().splitlines():
        if line.startswith("## `intex ") and line.count(" ") <= 2:
            command = line.split("`")[1]
            assert command in readme, f"{command} is not in the README"


def test_every_setting_is_documented():
    from intex.config import Settings

    readme = (ROOT / "README.md").read_text()
    for f in Settings.__dataclass_fields__.values():
        assert f.metadata["env"] in readme, f"{f.metadata['env']} is not in the README"
