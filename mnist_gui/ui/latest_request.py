"""Newest request wins: a widget's one helper for asking the model thread.

While a request is computed only the newest input waits, so drawing fast never queues up work;
an input shown already or on its way is not asked again; only the answer to the request in flight
is seen (each request's ``service.Reply`` comes back to this helper alone). A request overtaken by
new weights (``Superseded``) is asked again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from ..core.inside import Superseded


class LatestRequest(QObject):
    answered = Signal(object, object)   # result, the arguments it was asked with
    partial = Signal(object, object)    # a part of a long job's result, its arguments
    failed = Signal(object, object)     # the error (its text is for the user), the arguments

    def __init__(self, send, parent=None):
        """``send(**args)`` asks the service and returns its ``Reply``."""
        super().__init__(parent)
        self._send = send
        self._reply = None
        self._flight: tuple | None = None   # (key, args) being computed
        self._wanted: tuple | None = None   # (key, args) to send when the one in flight returns
        self.done_key = None                # the key of the last result given

    @property
    def busy(self) -> bool:
        return self._reply is not None

    @property
    def waiting(self) -> bool:
        return self._wanted is not None

    def ask(self, key, args: dict) -> bool:
        """Ask for ``args`` (whose result is identified by ``key``) unless it is shown or on its way."""
        # Shown already (nothing in flight will replace it), or on its way: nothing newer is wanted.
        if key is not None and key == (self._flight[0] if self._flight else self.done_key):
            self._wanted = None
            return False
        self._wanted = (key, args)
        self._next()
        return True

    def forget(self):
        """Results from before do not count any more (new data); the one in flight is not waited for."""
        self._reply = self._flight = self._wanted = self.done_key = None

    def _next(self):
        if self._reply is not None or self._wanted is None:
            return
        self._flight, self._wanted = self._wanted, None
        self._reply = reply = self._send(**self._flight[1])
        reply.answered.connect(self._on_answered)
        reply.partial.connect(self._on_partial)
        reply.failed.connect(self._on_failed)

    def _ours(self, request_id) -> bool:
        return self._reply is not None and request_id == self._reply.id

    @Slot(object, object)
    def _on_partial(self, request_id, part):
        if self._ours(request_id):
            self.partial.emit(part, self._flight[1])

    @Slot(object, object)
    def _on_answered(self, request_id, result):
        if self._ours(request_id):
            self._finish(self.answered, result)

    @Slot(object, object)
    def _on_failed(self, request_id, error):
        if not self._ours(request_id):
            return
        if isinstance(error, Superseded):  # new weights came: ask again, unless something newer waits
            flight, self._reply, self._flight = self._flight, None, None
            if self._wanted is None:
                self._wanted = flight
            self._next()
            return
        self._finish(self.failed, error)

    def _finish(self, signal, value):
        (key, args), self._reply, self._flight = self._flight, None, None
        self.done_key = key
        signal.emit(value, args)
        self._next()
