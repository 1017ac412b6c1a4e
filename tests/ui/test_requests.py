"""The request protocol: every answer or failure goes back to the one who asked, with its id, and
"newest request wins" for a widget that asks faster than the model thread answers."""

import numpy as np
from PySide6.QtCore import QObject

from mnist_gui.core.inside import Superseded
from mnist_gui.ui.latest_request import LatestRequest


def test_each_answer_goes_to_its_asker_alone(qtbot, service_with_model):
    service, x = service_with_model, service_with_model.data.x_test
    first, second = service.request_prediction(x[:1]), service.request_prediction(x[1:3])
    got = {first.id: [], second.id: []}
    for reply in (first, second):
        reply.answered.connect(lambda request_id, probs, reply=reply: got[reply.id].append((request_id, probs)))
    qtbot.waitUntil(lambda: all(got.values()))
    assert first.id != second.id
    [(id_1, probs_1)], [(id_2, probs_2)] = got[first.id], got[second.id]
    assert (id_1, id_2) == (first.id, second.id) and probs_1.shape == (1, 10) and probs_2.shape == (2, 10)
    np.testing.assert_allclose(probs_2, service.predict(x[1:3]))


def test_a_failed_prediction_fails_its_own_request_only(qtbot, service_with_model):
    service = service_with_model
    service._set_busy("save", True)  # another request of the user's in progress
    model_failures, busy = [], []
    service.model_failed.connect(model_failures.append)
    service.busy_changed.connect(busy.append)
    reply = service.request_prediction(np.zeros((1, 5)))  # not an image: the model cannot read it
    with qtbot.waitSignal(reply.failed) as failed:
        pass
    assert failed.args[0] == reply.id and isinstance(failed.args[1], Exception)
    assert model_failures == [] and busy == [] and service.is_saving  # nothing else touched
    ok = service.request_prediction(service.data.x_test[:1])  # and the model thread goes on
    with qtbot.waitSignal(ok.answered):
        pass


class ManualService(QObject):
    """Sends are recorded; the test answers them (a busy model thread)."""

    def __init__(self):
        super().__init__()
        self.sent = []

    def ask(self, **args):
        from mnist_gui.requests import Reply

        reply = Reply(len(self.sent) + 1, "test")
        self.sent.append((reply, args))
        return reply


def test_while_one_is_computed_only_the_newest_waits(qtbot):
    service = ManualService()
    latest = LatestRequest(service.ask)
    shown = []
    latest.answered.connect(lambda result, args: shown.append((result, args["n"])))
    for n in range(10):
        latest.ask(("input", n), {"n": n})
    assert [args["n"] for _, args in service.sent] == [0] and latest.busy and latest.waiting
    reply, _ = service.sent[0]
    reply.answered.emit(reply.id + 100, "someone else's")  # not the one in flight: ignored
    reply.answered.emit(reply.id, "zero")
    assert shown == [("zero", 0)] and [args["n"] for _, args in service.sent] == [0, 9]
    assert not latest.ask(("input", 9), {"n": 9}) and not latest.waiting  # on its way already
    # 0 is shown, but 9's answer will replace it: back to 0 is asked again.
    assert latest.ask(("input", 0), {"n": 0}) and latest.waiting
    reply, _ = service.sent[1]
    reply.answered.emit(reply.id, "nine")
    assert [args["n"] for _, args in service.sent] == [0, 9, 0]
    reply, _ = service.sent[2]
    reply.answered.emit(reply.id, "zero again")
    assert shown[-1] == ("zero again", 0) and not latest.ask(("input", 0), {"n": 0})  # shown: not again


def test_a_request_overtaken_by_new_weights_is_asked_again(qtbot):
    service = ManualService()
    latest = LatestRequest(service.ask)
    failures = []
    latest.failed.connect(lambda error, args: failures.append(str(error)))
    latest.ask("k", {"n": 1})
    reply, _ = service.sent[0]
    reply.failed.emit(reply.id, Superseded("new weights"))
    assert len(service.sent) == 2 and service.sent[1][1] == {"n": 1} and failures == []
    reply, _ = service.sent[1]
    reply.failed.emit(reply.id, ValueError("cannot"))
    assert failures == ["cannot"] and not latest.busy
