import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tooling.synthetic.corpus import FILES_PER_SHARD, relative_path, write_corpus
from tooling.synthetic.vocabulary import MARKER


def generate(out: Path, articles: int, seed: int = 0, *extra):
    stdout = io.StringIO()
    call_command("generate_corpus", "--articles", str(articles), "--out", str(out), "--seed", str(seed), *extra, stdout=stdout)
    return stdout.getvalue()


def contents(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*.txt"))}


def test_files_are_sharded_named_and_marked(tmp_path):
    out = generate(tmp_path / "c", FILES_PER_SHARD + 3)
    assert "wrote 1,003 synthetic articles" in out
    files = contents(tmp_path / "c")
    assert len(files) == FILES_PER_SHARD + 3
    assert relative_path(1) in files and relative_path(FILES_PER_SHARD + 3) in files
    assert len({Path(name).parent for name in files}) == 2
    marker_start = MARKER.split("{")[0]
    for name, data in files.items():
        text = data.decode("utf-8")
        lines = text.split("\n")
        assert Path(name).name.startswith("synthetic_")
        assert lines[0].endswith(" |")
        assert lines[-1].startswith("| ") and lines[-1].endswith(" |")
        assert any(line.startswith(marker_start) for line in lines)
    assert len(set(files.values())) == len(files), "every article has its own content hash"


def test_same_seed_same_bytes_whatever_the_workers(tmp_path):
    write_corpus(tmp_path / "one", 1500, seed=7, workers=1)
    write_corpus(tmp_path / "two", 1500, seed=7, workers=2)
    write_corpus(tmp_path / "other", 1500, seed=8, workers=1)
    assert contents(tmp_path / "one") == contents(tmp_path / "two")
    assert contents(tmp_path / "one") != contents(tmp_path / "other")


def test_refuses_the_seeds_folder(tmp_path):
    with pytest.raises(CommandError, match="refusing"):
        generate(Path(settings.BASE_DIR) / "seeds" / "synthetic", 3)
    assert not (Path(settings.BASE_DIR) / "seeds" / "synthetic").exists()


def test_refuses_a_folder_with_files_unless_forced(tmp_path):
    (tmp_path / "keep.txt").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        generate(tmp_path, 3)
    generate(tmp_path, 3, 0, "--force")
    assert (tmp_path / "keep.txt").read_text() == "x"
