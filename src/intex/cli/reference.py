"""The command reference in docs/cli.md, generated from the commands themselves.

    python -m intex.cli.reference > docs/cli.md

A test fails when the file and the commands disagree, so the docs cannot drift.
"""

from __future__ import annotations

from typing import Any

import typer.main


def _walk(cmd: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    out = [(path, cmd)]
    for name in getattr(cmd, "commands", {}):  # groups, in the order they were added
        out.extend(_walk(cmd.commands[name], [*path, name]))
    return out


def render() -> str:
    from intex.cli import app

    root = typer.main.get_command(app)
    parts = ["# Command reference\n",
             "Generated from the commands by `python -m intex.cli.reference`; do not edit.\n"]
    for path, cmd in _walk(root, ["intex"]):
        with cmd.context_class(cmd, info_name=" ".join(path), terminal_width=100) as ctx:
            formatter = ctx.make_formatter()
            formatter.width = 100
            cmd.format_usage(ctx, formatter)
            cmd.format_help_text(ctx, formatter)
            cmd.format_options(ctx, formatter)
            if hasattr(cmd, "format_commands"):
                cmd.format_commands(ctx, formatter)
            body = formatter.getvalue().rstrip()
        parts.append(f"## `{' '.join(path)}`\n\n```\n{body}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
