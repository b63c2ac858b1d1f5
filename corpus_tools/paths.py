"""Where the project's folders are: the bundled seeds and the figures folder.

Importing this module does nothing. Library functions take explicit paths; these
helpers only supply the defaults that the notebooks and the command line use.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["figures_dir", "project_root", "seeds_dir"]

ROOT_VARIABLE = "CORPUS_TOOLS_ROOT"
FIGURES_VARIABLE = "CORPUS_TOOLS_FIGURES_DIR"


def project_root(start: str | os.PathLike[str] | None = None) -> Path:
    """Return the project folder: the nearest one holding ``pyproject.toml`` and ``seeds/``.

    The search walks up from ``start`` (default: the working directory), so it works
    from the repository root and from ``notebooks/``, installed or not. The
    environment variable ``CORPUS_TOOLS_ROOT`` overrides it.
    """
    override = os.environ.get(ROOT_VARIABLE)
    if override:
        return Path(override).resolve()
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "seeds").is_dir():
            return folder
    # The package's own checkout, for scripts run from elsewhere.
    package_parent = Path(__file__).resolve().parent.parent
    if (package_parent / "seeds").is_dir():
        return package_parent
    raise FileNotFoundError(
        f"no folder holding pyproject.toml and seeds/ above {here}; "
        f"run from the corpus_tools checkout or set {ROOT_VARIABLE}"
    )


def seeds_dir() -> Path:
    """Return the bundled corpus folder, ``<project>/seeds``."""
    return project_root() / "seeds"


def figures_dir() -> Path:
    """Return the figures folder: ``CORPUS_TOOLS_FIGURES_DIR`` if set, else ``<root>/figures``."""
    override = os.environ.get(FIGURES_VARIABLE)
    if override:
        return Path(override)
    return project_root() / "figures"
