"""Shared fixture: a real library wrapped with the vector tests' helpers."""

from __future__ import annotations

import pytest

from acgdesk.library import Library
from tests.vectors.test_manager import Lib


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib") as library:
        yield Lib(library)
