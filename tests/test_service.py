"""ModelService end to end, without a window: real TensorFlow, small real data."""

import os
import sys
import threading

import numpy as np
import pytest

from mnist_gui.core.models import preset


def test_train_small_slice_then_predict(qtbot, service):
    epochs, statuses = [], []
    service.epoch_finished.connect(lambda e, logs: epochs.append(logs))
    service.status_changed.connect(statuses.append)
    config = preset("mlp", epochs=2, batch_size=32)
    with qtbot.waitSignal(service.training_finished, timeout=120_000) as finished:
        assert service.start_training(config, train_size=2000)
    history, stopped = finished.args
    assert not stopped
    assert len(epochs) == 2 and len(history["loss"]) == 2
    qtbot.waitUntil(lambda: service.model_info is not None and not service.model_info.training
                    and service.test_probabilities is not None, timeout=30_000)
    probs = service.predict(service.data.x_test[:100])
    assert probs.shape == (100, 10)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-4)
    assert np.mean(probs.argmax(1) == service.data.y_test[:100]) > 0.7
    assert service.model_info.test_accuracy > 0.7
    # The status line tells how far training got (the model label names the run), then the result.
    assert statuses[:2] == ["Training: epoch 1 of 2 done", "Training: epoch 2 of 2 done"]
    assert statuses[-1] == f"Model: {service.model_info.name}" == "Model: MLP (editable), 2 epochs"


def test_use_model_serves_async_predictions(qtbot, service_with_model, mnist, answer_of):
    svc = service_with_model
    assert svc.model_info.name == "test MLP"
    assert svc.test_probabilities.shape == (10000, 10)
    # The model thread also says which digit each test image is and how sure the model is.
    predictions = svc.test_predictions
    np.testing.assert_array_equal(predictions.labels, svc.test_probabilities.argmax(axis=1))
    np.testing.assert_array_equal(predictions.confidence, svc.test_probabilities.max(axis=1))
    assert svc.model_info.test_accuracy == pytest.approx(np.mean(predictions.labels == mnist.y_test))
    probs = answer_of(svc.request_prediction(mnist.x_test[:5]))
    np.testing.assert_allclose(probs, svc.predict(mnist.x_test[:5]), rtol=1e-5)


def _thread_nice_values():
    """(id, name, nice) of every thread of this process (Linux /proc)."""
    from pathlib import Path

    threads = []
    for task in Path("/proc/self/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        threads.append((int(task.name), name, int(fields[16])))
    return threads


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_background_threads_yield_the_cpu_to_the_ui_thread(qtbot, service):
    """The training and model threads, and the threads they start, run at a lower priority; the UI thread doesn't."""
    from mnist_gui.jobs import BACKGROUND_NICE

    ui_nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen = []
    service.epoch_finished.connect(lambda epoch, logs: seen.append(_thread_nice_values()))
    with qtbot.waitSignal(service.training_finished, timeout=120_000):
        assert service.start_training(preset("mlp", epochs=1), train_size=2000)
    threads = seen[0]
    assert {tid: nice for tid, _, nice in threads}[threading.get_native_id()] == ui_nice
    # The service's threads and the threads they start (which inherit the name). TensorFlow's
    # shared pools are left out here: earlier tests in this process may have created them from the
    # UI thread, which the app never does; ui_stall.py measures the effect in the app itself.
    workers = [(name, nice) for _, name, nice in threads if name in ("model", "training")]
    assert {"model", "training"} <= {name for name, _ in workers}
    assert all(nice >= BACKGROUND_NICE for _, nice in workers), [w for w in workers if w[1] < BACKGROUND_NICE]


def test_the_imports_are_frozen_out_of_garbage_collection(service):
    # A full collection over TensorFlow's ~300,000 module objects held the GIL, and with it the
    # UI thread, for up to 300 ms when training started.
    import gc

    assert service.backend_is_ready
    assert gc.get_freeze_count() > 100_000


def test_the_live_copy_is_built_before_training_and_serves_after_each_epoch(qtbot, service):
    # Built by the training thread before fit(), not by the model thread at the first epoch end,
    # where building it beside training's own work kept the UI thread from the GIL.
    config = preset("mlp", epochs=3, batch_size=32)
    built_before_first_batch, live_models = [], []
    service.batch_progress.connect(
        lambda *_: built_before_first_batch.append(service.runner._worker.live_copy is not None))
    service.epoch_finished.connect(lambda *_: live_models.append(service.runner._worker.live_copy[0]))
    served = []
    service.model_changed.connect(
        lambda info: info.training and served.append(service.host.worker.model))
    with qtbot.waitSignal(service.training_finished, timeout=120_000):
        assert service.start_training(config, train_size=2000)
    assert built_before_first_batch and all(built_before_first_batch)
    assert len(live_models) == 3 and all(m is live_models[0] for m in live_models)
    assert served and all(m is live_models[0] for m in served)


def test_train_more_goes_on_from_the_same_model_and_optimizer_state(qtbot, service):
    config = preset("mlp", epochs=1, batch_size=64)
    with qtbot.waitSignal(service.training_finished, timeout=120_000):
        assert service.start_training(config, train_size=2000)
    qtbot.waitUntil(lambda: service.model_info is not None and service.model_info.epoch == 1
                    and not service.model_info.training and not service.busy, timeout=30_000)
    model = service.host.worker.model
    steps = int(model.optimizer.iterations.numpy())
    assert steps == 32
    plans, epochs = [], []
    service.training_started.connect(plans.append)
    service.epoch_finished.connect(lambda epoch, logs: epochs.append(epoch))
    with qtbot.waitSignal(service.training_finished, timeout=120_000):
        assert service.train_more(2, train_size=2000)
    assert (plans[0].first_epoch, plans[0].end_epoch, plans[0].epochs) == (1, 3, 2) and epochs == [1, 2]
    qtbot.waitUntil(lambda: service.model_info.epoch == 3 and not service.model_info.training
                    and not service.busy, timeout=30_000)
    current = service.host.worker.model
    assert current is not model  # a run hands out a copy of what it trained (core.trainers)
    assert int(current.optimizer.iterations.numpy()) == steps + 2 * 32  # Adam's step count went on
    assert len(service.model_info.metadata["history"]["loss"]) == 3 and service.model_info.unsaved


def test_a_worse_run_keeps_the_better_model_in_use_until_the_user_picks(qtbot, service_with_model, mnist):
    service = service_with_model
    before = service.model_info
    expected = service.predict(mnist.x_test[:50])
    outcomes = []
    service.training_outcome.connect(outcomes.append)
    with qtbot.waitSignal(service.training_outcome, timeout=120_000):
        assert service.start_training(preset("seed", epochs=1), train_size=300)  # far worse than 93%
    outcome = outcomes[-1]
    assert not outcome.using_new and outcome.previous.name == before.name
    assert outcome.new.test_accuracy < outcome.previous.test_accuracy
    qtbot.waitUntil(lambda: service.model_info.name == before.name and not service.busy, timeout=30_000)
    np.testing.assert_allclose(service.predict(mnist.x_test[:50]), expected, rtol=1e-5)
    with qtbot.waitSignal(service.model_changed, timeout=30_000):
        service.use_new_model()
    assert service.model_info.unsaved and service.model_info.name.startswith("Seed DNN (notebook), 1 epochs")
    with qtbot.waitSignal(service.model_changed, timeout=30_000):
        service.keep_previous_model()
    np.testing.assert_allclose(service.predict(mnist.x_test[:50]), expected, rtol=1e-5)


def test_model_changed_fires_once_per_epoch_and_once_at_the_end(qtbot, service):
    changes = []
    service.model_changed.connect(changes.append)
    with qtbot.waitSignal(service.training_finished, timeout=120_000):
        assert service.start_training(preset("mlp", epochs=2), train_size=2000)
    qtbot.waitUntil(lambda: service.test_predictions is not None and not service.busy
                    and not service.model_info.training, timeout=30_000)
    assert [info.training for info in changes] == [True, True, False]


def test_the_heap_is_trimmed_after_a_run_not_at_its_epoch_ends(qtbot, service, monkeypatch):
    # A trim holds malloc's locks for milliseconds: at an epoch end it met the window's own work.
    from mnist_gui import model_host, training_runner

    trims, passes = [], []
    monkeypatch.setattr(model_host, "release_free_memory", lambda: trims.append(("host", service.host.worker.info.training)))
    monkeypatch.setattr(training_runner, "release_free_memory", lambda: trims.append(("run", None)))
    service.test_predictions_ready.connect(lambda *_: passes.append(service.model_info.training))
    with qtbot.waitSignal(service.training_finished, timeout=120_000):
        assert service.start_training(preset("mlp", epochs=2), train_size=2000)
    qtbot.waitUntil(lambda: service.test_predictions is not None and not service.busy
                    and not service.model_info.training and ("host", False) in trims, timeout=30_000)
    assert passes.count(True) == 2  # both epochs' test-set passes ran...
    assert ("host", True) not in trims  # ...without a trim
    assert ("run", None) in trims


def test_what_lives_when_the_first_model_is_in_is_frozen_once(qtbot, service, monkeypatch):
    # The full collections over what start-up made held the GIL 15-28 ms every ~15 s of a CNN run;
    # a run's own objects must stay collectable (frozen, its garbage would never be freed).
    import gc

    from mnist_gui.core import memory

    monkeypatch.setattr(memory, "_frozen_once", False)  # as at launch (earlier tests installed models)
    before = gc.get_freeze_count()
    with qtbot.waitSignal(service.model_changed, timeout=60_000):
        service.new_model(preset("seed"))
    assert gc.get_freeze_count() > before
    frozen = gc.get_freeze_count()
    with qtbot.waitSignal(service.model_changed, timeout=60_000):
        service.new_model(preset("mlp"))
    assert gc.get_freeze_count() <= frozen  # once only (frozen objects that die still go)


def _nice_of(pid: int) -> int:
    from pathlib import Path

    return int((Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[16])


def _ended(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_training_process_waits_for_each_run_and_a_new_one_after_it(qtbot, service):
    from mnist_gui.core.train_process import CHILD_NICE

    service.prepare_training()
    first = service.runner.process_id
    assert first is not None and first != os.getpid()
    qtbot.waitUntil(lambda: _nice_of(first) >= CHILD_NICE, timeout=30_000)  # it leaves the window a core
    with qtbot.waitSignal(service.training_finished, timeout=120_000):
        assert service.start_training(preset("mlp", epochs=1), train_size=2000)
    qtbot.waitUntil(lambda: _ended(first), timeout=30_000)  # and its memory with it
    qtbot.waitUntil(lambda: service.runner.process_id not in (None, first), timeout=10_000)
    assert not service.runner.is_running


def test_runs_predict_with_the_live_copy_made_ahead_and_keep_it_for_the_next(qtbot, service):
    # Made in a run's first second, it kept a drawing user's window from the GIL (core.live_copies).
    service.prepare_training()
    qtbot.waitUntil(lambda: len(service.runner.live_copies) == 3, timeout=60_000)  # each preset's
    ahead = service.runner.live_copies.kept()
    used = []
    service.epoch_finished.connect(lambda *_: used.append(service.runner._worker.live_copy))
    for _ in range(2):
        with qtbot.waitSignal(service.training_finished, timeout=120_000):
            assert service.start_training(preset("mlp", epochs=1), train_size=2000)
    assert len(used) == 2 and used[0] is used[1] and any(used[0] is pair for pair in ahead)
    assert {id(pair) for pair in service.runner.live_copies.kept()} == {id(pair) for pair in ahead}  # none made since


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kills a process by its id")
def test_a_crash_of_the_training_process_leaves_the_window_and_the_previous_model(qtbot, service_with_model):
    import signal

    svc = service_with_model
    killed = []

    def kill_once(*_):
        if not killed:
            killed.append(svc.runner.process_id)
            os.kill(killed[0], signal.SIGKILL)  # as TensorFlow crashing would end it

    svc.batch_progress.connect(kill_once)
    with qtbot.waitSignal(svc.training_failed, timeout=120_000) as failed:
        assert svc.start_training(preset("mlp", epochs=50), train_size=2000)
    assert "SIGKILL" in failed.args[0] and failed.args[0].endswith("The previous model is kept.")
    qtbot.waitUntil(lambda: svc.model_info.name == "test MLP" and not svc.is_training, timeout=10_000)
    assert svc.predict(svc.data.x_test[:10]).shape == (10, 10)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="stops a process by its id")
def test_stop_ends_a_training_process_that_does_not_answer(qtbot, service):
    import signal
    import time

    service.runner.kill_after_ms = 1_500  # the app waits 10 s (a CNN's first step may take 4)
    frozen = []

    def freeze_then_stop(*_):
        if not frozen:
            frozen.append(service.runner.process_id)
            os.kill(frozen[0], signal.SIGSTOP)  # as a child stuck in TensorFlow would be
            frozen.append(time.monotonic())
            service.stop_training()

    service.batch_progress.connect(freeze_then_stop)
    with qtbot.waitSignal(service.training_failed, timeout=120_000) as failed:
        assert service.start_training(preset("mlp", epochs=50), train_size=2000)
    waited = time.monotonic() - frozen[1]
    assert failed.args[0].startswith("Stopped: the training process did not answer within 1.5 s and was ended")
    assert 1.45 <= waited < 1.5 + 5
    assert not service.is_training


def test_stop_before_the_training_process_is_ready_ends_the_run_at_once(qtbot, service_with_model):
    import time

    svc = service_with_model
    svc.runner.prepare(svc.data)  # a new child: it imports TensorFlow for seconds
    assert not svc.runner.process_ready
    first = svc.runner.process_id
    before = svc.model_info
    with qtbot.waitSignal(svc.training_finished, timeout=10_000) as finished:
        assert svc.start_training(preset("mlp", epochs=50), train_size=2000)
        pressed = time.monotonic()
        svc.stop_training()
    assert time.monotonic() - pressed < 1.0
    assert finished.args == [None, True]  # nothing trained
    qtbot.waitUntil(lambda: not svc.is_training and not svc.busy, timeout=10_000)
    assert svc.model_info.name == before.name and svc.outcome is None
    assert _ended(first) or svc.runner.process_id != first
    with qtbot.waitSignal(svc.training_finished, timeout=120_000) as finished:  # the next run trains
        assert svc.start_training(preset("mlp", epochs=1), train_size=2000)
    assert len(finished.args[0]["loss"]) == 1


def test_closing_right_after_train_does_not_wait_for_the_training_process(qtbot, service):
    import time

    service.runner.prepare(service.data)  # a new child: it imports TensorFlow for seconds
    assert service.start_training(preset("mlp", epochs=50), train_size=2000)
    child = service.runner.process_id
    started = time.monotonic()
    assert service.runner.shutdown(5_000)
    assert time.monotonic() - started < 1.0
    qtbot.waitUntil(lambda: _ended(child), timeout=5_000)


def test_a_training_process_that_cannot_start_is_one_message(qtbot, service, monkeypatch):
    from mnist_gui.core import train_process

    def cannot_start(self):
        raise train_process.TrainingProcessError("The training process could not start: out of processes")

    monkeypatch.setattr(train_process.TrainingChild, "__init__", cannot_start)
    with qtbot.waitSignal(service.training_failed, timeout=10_000) as failed:
        assert service.start_training(preset("mlp", epochs=1), train_size=2000)
    assert failed.args[0] == "The training process could not start: out of processes"
    qtbot.waitUntil(lambda: not service.is_training and not service.busy, timeout=10_000)


def test_the_draw_pads_overlay_is_traced_as_soon_as_a_model_comes_in(qtbot, service_with_model, mnist, answer_of):
    # Not after the user's first stroke: tracing takes the model thread 0.5 s for the bundled CNN.
    svc = service_with_model
    model = svc.host.worker.model
    qtbot.waitUntil(lambda: "ig" in getattr(getattr(model, "_inside_inspector", None), "calls", {}), timeout=30_000)
    result = answer_of(svc.request_inside("attribution", image=mnist.x_test[0].astype(np.float32)))
    assert result.maps.shape == (2, 28, 28) and result.targets[0] == int(np.argmax(svc.predict(mnist.x_test[:1])))
