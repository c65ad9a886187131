"""The service package loads its names on first use; what it offers stays what it declares."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import intex.service as service

INIT = Path(service.__file__)


def test_every_declared_name_resolves_to_the_module_that_defines_it():
    for name in service.__all__:
        value = getattr(service, name)
        assert value is not None, name
    assert set(service.__all__) == set(service._MODULE_OF)


def test_type_checkers_see_the_same_names_as_the_lazy_table():
    tree = ast.parse(INIT.read_text())
    guarded = next(node for node in tree.body if isinstance(node, ast.If))
    seen = {(imp.module, alias.name) for imp in guarded.body
            if isinstance(imp, ast.ImportFrom) for alias in imp.names}
    table = {(module, name) for module, names in service._WHERE.items() for name in names}
    assert seen == table


def test_an_unknown_name_is_an_attribute_error():
    try:
        service.no_such_use_case  # noqa: B018
    except AttributeError as err:
        assert "no_such_use_case" in str(err)
    else:
        raise AssertionError("an unknown name resolved")


def test_extracting_one_report_loads_neither_the_store_nor_the_exchange(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("KYIV - The army said 40 drones were shot down overnight.\n")
    probe = (
        "import sys\n"
        "from intex.cli import app\n"
        f"try:\n    app(['extract', {str(report)!r}], standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('sqlalchemy', 'fastapi', 'stix2', 'intex.store')"
        " if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert '"claims"' in out  # it did extract
    assert out.strip().splitlines()[-1] == "[]"


def test_use_cases_named_like_their_module_stay_functions():
    import intex.service.ingest  # noqa: F401  (binds the submodule on the package)
    import intex.service.ledger  # noqa: F401

    assert callable(service.ingest) and not isinstance(service.ingest, type(service))
    assert callable(service.ledger) and not isinstance(service.ledger, type(service))
