"""Dependencies point one way: cli, web, taxii → service → pipeline/store/ingest → model.

Read from the source with ast, so a forbidden import fails here before it tangles."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "intex"

# what each layer may import from intex, besides itself
ALLOWED = {
    "model": {"model"},
    "errors": set(),
    "config": set(),
    "gazetteer": {"model", "errors"},
    "ingest": {"model", "errors"},
    "pipeline": {"model", "errors", "gazetteer", "__init__"},
    "store": {"model", "errors"},
    "stix": {"model", "errors"},
    "extraction": {"model", "pipeline"},
    "service": {"model", "errors", "pipeline", "store", "ingest", "gazetteer", "extraction",
                "stix"},
    "cli": {"service", "config", "errors", "model", "taxii", "web", "watch", "batch", "__init__"},
    "taxii": {"service", "config", "errors", "model", "store", "stix", "ingest"},
    "web": {"service", "config", "errors", "model"},
    "watch": {"service", "errors", "model", "ingest"},
    "batch": {"service", "errors", "model", "ingest"},
}


def layer(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 or rel.stem != "__init__" \
        else "__init__"


def intex_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module == "intex":
            # "from intex import service" imports the module, "__version__" the package
            found.update(a.name if (SRC / f"{a.name}.py").exists() or (SRC / a.name).is_dir()
                         else "__init__" for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("intex"):
            parts = node.module.split(".")
            found.add(parts[1] if len(parts) > 1 else "__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "intex":
                    found.add(parts[1] if len(parts) > 1 else "__init__")
    return found


def test_each_layer_imports_only_what_it_may():
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        own = layer(path)
        if own not in ALLOWED:
            continue
        for dep in intex_imports(path) - {own} - ALLOWED[own]:
            wrong.append(f"{path.relative_to(SRC)} imports intex.{dep}")
    assert wrong == []


def test_model_does_no_io():
    for path in (SRC / "model").rglob("*.py"):
        tree = ast.parse(path.read_text())
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        mods = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        mods |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert "open" not in names, path
        assert not mods & {"os", "pathlib", "sqlite3", "socket", "httpx", "subprocess", "io"}, path


def test_front_ends_use_the_service_package_not_its_modules():
    """cli, web, taxii, watch and batch go through ``intex.service``; how the use cases are
    split into modules inside it stays the service's own business."""
    deep = []
    for path in sorted(SRC.rglob("*.py")):
        if layer(path) == "service":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "intex.service."):
                deep.append(f"{path.relative_to(SRC)} imports {node.module}")
    assert deep == []
