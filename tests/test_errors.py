"""The exception family: every input error is a CorpusError (a ValueError)."""

from __future__ import annotations

import inspect

import pytest

from corpus_tools import errors


@pytest.mark.parametrize("name", errors.__all__)
def test_every_name_is_an_exception_or_warning(name):
    value = getattr(errors, name)
    assert inspect.isclass(value) and issubclass(value, (Exception, Warning))


def test_input_errors_are_corpus_errors_and_value_errors():
    for name in errors.__all__:
        value = getattr(errors, name)
        if issubclass(value, Warning) or value is errors.NotebookError:
            continue
        assert issubclass(value, errors.CorpusError), name
        assert issubclass(value, ValueError), name


def test_skipped_documents_warning_lists_five_and_counts_the_rest():
    skipped = [(f"bai_{i}", "lỗi") for i in range(7)]
    warning = errors.SkippedDocumentsWarning(skipped)
    assert warning.skipped == skipped
    message = str(warning)
    assert message.startswith("skipped 7 document(s)")
    assert "bai_4: lỗi" in message and "bai_5" not in message
    assert message.endswith("and 2 more")
