"""The coach on real short runs (real TensorFlow, small slices of MNIST, one epoch each): a rate too
high, saturated sigmoids and dead ReLUs are found from the run's own history and the health stats
measured as the app measures them; and, end to end through the service, a learning rate changed
mid-run reaches the optimizer and the model's sidecar."""

import json

import pytest

from mnist_gui.core import coach, run
from mnist_gui.core.health import HealthMonitor
from mnist_gui.core.models import PRESETS, preset


def short_run(mnist, config, images=1000):
    """One run as the Training tab's runs it (health measured at each epoch end), and the coach's hints."""
    monitor, healths = {}, []

    class Progress:
        def on_batch(self, epoch, done, total, logs):
            pass

        def on_epoch(self, epoch, logs, weights):
            healths.append(monitor["m"].measure(epoch))

    outcome = run.train(config, mnist, train_size=images, progress=Progress(), fast=False,
                        on_model=lambda m: monitor.setdefault("m", HealthMonitor(m, mnist.x_train, mnist.y_train)))
    state = coach.RunState(learning_rate=config.learning_rate, optimizer=config.optimizer, preset=config.preset,
                           planned_epochs=config.epochs, running=False, diverged=outcome.diverged,
                           editable=PRESETS[config.preset].editable)
    health = healths[-1] if healths else None
    return coach.advise(outcome.result.history, state, health), health


def hint(hints, kind):
    return next(h for h in hints if h.kind == kind)


def test_the_seed_dnn_at_rate_5_is_too_high_and_saturates(mnist):
    hints, health = short_run(mnist, preset("seed", epochs=1, learning_rate=5.0))
    high = hint(hints, "lr_too_high")
    assert high.evidence["reason"] == "chance" and high.evidence["accuracy"] < 0.2
    assert high.fix == coach.SWITCH_CNN  # the notebook's rate is fixed: the CNN is the way out
    saturated = hint(hints, "saturated")
    assert saturated.evidence["share"] >= coach.SATURATED_SHARE
    assert health["layers"][-1]["saturated"] is None  # the output layer is not judged


def test_an_mlp_at_rate_5_diverges_and_the_coach_says_lower_the_rate(mnist):
    hints, _ = short_run(mnist, preset("mlp", epochs=1, optimizer="sgd", learning_rate=5.0))
    high = hint(hints, "lr_too_high")
    assert high.evidence["reason"] == "nan" and (high.fix, high.fix_value) == (coach.LOWER_LR, 1.7)


def test_sigmoids_saturate_at_a_big_rate(mnist):
    hints, health = short_run(mnist, preset("mlp", epochs=1, optimizer="sgd", activation="sigmoid",
                                            learning_rate=5.0))
    saturated = hint(hints, "saturated")
    assert saturated.evidence["activation"] == "sigmoid" and saturated.evidence["share"] > 0.5
    layer = next(layer for layer in health["layers"] if layer["name"] == saturated.evidence["layer"])
    assert layer["saturated"] == saturated.evidence["share"]


def test_relus_die_at_a_big_rate(mnist):
    hints, health = short_run(mnist, preset("mlp", epochs=1, optimizer="sgd", learning_rate=1.0))
    dead = hint(hints, "dead_relu")
    assert dead.evidence["share"] >= coach.DEAD_SHARE and dead.fix == coach.LOWER_LR
    # The same network at Adam's usual rate keeps its units alive.
    calm, health = short_run(mnist, preset("mlp", epochs=1))
    assert "dead_relu" not in [h.kind for h in calm]
    assert all((layer["dead"] or 0) < coach.DEAD_SHARE for layer in health["layers"])


def test_a_rate_changed_mid_run_reaches_the_optimizer_and_the_sidecar(qtbot, service, tmp_path):
    import keras

    healths, changes = [], []
    service.health_ready.connect(lambda epoch, stats: healths.append(stats))
    service.settings_changed.connect(changes.append)
    asked = []

    def after_first_epoch(epoch, logs):
        if epoch == 0 and not asked:
            asked.append(service.change_settings(learning_rate=0.01))

    service.epoch_finished.connect(after_first_epoch)
    with qtbot.waitSignal(service.training_finished, timeout=120_000):
        # An epoch of 250 steps: the change, asked for at the first epoch's end, reaches the training
        # process while the second epoch still runs (32 steps were over in ~0.1 s, before it).
        assert service.start_training(preset("mlp", epochs=2, batch_size=16), train_size=4000)
    assert asked == [True] and changes == [{"epoch": 2, "learning_rate": 0.01}]
    assert [h["epoch"] for h in healths] == [1, 2] and healths[0]["layers"][0]["units"] == 256
    assert healths[0]["images"] == 128
    qtbot.waitUntil(lambda: service.model_info is not None and not service.model_info.training
                    and not service.busy, timeout=30_000)
    model = service.host.worker.model
    assert float(model.optimizer.learning_rate.numpy()) == pytest.approx(0.01)
    path = tmp_path / "changed.keras"
    with qtbot.waitSignal(service.model_saved, timeout=30_000):
        service.save_model(path)
    sidecar = json.loads((tmp_path / "changed.keras.json").read_text())
    assert sidecar["changes"] == [{"epoch": 2, "learning_rate": 0.01}]
    assert sidecar["config"]["learning_rate"] == 0.001  # the run's own setting stays as it started
    loaded = keras.models.load_model(path, safe_mode=True)
    assert float(loaded.optimizer.learning_rate.numpy()) == pytest.approx(0.01)


def test_augmentation_switched_off_from_the_next_epoch(mnist):
    from mnist_gui.core.live import LiveSettings

    config = preset("mlp", epochs=2, augment=True)
    live = LiveSettings(config)

    class Progress:
        def on_batch(self, epoch, done, total, logs):
            pass

        def on_epoch(self, epoch, logs, weights):
            if epoch == 0:
                live.request(augment=False)

    outcome = run.train(config, mnist, train_size=500, progress=Progress(), live=live)
    assert outcome.metadata["changes"] == [{"epoch": 2, "augment": False}]
    assert not bool(live.switch.numpy())
    # A dense run started without augmentation runs as compiled chunks: it cannot switch it on.
    assert LiveSettings(preset("mlp")).augment_switch() is None


def test_a_damaged_changes_record_is_dropped_from_the_sidecar():
    from mnist_gui.core import sidecar

    kept, dropped = sidecar.clean({"changes": [{"epoch": 2, "learning_rate": 0.01}]})
    assert kept["changes"] == [{"epoch": 2, "learning_rate": 0.01}] and not dropped
    kept, dropped = sidecar.clean({"changes": "lr 0.01"})
    assert "changes" not in kept and dropped[0].startswith("changes")
