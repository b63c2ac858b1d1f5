"""Helpers the segmentation tests share: the reference segmenter, counting segmentation,
documents that are interrupted."""

from __future__ import annotations

from corpus_tools.segment import text_units
from corpus_tools.segment.tokens import reference_tokenize_texts


def reference(docs, *, unit="document", **options):
    """The segmenter as it was: underthesea's own tagger, batches of 64 units."""
    texts = [text for _, text in text_units(docs, unit=unit)]
    return [
        tokens
        for start in range(0, len(texts), 64)
        for tokens in reference_tokenize_texts(texts[start : start + 64], **options)
    ]


def no_segmentation(texts, user_words):
    raise AssertionError(f"segmented {len(texts)} unit(s) that should come from the cache")


class Interrupted(list):
    """Documents that raise KeyboardInterrupt (as Ctrl-C would) after ``n`` of them."""

    def __init__(self, docs, n):
        super().__init__(docs)
        self.n = n

    def __iter__(self):
        for number, doc in enumerate(list.__iter__(self)):
            if number == self.n:
                raise KeyboardInterrupt
            yield doc
