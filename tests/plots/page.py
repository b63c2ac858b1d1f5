"""A check shared by the tests of the research-view figures: the figure fits a page."""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from corpus_tools.plots.style import MAX_HEIGHT, MIN_FONT_SIZE, PAGE_WIDTH


def assert_fits_page(fig: Figure) -> None:
    """At most 6.3 × 9 in, no text under 7.5 pt, everything drawn inside the figure."""
    width, height = fig.get_size_inches()
    assert width <= PAGE_WIDTH + 1e-9 and height <= MAX_HEIGHT + 1e-9, (width, height)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    for text in fig.findobj(match=lambda artist: hasattr(artist, "get_fontsize")):
        if text.get_visible() and text.get_text().strip():
            assert text.get_fontsize() >= MIN_FONT_SIZE, (text.get_text(), text.get_fontsize())
    drawn = fig.get_tightbbox(canvas.get_renderer())  # inches, only what was drawn
    assert drawn.x0 >= -0.02 and drawn.y0 >= -0.02, drawn
    assert drawn.x1 <= width + 0.02 and drawn.y1 <= height + 0.02, drawn
