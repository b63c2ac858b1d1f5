"""Fixtures for the figure tests: a small table of term counts in two documents."""

from __future__ import annotations

import pandas as pd
import pytest


@pytest.fixture
def frequencies():
    return pd.DataFrame(
        {
            "doc_id": ["000", "000", "000", "001", "001"],
            "token": ["Bộ_Chính_trị", "chạy_chức", "ở", "Ban_Tổ_chức_Trung_ương", "cấp_ủy"],
            "term": ["Bộ Chính trị", "chạy chức", "ở", "Ban Tổ chức Trung ương", "cấp ủy"],
            "count": [5, 3, 1, 4, 2],
        }
    )
