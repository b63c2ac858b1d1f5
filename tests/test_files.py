"""The one atomic-write helper: whole files or none, the umask honoured, nothing left over."""

from __future__ import annotations

import os
import stat

import pytest

from corpus_tools.files import atomic_write, atomic_write_bytes, atomic_write_text


def test_text_and_bytes_are_written_whole(tmp_path):
    atomic_write_text(tmp_path / "a.txt", "Ban Tổ chức Trung ương\n")
    atomic_write_bytes(tmp_path / "b.bin", b"\x00\x01", fsync=True)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Ban Tổ chức Trung ương\n"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.bin"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_files_honour_the_umask(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        atomic_write_text(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == mode


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("cũ", encoding="utf-8")

    def broken(temporary):
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write("mới, nửa chừng")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        atomic_write(target, broken)
    assert target.read_text(encoding="utf-8") == "cũ"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_two_writers_never_share_a_temporary_name(tmp_path):
    names = []
    atomic_write(tmp_path / "a.txt", lambda tmp: names.append(tmp) or open(tmp, "w").close())
    atomic_write(tmp_path / "a.txt", lambda tmp: names.append(tmp) or open(tmp, "w").close())
    assert names[0] != names[1]
