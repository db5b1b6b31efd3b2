from pathlib import Path

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


@pytest.fixture(autouse=True)
def plain_static_storage():
    """Overrides the Django suite's autouse fixture: these tests run without Django."""
