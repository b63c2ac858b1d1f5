"""The run's report: captions read without decoding images, and index.html.

The page is also opened in headless Chromium (issue 13.7): no console errors, every
image loaded, a screenshot saved.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import zlib
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from browser import find_chromium, open_page
from matplotlib.figure import Figure

from corpus_tools import documents_table, save_figure
from corpus_tools.groups import document_label
from corpus_tools.report import DOCUMENT_ROWS, figure_caption, notebook_html, png_info, write_index
from corpus_tools.scan import CorpusSummary, write_documents

CAPTION = "Độ dài các bài: số từ của mỗi bài, xếp từ dài đến ngắn"


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(width: int, height: int, *texts: bytes) -> bytes:
    """A PNG's signature, header and text chunks; its image data is one byte of junk."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + b"".join(texts)
        + chunk(b"IDAT", b"\0")
        + chunk(b"IEND", b"")
    )


def figure(out: Path, name: str, caption: str | None = CAPTION, table: bool = True) -> None:
    fig = Figure(figsize=(4, 2.5))
    fig.subplots().bar(["Hà Nội", "Huế"], [3, 5])
    fig.suptitle("Số bài theo nơi")
    data = pd.DataFrame({"nơi": ["Hà Nội", "Huế"], "số bài": [3, 5]}) if table else None
    save_figure(fig, name, table=data, caption=caption, out_dir=out)


# ----------------------------------------------------------------- captions without images


def test_png_info_reads_size_and_every_kind_of_text_chunk(tmp_path):
    itxt = b"Description\0\0\0\0\0" + CAPTION.encode()
    ztxt = b"Comment\0\0" + zlib.compress(b"ghi chu")
    itxt_compressed = b"Title\0\x01\0vi\0\0" + zlib.compress("Tiêu đề".encode())
    path = tmp_path / "01_hinh.png"
    path.write_bytes(
        png_bytes(1260, 900, chunk(b"tEXt", b"Software\0matplotlib"), chunk(b"iTXt", itxt),
                  chunk(b"zTXt", ztxt), chunk(b"iTXt", itxt_compressed))
    )  # fmt: skip
    assert png_info(path) == (
        1260,
        900,
        {
            "Software": "matplotlib",
            "Description": CAPTION,
            "Comment": "ghi chu",
            "Title": "Tiêu đề",
        },
    )


def test_a_huge_figure_is_captioned_without_decoding_it(tmp_path):
    # 584,060 × 720 px (issue 12): Pillow refuses to decode it; the page only reads headers.
    path = tmp_path / "01_document_lengths.png"
    caption = chunk(b"iTXt", b"Description\0\0\0\0\0" + CAPTION.encode())
    path.write_bytes(png_bytes(584_060, 720, caption))
    assert figure_caption(path) == CAPTION
    assert png_info(path)[:2] == (584_060, 720)
    page = write_index(tmp_path, ["01_tong_quan.ipynb"]).read_text(encoding="utf-8")
    assert 'width="584060" height="720"' in page


def test_a_caption_comes_from_save_figure_through_png_or_svg(tmp_path):
    figure(tmp_path, "02_so_bai")
    png = tmp_path / "02_so_bai.png"
    assert figure_caption(png) == CAPTION
    png.write_bytes(png_bytes(10, 10))  # no text: the SVG's dc:description is read
    assert figure_caption(png) == CAPTION
    png.write_bytes(b"not a png")
    (tmp_path / "02_so_bai.svg").write_text("<svg/>", encoding="utf-8")
    assert figure_caption(png) == "02_so_bai"


def test_png_info_refuses_what_is_not_a_png(tmp_path):
    path = tmp_path / "01_x.png"
    path.write_bytes(b"GIF89a")
    with pytest.raises(ValueError, match="not a PNG"):
        png_info(path)


# ------------------------------------------------------------------------------ the page


def summary_of(docs, copies: int = 1) -> CorpusSummary:
    table = pd.concat([documents_table(docs)] * copies, ignore_index=True)
    table["doc_id"] = [f"{i:04d}_{d}" for i, d in enumerate(table["doc_id"])]
    labels = [document_label(i, t) for i, t in zip(table.doc_id, table.title, strict=True)]
    table.insert(1, "label", labels)
    table.insert(7, "words", range(100, 100 + len(table)))
    return CorpusSummary("/du_lieu/bao", table)


def output_folder(tmp_path: Path, seed_docs, copies: int = 1) -> tuple[Path, CorpusSummary]:
    out = tmp_path / "out"
    figure(out, "01_so_bai")
    figure(out, "02_tu_khoa", caption='Từ khóa <b>&</b> "trích dẫn"', table=False)
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_markdown_cell("# Tổng quan"), nbformat.v4.new_code_cell("1 + 1")]
    (out / "notebooks").mkdir()
    (out / "notebooks" / "01_tong_quan.html").write_text(notebook_html(book), encoding="utf-8")
    summary = summary_of(seed_docs, copies)
    write_documents(summary, out)
    return out, summary


def test_the_page_has_summary_run_documents_figures_and_notebooks(tmp_path, seed_docs):
    out, summary = output_folder(tmp_path, seed_docs, copies=12)  # 60 documents
    when = dt.datetime(2026, 12, 3, 9, 30)
    page = write_index(
        out, ["01_tong_quan.ipynb", "02_tu_khoa.ipynb"], summary=summary, run_date=when
    ).read_text(encoding="utf-8")
    first, last, undated = summary.dates
    assert "<dt>Số bài</dt><dd>60</dd>" in page
    assert f"{first.isoformat()} – {last.isoformat()}" in page
    assert f"({undated} không có ngày)" in page if undated else True
    assert f"<dt>Số từ</dt><dd>{summary.words:,d}</dd>".replace(",", ".") in page
    assert "2026-12-03 09:30" in page and "corpus_tools 0.1.0" in page and "underthesea" in page
    rows = re.findall(r"<tr><td>", page)
    assert len(rows) == DOCUMENT_ROWS < 60
    assert f"{DOCUMENT_ROWS} bài đầu trong 60" in page and 'href="documents.csv"' in page
    for link in ("01_so_bai.png", "01_so_bai.svg", "01_so_bai.csv", "02_tu_khoa.svg"):
        assert f'href="{link}"' in page
    assert 'href="02_tu_khoa.csv"' not in page  # no table, no link
    assert "Từ khóa &lt;b&gt;&amp;&lt;/b&gt; &quot;trích dẫn&quot;" in page
    assert 'href="notebooks/01_tong_quan.html"' in page
    # figures under their notebook, in order
    assert page.index('<h3 id="figures-01">01_tong_quan</h3>') < page.index('id="01_so_bai"')
    assert page.index('id="01_so_bai"') < page.index('<h3 id="figures-02">02_tu_khoa</h3>')
    assert "notebooks/02_tu_khoa.html" not in page  # not written: not linked
    for link in re.findall(r'(?:href|src)="([^"]+)"', page):
        assert (out / link).is_file(), link


def test_the_page_in_english_and_without_a_summary(tmp_path):
    figure(tmp_path, "01_so_bai")
    page = write_index(tmp_path, ["01_a.ipynb"], lang="en").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Figures" in page and "Run on" in page
    assert "Số bài" not in page.split("<section")[0]
    assert 'id="summary"' not in page and 'id="documents"' not in page


def test_a_notebook_page_needs_no_network():
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell("print('xin chào')")]
    page = notebook_html(book)
    assert "xin chào" in page
    assert not re.search(r"<script[^>]+src=\"https?:", page)


@pytest.mark.slow
def test_the_page_in_a_real_browser(tmp_path, seed_docs):
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no Chromium: install Debian's chromium (.ci/run does) to run this test")
    out, summary = output_folder(tmp_path, seed_docs, copies=12)
    index = write_index(out, ["01_tong_quan.ipynb", "02_tu_khoa.ipynb"], summary=summary)
    seen = open_page(chromium, index, tmp_path / "index.png")
    assert seen.errors == []
    assert seen.title == "Kết quả phân tích"
    assert len(seen.images) == 2
    assert all(image["complete"] and image["naturalWidth"] > 0 for image in seen.images)
    assert seen.screenshot is not None and seen.screenshot.stat().st_size > 10_000
    notebook = open_page(chromium, out / "notebooks" / "01_tong_quan.html", tmp_path / "nb.png")
    assert notebook.errors == []
