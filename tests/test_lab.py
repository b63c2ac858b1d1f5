"""A real JupyterLab server: it lists the notebooks and runs a kernel that imports corpus_tools."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


pytestmark = pytest.mark.slow  # starts a real JupyterLab server and kernel


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _request(url: str, method: str = "GET", body: dict | None = None) -> object:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
    return json.loads(text) if text else None


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory):
    port, token = _free_port(), secrets.token_hex(16)
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    command = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={ROOT / 'notebooks'}",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime)}
    log = (runtime / "server.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                _request(f"{base}/api/status?token={token}")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log_text = (runtime / "server.log").read_text()
                    pytest.fail(f"jupyter lab did not start:\n{log_text}")
                time.sleep(0.5)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_lab_lists_the_notebooks(lab_server):
    base, token = lab_server
    listing = _request(f"{base}/api/contents?token={token}")
    names = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
    assert names == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert names, "no notebooks listed"


def test_lab_refuses_requests_without_the_token(lab_server):
    base, _ = lab_server
    with pytest.raises(urllib.error.HTTPError) as refused:
        _request(f"{base}/api/contents")
    assert refused.value.code == 403


async def _execute(base: str, token: str, kernel_id: str, code: str) -> tuple[str, str]:
    from tornado.websocket import websocket_connect

    url = f"{base.replace('http', 'ws')}/api/kernels/{kernel_id}/channels?token={token}"
    connection = await websocket_connect(url)
    msg_id = uuid.uuid4().hex
    await connection.write_message(
        json.dumps(
            {
                "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                           "msg_type": "execute_request", "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": False,
                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
            }
        )
    )  # fmt: skip
    output, status = "", None
    while status is None:
        message = json.loads(await asyncio.wait_for(connection.read_message(), timeout=60))
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if message["msg_type"] == "stream":
            output += message["content"]["text"]
        elif message["msg_type"] == "error":
            output += f"{message['content']['ename']}: {message['content']['evalue']}"
        elif message["msg_type"] == "execute_reply":
            status = message["content"]["status"]
    connection.close()
    return status, output


def test_lab_kernel_runs_a_cell_importing_corpus_tools(lab_server):
    base, token = lab_server
    kernel = _request(f"{base}/api/kernels?token={token}", method="POST", body={"name": "python3"})
    try:
        code = "import corpus_tools\nprint(corpus_tools.tokenize('Bộ Chính trị họp ở Hà Nội'))"
        status, output = asyncio.run(_execute(base, token, kernel["id"], code))
        assert status == "ok", output
        assert output.strip() == "['Bộ_Chính_trị', 'họp', 'ở', 'Hà_Nội']"
    finally:
        _request(f"{base}/api/kernels/{kernel['id']}?token={token}", method="DELETE")
