"""The project's set-up: seeds byte for byte, environment.yml deferring to pyproject."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import tomllib
import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARED_SEEDS = SHARED / "seeds"
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"no ../shared beside the clone ({SHARED}): nothing to compare"
)


def _sums(folder: Path) -> dict[str, str]:
    lines = (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name.strip(): digest for digest, name in (line.split(maxsplit=1) for line in lines)}


def test_seeds_match_their_checksums():
    sums = _sums(ROOT / "seeds")
    assert len(sums) == 5
    for name, digest in sums.items():
        assert hashlib.sha256((ROOT / "seeds" / name).read_bytes()).hexdigest() == digest, name


@needs_shared
def test_seed_checksums_are_the_shared_ones():
    assert _sums(ROOT / "seeds") == _sums(SHARED_SEEDS)


def test_environment_yml_defers_to_pyproject():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert environment["dependencies"] == ["python=3.11", "pip", {"pip": ["-e .[dev,notebooks]"]}]


def test_pyproject_declares_the_extras_environment_yml_installs():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert {"dev", "notebooks"} <= set(project["optional-dependencies"])
    assert any(dep.startswith("underthesea") for dep in project["dependencies"])


@pytest.mark.parametrize(
    "name",
    [
        "vietnamese-stopwords.txt",
        "LICENSE-vietnamese-stopwords.txt",
        "party_terms_vi.txt",
        "dictionary_personnel_vi.csv",
    ],
)
def test_package_data_ships(name):
    assert resources.files("corpus_tools").joinpath("data", name).is_file()


@needs_shared
def test_stopword_list_is_the_shared_one():
    shared = SHARED / "data" / "vietnamese-stopwords.txt"
    ours = resources.files("corpus_tools").joinpath("data", "vietnamese-stopwords.txt")
    assert ours.read_bytes() == shared.read_bytes()


def test_import_loads_no_model_and_writes_nothing(tmp_path):
    code = "import sys, corpus_tools; print('underthesea' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert out.stdout.split() == ["False"]
    assert list(tmp_path.iterdir()) == []


def test_segmenting_imports_neither_scikit_learn_nor_matplotlib():
    # Every worker process imports corpus_tools; the heavy libraries wait for first use.
    code = (
        "import sys, corpus_tools as ct\n"
        "ct.tokenize_corpus(['Bộ Chính trị họp.'], progress=False)\n"
        "print(sorted(m for m in ('sklearn', 'matplotlib') if m in sys.modules))\n"
        "ct.fit_topics\n"
        "print('sklearn' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "True"]


def test_every_public_name_resolves():
    import corpus_tools as ct

    assert all(getattr(ct, name) is not None for name in ct.__all__)
    assert {"features", "topics", "plots", "extract"} <= set(dir(ct))
