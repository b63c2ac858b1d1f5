"""Writing figures: :func:`save_figure` is the only function in the package that does.

It writes ``NN_name.png`` (200 dpi), ``NN_name.svg`` and, when given, the table behind
the figure as ``NN_name.csv`` (UTF-8 with BOM, so spreadsheet programs show
Vietnamese). Every file is written to a temporary name and moved into place, and the
output is the same bytes on every run.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from ..errors import FigureError
from ..files import atomic_write
from ..paths import figures_dir
from .style import DPI, STYLE

__all__ = ["CSV_FLOAT_FORMAT", "NAME_PATTERN", "figure_title", "save_figure"]

CSV_FLOAT_FORMAT = "%.10g"
"""Ten significant digits in saved tables: the last bits of a float differ between
numpy and scipy builds, and no report needs them."""
NAME_PATTERN = re.compile(r"\d\d_[a-z0-9_]+")
"""A figure's name: the notebook's number, ``_``, then lowercase ASCII (``02_top_words``)."""


def figure_title(fig: Figure) -> str | None:
    """Return the figure's suptitle, else the first title of one of its Axes, else None.

    Examples
    --------
    >>> fig = Figure()
    >>> fig.subplots(1, 2)[1].set_title("Độ tương đồng")
    Text(...)
    >>> figure_title(fig)
    'Độ tương đồng'
    >>> _ = fig.suptitle("Từ khóa")
    >>> figure_title(fig)
    'Từ khóa'
    """
    if fig.get_suptitle():
        return fig.get_suptitle()
    for ax in fig.axes:
        if ax.get_title():
            return ax.get_title()
    return None


def save_figure(
    fig: Figure,
    name: str,
    *,
    table: pd.DataFrame | None = None,
    caption: str | None = None,
    out_dir: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write ``fig`` as ``NN_name.png`` (200 dpi) and ``.svg``, and ``table`` as ``.csv``.

    Parameters
    ----------
    fig : Figure
    name : str
        ``NN_name`` in lowercase ASCII: ``NN`` is the number of the notebook that
        makes the figure (``"02_top_words"``).
    table : DataFrame, optional
        The numbers behind the figure, written as UTF-8 CSV with BOM, floats to ten
        significant digits (:data:`CSV_FLOAT_FORMAT`).
    caption : str, optional
        A sentence for the report; stored in the PNG and SVG metadata
        (``Description``). Defaults to the figure's title (:func:`figure_title`), or
        else ``name``.
    out_dir : path, optional
        Default :func:`corpus_tools.paths.figures_dir` (``CORPUS_TOOLS_FIGURES_DIR`` or
        ``figures/``); created if missing.

    Returns
    -------
    list of Path
        The files written: PNG, SVG, then the CSV if ``table`` was given.

    Raises
    ------
    FigureError
        If ``name`` does not look like ``NN_name`` (a :class:`ValueError`).
    """
    if not NAME_PATTERN.fullmatch(name):
        raise FigureError(
            f"figure name {name!r} must look like '02_top_words' (NN_ then a-z, 0-9, _)"
        )
    folder = Path(out_dir) if out_dir is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    caption = caption or figure_title(fig) or name
    written = []
    with matplotlib.rc_context(STYLE):
        png = folder / f"{name}.png"
        atomic_write(
            png,
            lambda tmp: fig.savefig(
                tmp, format="png", dpi=DPI, metadata={"Software": None, "Description": caption}
            ),
        )
        svg = folder / f"{name}.svg"
        atomic_write(
            svg,
            lambda tmp: fig.savefig(
                tmp,
                format="svg",
                metadata={"Date": None, "Creator": None, "Description": caption},
            ),
        )
        written += [png, svg]
    if table is not None:
        csv = folder / f"{name}.csv"
        atomic_write(
            csv,
            lambda tmp: table.to_csv(
                tmp, encoding="utf-8-sig", lineterminator="\n", float_format=CSV_FLOAT_FORMAT
            ),
        )
        written.append(csv)
    return written
