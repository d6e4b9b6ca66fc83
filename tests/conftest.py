"""Shared fixtures: the spaCy model is loaded once per test session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def extractor():
    from quotes.pipeline import Extractor

    return Extractor.load()
