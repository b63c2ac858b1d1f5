"""The ``corpus-tools`` command line."""

from __future__ import annotations

import argparse
import sys

from .errors import CorpusError


def _summary(corpus: str | None) -> int:
    from .io import read_corpus
    from .tokenize import tokenize_corpus

    docs = read_corpus(corpus)
    tokens = tokenize_corpus(docs)
    print(f"{len(docs)} documents")
    for doc, words in zip(docs, tokens, strict=True):
        print(
            f"  {doc.doc_id}: {len(doc.paragraphs)} paragraphs, {len(words)} words, "
            f"{len(doc.removed)} lines removed; {doc.title or '(no title)'}"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="corpus-tools", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="analyse a corpus (default: the bundled seeds)")
    run.add_argument(
        "--corpus", default=None, help="folder of .txt files, a .txt, .csv or .jsonl file"
    )
    run.add_argument("--out", default=None, help="output folder (default: figures/)")
    args = parser.parse_args(argv)
    try:
        return _summary(args.corpus)
    except (CorpusError, FileNotFoundError) as error:
        print(f"corpus-tools: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
