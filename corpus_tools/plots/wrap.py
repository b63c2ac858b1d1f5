"""Measuring, wrapping and cutting text in the house font, so no label is clipped.

Internal API of the plot modules: titles and subtitles are wrapped to the width of
their figure (:func:`wrap_text`), labels that must stay within a cell are cut with "…"
(:func:`fit_text`), both measured as matplotlib sets the text (:func:`text_width`).
"""

from __future__ import annotations

import re

from matplotlib import font_manager
from matplotlib.textpath import text_to_path

__all__ = ["FONT_FAMILY", "fit_text", "text_width", "wrap_text"]

FONT_FAMILY = "DejaVu Sans"
"""The house font: it ships with matplotlib and covers every Vietnamese letter."""

_ID_TAIL = re.compile(r" \([^()]+\)$")


def text_width(value: str, *, size: float, weight: str = "normal") -> float:
    """Return the width in inches of one line of ``value`` set in the house font.

    Internal API: what :func:`wrap_text` measures with.

    Examples
    --------
    >>> 0.3 < text_width("cán bộ", size=10) < 0.6
    True
    """
    prop = font_manager.FontProperties(family=FONT_FAMILY, size=size, weight=weight)
    width, _, _ = text_to_path.get_text_width_height_descent(value, prop, ismath=False)
    return width / 72


def wrap_text(value: str, width: float, *, size: float, weight: str = "normal") -> str:
    """Break ``value`` into lines at spaces so that each is at most ``width`` inches.

    Internal API: titles, subtitles and long labels are wrapped to fit the page
    rather than clipped. A single word wider than ``width`` keeps a line of its own.

    Examples
    --------
    >>> wrap_text("Độ tương đồng giữa các văn bản", 1.0, size=9)
    'Độ tương đồng\\ngiữa các văn\\nbản'
    """
    lines: list[str] = []
    for paragraph in value.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and text_width(candidate, size=size, weight=weight) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)


def fit_text(value: str, width: float, *, size: float, lines: int = 1) -> str:
    """Wrap ``value`` to ``width`` inches in at most ``lines`` lines, cutting with "…".

    Internal API: for labels that must stay within a cell (heatmap rows and columns).
    A closing "(id)", as :func:`~corpus_tools.document_label` ends a label, is
    kept whole: the title before it is cut instead.

    Examples
    --------
    >>> fit_text("Tăng cường siết chặt kỷ luật… (000)", 1.2, size=8)
    'Tăng cường… (000)'

    >>> fit_text("Chủ đề 4: Ban Tổ chức Trung ương, Nguyễn Thanh Bình", 1.4, size=8, lines=2)
    'Chủ đề 4: Ban Tổ chức\\nTrung ương, Nguyễn…'
    >>> fit_text("cán bộ", 1.0, size=8)
    'cán bộ'
    """
    wrapped = wrap_text(value, width, size=size).split("\n")
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    tail = _ID_TAIL.search(value)
    suffix = "…" + (tail.group(0) if tail else "")
    body = value[: tail.start()] if tail else value
    wrapped = wrap_text(body.rstrip("…"), width, size=size).split("\n")
    kept, last = wrapped[: lines - 1], " ".join(wrapped[lines - 1 :])
    while " " in last and text_width(last + suffix, size=size) > width:  # whole words
        last = last.rsplit(" ", 1)[0].rstrip(" ,;:")
    while last and text_width(last + suffix, size=size) > width:  # one long word
        last = last[:-1]
    return "\n".join([*kept, last + suffix])
