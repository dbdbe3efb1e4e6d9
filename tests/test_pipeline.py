import types

import pytest

from ficlens.errors import PipelineError
from ficlens.model import Document
from ficlens.pipeline import STAGES, StageTiming, run_pipeline, stage_name


def test_pipeline_stage_order_is_explicit():
    assert [stage_name(stage) for stage in STAGES] == [
        "structure", "language", "parse", "quotes", "characters", "coref", "attribution",
        "interactions"]


def test_pipeline_rejects_a_stage_that_forgets_to_return_the_document():
    broken = types.ModuleType("ficlens.stages.broken")
    broken.run = lambda doc: None
    with pytest.raises(PipelineError, match="'broken' returned NoneType instead of a Document"):
        run_pipeline(Document(text="x"), [broken])


def test_pipeline_records_timings():
    noop = types.ModuleType("ficlens.stages.noop")
    noop.run = lambda doc: doc
    timings: list[StageTiming] = []
    run_pipeline(Document(text="x"), [noop, noop], timings=timings)
    assert [t.name for t in timings] == ["noop", "noop"]
