from pathlib import Path
from types import SimpleNamespace

import pytest

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_d728a159c3b1bbfd.txt"
SAMPLES = Path(__file__).resolve().parent / "samples"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def seed_text(seed_bytes) -> str:
    return seed_bytes.decode("utf-8")


def sample_bytes(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()



class _AnySettings(SimpleNamespace):
    """Every setting reads as an empty dict and can be assigned; nothing here uses them."""

    def __getattr__(self, name):
        return {}


@pytest.fixture
def settings():
    """Stands in for pytest-django's ``settings``.

    The Django suite's autouse fixtures (articles/tests/conftest.py) ask for ``settings``;
    these tests run without Django (``-p no:django``), so they get a harmless stand-in.
    """
    return _AnySettings()
