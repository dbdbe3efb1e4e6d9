"""Shared fixtures. Paths into ../shared skip their tests cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the calling test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (reference data beside the repository)")
    return path


@pytest.fixture
def samples_dir() -> Path:
    return shared_path("samples")


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("samples", "seeds")


@pytest.fixture
def ao3_dir() -> Path:
    return shared_path("samples", "ao3")


@pytest.fixture
def pdnc_dir() -> Path:
    return shared_path("data", "pdnc")


@pytest.fixture
def litbank_dir() -> Path:
    return shared_path("data", "litbank")
