"""Write a synthetic corpus of Vietnamese news articles in the layout of real collections.

    python benchmarks/make_corpus.py OUT_DIR [--articles 3000] [--categories 10]
                                             [--seed 0] [--ud PATH ...]

The output is **synthetic**: every article is recombined from real sentences, but no
article was ever published. Measurements on it are measurements on synthetic text.

Layout (that of public Vietnamese news corpora, issue 12)::

    OUT_DIR/sport/news_sport_012.txt
        # doc_id = news_sport_012
        # url = https://tintuc.example.vn/sport/<slug of the title>-1234.html
        # date = 20201001
        <title line>
        <one paragraph per line>

so the category is both the sub-folder and ``news_(?P<category>[a-z]+)_\\d+`` of the file
name. Like scraped collections, some files vary, at fixed rates spread evenly over the
articles (a Weyl sequence per variant, so even 30 articles hold each common variant):
a ``# title = …`` header instead of the title line (10 %); the date as ``20201001``
(70 %), ``2020-10-01`` (15 %) or ``01/10/2020`` (15 %); the seeds' skip link
"Truy cập nội dung luôn" above the title (5 %); a "BẠN CÓ THỂ QUAN TÂM" footer followed
by two to four related headlines (15 %); no-break spaces inside and before paragraphs
(10 %); the whole file in NFD (5 %).

Sentences. By default the ``# text =`` lines of the UD Vietnamese-VTB treebank's
training and development splits (``../shared/eval/ud_vtb/``: 2,523 news sentences of
the VLSP VietTreebank; UD_Vietnamese-VTB, licence CC BY-SA 4.0, see ``LICENSE.txt``
there), plus the 117 sentences of the five seeds. The treebank's tokenised punctuation
is joined back ("xã , mỗi" → "xã, mỗi"; ``LBKT``/``RBKT`` → brackets) and each sentence
starts with a capital. Without ``../shared`` the seeds' sentences are used alone, and
the script says so. A corpus built from these sentences is an adaptation of CC BY-SA
4.0 material: share it under the same licence, with attribution to the treebank.

Categories. Each sentence is given one of K categories (named after editorial sections:
politics, business, law, …) by a content signal, in two steps:

1. keyword lists: a sentence goes to the category whose Vietnamese keywords it contains
   most often (whole syllable sequences, lowercased); about half the UD sentences get
   a category this way;
2. seeded k-means: the others (no keyword, or a tie) go to the nearest category centroid
   in a TF-IDF space of syllable unigrams and bigrams (cosine), iterated until no
   sentence moves (at most 50 rounds; 7 on the default pool), with the keyword-labelled
   sentences fixed; ties stay within the tied categories.

An article of category c takes each sentence from c's pool with probability p, drawn
per article from [0.35, 0.95] (mean 0.65); otherwise from one second category drawn per
article (70 %) or from any other category (30 %). Title and footer headlines come from c.
Articles are thus mostly about their category, as news sections overlap and many
sentences carry no topic. The mix is tuned so that clustering recovers the categories
about as well as real editorial ones: issue 12 reports NMI 0.673 for LSA (100
dimensions) + k-means on real news. On 3,000 articles of this corpus (seed 0, header
lines left out) LSA + k-means gave 0.70 on corpus_tools words (lowercased, stopwords and
numbers dropped; the same for three k-means seeds) and 0.65-0.70 on syllable unigrams
and bigrams, NMF 0.73. With p from [0.55, 0.95] and the rest spread evenly it gave 0.99:
articles of a category reuse the same few hundred sentences verbatim, so a category
stays easy to find unless its articles borrow heavily from others.

Lengths. Each article's target length is log-normal (median 3,400 characters, sigma
0.45, clipped to 800-15,000), paragraphs hold one to five sentences, and paragraphs are
added while the text stays nearest to the target (``compose_article``, shared with
``benchmarks/scale.py``). No sentence repeats within an article while its pools allow.

Everything random comes from one ``random.Random(seed)``: the same seed gives the same
bytes. Only the sentence pool is held in memory; articles are written one at a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import math
import random
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UD_DIR = ROOT.parent / "shared" / "eval" / "ud_vtb"
DEFAULT_UD = (UD_DIR / "vi_vtb-ud-train.conllu", UD_DIR / "vi_vtb-ud-dev.conllu")

MEDIAN_CHARS = 3_400
SIGMA = 0.45
MIN_CHARS, MAX_CHARS = 800, 15_000
OWN_SHARE = (0.35, 0.95)
SECOND_SHARE = 0.7
FIRST_DATE, LAST_DATE = dt.date(2020, 1, 1), dt.date(2021, 12, 31)
URL = "https://tintuc.example.vn/{category}/{slug}-{serial}.html"
SKIP_LINK = "Truy cập nội dung luôn"
FOOTER = "BẠN CÓ THỂ QUAN TÂM"

# Keywords per category (lowercase, NFC, whole syllable sequences). The order is the
# order of the categories: --categories K takes the first K.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "politics": (
        "đảng", "đảng viên", "chính phủ", "quốc hội", "bộ chính trị", "ubnd", "hđnd",
        "chủ tịch", "bí thư", "cán bộ", "nhà nước", "bầu cử", "đại hội", "tỉnh ủy",
        "trung ương", "nghị quyết", "lãnh đạo", "chính quyền", "cách mạng", "đồng chí",
        "thủ tướng", "bộ trưởng",
    ),
    "business": (
        "công ty", "doanh nghiệp", "kinh doanh", "xuất khẩu", "nhập khẩu", "thị trường",
        "đầu tư", "ngân hàng", "vốn", "lãi", "triệu đồng", "tỉ đồng", "tỷ đồng",
        "sản xuất", "hàng hóa", "thương hiệu", "usd", "cổ phần", "nhà máy",
        "khách hàng", "giá", "tiêu dùng", "hợp đồng",
    ),
    "law": (
        "công an", "cảnh sát", "điều tra", "bắt", "vụ án", "tòa", "xét xử", "bị cáo",
        "lừa", "trộm", "cướp", "vi phạm", "khởi tố", "luật sư", "tội", "hình sự",
        "buôn lậu", "giết", "nạn nhân", "đơn", "kiện", "tù", "trái phép",
    ),
    "world": (
        "thái lan", "campuchia", "malaysia", "mỹ", "trung quốc", "nhật", "pháp",
        "nước ngoài", "quốc tế", "bangkok", "sứ quán", "hộ chiếu", "visa", "singapore",
        "lào", "hàn quốc", "đài loan", "johor", "baht", "xuất cảnh", "lao động",
    ),
    "health": (
        "bệnh", "bệnh viện", "bác sĩ", "thuốc", "điều trị", "sức khỏe", "hiv", "aids",
        "nghiện", "y tế", "cai nghiện", "ung thư", "phẫu thuật", "bệnh nhân", "cấp cứu",
        "ma túy", "tái nghiện", "chết", "sốt", "nhiễm",
    ),
    "education": (
        "học sinh", "sinh viên", "trường", "giáo viên", "thầy", "cô giáo", "học",
        "đại học", "lớp", "phổ cập", "giáo dục", "du học", "học bổng", "tốt nghiệp",
        "hiệu trưởng", "thi", "thpt", "tiểu học",
    ),
    "sport": (
        "trận", "đấu", "võ", "muay", "bóng đá", "cầu thủ", "huấn luyện viên", "vô địch",
        "thi đấu", "đội tuyển", "võ sĩ", "sàn đấu", "bàn thắng", "olympic",
        "vận động viên", "đối thủ", "võ sư", "đòn", "cú đá", "khán giả", "thể thao",
    ),
    "culture": (
        "nghệ thuật", "phim", "ca sĩ", "nhạc", "họa sĩ", "tranh", "sách", "nhà văn",
        "thơ", "lễ hội", "truyền thống", "triển lãm", "sân khấu", "chùa", "bảo tàng",
        "di tích", "diễn viên", "xưởng vẽ", "karaoke", "hát", "múa", "chữ", "lịch sử",
        "văn hóa",
    ),
    "life": (
        "vợ", "chồng", "mẹ", "cha", "gia đình", "cưới", "người yêu", "tình", "cháu",
        "hạnh phúc", "nghèo", "tình thương", "khóc", "người thân", "đứa", "con gái",
        "con trai", "bà con", "hàng xóm", "mồ côi",
    ),
    "environment": (
        "nông dân", "lúa", "ruộng", "cá", "tôm", "rừng", "sông", "đất", "nước mặn",
        "sạt lở", "lũ", "bão", "heo", "bò", "trâu", "vườn", "thu hoạch", "biển",
        "đánh cá", "cát", "chim", "cây",
    ),
    "city": (
        "quy hoạch", "qui hoạch", "dự án", "xây dựng", "cầu", "đường", "giao thông",
        "nhà đất", "cấp nước", "thoát nước", "khu dân cư", "chung cư", "thu phí",
        "quốc lộ", "giải tỏa", "đền bù", "xe", "tai nạn", "thành phố", "tp",
    ),
}  # fmt: skip

# Variants: (rate, Weyl step). Distinct irrational steps keep the variants independent.
_STEPS = {
    "title_header": math.sqrt(2) - 1,
    "date_format": (math.sqrt(5) - 1) / 2,
    "skip_link": math.sqrt(3) - 1,
    "footer": math.sqrt(7) - 2,
    "nbsp": math.sqrt(11) - 3,
    "nfd": math.sqrt(13) - 3,
}
_RATES = {"title_header": 0.10, "skip_link": 0.05, "footer": 0.15, "nbsp": 0.10, "nfd": 0.05}
DATE_FORMATS = (("%Y%m%d", 0.70), ("%Y-%m-%d", 0.15), ("%d/%m/%Y", 0.15))


# ------------------------------------------------------------------------ articles


def compose_article(
    rng: random.Random,
    headlines: Sequence[str],
    draw_sentences: Callable[[int], list[str]],
    *,
    target_chars: int,
    sizes: tuple[int, int] = (2, 5),
) -> list[str]:
    """A headline and paragraphs of ``sizes`` sentences, stopping nearest ``target_chars``.

    ``draw_sentences(k)`` returns ``k`` sentences. The paragraph that would overshoot by
    more than half its length is drawn and dropped (``benchmarks/scale.py`` relies on
    exactly this sequence of draws).
    """
    paragraphs = [rng.choice(headlines)]
    length = 0
    while True:
        paragraph = " ".join(draw_sentences(rng.randint(*sizes)))
        if length and length + len(paragraph) // 2 > target_chars:
            break
        paragraphs.append(paragraph)
        length += len(paragraph)
    return paragraphs


def seed_sentences() -> list[str]:
    """The sentences of the bundled seeds, normalised (``text_units(..., "sentence")``)."""
    from corpus_tools import read_corpus, text_units

    return [text for _, text in text_units(read_corpus(), unit="sentence")]


def headlines_of(sentences: Sequence[str]) -> list[str]:
    """Sentences that read as headlines: 30-150 characters, no quotes, end stripped."""
    found = [s.rstrip(" .!?…:;,") for s in sentences if 30 <= len(s) <= 150 and '"' not in s]
    return [s for s in found if s] or [s.rstrip(" .!?…") for s in sentences]


# ------------------------------------------------------------------------ the sentences

_CLOSING = {",", ".", "!", "?", ":", ";", "...", "…", ")", "%"}


def detokenize(text: str) -> str:
    """Join a treebank sentence's tokenised punctuation back as news prints it.

    >>> detokenize('Ông nói : " Coi bộ nhỏ LBKT 20 % RBKT nhưng quan trọng lắm ! " .')
    'Ông nói: "Coi bộ nhỏ (20%) nhưng quan trọng lắm!".'
    >>> detokenize('có nhiều cháu được đi du học đấy " .')
    'Có nhiều cháu được đi du học đấy".'
    """
    out: list[str] = []
    glue_next = True  # no space before the next token
    quote_open = False
    tokens = text.replace("LBKT", "(").replace("RBKT", ")").split()
    for at, token in enumerate(tokens):
        if token == '"':
            # A quote before closing punctuation or at the end closes, whatever came before.
            ends = all(later in _CLOSING for later in tokens[at + 1 :])
            quote_open = False if ends else not quote_open
            if quote_open:
                out.append(token if glue_next else " " + token)
                glue_next = True
            else:
                out.append(token)
                glue_next = False
        elif token in _CLOSING:
            out.append(token)
            glue_next = False
        elif token == "(":
            out.append(token if glue_next else " " + token)
            glue_next = True
        else:
            out.append(token if glue_next else " " + token)
            glue_next = False
    sentence = "".join(out)
    for i, char in enumerate(sentence):  # a capital first letter
        if char.isalpha():
            return sentence[:i] + char.upper() + sentence[i + 1 :]
    return sentence


def read_ud_sentences(paths: Sequence[Path]) -> list[str]:
    """The ``# text =`` lines of CoNLL-U files, detokenised, duplicates dropped."""
    sentences: dict[str, None] = {}
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("# text ="):
                    text = detokenize(line[len("# text =") :].strip())
                    if text:
                        sentences.setdefault(text, None)
    return list(sentences)


def _syllable_ngrams(text: str) -> list[str]:
    """Lowercased syllables and syllable bigrams (module level, so it pickles)."""
    syllables = re.findall(r"\w+", text.lower())
    return syllables + [f"{a} {b}" for a, b in itertools.pairwise(syllables)]


def assign_categories(sentences: Sequence[str], categories: Sequence[str]) -> list[int]:
    """Each sentence's category index: keywords first, then seeded k-means (see top)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    k = len(categories)
    columns: dict[str, list[int]] = {}  # keyword -> the categories that list it
    for col, name in enumerate(categories):
        for word in KEYWORDS[name]:
            columns.setdefault(word, []).append(col)
    longest = max((len(word.split()) for word in columns), default=1)
    scores = np.zeros((len(sentences), k))
    for row, sentence in enumerate(sentences):
        syllables = re.findall(r"\w+", sentence.lower())
        for n in range(1, longest + 1):
            for start in range(len(syllables) - n + 1):
                for col in columns.get(" ".join(syllables[start : start + n]), ()):
                    scores[row, col] += 1
    best = scores.max(axis=1)
    tied = (scores == best[:, None]) & (best[:, None] > 0)
    fixed = tied.sum(axis=1) == 1
    allowed = np.where(best[:, None] > 0, tied, True)  # ties stay among the tied
    labels = np.where(fixed, scores.argmax(axis=1), -1)

    matrix = TfidfVectorizer(
        analyzer=_syllable_ngrams, min_df=2, max_df=0.2, sublinear_tf=True
    ).fit_transform(sentences)
    empty = np.asarray(matrix.getnnz(axis=1) == 0)
    free = ~fixed
    for _ in range(50):
        centroids = np.vstack(
            [
                np.asarray(matrix[labels == c].mean(axis=0))
                if (labels == c).any()
                else np.zeros((1, matrix.shape[1]))
                for c in range(k)
            ]
        )
        similarity = np.asarray(matrix @ normalize(centroids).T)
        similarity[~allowed] = -1.0
        new = np.where(free, similarity.argmax(axis=1), labels)
        # A sentence with no known term: spread over its allowed categories in turn.
        for row in np.flatnonzero(free & empty):
            options = np.flatnonzero(allowed[row])
            new[row] = options[row % len(options)]
        if (new == labels).all():
            break
        labels = new
    return [int(label) for label in labels]


def sentence_pools(
    sentences: Sequence[str], categories: Sequence[str]
) -> tuple[list[list[str]], list[str]]:
    """Sentences per category, and notes on categories that had to borrow sentences."""
    labels = assign_categories(sentences, categories)
    pools: list[list[str]] = [[] for _ in categories]
    for sentence, label in zip(sentences, labels, strict=True):
        pools[label].append(sentence)
    notes = []
    for c, pool in enumerate(pools):
        if len(pool) < 5:  # too few to write articles from: every K-th sentence instead
            pools[c] = list(sentences[c :: len(categories)])
            notes.append(f"category {categories[c]!r} got no sentences of its own")
    return pools, notes


# ------------------------------------------------------------------------ the files


def _slug(title: str, words: int = 8) -> str:
    """The URL slug Vietnamese sites make: tone marks dropped, đ → d, hyphens."""
    bare = unicodedata.normalize("NFD", title.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(char for char in bare if not unicodedata.combining(char)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", bare)[:words]) or "bai-viet"


def _variant(name: str, index: int, phase: dict[str, float]) -> float:
    """Where article ``index`` falls in [0, 1) for a variant: evenly spread, reproducible."""
    return (phase[name] + index * _STEPS[name]) % 1.0


def _add_nbsp(rng: random.Random, paragraph: str) -> str:
    if rng.random() < 0.3:
        paragraph = "\u00a0" + paragraph
    spaces = [m.start() for m in re.finditer(" ", paragraph)]
    if spaces and rng.random() < 0.5:
        at = rng.choice(spaces)
        paragraph = paragraph[:at] + "\u00a0" + paragraph[at + 1 :]
    return paragraph


@dataclass
class Summary:
    files: int = 0
    chars: int = 0
    per_category: dict[str, int] = field(default_factory=dict)
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    lengths: list[int] = field(default_factory=list)
    variants: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    pool: str = ""
    pool_sizes: dict[str, int] = field(default_factory=dict)


def _category_counts(rng: random.Random, articles: int, k: int) -> list[int]:
    """Articles per category: unequal (weights 0.7-1.3), at least one each when possible."""
    weights = [rng.uniform(0.7, 1.3) for _ in range(k)]
    shares = [articles * w / sum(weights) for w in weights]
    counts = [int(s) for s in shares]
    by_remainder = sorted(range(k), key=lambda c: counts[c] - shares[c])
    for c in by_remainder[: articles - sum(counts)]:
        counts[c] += 1
    for c in range(k):  # take from the largest to give the empty ones one article
        if counts[c] == 0 and articles >= k:
            counts[max(range(k), key=counts.__getitem__)] -= 1
            counts[c] = 1
    return counts


def write_corpus(
    out_dir: Path,
    *,
    articles: int = 3000,
    categories: int = 10,
    seed: int = 0,
    ud_paths: Sequence[Path] | None = None,
) -> Summary:
    """Write the corpus (see the module docstring) and return what was written."""
    names = list(KEYWORDS)[:categories]
    if not 1 <= categories <= len(KEYWORDS):
        raise SystemExit(f"--categories must be 1 to {len(KEYWORDS)}, not {categories}")
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise SystemExit(f"{out_dir}: not empty; give a new or empty folder")

    summary = Summary()
    seeds = seed_sentences()
    paths = list(DEFAULT_UD if ud_paths is None else ud_paths)
    missing = [path for path in paths if not path.is_file()]
    if missing and ud_paths is not None:
        raise SystemExit(f"{missing[0]}: no such file")
    if missing:
        summary.notes.append(
            f"{UD_DIR} not found: using the seeds' {len(seeds)} sentences only, so the "
            "categories differ little in content"
        )
        ud: list[str] = []
    else:
        ud = read_ud_sentences(paths)
    sentences = list(dict.fromkeys(ud + seeds))
    summary.pool = (
        f"{len(ud):,} UD Vietnamese-VTB sentences ({', '.join(p.name for p in paths)}) "
        f"and {len(seeds)} seed sentences"
        if ud
        else f"{len(seeds)} seed sentences"
    )
    pools, notes = sentence_pools(sentences, names)
    summary.notes.extend(notes)
    summary.pool_sizes = {name: len(pool) for name, pool in zip(names, pools, strict=True)}
    headlines = [headlines_of(pool) for pool in pools]

    rng = random.Random(seed)
    phase = {name: rng.random() for name in _STEPS}
    counts = _category_counts(rng, articles, len(names))
    width = max(3, len(str(max(counts, default=0))))
    days = (LAST_DATE - FIRST_DATE).days + 1
    index = 0
    for c, (name, count) in enumerate(zip(names, counts, strict=True)):
        folder = out_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        summary.per_category[name] = count
        others = [o for o in range(len(names)) if o != c] or [c]
        for number in range(1, count + 1):
            doc_id = f"news_{name}_{number:0{width}d}"
            date = FIRST_DATE + dt.timedelta(days=rng.randrange(days))
            header = (
                f"# doc_id = {doc_id}\n"
                f"# url = {URL.format(category=name, slug='{slug}', serial=1000 + index)}\n"
                f"# date = {_date_text(date, index, phase, summary)}\n"
            )
            text = _article(rng, c, others, pools, headlines[c], index, phase, header, summary)
            if _variant("nfd", index, phase) < _RATES["nfd"]:
                text = unicodedata.normalize("NFD", text)
                summary.variants["NFD"] = summary.variants.get("NFD", 0) + 1
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="\n")
            summary.files += 1
            summary.chars += len(text)
            summary.lengths.append(len(text))
            summary.first_date = min(date, summary.first_date or date)
            summary.last_date = max(date, summary.last_date or date)
            index += 1
    return summary


def _date_text(date: dt.date, index: int, phase: dict[str, float], summary: Summary) -> str:
    where = _variant("date_format", index, phase)
    form = DATE_FORMATS[-1][0]
    for candidate, share in DATE_FORMATS:
        if where < share:
            form = candidate
            break
        where -= share
    summary.variants[f"date {form}"] = summary.variants.get(f"date {form}", 0) + 1
    return date.strftime(form)


def _article(
    rng: random.Random,
    c: int,
    others: list[int],
    pools: list[list[str]],
    headlines: list[str],
    index: int,
    phase: dict[str, float],
    header: str,
    summary: Summary,
) -> str:
    """One file's text: ``header`` (with ``{slug}`` for the title's slug), title, body."""
    own = rng.uniform(*OWN_SHARE)
    second = rng.choice(others)
    used: set[str] = set()

    def draw(k: int) -> list[str]:
        chosen = []
        for _ in range(k):
            for _attempt in range(5):  # avoid repeating a sentence within the article
                draw_from = rng.random()
                if draw_from < own:
                    pool = pools[c]
                elif draw_from < own + (1 - own) * SECOND_SHARE:
                    pool = pools[second]
                else:
                    pool = pools[rng.choice(others)]
                sentence = rng.choice(pool)
                if sentence not in used:
                    break
            used.add(sentence)
            chosen.append(sentence)
        return chosen

    target = round(rng.lognormvariate(math.log(MEDIAN_CHARS), SIGMA))
    target = min(MAX_CHARS, max(MIN_CHARS, target))
    title, *paragraphs = compose_article(rng, headlines, draw, target_chars=target, sizes=(1, 5))

    def count(variant: str) -> bool:
        hit = _variant(variant, index, phase) < _RATES[variant]
        if hit:
            summary.variants[variant] = summary.variants.get(variant, 0) + 1
        return hit

    if count("nbsp"):
        paragraphs = [_add_nbsp(rng, paragraph) for paragraph in paragraphs]
    lines = [header.replace("{slug}", _slug(title)).rstrip("\n")]
    if count("title_header"):
        lines.append(f"# title = {title}")
        title_lines = []
    else:
        title_lines = [title]
    if count("skip_link"):
        lines.append(SKIP_LINK)
    lines += title_lines + paragraphs
    if count("footer"):
        lines.append(FOOTER)
        lines += rng.sample(headlines, min(len(headlines), rng.randint(2, 4)))
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------ command line


def main(argv: Sequence[str] | None = None) -> Summary:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--categories", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--ud", type=Path, nargs="+", help="CoNLL-U files (default: UD Vietnamese-VTB train+dev)"
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    summary = write_corpus(
        args.out_dir,
        articles=args.articles,
        categories=args.categories,
        seed=args.seed,
        ud_paths=args.ud,
    )
    seconds = time.perf_counter() - start
    for note in summary.notes:
        print(f"note: {note}")
    print(f"wrote {summary.files:,} synthetic articles to {args.out_dir} in {seconds:.1f} s")
    print(f"  sentences: {summary.pool}")
    print(
        "  sentences per category: "
        + ", ".join(f"{name} {size}" for name, size in summary.pool_sizes.items())
    )
    print(
        f"  categories ({len(summary.per_category)}): "
        + ", ".join(f"{name} {count}" for name, count in summary.per_category.items())
    )
    if summary.files:
        print(
            f"  characters: {summary.chars:,} in all; per article median "
            f"{statistics.median(summary.lengths):,.0f}, "
            f"min {min(summary.lengths):,}, max {max(summary.lengths):,}"
        )
        print(f"  dates: {summary.first_date} to {summary.last_date}")
    print("  variants: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.variants.items())))
    return summary


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
