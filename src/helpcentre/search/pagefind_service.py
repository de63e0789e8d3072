"""Pagefind's indexing service (`pagefind --service`), spoken to directly.

Pagefind's Python package wraps the same service, but reads one answer every tenth of a second,
which makes handing it pages one by one, as the build renders them, cost minutes. The protocol
is small: each message is base64 of a JSON object, ended by a comma, and each answer names the
message it answers. The binary is the one the pinned `pagefind[bin]` installs.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import tempfile
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

ANSWER_BATCH_SECONDS = 0.02


class PagefindError(RuntimeError):
    """The service could not be started, or answered a request with an error."""


def pagefind_binary() -> Path:
    """The Pagefind program: PAGEFIND_BINARY_PATH, else the one `pagefind[bin]` installed."""
    try:
        from pagefind.service import get_executable
    except ImportError as error:
        raise PagefindError(f"the pagefind package is not installed ({error}); run ./scripts/test once") from None
    binary = get_executable()
    if binary is None:
        raise PagefindError(
            "the Pagefind program was not found; install the pinned 'pagefind[bin]' with ./scripts/test,"
            " or set PAGEFIND_BINARY_PATH"
        )
    return Path(binary)


class PagefindService:
    """One running `pagefind --service`: requests go out as they come, answers arrive as futures."""

    def __init__(self, binary: Path | None = None) -> None:
        # What the service prints about itself goes to a file, read back only to explain a failure.
        self._log = tempfile.TemporaryFile()
        try:
            self._process = subprocess.Popen(
                [str(binary or pagefind_binary()), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._log,
                # One worker thread: the build hands pages over one at a time, and more threads
                # only spin against the build for the same cores.
                env={**os.environ, "TOKIO_WORKER_THREADS": os.environ.get("TOKIO_WORKER_THREADS", "1")},
            )
        except OSError as error:
            self._log.close()
            raise PagefindError(f"Pagefind could not be started: {error}") from None
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._answers: dict[int, Future[dict[str, Any]]] = {}
        self._last_id = 0
        self._closed = False
        self._reader = threading.Thread(target=self._read_answers, name="pagefind-answers", daemon=True)
        self._reader.start()

    def request(self, payload: dict[str, Any]) -> Future[dict[str, Any]]:
        """Send `payload`; the future holds the service's answer, or a PagefindError."""
        answer: Future[dict[str, Any]] = Future()
        with self._lock:
            if self._closed:
                raise PagefindError("the Pagefind service has stopped")
            self._last_id += 1
            message_id = self._last_id
            self._answers[message_id] = answer
        message = json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8")
        # Not under self._lock: a write can wait for the service to read, and the service can
        # wait for its answers to be read, which needs that lock.
        with self._write_lock:
            try:
                assert self._process.stdin is not None
                self._process.stdin.write(base64.b64encode(message) + b",")
                self._process.stdin.flush()
            except (OSError, ValueError):
                with self._lock:
                    self._answers.pop(message_id, None)
                raise PagefindError(f"the Pagefind service stopped: {self._what_it_said()}") from None
        return answer

    def call(self, payload: dict[str, Any], timeout: float = 600) -> dict[str, Any]:
        return self.request(payload).result(timeout=timeout)

    def close(self) -> None:
        with self._lock:
            self._closed = True
        with self._write_lock:
            try:
                if self._process.stdin is not None:
                    self._process.stdin.close()
            except OSError:
                pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join(timeout=10)
        self._log.close()

    def _read_answers(self) -> None:
        assert self._process.stdout is not None
        pending = b""
        while chunk := self._process.stdout.read1(1 << 16):
            pending += chunk
            *messages, pending = pending.split(b",")
            for message in messages:
                if message.strip():
                    self._answer(json.loads(base64.b64decode(message)))
            # Answers are read in batches: waking for each of a thousand pages would take the
            # interpreter from the build a thousand times. The pipe holds hundreds meanwhile.
            time.sleep(ANSWER_BATCH_SECONDS)
        failure = PagefindError(f"the Pagefind service stopped: {self._what_it_said()}")
        with self._lock:
            self._closed = True
            for answer in self._answers.values():
                if not answer.done():
                    answer.set_exception(failure)
            self._answers.clear()

    def _answer(self, response: dict[str, Any]) -> None:
        payload = response.get("payload") or {}
        message_id = response.get("message_id")
        if message_id is None and payload.get("original_message"):
            # A message the service could not parse comes back with it, and so with its id.
            try:
                message_id = json.loads(payload["original_message"]).get("message_id")
            except ValueError:
                message_id = None
        with self._lock:
            answer = self._answers.pop(message_id, None) if message_id is not None else None
        if answer is None:
            return
        if payload.get("type") == "Error":
            answer.set_exception(PagefindError(str(payload.get("message", "an unknown error"))))
        else:
            answer.set_result(payload)

    def _what_it_said(self) -> str:
        try:
            self._log.seek(0)
            said = self._log.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            said = ""
        return said[-2000:] or f"exit status {self._process.poll()}"
