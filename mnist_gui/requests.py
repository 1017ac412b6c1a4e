"""One request protocol between the UI thread and the model thread: every request has an id, and
its answer, its parts or its failure go back to the one who asked, never to anyone else."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, Signal, Slot


class Reply(QObject):
    """The answer to one widget's request, for that widget alone (as a QNetworkReply is)."""

    answered = Signal(object, object)   # request id, result
    partial = Signal(object, object)    # request id, a part of a long job's result
    failed = Signal(object, object)     # request id, the error (an Exception; its text is for the user)

    def __init__(self, request_id: int, kind: str):
        super().__init__()
        self.id, self.kind = request_id, kind


class Requests(QObject):
    """Sends requests to a host (``call(id, name, **args)``) and routes its ``answered``, ``partial``
    and ``failed`` signals, by id, to the asker's callbacks."""

    def __init__(self, host, parent=None):
        super().__init__(parent)
        self.host = host
        self._ids = itertools.count(1)
        self._waiting: dict[int, tuple] = {}   # request id -> (on_answer, on_failure, on_partial)
        host.answered.connect(self._on_answered)
        host.partial.connect(self._on_partial)
        host.failed.connect(self._on_failed)

    def ask(self, name: str, on_answer=None, on_failure=None, on_partial=None, /, **args) -> int:
        request_id = next(self._ids)
        self._waiting[request_id] = (on_answer, on_failure, on_partial)
        self.host.call(request_id, name, **args)
        return request_id

    def reply(self, name: str, kind: str, /, **args) -> Reply:
        """A request whose answer goes to the returned ``Reply``."""
        reply = Reply(0, kind)
        reply.id = self.ask(name, lambda result: reply.answered.emit(reply.id, result),
                            lambda error: reply.failed.emit(reply.id, error),
                            lambda part: reply.partial.emit(reply.id, part), **args)
        return reply

    @Slot(object, object)
    def _on_answered(self, request_id, result):
        on_answer = self._waiting.pop(request_id, (None,))[0]
        if on_answer is not None:
            on_answer(result)

    @Slot(object, object)
    def _on_partial(self, request_id, part):
        entry = self._waiting.get(request_id)
        if entry is not None and entry[2] is not None:
            entry[2](part)

    @Slot(object, object)
    def _on_failed(self, request_id, error):
        entry = self._waiting.pop(request_id, None)
        if entry is not None and entry[1] is not None:
            entry[1](error)
