"""What a topic model is fitted on: documents or paragraphs, and no unit too short.

:func:`choose_unit` picks documents for a corpus of many documents and paragraphs for a
handful; :func:`drop_short_units` leaves out units of a few words (photo captions,
datelines, headings that slipped through cleaning), and says how many it left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Sized
from dataclasses import dataclass
from typing import Any

from ..errors import TopicModelError
from ..types import TokensInput
from ..validation import carries_ids, check_choice, check_positive_int, token_lists

__all__ = ["MIN_DOCUMENTS", "MIN_TOKENS", "KeptUnits", "choose_unit", "drop_short_units"]

MIN_DOCUMENTS = 50
"""From this many documents on, ``choose_unit(unit="auto")`` models whole documents."""

MIN_TOKENS = 5
"""Units with fewer words than this (after stopwords) are left out of topic models."""


def choose_unit(
    docs: Sized, *, unit: str = "auto", min_documents: int = MIN_DOCUMENTS
) -> tuple[str, str]:
    """Return the unit to fit topics on, ``"document"`` or ``"paragraph"``, and why.

    With ``unit="auto"``: documents when the corpus holds at least ``min_documents``
    (default :data:`MIN_DOCUMENTS`, 50) documents, paragraphs below that.

    Why documents: a news article is filed under one category, and topics fitted on
    whole articles recover those categories better than topics fitted on paragraphs
    and averaged back (NMI 0.59 against 0.44 on 2,653 real articles in 10 categories,
    issue 12). A paragraph holds too few words to place it, and many paragraphs (quotes,
    background, datelines) are not about the article's subject. Generated corpora
    (``benchmarks/make_corpus.py``, synthetic articles of real sentences, 10 categories,
    NMF with k the number of categories present, mean of three samples) agree at every
    size tried: NMI 0.80 against 0.73 at 20 documents, 0.74 against 0.61 at 50, 0.80
    against 0.60 at 100, 0.71 against 0.50 at 300.

    Why a floor, then: not agreement but room. :func:`~corpus_tools.topics.choose_k`
    fits each k on 80% samples and needs several units per topic: 50 documents give
    samples of 40, four per topic at k=10; 20 would give 16, fewer than two. Below the
    floor, paragraphs are the only way to compare several ks (the five seeds hold 70
    paragraphs). Pass ``unit="document"`` to fit documents anyway.

    Parameters
    ----------
    docs : sized
        The documents (only their number is used).
    unit : {"auto", "document", "paragraph"}
        ``"document"`` or ``"paragraph"`` are returned as they are, with a reason saying
        they were asked for.
    min_documents : int
        The floor of ``"auto"``.

    Returns
    -------
    tuple of str
        The unit, and a sentence saying how it was chosen.

    Examples
    --------
    >>> choose_unit(range(5))
    ('paragraph', 'unit="auto": 5 documents, fewer than 50, so topics are fitted on paragraphs ...')
    >>> choose_unit(range(300))[0], choose_unit(range(5), unit="document")[0]
    ('document', 'document')
    """
    check_choice(unit, "unit", ("auto", "document", "paragraph"))
    min_documents = check_positive_int(min_documents, "min_documents", error=TopicModelError)
    n_docs = len(docs)
    if unit != "auto":
        return unit, f'unit="{unit}" was asked for ({n_docs:,} documents).'
    if n_docs >= min_documents:
        return "document", (
            f'unit="auto": {n_docs:,} documents, at least {min_documents}, so topics are fitted '
            "on whole documents (an article is filed under one subject; its paragraphs are "
            "too short to place on their own)."
        )
    return "paragraph", (
        f'unit="auto": {n_docs:,} documents, fewer than {min_documents}, so topics are fitted '
        "on paragraphs (too few documents to fit and compare several topics on)."
    )


@dataclass(frozen=True)
class KeptUnits:
    """The units a topic model is fitted on, after :func:`drop_short_units`.

    Attributes
    ----------
    tokens : list
        The kept token lists, as ``(doc_id, tokens)`` pairs when the units carried ids,
        else as plain token lists; pass them to ``fit_topics`` or ``choose_k``.
    positions : tuple of int
        Each kept unit's position among the units given: ``texts[positions[i]]`` is the
        text behind ``tokens[i]``.
    texts : tuple or None
        The texts given with the units (e.g. ``text_units`` pairs), kept alike.
    dropped : int
        How many units were left out.
    total : int
        How many units were given.
    min_tokens : int
        The fewest words a kept unit has.
    """

    tokens: list[Any]
    positions: tuple[int, ...]
    texts: tuple[Any, ...] | None
    dropped: int
    total: int
    min_tokens: int

    @property
    def message(self) -> str:
        """One sentence saying how many units were left out and why."""
        if not self.dropped:
            return f"All {self.total:,} units have at least {self.min_tokens} words; none left out."
        return (
            f"Left out {self.dropped:,} of {self.total:,} units with fewer than "
            f"{self.min_tokens} words (after stopwords): photo captions, datelines and "
            f"headings are no topic. {len(self.positions):,} units are modelled."
        )


def drop_short_units(
    tokens_per_unit: TokensInput,
    *,
    min_tokens: int = MIN_TOKENS,
    texts: Sequence[Any] | None = None,
) -> KeptUnits:
    """Leave out the units with fewer than ``min_tokens`` words, and count them.

    Short units are photo captions ("Ảnh: TTXVN"), datelines and headings: a topic model
    gives them a topic of their own (issue 13 found five of ten NMF topics made of one
    headline or caption, with shares of 0.91 to 1.00). Words are counted as given, so
    after stopwords: ``min_tokens=5`` keeps units of five content words or more.

    Parameters
    ----------
    tokens_per_unit : list of list of str, mapping or (doc_id, tokens) pairs
        One token list per unit.
    min_tokens : int
        Default :data:`MIN_TOKENS` (5); 1 keeps every unit that has a word.
    texts : sequence, optional
        Anything aligned with the units (such as ``text_units(docs, unit=...)`` pairs),
        filtered alike into :attr:`KeptUnits.texts`.

    Returns
    -------
    KeptUnits
        Its :attr:`~KeptUnits.message` says how many units were left out; print it.

    Raises
    ------
    TopicModelError
        If ``texts`` is not aligned with the units, or no unit is long enough.

    Examples
    --------
    >>> kept = drop_short_units([("a", ["ảnh", "TTXVN"]), ("a", ["cán_bộ"] * 5)])
    >>> kept.tokens, kept.positions, kept.dropped
    ([('a', ['cán_bộ', 'cán_bộ', 'cán_bộ', 'cán_bộ', 'cán_bộ'])], (1,), 1)
    >>> print(kept.message)
    Left out 1 of 2 units with fewer than 5 words (after stopwords): photo captions, ...
    """
    min_tokens = check_positive_int(min_tokens, "min_tokens", error=TopicModelError)
    given: Any = tokens_per_unit if isinstance(tokens_per_unit, Mapping) else list(tokens_per_unit)
    units, ids = token_lists(given, name="tokens_per_unit", unique=False)
    if texts is not None and len(texts) != len(units):
        raise TopicModelError(
            f"texts has {len(texts)} entries for {len(units)} units; pass the texts of the "
            "same units, in the same order (text_units with the same unit and include_title)"
        )
    positions = tuple(i for i, unit in enumerate(units) if len(unit) >= min_tokens)
    if not positions:
        raise TopicModelError(
            f"none of the {len(units)} units has {min_tokens} words or more (after stopwords); "
            "lower min_tokens, or use larger units (unit='document')"
        )
    with_ids = carries_ids(given)
    kept = [(ids[i], units[i]) if with_ids else units[i] for i in positions]
    return KeptUnits(
        tokens=kept,
        positions=positions,
        texts=None if texts is None else tuple(texts[i] for i in positions),
        dropped=len(units) - len(positions),
        total=len(units),
        min_tokens=min_tokens,
    )
