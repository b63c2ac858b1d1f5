"""Where the project's folders are found: from the root, from notebooks/, or as set."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools import paths

ROOT = Path(__file__).resolve().parent.parent


def test_project_root_from_the_root_and_from_notebooks(monkeypatch):
    monkeypatch.delenv(paths.ROOT_VARIABLE, raising=False)
    assert paths.project_root(ROOT) == ROOT
    assert paths.project_root(ROOT / "notebooks") == ROOT


def test_project_root_falls_back_to_the_package_checkout(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.ROOT_VARIABLE, raising=False)
    assert paths.project_root(tmp_path) == ROOT  # this checkout holds seeds/


def test_environment_variable_overrides_the_root(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ROOT_VARIABLE, str(tmp_path))
    assert paths.project_root() == tmp_path.resolve()
    assert paths.seeds_dir() == tmp_path.resolve() / "seeds"


def test_figures_dir_default_and_override(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.ROOT_VARIABLE, raising=False)
    monkeypatch.delenv(paths.FIGURES_VARIABLE, raising=False)
    monkeypatch.chdir(ROOT)
    assert paths.figures_dir() == ROOT / "figures"
    monkeypatch.setenv(paths.FIGURES_VARIABLE, str(tmp_path / "hinh"))
    assert paths.figures_dir() == tmp_path / "hinh"


@pytest.mark.parametrize("folder", ["seeds", "notebooks"])
def test_seeds_dir_is_the_bundled_corpus(monkeypatch, folder):
    monkeypatch.delenv(paths.ROOT_VARIABLE, raising=False)
    monkeypatch.chdir(ROOT / folder)
    assert sorted(p.name for p in paths.seeds_dir().glob("*.txt"))[0].startswith("000_")
