"""Helpers shared by the features tests."""

from __future__ import annotations

import pandas as pd


def rows(table: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """The table's ``columns`` as a list of row tuples."""
    return list(table[columns].itertuples(index=False, name=None))
