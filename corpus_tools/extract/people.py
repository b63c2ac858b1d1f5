"""Find people in Vietnamese news, with their titles and roles, and who is named with whom.

People come from two sources. underthesea's named-entity tagger (``underthesea.ner``, a
CRF model shipped inside the wheel, so it runs offline) proposes where names are: the
words it tags as proper nouns (``Np``) or persons (``PER``). Patterns propose the names
that follow an honorific or a title. A candidate is kept as a person only when

* it looks like a Vietnamese full name: two to four capitalised syllables, the first a
  surname from :data:`SURNAMES`;
* it is not a place (:data:`~corpus_tools.extract.organizations.PLACES`), does not
  follow a place word ("tỉnh", "đường") and is not the tail of a longer proper noun;
* and the text says it is a person: an honorific just before it (:data:`HONORIFICS`:
  "đồng chí", "ông", "chiến sỹ"…), a title just before it ("Phó Trưởng Ban Thường trực
  Ban Tổ chức Trung ương Nguyễn Thanh Bình") or titles after it ("Phạm Minh Chính, Ủy
  viên Bộ Chính trị, …"). A name kept once is then found in every article.

The tagger's own labels are not trusted on their own: its 2017 model calls
"Thái Nguyên" a person and "đồng chí Phạm Minh Chính" a place. It only moves where a
name starts and ends, so it reads only the sentences where that can change who is kept
(a capitalised name with an honorific or a title beside it), through
:func:`~corpus_tools.extract.tagger.tag_entities` (underthesea's models, with features
built in linear time). Pass ``use_ner=False`` to run on patterns alone.

Names of countries, leagues, clubs and international organisations
(:data:`~corpus_tools.extract.gazetteer.NOT_PEOPLE`) are never people, even after a
title ("Đại sứ Thái Lan", "Chủ tịch La Liga").

A title is a head from :data:`TITLES` ("Ủy viên", "Phó Trưởng ban", "Thứ trưởng"…),
optionally "nguyên" before it and "Thường trực" after it, followed by an organisation
from :data:`~corpus_tools.extract.organizations.ORGANIZATIONS`.

Text is normalised with :func:`~corpus_tools.normalize.normalize_text` first; ``start``
and ``end`` are character offsets into ``normalize_text(doc.text)`` (the body, without
the title). Honorifics are not part of the name, so "đồng chí Trương Thị Mai",
"chiến sỹ Trương Thị Mai" and "Trương Thị Mai" are one person.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from ..normalize import normalized_texts
from ..types import DocumentLike
from ..vietnamese import LOWER, UPPER
from .common import alternation, entity_table, leftmost_longest
from .gazetteer import NOT_PEOPLE
from .organizations import ORGANIZATIONS, PLACES, Organization, body_alternation
from .tagger import tag_entities

__all__ = [
    "HONORIFICS",
    "SURNAMES",
    "TITLES",
    "co_mentions",
    "find_people",
    "people_table",
]


SURNAMES: tuple[str, ...] = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Đoàn", "Lâm", "Mai", "Trịnh",
    "Đào", "Cao", "Lương", "Tô", "Hà", "Tạ", "Chu", "Châu", "Lưu", "Kiều", "Thái", "Quách",
    "Tăng", "Phùng", "Vương", "Lại", "Triệu", "Từ", "Khổng", "Thân", "Hứa", "Nông", "Lò",
    "Lục", "Hầu", "Tống", "Diệp", "Nghiêm", "La", "Âu", "Mạc", "Đàm", "Lã", "Mã",
    "Thạch", "Khúc", "Văn", "Doãn", "Kim", "Giáp", "Tôn", "Vi",
)  # fmt: skip
"""Vietnamese surnames: a person's name starts with one. ("Ông" is left out: it is far
more often the honorific "Mr".)"""

HONORIFICS: tuple[str, ...] = (
    "đồng chí", "đ/c", "ông", "bà", "anh", "chị", "chiến sỹ", "chiến sĩ", "cụ",
    "Giáo sư", "GS", "PGS", "TS", "ThS", "GS.TS", "PGS.TS",
)  # fmt: skip
"""Words that stand before a person's name; matched case-insensitively."""

TITLES: tuple[str, ...] = (
    "Tổng Bí thư", "Chủ tịch nước", "Phó Chủ tịch nước", "Thủ tướng", "Phó Thủ tướng",
    "Chủ tịch", "Phó Chủ tịch", "Ủy viên", "Bí thư", "Phó Bí thư", "Trưởng ban",
    "Phó Trưởng ban", "Trưởng đoàn", "Phó Trưởng đoàn", "Trưởng", "Phó Trưởng",
    "Bộ trưởng", "Thứ trưởng", "Chủ nhiệm", "Phó Chủ nhiệm", "Tổng Giám đốc", "Giám đốc",
    "Phó Giám đốc", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Tổng Thư ký", "Tổng Biên tập",
    "Phó Tổng Biên tập", "Viện trưởng", "Chánh án", "Viện trưởng", "Tư lệnh", "Chính ủy",
    "Đại sứ", "Cục trưởng", "Vụ trưởng", "Phó Vụ trưởng",
)  # fmt: skip
"""Heads of titles; matched case-insensitively, followed by an organisation."""

_TITLES_NEEDING_BODY = frozenset({"ủy viên", "trưởng", "phó trưởng"})  # "Ủy viên" of what?
_SYLLABLE = rf"[{UPPER}][{LOWER}]+"  # Title-case: "Minh", never "CCHC"
_PLACE_WORDS = (  # words after which a name is a place or a street, not a person
    r"tỉnh|thành phố|TP\.?|huyện|quận|thị xã|thị trấn|xã|phường|đường|phố|sông|núi|làng"
    r"|thôn|ấp|bản|trường|cầu|chợ|khu|xóm|Tỉnh ủy|Thành ủy|Huyện ủy|tư tưởng"
)
_COLUMNS = ["doc_id", "start", "end", "name", "honorific", "roles", "evidence"]
_WORD = re.compile(r"\S+")
_COMMA_AT_END = re.compile(r"\s*,\s*$")


@dataclass(frozen=True)
class _Patterns:
    role: re.Pattern[str]
    role_start: re.Pattern[str]
    honorific_before: re.Pattern[str]
    place_before: re.Pattern[str]
    name: re.Pattern[str]
    place_prefix: re.Pattern[str]
    place: re.Pattern[str]
    places: frozenset[str]
    run: re.Pattern[str]
    surnames: frozenset[str]


def _compile(organizations: Sequence[Organization], not_people: Iterable[str]) -> _Patterns:
    not_people = tuple(not_people)
    places = alternation((*PLACES, *not_people))
    bodies = body_alternation(organizations)
    heads = alternation(TITLES)
    alone = alternation(t for t in TITLES if t.lower() not in _TITLES_NEEDING_BODY)
    role = re.compile(
        rf"(?<!\w)(?i:(?:nguyên\s+)?(?:(?:{heads})(?:\s+Thường trực)?\s+(?:{bodies})(?!\w)"
        rf"|(?:{alone})(?:\s+Thường trực)?(?!\w)))"
    )
    firsts = alternation({title.split()[0] for title in TITLES} | {"nguyên"})
    name = re.compile(rf"(?<!\w)(?:{alternation(SURNAMES)})(?:\s+{_SYLLABLE}){{1,3}}(?!\w)")
    return _Patterns(
        role=role,
        role_start=re.compile(rf"(?i:(?<!\w)(?:{firsts})(?!\w))"),
        honorific_before=re.compile(rf"(?i:(?<!\w)(?:{alternation(HONORIFICS)}))\s+$"),
        place_before=re.compile(rf"(?i:(?<!\w)(?:{_PLACE_WORDS}))\s+$"),
        name=name,
        place_prefix=re.compile(rf"(?:{places})\s+"),
        place=re.compile(rf"(?:{places})(?!\w)"),
        places=frozenset(name.casefold() for name in (*PLACES, *not_people)),
        run=re.compile(rf"{_SYLLABLE}(?:\s+{_SYLLABLE})+"),
        surnames=frozenset(SURNAMES),
    )


def _fold(text: str) -> str:
    return " ".join(text.split())


def _ner_spans(line: str) -> list[tuple[int, int]] | None:
    """Spans of ``line`` that underthesea tags as proper nouns (Np) or persons (PER).

    Returns ``None`` when the tagger's words cannot be aligned with the line.
    """
    tokens = tag_entities(line)  # underthesea's CRF models ship in the wheel: no download
    spans: list[tuple[int, int]] = []
    position = 0
    for word, pos, _, tag in tokens:
        start = None
        for char in word:
            if char.isspace():
                continue
            while position < len(line) and line[position].isspace():
                position += 1
            if position >= len(line) or line[position] != char:
                return None
            if start is None:
                start = position
            position += 1
        if start is None:
            continue
        if pos == "Np" or tag.endswith("PER"):
            if tag.startswith("I-PER") and spans and line[spans[-1][1] : start].isspace():
                spans[-1] = (spans[-1][0], position)
            else:
                spans.append((start, position))
    return spans


def _name_spans(
    text: str, patterns: _Patterns, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int]]:
    """Name-shaped spans (a surname and 1 to 3 capitalised syllables), skipping a place
    at their head: "Tỉnh ủy Thái Nguyên Nguyễn Thanh Hải" gives "Nguyễn Thanh Hải"."""
    end = len(text) if end is None else end
    position = start
    while found := patterns.name.search(text, position, end):
        place = patterns.place_prefix.match(found.group(0))
        if place:
            position = found.start() + place.end()
            continue
        yield found.span()
        position = found.end()


def _candidates(
    text: str, patterns: _Patterns, role_ends: dict[int, tuple[int, int]], *, use_ner: bool
) -> list[tuple[int, int]]:
    """Candidate names: the tagger's where it has one, the patterns' elsewhere."""
    tagged: set[tuple[int, int]] = set()
    if use_ner:
        for low, high in _sentences(text):
            if not _tagger_can_matter(text, low, high, patterns, role_ends):
                continue
            for start, end in _ner_spans(text[low:high]) or ():
                tagged.update(_name_spans(text, patterns, low + start, low + end))
    kept = leftmost_longest(tagged)
    kept += [
        span
        for span in leftmost_longest(set(_name_spans(text, patterns)))
        if not any(span[0] < end and start < span[1] for start, end in kept)
    ]
    return sorted(kept)


_SENTENCE_END = re.compile(
    rf"(?<![{UPPER}][{UPPER}.])(?<=[.!?…])([\"”’)]*)[^\S\n]+(?=[\"“(]?[{UPPER}0-9])|()\n"
)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence: lines cut after ".", "!", "?" or "…" before a
    capital or a digit, unless the full stop ends a capitalised abbreviation ("TP.")."""
    start = 0
    for found in _SENTENCE_END.finditer(text):
        end = found.end(1) if found.group(1) is not None else found.start()
        if end > start:
            yield start, end
        start = found.end()
    if start < len(text):
        yield start, len(text)


def _tagger_can_matter(
    text: str, start: int, end: int, patterns: _Patterns, role_ends: dict[int, tuple[int, int]]
) -> bool:
    """Whether the tagger's reading of ``text[start:end]`` (a sentence) can change who is
    kept.

    The tagger only moves where names start and end inside runs of capitalised syllables.
    A name is kept only with an honorific or a title just before it, or a title just
    after it (known names come later, from the patterns alone). Inside a run, a name
    that does not start the run follows a proper noun and needs the honorific or title
    before it; a name's title after it needs a comma or dash, so it ends the run. So the
    tagger can matter only where a surname in a run has an honorific or a title just
    before it, or a run has a title just after it: elsewhere every reading is dropped.
    """
    for run in patterns.run.finditer(text, start, end):
        syllables = list(_WORD.finditer(run.group(0)))
        for syllable in syllables[:-1]:
            if syllable.group(0) not in patterns.surnames:
                continue
            at = run.start() + syllable.start()
            low = max(0, at - _LOOK_BACK)
            before = text[low:at]
            if patterns.honorific_before.search(before) or low + len(before.rstrip()) in role_ends:
                return True
        if _roles_after(text, run.end(), patterns):
            return True
    return False


def _cut_titles(text: str, start: int, end: int, patterns: _Patterns) -> int:
    """Shorten a name that ran into a title ("Trương Thị Mai Ủy viên …")."""
    for syllable in list(_WORD.finditer(text, start, end))[2:]:
        if patterns.role.match(text, syllable.start()):
            return syllable.start() - 1
    return end


_ROLE_SEPARATOR = re.compile(r"\s*,\s*|\s+[-–]\s+")  # between a name and its titles
_LOOK_BACK = 200  # characters before a name searched for its honorific or titles


def _roles_after(text: str, end: int, patterns: _Patterns) -> list[tuple[int, int]]:
    """Titles after a name: ", Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng"."""
    roles = []
    while True:
        separator = _ROLE_SEPARATOR.match(text, end)
        if separator is None:
            break
        found = patterns.role.match(text, separator.end())
        if found is None or (found.end() < len(text) and text[found.end()].isalnum()):
            break
        roles.append(found.span())
        end = found.end()
    return roles


def _roles_before(
    text: str, start: int, patterns: _Patterns, role_ends: dict[int, tuple[int, int]]
) -> list[tuple[int, int]]:
    """Titles just before a name: "Bí thư Tỉnh ủy, Trưởng đoàn … tỉnh Ngô Thanh Danh"."""
    roles: list[tuple[int, int]] = []
    low = max(0, start - _LOOK_BACK)
    position = low + len(text[low:start].rstrip())
    while position in role_ends:
        span = role_ends[position]
        roles.insert(0, span)
        low = max(0, span[0] - _LOOK_BACK)
        comma = _COMMA_AT_END.search(text[low : span[0]])
        if comma is None:
            break
        position = low + comma.start()
    return roles


@dataclass
class _Person:
    start: int
    end: int
    name: str
    honorific: str | None
    roles: tuple[str, ...]
    evidence: tuple[str, ...]


def _person_at(
    text: str,
    start: int,
    end: int,
    patterns: _Patterns,
    role_ends: dict[int, tuple[int, int]],
    claimed: set[tuple[int, int]],
    *,
    known: bool = False,
) -> _Person | None:
    """Check a candidate name in context; return the person, or ``None`` if it is none."""
    name = _fold(text[start:end])
    if len(name.split()) < 2 or name.casefold() in patterns.places:
        return None
    place = patterns.place.match(text, start)
    if place and place.end() >= end:
        return None  # "Hoàng Anh" of "Hoàng Anh Gia Lai FC"
    before = text[max(0, start - _LOOK_BACK) : start]
    honorific = patterns.honorific_before.search(before)
    roles_before = [] if honorific else _roles_before(text, start, patterns, role_ends)
    roles_before = [span for span in roles_before if span not in claimed]
    roles_after = _roles_after(text, end, patterns)
    if not roles_before and patterns.place_before.search(before):
        return None  # "tỉnh Thái Nguyên", "đường Trần Phú"
    if not (honorific or roles_before) and _follows_proper_noun(text, start):
        return None  # the tail of a longer name: "Trường Nguyễn Du"
    evidence = tuple(
        label
        for label, present in (
            ("honorific", honorific),
            ("title before", roles_before),
            ("title after", roles_after),
            ("known name", known),
        )
        if present
    )
    if not evidence:
        return None
    claimed.update(roles_before + roles_after)
    return _Person(
        start,
        end,
        name,
        _fold(honorific.group(0)) if honorific else None,
        tuple(_fold(text[s:e]) for s, e in roles_before + roles_after),
        evidence,
    )


def _people_in(
    text: str, patterns: _Patterns, role_ends: dict[int, tuple[int, int]], *, use_ner: bool
) -> list[_Person]:
    claimed: set[tuple[int, int]] = set()
    people = []
    for start, end in _candidates(text, patterns, role_ends, use_ner=use_ner):
        end = _cut_titles(text, start, end, patterns)
        person = _person_at(text, start, end, patterns, role_ends, claimed)
        if person is not None:
            people.append(person)
    return people


def _role_ends(text: str, patterns: _Patterns) -> dict[int, tuple[int, int]]:
    """Every title of ``text`` that ends a word, by its end: ``{end: (start, end)}``.

    The titles ``patterns.role.finditer`` finds, sooner: a title starts with the first
    word of one of :data:`TITLES` (or "nguyên"), so only those words are tried.
    """
    ends = {}
    position = 0
    for word in patterns.role_start.finditer(text):
        if word.start() < position:
            continue
        found = patterns.role.match(text, word.start())
        if found is None:
            continue
        position = found.end()
        if found.end() == len(text) or not text[found.end()].isalnum():
            ends[found.end()] = found.span()
    return ends


def _follows_proper_noun(text: str, start: int) -> bool:
    """Whether a capitalised word stands just before ``start`` without opening a sentence
    ("Trường Nguyễn Du" yes; "Theo Trương Thị Mai" at a sentence start, no)."""
    low = max(0, start - 80)
    before = text[low:start].rstrip(" ")
    word_start = max(before.rfind(" "), before.rfind("\n")) + 1
    word = before[word_start:]
    if not word or not (word[0].isupper() and word[-1].isalnum()):
        return False
    opener = before[:word_start].rstrip(" ")
    if not opener:
        return low > 0  # the text starts with the word, unless the window cut it
    return opener[-1] not in ".!?:;…\n"


def find_people(
    docs: Iterable[DocumentLike],
    *,
    use_ner: bool = True,
    organizations: Sequence[Organization] = ORGANIZATIONS,
    not_people: Iterable[str] = NOT_PEOPLE,
    progress: bool = True,
) -> pd.DataFrame:
    """Find every mention of a person, with the titles written beside it.

    Parameters
    ----------
    docs : iterable of Document, ``(doc_id, text)`` pairs or str
        The articles; strings get ids ``"0"``, ``"1"``, …. Titles are not searched.
    use_ner : bool
        Let underthesea's tagger propose where names start and end. It runs offline,
        only on the sentences where its reading can change who is kept (a capitalised
        name with an honorific or a title beside it): on news, about one sentence in
        ten, at a few milliseconds per 100 characters. With ``False`` names come from
        the patterns alone.
    organizations : sequence of Organization
        The organisations titles may name
        (:data:`~corpus_tools.extract.organizations.ORGANIZATIONS`).
    not_people : iterable of str
        Names that are never a person, and never the start of one ("Thái Lan", "La
        Liga", "Hoàng Anh Gia Lai"), compared ignoring case:
        :data:`~corpus_tools.extract.gazetteer.NOT_PEOPLE` (countries, leagues, clubs,
        international organisations). Places
        (:data:`~corpus_tools.extract.organizations.PLACES`) are never people either.
    progress : bool
        Show a tqdm progress bar (on standard error) when the search lasts over a second.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, name, honorific, roles, evidence``: offsets of the name in
        ``normalize_text(doc.text)``; the honorific before it ("đồng chí") or ``None``;
        ``roles``, the tuple of titles written before and after this mention; and
        ``evidence``, why it is a person: ``"honorific"``, ``"title before"``,
        ``"title after"``, or ``"known name"`` (a bare mention of a name kept elsewhere).

    Examples
    --------
    >>> people = find_people(["Đồng chí Trương Thị Mai, Trưởng Ban Tổ chức Trung ương, "
    ...                       "về thăm Thái Nguyên.", "Bà Trương Thị Mai cho biết."])
    >>> people[["doc_id", "start", "end", "name", "honorific"]]
      doc_id  start  end            name honorific
    0      0      9   23  Trương Thị Mai  Đồng chí
    1      1      3   17  Trương Thị Mai        Bà
    >>> people.loc[0, "roles"], people.loc[0, "evidence"]
    (('Trưởng Ban Tổ chức Trung ương',), ('honorific', 'title after'))
    >>> find_people(["Chủ tịch La Liga Javier Tebas và Đại sứ Thái Lan dự lễ."]).empty
    True
    """
    from tqdm import tqdm

    patterns = _compile(organizations, not_people)
    texts = normalized_texts(docs)
    role_ends = {doc_id: _role_ends(text, patterns) for doc_id, text in texts}
    found = {}
    bar = tqdm(texts, unit="doc", desc="find_people", disable=not progress, delay=1.0)
    for doc_id, text in bar:
        found[doc_id] = _people_in(text, patterns, role_ends[doc_id], use_ner=use_ner)
    known = {person.name for people in found.values() for person in people}
    rows: list[tuple[object, ...]] = []
    for doc_id, text in texts:
        people = found[doc_id]
        taken = [(person.start, person.end) for person in people]
        claimed: set[tuple[int, int]] = set()
        for start, end in _known_names(text, patterns, known):
            if any(s < end and start < e for s, e in taken):
                continue
            person = _person_at(text, start, end, patterns, role_ends[doc_id], claimed, known=True)
            if person is not None:
                people.append(person)
        people.sort(key=lambda person: person.start)
        rows.extend(
            (doc_id, p.start, p.end, p.name, p.honorific, p.roles, p.evidence) for p in people
        )
    table = pd.DataFrame(rows, columns=_COLUMNS)
    return table.astype({"start": "int64", "end": "int64"})


def _known_names(text: str, patterns: _Patterns, known: set[str]) -> Iterator[tuple[int, int]]:
    """Occurrences of known names: the longest known head of each name-shaped span (a set
    lookup, so the cost does not grow with the number of names)."""
    for start, end in _name_spans(text, patterns):
        syllables = [found.end() - start for found in _WORD.finditer(text, start, end)]
        for size in range(len(syllables), 1, -1):
            if _fold(text[start : start + syllables[size - 1]]) in known:
                yield start, start + syllables[size - 1]
                break


def _distinct_roles(group: pd.DataFrame) -> tuple[str, ...]:
    roles: dict[str, str] = {}
    for mention_roles in group["roles"]:
        for role in mention_roles:
            roles.setdefault(role.lower(), role)
    return tuple(roles.values())


def people_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per person: ``name, roles, articles, mentions``, most mentioned first.

    ``roles`` gathers the distinct titles of all mentions (ignoring case), in order of
    first appearance; ``articles`` the ``doc_id`` of the articles that name the person.

    Examples
    --------
    >>> people = find_people([("a", "Ông Nguyễn Thanh Bình, Phó Trưởng ban Thường trực "
    ...                              "Ban Tổ chức Trung ương, cho biết."),
    ...                       ("b", "Nguyễn Thanh Bình nhấn mạnh.")], use_ner=False)
    >>> table = people_table(people)
    >>> table[["name", "articles", "mentions"]]
                    name articles  mentions
    0  Nguyễn Thanh Bình   (a, b)         2
    >>> table.loc[0, "roles"]
    ('Phó Trưởng ban Thường trực Ban Tổ chức Trung ương',)
    """
    return entity_table(mentions, {"roles": _distinct_roles})


def co_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of people named in the same article: an edge list for a network graph.

    Returns
    -------
    pandas.DataFrame
        ``source, target, weight, articles``: the two names (in alphabetical order), how
        many articles name both, and those articles. Ready for
        ``networkx.from_pandas_edgelist(table, edge_attr="weight")``.

    Examples
    --------
    >>> people = find_people([("a", "Đồng chí Ngô Thanh Danh và đồng chí Nguyễn Đức Nguyên.")],
    ...                      use_ner=False)
    >>> co_mentions(people)
                source          target  weight articles
    0  Nguyễn Đức Nguyên  Ngô Thanh Danh       1     (a,)
    """
    pairs: Counter[tuple[str, str]] = Counter()
    articles: dict[tuple[str, str], list[str]] = {}
    for doc_id, group in mentions.groupby("doc_id", sort=False):
        for pair in combinations(sorted(set(group["name"])), 2):
            pairs[pair] += 1
            articles.setdefault(pair, []).append(str(doc_id))
    rows = [(a, b, n, tuple(articles[a, b])) for (a, b), n in pairs.items()]
    table = pd.DataFrame(rows, columns=["source", "target", "weight", "articles"])
    table = table.sort_values(["weight", "source", "target"], ascending=[False, True, True])
    return table.reset_index(drop=True).astype({"weight": "int64"})
