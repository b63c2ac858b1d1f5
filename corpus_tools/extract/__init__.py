"""Extractors: what articles cite, whom and which bodies they name, and what text they share.

* :mod:`~corpus_tools.extract.references`: citations of Party and state documents
  (:func:`find_references`, :func:`cited_documents`);
* :mod:`~corpus_tools.extract.organizations`: organisations (:func:`find_organizations`,
  :func:`organizations_table`);
* :mod:`~corpus_tools.extract.people`: people with their titles, and who is named with
  whom (:func:`find_people`, :func:`people_table`, :func:`co_mentions`);
  :mod:`~corpus_tools.extract.gazetteer` lists the names that are never people
  (:data:`NOT_PEOPLE`: countries, leagues, clubs, international organisations), and
  :mod:`~corpus_tools.extract.tagger` runs underthesea's named-entity tagger for it;
* :mod:`~corpus_tools.extract.reuse`: passages two articles share
  (:func:`shared_passages`); :mod:`~corpus_tools.extract.overlap`: how much of each
  article they share (:func:`overlap_matrix`, :func:`strongest_overlaps`,
  :func:`near_duplicates`);
* :mod:`~corpus_tools.extract.tables`: bounded tables for figures of any corpus
  (:func:`mentions_by_article`, :func:`top_nodes`); articles are named by
  :func:`corpus_tools.document_labels`.

Every extractor takes the documents first (Documents, ``(doc_id, text)`` pairs or bare
strings) and reports character offsets into ``normalize_text(doc.text)``. The pattern
tables (:data:`ORGANIZATIONS`, :data:`ISSUERS`, :data:`TITLES`, :data:`NOT_PEOPLE`, …)
can be extended by passing a longer tuple.

Examples
--------
>>> import corpus_tools as ct
>>> ct.extract.find_people(["Đồng chí Trương Thị Mai phát biểu."], use_ner=False)["name"].tolist()
['Trương Thị Mai']
"""

from __future__ import annotations

from .gazetteer import CLUBS, COUNTRIES, INTERNATIONAL_ORGANIZATIONS, LEAGUES, NOT_PEOPLE
from .organizations import (
    ORGANIZATIONS,
    PLACES,
    Organization,
    find_organizations,
    organizations_table,
)
from .overlap import near_duplicates, overlap_matrix, strongest_overlaps
from .people import HONORIFICS, SURNAMES, TITLES, co_mentions, find_people, people_table
from .references import (
    CITATION_FORMS,
    DOCUMENT_KINDS,
    ISSUERS,
    CitationForm,
    DocumentKind,
    Issuer,
    cited_documents,
    find_references,
)
from .reuse import shared_passages
from .tables import BoundedTable, mentions_by_article, top_nodes

__all__ = [
    "CITATION_FORMS",
    "CLUBS",
    "COUNTRIES",
    "DOCUMENT_KINDS",
    "HONORIFICS",
    "INTERNATIONAL_ORGANIZATIONS",
    "ISSUERS",
    "LEAGUES",
    "NOT_PEOPLE",
    "ORGANIZATIONS",
    "PLACES",
    "SURNAMES",
    "TITLES",
    "BoundedTable",
    "CitationForm",
    "DocumentKind",
    "Issuer",
    "Organization",
    "cited_documents",
    "co_mentions",
    "find_organizations",
    "find_people",
    "find_references",
    "mentions_by_article",
    "near_duplicates",
    "organizations_table",
    "overlap_matrix",
    "people_table",
    "shared_passages",
    "strongest_overlaps",
    "top_nodes",
]
