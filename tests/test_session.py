"""The app's rules (mnist_gui.session), without Qt or TensorFlow: what a run trains, which model is
kept after it, what a model file opens as."""

import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pytest

from mnist_gui.core import run
from mnist_gui.core.drawings import DrawingStore, mix
from mnist_gui.core.metrics import Predictions
from mnist_gui.core.models import preset
from mnist_gui.core.training import TrainResult
from mnist_gui.session import ModelInfo, Session, SessionError


def data(n_train=1000, n_test=100, seed=0):
    rng = np.random.default_rng(seed)
    return SimpleNamespace(x_train=rng.integers(0, 255, (n_train, 28, 28), dtype=np.uint8),
                           y_train=np.arange(n_train) % 10, x_test=rng.integers(0, 255, (n_test, 28, 28), dtype=np.uint8),
                           y_test=np.arange(n_test) % 10, source="test", location="memory", verified=False)


@pytest.fixture
def session(tmp_path):
    s = Session(DrawingStore(tmp_path / "drawings"))
    s.backend_ready = True
    s.dataset_loaded(data())
    return s


def install(session, info):
    return session.installed(info)[0]


def accurate(session, accuracy: float) -> None:
    """The current model's test-set predictions arrive, with this accuracy."""
    y = session.data.y_test
    right = np.arange(len(y)) < round(accuracy * len(y))
    labels = np.where(right, y, (y + 1) % 10)
    assert session.test_predicted(session.model_info.version, session.data.x_test, Predictions.of(np.eye(10)[labels]))


def outcome(session, model="trained", epochs_run=None, accuracy=0.9, stopped=False, drawings=None):
    request = session.run
    first = request.plan.first_epoch
    epochs_run = request.plan.end_epoch if epochs_run is None else epochs_run
    history = {"val_accuracy": [accuracy] * (epochs_run - first)}
    meta = {"epochs_run": epochs_run, "test_accuracy": accuracy, "history": history}
    if drawings:
        meta["drawings"] = drawings
    return run.RunOutcome(model, TrainResult(history, epochs_run - first, stopped), history, first, meta)


def finish(session, accuracy, **kwargs):
    """A run ends; its model is installed and its test accuracy measured: the session decides."""
    end = session.finish_run(outcome(session, accuracy=accuracy, **kwargs))
    install(session, end.info)
    accurate(session, accuracy)
    return session.decide()


def test_the_rules_need_neither_qt_nor_tensorflow():
    code = ("import sys, mnist_gui.session; "
            "print(sorted(m for m in ('PySide6', 'tensorflow', 'keras') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_run_is_refused_with_one_line_until_it_can_start(tmp_path):
    s = Session(DrawingStore(tmp_path))
    config = preset("mlp", epochs=2)
    with pytest.raises(SessionError, match="MNIST data is not loaded"):
        s.plan_new(config)
    s.dataset_loaded(data())
    with pytest.raises(SessionError, match="TensorFlow is still loading"):
        s.plan_new(config)
    s.backend_ready = True
    with pytest.raises(SessionError, match="batch"):
        s.plan_new(config.replace(batch_size=0))
    s.start_run(s.plan_new(config))
    with pytest.raises(SessionError, match="already running"):
        s.plan_new(config)


def test_the_plan_counts_the_images_core_run_trains_on(session):
    """The drawings' repeats are counted once, by the same rule core.run.train mixes them with."""
    rng = np.random.default_rng(1)
    for i in range(7):
        session.drawings.add(rng.integers(0, 255, (28, 28)).astype(np.float32), i % 10)
    request = session.plan_new(preset("mlp", epochs=3, batch_size=64), train_size=500, drawings_share=0.2)
    x, y = session.drawings.arrays()
    mixed, _ = mix(session.data.x_train[:500], session.data.y_train[:500], x, y, 0.2)
    plan = request.plan
    assert plan.n_train == len(mixed) > 500 and plan.total_batches == -(-len(mixed) // 64)
    assert (plan.first_epoch, plan.epochs, plan.end_epoch) == (0, 3, 3) and not plan.continued
    assert request.run_args["drawings_share"] == 0.2 and not request.continues
    assert "drawings" not in session.plan_new(preset("mlp"), drawings_share=None).run_args


def test_train_more_continues_an_app_model_with_its_own_settings(session):
    config = preset("mlp", epochs=2, batch_size=32)
    meta = {"epochs_run": 2, "history": {"loss": [1.0, 0.5]}}
    install(session, ModelInfo("m", session.next_version(), preset="mlp", config=config.to_dict(), epoch=2,
                               metadata=meta))
    request = session.plan_more(3, preset("mlp", batch_size=128, learning_rate=5.0))
    plan = request.plan
    assert (plan.first_epoch, plan.epochs, plan.end_epoch) == (2, 3, 5) and plan.continued
    # What it is stays (its own learning rate); how it trains may change (the batch size).
    assert plan.config.batch_size == 128 and plan.config.learning_rate == config.learning_rate
    assert request.continues and request.keep_optimizer and request.prior["epochs_run"] == 2


def test_train_more_on_a_foreign_model_compiles_it_afresh_with_the_given_settings(session):
    install(session, ModelInfo("theirs", session.next_version(), path="/m.keras", metadata={"config": "garbage"}))
    request = session.plan_more(1, preset("mlp", learning_rate=0.5))
    assert not request.keep_optimizer and request.plan.config.learning_rate == 0.5
    assert request.plan.first_epoch == 0


def test_train_more_and_fine_tune_need_a_model_and_fine_tune_needs_drawings(session):
    with pytest.raises(SessionError, match="no model"):
        session.plan_more(1)
    install(session, ModelInfo("m", session.next_version(), preset="mlp", config=preset("mlp").to_dict(),
                               test_accuracy=0.9))
    with pytest.raises(SessionError, match="label a few"):
        session.plan_fine_tune()


def test_fine_tune_plans_a_gentle_run_holding_drawings_back(session):
    config = preset("mlp", learning_rate=0.1, schedule="cosine")
    install(session, ModelInfo("m", session.next_version(), preset="mlp", config=config.to_dict(),
                               test_accuracy=0.95, epoch=4))
    for i in range(20):
        session.drawings.add(np.full((28, 28), 10.0 * i, np.float32), i % 10)
    request = session.plan_fine_tune()
    c = request.plan.config
    assert c.learning_rate == pytest.approx(0.1 * run.FINE_TUNE_LR_SCALE) and c.schedule == "constant"
    assert request.plan.epochs == run.FINE_TUNE_EPOCHS and request.train_size == run.FINE_TUNE_MNIST
    taught, held = len(request.run_args["drawings"][1]), len(request.run_args["held_out"][1])
    assert taught + held == 20 and held > 0 and request.run_args["freeze_batch_norm"]
    assert (request.fine_tune.taught, request.fine_tune.held_out, request.fine_tune.mnist_before) == (taught, held, 0.95)


@pytest.mark.parametrize("new, keep_new", [(0.93, True), (0.90, False)])
def test_after_a_run_the_better_model_is_kept_and_one_click_switches(session, new, keep_new):
    install(session, ModelInfo("before", session.next_version(), test_accuracy=0.91))
    accurate(session, 0.91)
    session.start_run(session.plan_new(preset("mlp", epochs=2)))
    result, swap = finish(session, new)
    assert result.using_new is keep_new and swap is (not keep_new)
    assert result.previous.name == "before" and result.new.test_accuracy == pytest.approx(new)
    assert session.choose(not keep_new) and session.outcome.using_new is (not keep_new)
    assert not session.choose(not keep_new)  # already so
    session.start_run(session.plan_new(preset("mlp")))
    assert session.outcome is None and not session.choose(keep_new)  # a new run ends the choice


def test_the_first_model_has_nothing_to_be_compared_with(session):
    session.start_run(session.plan_new(preset("mlp", epochs=1)))
    assert finish(session, 0.5) == (None, False) and session.outcome is None


def test_a_fine_tuned_model_is_kept_even_worse_and_a_large_fall_is_said(session):
    install(session, ModelInfo("m", session.next_version(), preset="mlp", config=preset("mlp").to_dict(),
                               test_accuracy=0.95))
    accurate(session, 0.95)
    for i in range(10):
        session.drawings.add(np.full((28, 28), 20.0 * i, np.float32), i)
    session.start_run(session.plan_fine_tune())
    result, swap = finish(session, 0.90, drawings={"held_out_before": 0.5, "held_out_after": 1.0})
    f = result.fine_tune
    assert result.using_new and not swap
    assert (f.held_out_before, f.held_out_after, f.mnist_before, f.mnist_after) == (0.5, 1.0, 0.95, 0.9)
    assert f.mnist_dropped and "Fine-tuning cost 5.00 points" in result.message
    assert not (result.fine_tune.__class__(1, 1, 0.95, 0.95 - run.MNIST_DROP_LIMIT / 2).mnist_dropped)


def test_a_run_that_failed_or_left_no_model_brings_the_previous_one_back(session):
    install(session, ModelInfo("before", session.next_version(), test_accuracy=0.9))
    session.start_run(session.plan_new(preset("mlp")))
    message, restore = session.fail_run("Out of memory.")
    assert restore and message == "Out of memory. The previous model is kept." and session.run is None
    session.start_run(session.plan_new(preset("mlp")))
    end = session.finish_run(outcome(session, model=None))
    assert end.info is None and "diverged" in end.message and session.run is None


def test_a_run_stopped_before_it_began_leaves_the_model_from_before_and_no_choice(session):
    install(session, ModelInfo("before", session.next_version(), test_accuracy=0.9))
    session.start_run(session.plan_new(preset("mlp")))
    end = session.finish_run(run.RunOutcome.nothing_trained())
    assert end.info is None and end.message == "" and end.stopped and end.history is None
    assert session.run is None and session.decide() == (None, False)


def test_epochs_of_a_run_are_new_versions_named_after_the_run(session):
    install(session, ModelInfo("mine", session.next_version(), preset="mlp", config=preset("mlp").to_dict()))
    session.start_run(session.plan_more(2))
    info = session.epoch_info(0, {"val_accuracy": 0.8})
    assert info.training and info.name == "mine (training)" and info.epoch == 1 and info.test_accuracy == 0.8
    assert install(session, info).version == info.version
    assert session.installed(session.epoch_info(1, {}))[1] == "Training: epoch 2 of 2 done"


def test_the_fast_start_hands_over_once_under_its_version(session):
    meta = {"test_accuracy": 0.99, "epochs_run": 5, "preset": "cnn"}
    fast = session.fast_start_info("/m/cnn.keras", (meta, None))
    assert session.installed(fast)[1].endswith("(fast start: LiteRT while TensorFlow loads)")
    accurate(session, 0.99)
    kept = session.test_predictions
    info = session.opening_info("/m/cnn.keras", lambda path: pytest.fail("the sidecar is read once"))
    assert info.version == fast.version and not info.fast_start and info.test_accuracy == 0.99
    install(session, info)
    assert session.test_predictions is kept  # same model, same predictions
    again = session.opening_info("/m/cnn.keras", lambda path: (meta, None))
    assert again.version > fast.version


def test_a_damaged_sidecar_gives_no_numbers_it_does_not_have_and_says_so():
    info = ModelInfo.from_sidecar("/x/m.keras", 3, {"test_accuracy": "abc", "epochs_run": 2.5, "config": [1],
                                                    "preset": 7, "drawn_accuracy": True})
    assert (info.test_accuracy, info.epoch, info.config, info.preset, info.drawn_accuracy) == (None, None, {}, None, None)
    assert info.name == "m" and info.path == "/x/m.keras" and info.note == ""
    damaged = ModelInfo.from_sidecar("/x/m.keras", 4, {}, "ignoring the damaged sidecar of m.keras: not JSON")
    assert "sidecar was damaged" in damaged.note


def test_a_save_records_what_the_app_knows(session):
    install(session, ModelInfo("run", session.next_version(), preset="mlp", config={"a": 1}, test_accuracy=0.9,
                               epoch=3, metadata={"history": {"loss": [1.0]}}))
    record = session.save_record("/out/final.keras")
    assert record == {"history": {"loss": [1.0]}, "name": "final", "preset": "mlp", "config": {"a": 1},
                      "test_accuracy": 0.9, "epochs_run": 3}


def test_drawing_predictions_for_an_older_model_or_store_are_dropped(session):
    install(session, ModelInfo("m", session.next_version()))
    session.drawings.add(np.zeros((28, 28), np.float32), 3)
    images, key = session.drawings_batch()
    assert images.shape == (64, 28, 28)  # padded: one compile per power of two
    session.drawings_changed()
    assert not session.drawings_predicted(key, np.eye(10)[[3] * 64])
    images, key = session.drawings_batch()
    assert session.drawings_predicted(key, np.eye(10)[[3] * 64]) and len(session.drawing_predictions.labels) == 1
