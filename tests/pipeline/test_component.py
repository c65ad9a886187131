import pytest

from intex.errors import PipelineError
from intex.pipeline import Doc, build_pipeline, component, registered


def test_default_pipeline_builds_and_every_builtin_is_registered():
    names = set(registered())
    assert {"intex.clean.v1", "intex.claims.rules.v1", "intex.quantities.v1"} <= names
    assert build_pipeline().names[0] == "intex.clean.v1"


def test_missing_requirement_is_refused_at_build_time():
    with pytest.raises(PipelineError, match="requires"):
        build_pipeline(["intex.quantities.v1"])


def test_unknown_component_names_the_known_ones():
    with pytest.raises(PipelineError, match="intex.clean.v1"):
        build_pipeline(["intex.nothing.v9"])


def test_outside_component_registers_like_a_builtin():
    @component("tests.shout.v1", requires=("text",), assigns=("user",))
    def make_shout():
        def shout(doc: Doc) -> Doc:
            doc.user["shout"] = doc.text.upper()
            return doc
        return shout

    p = build_pipeline(["intex.clean.v1", "tests.shout.v1"])
    doc = p(Doc(raw="Drones downed over Kyiv\n\nThe air force said so."))
    assert doc.user["shout"].startswith("DRONES DOWNED")
