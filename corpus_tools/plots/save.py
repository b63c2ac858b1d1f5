"""Writing figures: :func:`save_figure` is the only function in the package that does.

It writes ``NN_name.png`` (200 dpi), ``NN_name.svg`` and, when given, the table behind
the figure as ``NN_name.csv`` (UTF-8 with BOM, so spreadsheet programs show
Vietnamese). Every file is written to a temporary name and moved into place with the
mode the umask allows (:func:`corpus_tools.files.atomic_write`), and the output is the
same bytes on every run.

The SVG keeps its text as text in the font it names (``svg.fonttype = "none"``,
``font-family`` DejaVu Sans), so labels can be edited. The CSV is tidy
(:func:`tidy_table`): no index column unless the index means something, and then as a
named column; lists joined with "; ".
"""

from __future__ import annotations

import os
import re
import weakref
from collections.abc import Set
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..errors import FigureError
from ..files import atomic_write
from ..paths import figures_dir
from .style import DPI, STYLE

__all__ = [
    "CSV_FLOAT_FORMAT",
    "LIST_SEPARATOR",
    "NAME_PATTERN",
    "figure_title",
    "save_figure",
    "show_saved_figures",
    "tidy_table",
]

CSV_FLOAT_FORMAT = "%.10g"
"""Ten significant digits in saved tables: the last bits of a float differ between
numpy and scipy builds, and no report needs them."""
LIST_SEPARATOR = "; "
"""What joins the items of a list, tuple or set in a saved table's cell."""
NAME_PATTERN = re.compile(r"\d\d_[a-z0-9_]+")
"""A figure's name: the notebook's number, ``_``, then lowercase ASCII (``02_top_words``)."""
SHOWN_DPI = 100
"""The resolution a notebook shows a saved PNG at (200 dpi files shown half size)."""

_SAVED_PNG: weakref.WeakKeyDictionary[Figure, Path] = weakref.WeakKeyDictionary()


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
    if fig.get_suptitle().strip():
        return " ".join(fig.get_suptitle().split())
    for ax in fig.axes:
        if ax.get_title().strip():
            return " ".join(ax.get_title().split())
    return None


def _cell(value: object) -> object:
    """A list, tuple, set or array as its items joined by "; "; anything else as it is."""
    if isinstance(value, (list, tuple, Set, np.ndarray)):
        items = sorted(value, key=str) if isinstance(value, Set) else value
        return LIST_SEPARATOR.join(str(item) for item in items)
    return value


def tidy_table(table: pd.DataFrame) -> pd.DataFrame:
    """Return ``table`` as :func:`save_figure` writes it: no unnamed index, no tuples.

    A default index (0, 1, 2…, unnamed) is dropped. Any other index (``doc_id`` of a
    matrix, a term) becomes the first column(s), under its name, or ``row`` when it
    has none. Lists, tuples, sets and arrays in cells become their items joined with
    :data:`LIST_SEPARATOR` (sets sorted), never ``('002_…',)``. The caller's table is
    not changed.

    Examples
    --------
    >>> edges = pd.DataFrame({"source": ["Trương Thị Mai"], "articles": [("000", "002")]})
    >>> tidy_table(edges)
               source   articles
    0  Trương Thị Mai  000; 002
    >>> matrix = pd.DataFrame({"chạy_chức": [2, 0]}, index=pd.Index(["000", "001"], name="doc_id"))
    >>> tidy_table(matrix).columns.tolist()
    ['doc_id', 'chạy_chức']
    """
    index = table.index
    default = (
        isinstance(index, pd.RangeIndex)
        and index.start == 0
        and index.step == 1
        and all(name is None for name in index.names)
    )
    if default:
        tidy = table.reset_index(drop=True)
    else:
        names = [
            name if name is not None else ("row" if index.nlevels == 1 else f"row_{level}")
            for level, name in enumerate(index.names, start=1)
        ]
        tidy = table.rename_axis(names).reset_index()
    tidy.columns = [column if isinstance(column, str) else str(column) for column in tidy.columns]
    for column in tidy.columns[tidy.dtypes.eq(object)]:
        tidy[column] = tidy[column].map(_cell)
    return tidy


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
        significant digits (:data:`CSV_FLOAT_FORMAT`), tidied by :func:`tidy_table`:
        a default index dropped, a meaningful one kept as a named column, lists
        joined with "; ".
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
        _SAVED_PNG[fig] = png
        svg = folder / f"{name}.svg"
        # The PNG's draw has laid the figure out; the SVG keeps that layout instead of
        # computing it again (the layout is a third of a page of panels' drawing time).
        engine = fig.get_layout_engine()
        fig.set_layout_engine("none")
        try:
            atomic_write(
                svg,
                lambda tmp: fig.savefig(
                    tmp,
                    format="svg",
                    metadata={"Date": None, "Creator": None, "Description": caption},
                ),
            )
        finally:
            fig.set_layout_engine(engine)
        written += [png, svg]
    if table is not None:
        csv = folder / f"{name}.csv"
        tidy = tidy_table(table)
        atomic_write(
            csv,
            lambda tmp: tidy.to_csv(
                tmp,
                index=False,
                encoding="utf-8-sig",
                lineterminator="\n",
                float_format=CSV_FLOAT_FORMAT,
            ),
        )
        written.append(csv)
    return written


def show_saved_figures() -> None:
    """Show each saved figure in a notebook as the PNG :func:`save_figure` wrote.

    A notebook shows a figure by drawing it once more; a figure already saved is shown
    from its PNG file instead (half size, :data:`SHOWN_DPI`), which is what the report
    gets and saves a third drawing. Figures not saved are drawn as before. Call it
    once, in a notebook, after ``%matplotlib inline``; outside IPython it does nothing.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover (IPython comes with Jupyter)
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter: Any = shell.display_formatter.formatters["image/png"]
    drawn = formatter.for_type(Figure)  # matplotlib-inline's, or None

    def saved_or_drawn(fig: Figure) -> Any:
        path = _SAVED_PNG.get(fig)
        if path is None or not path.is_file():
            return drawn(fig) if drawn is not None else None
        width = round(fig.get_figwidth() * SHOWN_DPI)
        return path.read_bytes(), {"width": width}

    formatter.for_type(Figure, saved_or_drawn)
