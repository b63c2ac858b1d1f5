"""The ``corpus-tools`` command line: run the notebook sequence on a corpus, headless.

    corpus-tools run [--corpus PATH] [--out DIR] [--build DIR]

Each numbered notebook in ``notebooks/`` runs top to bottom in a fresh Jupyter kernel
(nbclient), with its ``parameters`` cell overridden by the corpus and output folder (as
papermill does). Figures go to ``--out`` (default ``figures/``) with an ``index.html``;
executed notebooks go to ``--build`` (default ``build/notebooks/``), never back into
``notebooks/``. A failing cell stops the run, naming the notebook, the cell and the error.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from pathlib import Path

from .errors import CorpusError, NotebookError
from .files import atomic_write_text
from .paths import project_root

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"


def find_notebooks(folder: Path) -> list[Path]:
    """The numbered notebooks (``NN_name.ipynb``) of ``folder``, in order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def inject_parameters(notebook, parameters: dict[str, object]) -> None:
    """Insert a cell that sets ``parameters`` right after the cell tagged ``parameters``."""
    import nbformat

    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    cells = notebook.cells
    position = next(
        (
            i + 1
            for i, c in enumerate(cells)
            if PARAMETERS_TAG in c.get("metadata", {}).get("tags", [])
        ),
        None,
    )
    if position is None:
        raise NotebookError("has no cell tagged 'parameters'")
    cells.insert(position, cell)


def execute_notebook(path: Path, parameters: dict[str, object], *, timeout: int = 900):
    """Execute one notebook in a fresh kernel, its working directory its own folder."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)
    inject_parameters(notebook, parameters)
    code_cells = [  # numbered as in the notebook on disk, without the injected cell
        i
        for i, c in enumerate(notebook.cells)
        if c.cell_type == "code" and INJECTED_TAG not in c.metadata.get("tags", [])
    ]

    def progress(cell, cell_index, **_):
        if cell_index not in code_cells:
            return  # the injected parameters
        number = code_cells.index(cell_index) + 1
        print(f"\r    cell {number}/{len(code_cells)}", end="", file=sys.stderr, flush=True)

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_executed=progress,
    )
    try:
        client.execute()
    except CellExecutionError as error:
        failed = next(
            (
                (i, c)
                for i, c in enumerate(notebook.cells)
                if c.cell_type == "code"
                and any(o.get("output_type") == "error" for o in c.get("outputs", []))
            ),
            (None, None),
        )
        index, cell = failed
        number = code_cells.index(index) + 1 if index in code_cells else "?"
        first_line = (
            cell.source.strip().splitlines()[0] if cell is not None and cell.source.strip() else ""
        )
        ename = getattr(error, "ename", "error")
        evalue = getattr(error, "evalue", str(error))
        raise NotebookError(
            f"code cell {number} ({first_line!r}) failed: {ename}: {evalue}"
        ) from None
    finally:
        print("\r", end="", file=sys.stderr)
    return notebook


def write_index(out_dir: Path, notebooks: list[Path]) -> Path:
    """Write ``index.html``: every PNG in ``out_dir`` with its caption and notebook."""
    from PIL import Image

    by_number = {p.name[:2]: p.name for p in notebooks}
    rows = []
    for png in sorted(out_dir.glob("[0-9][0-9]_*.png")):
        with Image.open(png) as image:
            caption = (
                image.text.get("Description", png.stem) if hasattr(image, "text") else png.stem
            )
        notebook = by_number.get(png.name[:2], "?")
        table = png.with_suffix(".csv")
        links = [f'<a href="{html.escape(png.with_suffix(".svg").name)}">SVG</a>']
        if table.exists():
            links.append(f'<a href="{html.escape(table.name)}">CSV</a>')
        rows.append(
            f'<figure id="{html.escape(png.stem)}">\n'
            f'  <img src="{html.escape(png.name)}" alt="{html.escape(caption)}" loading="lazy">\n'
            f"  <figcaption><strong>{html.escape(png.stem)}</strong>: {html.escape(caption)}"
            f" <small>({html.escape(notebook)}; {' · '.join(links)})</small></figcaption>\n"
            "</figure>"
        )
    page = (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        "<title>corpus_tools figures</title>\n<style>\n"
        "body { font-family: 'DejaVu Sans', sans-serif; max-width: 60rem; margin: 2rem auto; }\n"
        "img { max-width: 100%; border: 1px solid #ddd; }\nfigure { margin: 0 0 2.5rem; }\n"
        "</style>\n</head>\n<body>\n<h1>corpus_tools figures</h1>\n"
        + "\n".join(rows)
        + "\n</body>\n</html>\n"
    )
    path = out_dir / "index.html"
    atomic_write_text(path, page)
    return path


def run(corpus: str | None, out: str | None, build: str | None, notebooks_dir: str | None) -> int:
    root = project_root()
    folder = Path(notebooks_dir) if notebooks_dir else root / "notebooks"
    out_dir = Path(out).resolve() if out else root / "figures"
    build_dir = Path(build).resolve() if build else root / "build" / "notebooks"
    corpus_path = str(Path(corpus).resolve()) if corpus else None
    if corpus_path is not None and not Path(corpus_path).exists():
        raise FileNotFoundError(f"{corpus}: no such file or folder")
    notebooks = find_notebooks(folder)
    if not notebooks:
        raise FileNotFoundError(f"{folder}: holds no numbered notebooks (NN_name.ipynb)")
    out_dir.mkdir(parents=True, exist_ok=True)
    build_dir.mkdir(parents=True, exist_ok=True)
    parameters = {"CORPUS": corpus_path, "OUT_DIR": str(out_dir)}
    print(f"corpus: {corpus_path or 'bundled seeds'}; figures: {out_dir}", file=sys.stderr)
    for number, path in enumerate(notebooks, start=1):
        started = time.perf_counter()
        print(f"[{number}/{len(notebooks)}] {path.name}", file=sys.stderr, flush=True)
        try:
            executed = execute_notebook(path, parameters)
        except NotebookError as error:
            raise NotebookError(f"{path.name}: {error}") from None
        import nbformat

        atomic_write_text(build_dir / path.name, nbformat.writes(executed))
        print(f"    done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    index = write_index(out_dir, notebooks)
    print(f"wrote {index}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="corpus-tools", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="run every notebook on a corpus, write figures")
    run_parser.add_argument(
        "--corpus",
        default=None,
        help="folder of .txt files, a .txt, .csv or .jsonl (default: seeds/)",
    )
    run_parser.add_argument("--out", default=None, help="output folder (default: figures/)")
    run_parser.add_argument(
        "--build", default=None, help="folder for executed notebooks (default: build/notebooks/)"
    )
    run_parser.add_argument("--notebooks", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        return run(args.corpus, args.out, args.build, args.notebooks)
    except (CorpusError, FileNotFoundError, NotebookError) as error:
        print(f"corpus-tools: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
