"""What a run reports: ``index.html``, with the corpus, its documents and every figure.

:func:`write_index` writes the page: the corpus summary (documents, date range, words,
from :func:`~corpus_tools.scan.scan_corpus`), the run's date and versions, the first
rows of the documents table (all of it in ``documents.csv``), each figure with its
caption and links to its PNG, SVG and CSV, and the executed notebooks as HTML
(:func:`notebook_html`).

The page never decodes an image: a figure's caption and pixel size are read from the
PNG's chunk headers (:func:`png_info`), or from the SVG's ``<dc:description>``, so a
figure of any size costs a few hundred bytes of reading.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import platform
import re
import struct
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .files import atomic_write_text
from .scan import DOCUMENTS_FILE, CorpusSummary

__all__ = [
    "DOCUMENT_ROWS",
    "NOTEBOOK_FOLDER",
    "figure_caption",
    "notebook_html",
    "png_info",
    "write_index",
]

DOCUMENT_ROWS = 50
"""Rows of the documents table shown on the page; ``documents.csv`` holds them all."""
NOTEBOOK_FOLDER = "notebooks"
"""The folder of the output that holds the executed notebooks as HTML."""
VERSIONS = ("underthesea", "scikit-learn", "numpy", "pandas", "matplotlib", "pyarrow")
"""The libraries whose versions the page names, after corpus_tools and Python."""

_WORDS: dict[str, dict[str, Any]] = {
    "vi": {
        "title": "Kết quả phân tích",
        "corpus": "Kho văn bản",
        "seeds": "5 văn bản mẫu (seeds/)",
        "documents": "Số bài",
        "dates": "Thời gian",
        "undated": "không có ngày",
        "no_dates": "không bài nào có ngày",
        "words": "Số từ",
        "run": "Chạy lúc",
        "versions": "Phiên bản",
        "notebooks": "Sổ tay (notebook) đã chạy",
        "table": "Danh sách bài",
        "shown": "{shown} bài đầu trong {total}; cả danh sách:",
        "all_shown": "Cả danh sách:",
        "figures": "Hình",
        "no_figures": "Lần chạy này không vẽ hình nào.",
        "columns": ("Mã", "Nhãn ngắn", "Tiêu đề", "Ngày", "Nguồn", "Số từ"),
    },
    "en": {
        "title": "Analysis results",
        "corpus": "Corpus",
        "seeds": "the 5 bundled seed texts (seeds/)",
        "documents": "Documents",
        "dates": "Dates",
        "undated": "undated",
        "no_dates": "no document has a date",
        "words": "Words",
        "run": "Run on",
        "versions": "Versions",
        "notebooks": "Executed notebooks",
        "table": "Documents",
        "shown": "The first {shown} of {total} documents; the full table:",
        "all_shown": "The full table:",
        "figures": "Figures",
        "no_figures": "This run drew no figures.",
        "columns": ("Id", "Short label", "Title", "Date", "Source", "Words"),
    },
}


# ---------------------------------------------------------------------------------------
# Figures: captions and sizes without decoding an image.
# ---------------------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_info(path: Path) -> tuple[int, int, dict[str, str]]:
    """A PNG's width, height and text chunks (``tEXt``, ``zTXt``, ``iTXt``), undecoded.

    Reads the chunk headers and seeks past image data, so a figure of any size is read
    in a few hundred bytes. Raises :class:`ValueError` if ``path`` is not a PNG.

    Examples
    --------
    >>> import tempfile, matplotlib.figure
    >>> png = Path(tempfile.mkdtemp()) / "01_hinh.png"
    >>> matplotlib.figure.Figure(figsize=(2, 1)).savefig(png, dpi=100,
    ...     metadata={"Description": "Độ dài văn bản"})
    >>> png_info(png)
    (200, 100, {'Software': ..., 'Description': 'Độ dài văn bản'})
    """
    texts: dict[str, str] = {}
    width = height = 0
    with open(path, "rb") as file:
        if file.read(8) != PNG_SIGNATURE:
            raise ValueError(f"{path}: not a PNG file")
        while header := file.read(8):
            if len(header) < 8:
                break
            length, kind = struct.unpack(">I4s", header)
            if kind == b"IHDR":
                width, height = struct.unpack(">II", file.read(8))
                file.seek(length - 8 + 4, os.SEEK_CUR)
            elif kind in (b"tEXt", b"zTXt", b"iTXt") and length <= 1 << 20:
                key, value = _text_chunk(kind, file.read(length))
                texts.setdefault(key, value)
                file.seek(4, os.SEEK_CUR)
            elif kind == b"IEND":
                break
            else:
                file.seek(length + 4, os.SEEK_CUR)  # the data and its CRC
    return width, height, texts


def _text_chunk(kind: bytes, data: bytes) -> tuple[str, str]:
    key, _, rest = data.partition(b"\0")
    if kind == b"tEXt":
        return key.decode("latin-1"), rest.decode("latin-1")
    if kind == b"zTXt":
        return key.decode("latin-1"), zlib.decompress(rest[1:]).decode("latin-1")
    compressed = rest[:1] == b"\x01"
    _, _, rest = rest[2:].partition(b"\0")  # language tag
    _, _, text = rest.partition(b"\0")  # translated keyword
    return key.decode("latin-1"), (zlib.decompress(text) if compressed else text).decode(
        "utf-8", "replace"
    )


_DESCRIPTION = re.compile(r"<dc:description>(.*?)</dc:description>", re.DOTALL)


def figure_caption(png: Path) -> str:
    """A figure's caption as :func:`~corpus_tools.save_figure` stored it: the PNG's
    ``Description``, else the SVG's ``<dc:description>``, else the file's name."""
    try:
        caption = png_info(png)[2].get("Description")
    except (OSError, ValueError):
        caption = None
    svg = png.with_suffix(".svg")
    if not caption and svg.is_file():
        with open(svg, encoding="utf-8", errors="replace") as file:
            found = _DESCRIPTION.search(file.read(65536))
        caption = html.unescape(found.group(1)) if found else None
    return caption or png.stem


# ---------------------------------------------------------------------------------------
# Executed notebooks as HTML.
# ---------------------------------------------------------------------------------------

_OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
"""


def notebook_html(notebook: Any) -> str:
    """An executed notebook as one HTML page (nbconvert's lab template), self-contained.

    The page loads nothing from the network: the template's require.js and MathJax
    scripts are left out, and figures are embedded.
    """
    import jinja2
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_file="corpus_tools_offline.html.j2",
        extra_loaders=[jinja2.DictLoader({"corpus_tools_offline.html.j2": _OFFLINE_TEMPLATE})],
    )
    body, _ = exporter.from_notebook_node(notebook)
    return body


# ---------------------------------------------------------------------------------------
# The page.
# ---------------------------------------------------------------------------------------


def _number(value: int, lang: str) -> str:
    text = f"{value:,d}"
    return text.replace(",", ".") if lang == "vi" else text


def _versions() -> list[tuple[str, str]]:
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__

    found = [("corpus_tools", __version__), ("Python", platform.python_version())]
    for name in VERSIONS:
        try:
            found.append((name, version(name)))
        except PackageNotFoundError:
            continue
    return found


def _summary_section(summary: CorpusSummary | None, words: Mapping[str, Any]) -> list[str]:
    if summary is None:
        return []
    first, last, undated = summary.dates
    lang = "vi" if words is _WORDS["vi"] else "en"
    if first is None:
        dates = words["no_dates"]
    else:
        dates = f"{first.isoformat()} – {last.isoformat() if last else ''}"
        if undated:
            dates += f" ({_number(undated, lang)} {words['undated']})"
    rows = [
        (words["corpus"], summary.source or words["seeds"]),
        (words["documents"], _number(summary.documents, lang)),
        (words["dates"], dates),
        (words["words"], _number(summary.words, lang)),
    ]
    return ['<dl class="summary" id="summary">'] + [
        f"  <dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in rows
    ] + ["</dl>"]  # fmt: skip


def _documents_section(summary: CorpusSummary | None, words: Mapping[str, Any]) -> list[str]:
    if summary is None:
        return []
    lang = "vi" if words is _WORDS["vi"] else "en"
    shown = summary.table.head(DOCUMENT_ROWS)
    head = "".join(f"<th>{html.escape(c)}</th>" for c in words["columns"])
    lines = [f'<section id="documents">\n<h2>{html.escape(words["table"])}</h2>']
    note = (
        words["shown"].format(
            shown=_number(len(shown), lang), total=_number(summary.documents, lang)
        )
        if len(shown) < summary.documents
        else words["all_shown"]
    )
    lines.append(f'<p>{html.escape(note)} <a href="{DOCUMENTS_FILE}">{DOCUMENTS_FILE}</a></p>')
    lines.append(f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>")
    for row in shown.itertuples(index=False):
        cells = [row.doc_id, row.label, row.title, row.date, row.source]
        text = ["" if c is None or c != c else str(c) for c in cells]  # c != c: NaN
        classes = ("", "", "", ' class="date"', "")
        lines.append(
            "<tr>"
            + "".join(f"<td{k}>{html.escape(t)}</td>" for k, t in zip(classes, text, strict=True))
            + f'<td class="number">{_number(int(row.words), lang)}</td></tr>'
        )
    lines.append("</tbody>\n</table>\n</section>")
    return lines


def _figure(png: Path, notebook: str) -> str:
    width, height, _ = png_info(png)
    caption = figure_caption(png)
    links = [f'<a href="{html.escape(png.name)}">PNG</a>']
    for suffix in (".svg", ".csv"):
        if png.with_suffix(suffix).is_file():
            name = png.with_suffix(suffix).name
            links.append(f'<a href="{html.escape(name)}">{suffix[1:].upper()}</a>')
    size = f' width="{width}" height="{height}"' if width and height else ""
    return (
        f'<figure id="{html.escape(png.stem)}">\n'
        f'  <img src="{html.escape(png.name)}" alt="{html.escape(caption)}"{size}>\n'
        f"  <figcaption><strong>{html.escape(png.stem)}</strong>: {html.escape(caption)}"
        f" <small>({html.escape(notebook)}; {' · '.join(links)})</small></figcaption>\n"
        "</figure>"
    )


STYLE = """
body { font-family: 'DejaVu Sans', 'Noto Sans', sans-serif; max-width: 62rem;
       margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
img { max-width: 100%; height: auto; border: 1px solid #ddd; }
figure { margin: 0 0 2.5rem; }
dl.summary { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
dl.summary dt { font-weight: bold; }
dl.summary dd { margin: 0; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left;
         vertical-align: top; }
td.number { text-align: right; }
td.date { white-space: nowrap; }
.run { color: #555; font-size: .9rem; }
"""


def write_index(
    out_dir: Path,
    notebooks: Sequence[str],
    *,
    summary: CorpusSummary | None = None,
    lang: str = "vi",
    run_date: dt.datetime | None = None,
) -> Path:
    """Write ``out_dir/index.html``; return its path.

    Parameters
    ----------
    out_dir : Path
        The folder of the figures (``NN_name.png``, ``.svg``, ``.csv``); the page links
        them by name, ``documents.csv``, and ``notebooks/NN_name.html`` for each of
        ``notebooks`` (names like ``01_corpus_overview.ipynb``) that exists there.
    notebooks : sequence of str
        The notebooks that ran, in order; a figure belongs to the one with its number.
    summary : CorpusSummary, optional
        The corpus summary and documents table; without it the page shows neither.
    lang : {"vi", "en"}
        The page's language (figures keep their own).
    run_date : datetime, optional
        When the run started (default: now).
    """
    words = _WORDS.get(lang, _WORDS["vi"])
    when = (run_date or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    versions = " · ".join(f"{name} {number}" for name, number in _versions())
    lines = [
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(words['title'])}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        f"<h1>{html.escape(words['title'])}</h1>",
        *_summary_section(summary, words),
        f'<p class="run">{html.escape(words["run"])} {when} · '
        f"{html.escape(words['versions'])}: {html.escape(versions)}</p>",
    ]
    pages = [
        (name, f"{NOTEBOOK_FOLDER}/{Path(name).with_suffix('.html').name}") for name in notebooks
    ]
    pages = [(name, link) for name, link in pages if (out_dir / link).is_file()]
    if pages:
        lines.append(f'<section id="notebooks">\n<h2>{html.escape(words["notebooks"])}</h2>')
        lines.append("<ul>")
        lines += [
            f'<li><a href="{html.escape(link)}">{html.escape(n)}</a></li>' for n, link in pages
        ]
        lines.append("</ul>\n</section>")
    lines += _documents_section(summary, words)
    by_number = {name[:2]: name for name in notebooks}
    lines.append(f'<section id="figures">\n<h2>{html.escape(words["figures"])}</h2>')
    pngs = sorted(out_dir.glob("[0-9][0-9]_*.png"))
    for number in sorted({png.name[:2] for png in pngs}):
        notebook = by_number.get(number, "?")
        lines.append(f'<h3 id="figures-{number}">{html.escape(Path(notebook).stem)}</h3>')
        lines += [_figure(png, notebook) for png in pngs if png.name[:2] == number]
    if not pngs:
        lines.append(f"<p>{html.escape(words['no_figures'])}</p>")
    lines.append("</section>\n</body>\n</html>\n")
    path = out_dir / "index.html"
    atomic_write_text(path, "\n".join(lines))
    return path
