"""The Robustness tab on the fake service: real core.robustness jobs on a numpy model, real MNIST."""

import numpy as np
import pytest
from fake_host import trained_model
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage

from mnist_gui.core import robustness as rb
from mnist_gui.core.models import PRESETS
from mnist_gui.ui.charts import ChartError
from mnist_gui.ui.robustness_tab import CONFIDENCE, RobustnessTab

SAMPLE = 60  # a small sample keeps the mouse drawings (a few ms a digit) quick


@pytest.fixture
def tab(qtbot, service_with_model):
    widget = RobustnessTab(service_with_model, sample_size=SAMPLE)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    return widget


def evaluated(qtbot, tab, timeout=10_000):
    qtbot.waitUntil(lambda: not tab._requests["evaluate"].busy and not tab._requests["evaluate"].waiting
                    and tab.evaluation is not None, timeout=timeout)
    return tab.evaluation


def expected_accuracy(service, sample, distortion):
    images = rb.run(rb.distort(sample, distortion))
    return float(np.mean(service.predict(images).argmax(1) == sample.labels))


def test_shown_it_reads_the_fixed_sample_and_lists_the_misread_most_confident_first(qtbot, tab, service_with_model):
    tab.show()
    e = evaluated(qtbot, tab)
    sample = tab.sample
    assert len(sample) == SAMPLE and f"{SAMPLE:,} test images" in tab.state_label.text()
    np.testing.assert_array_equal(sample.images, service_with_model.data.x_test[sample.indices])
    accuracy = expected_accuracy(service_with_model, sample, rb.Distortion())
    assert e.accuracy() == pytest.approx(accuracy) and 0.6 < accuracy < 0.95
    assert f"Accuracy {accuracy:.1%}" in tab.accuracy_label.text()
    p = service_with_model.predict(sample.images)
    wrong = np.flatnonzero(p.argmax(1) != sample.labels)
    model = tab.misread_model
    assert model.rowCount() == len(wrong) and f"{len(wrong):,} of {SAMPLE:,}" in tab.misread_label.text()
    shown = [p[np.searchsorted(sample.indices, model.test_index(r))].max() for r in range(model.rowCount())]
    assert shown == sorted(shown, reverse=True)
    first = model.test_index(0)
    true, predicted = service_with_model.data.y_test[first], p[np.searchsorted(sample.indices, first)].argmax()
    assert model.texts()[0].startswith(f"{true}→{predicted} ")
    for row in (0, model.rowCount() - 1):  # the tooltip names the runner-up too
        probs = p[np.searchsorted(sample.indices, model.test_index(row))]
        first_two = np.argsort(-probs)[:2]
        tip = model.data(model.index(row), Qt.ItemDataRole.ToolTipRole)
        assert f"read as {first_two[0]} ({probs[first_two[0]]:.1%}), then {first_two[1]} ({probs[first_two[1]]:.1%})" in tip
    assert model.data(model.index(0), Qt.ItemDataRole.WhatsThisRole) is None


def test_nothing_is_computed_while_hidden_and_without_a_model(qtbot, service):
    widget = RobustnessTab(service, sample_size=SAMPLE)
    qtbot.addWidget(widget)
    asked = []
    request = service.request_robustness
    service.request_robustness = lambda kind, **args: asked.append(kind) or request(kind, **args)
    widget.show()
    assert "No model yet" in widget.state_label.text() and asked == []
    widget.hide()
    with qtbot.waitSignal(service.test_predictions_ready):
        service.use_model(trained_model(service.data), "centroids")
    assert asked == []
    widget.show()  # now it asks
    assert sorted(asked) == ["curves", "evaluate"] and all(r.busy for r in widget._requests.values())


def test_slider_moves_coalesce_and_the_last_setting_is_the_one_shown(qtbot, tab, service_with_model):
    tab.show()
    evaluated(qtbot, tab)
    sent = []
    request = service_with_model.request_robustness
    service_with_model.request_robustness = lambda kind, **args: sent.append((kind, args)) or request(kind, **args)
    for angle in range(1, 41):  # a drag: 40 moves before the event loop runs again
        tab.sliders["rotation"].setValue(tab._position(rb.AXIS["rotation"], angle))
    tab.sliders["noise"].setValue(tab._position(rb.AXIS["noise"], 40))
    e = evaluated(qtbot, tab)
    evaluations = [args["distortion"] for kind, args in sent if kind == "evaluate"]
    assert len(evaluations) == 2                       # the first move's, then only the newest
    assert evaluations[-1] == rb.Distortion(rotation=40, noise=40) == e.distortion == tab.distortion()
    assert e.accuracy() == pytest.approx(expected_accuracy(service_with_model, tab.sample, e.distortion))
    assert tab.value_labels["rotation"].text() == "+40°" and tab.value_labels["noise"].text() == "40"
    assert tab.curve_combo.currentData() == "noise"   # the chart follows the slider last moved
    tab.reset()
    assert tab.distortion().is_identity() and tab.curve_combo.currentData() == "noise"
    assert evaluated(qtbot, tab).distortion.is_identity()


def test_an_answer_for_a_model_since_replaced_is_followed_by_one_for_the_new_model(qtbot, tab, service_with_model):
    tab.show()
    evaluated(qtbot, tab)
    tab.set_distortion(thickness=1)
    assert tab._requests["evaluate"].busy
    untrained = trained_model(service_with_model.data)
    untrained.weights = untrained.weights[:, ::-1].copy()  # answers the wrong digit, mostly
    untrained._raw_weights = untrained.weights / 255
    with qtbot.waitSignal(service_with_model.test_predictions_ready):
        service_with_model.use_model(untrained, "scrambled")
    e = evaluated(qtbot, tab)
    assert e.names["current"] == "scrambled" and e.distortion == rb.Distortion(thickness=1)
    assert e.accuracy() == pytest.approx(expected_accuracy(service_with_model, tab.sample, e.distortion))
    assert "scrambled" in tab.accuracy_label.text()


def test_the_threshold_shows_coverage_accuracy_on_the_answered_part_and_confident_errors(qtbot, tab):
    tab.show()
    e = evaluated(qtbot, tab)
    p = e.probabilities["current"]
    for value in (0, 50, 90):
        tab.threshold_slider.setValue(value)
        c = tab.coverage()
        answered = p.max(1) >= value / 100
        assert c.answered == answered.sum() and c.coverage == pytest.approx(answered.mean())
        assert c.accuracy == pytest.approx(np.mean(p.argmax(1)[answered] == e.labels[answered]))
        assert f"Answers {c.coverage:.1%} of the images ({c.answered:,} of {SAMPLE:,}), " \
               f"{c.accuracy:.1%} of those right." == tab.coverage_label.text()
    wrong = p.argmax(1) != e.labels
    assert f"Errors: {wrong.sum():,} in all, {(wrong & (p.max(1) >= 0.99)).sum():,} of them very confident" \
        in tab.errors_label.text()
    assert tab.misread_view.text_fits()  # each caption whole in its cell (the layout checks ask too)
    tab.misread_view.setIconSize(QSize(56, 56))  # Qt elides a caption wider than the icon
    assert not tab.misread_view.text_fits()
    assert tab.coverage().accuracy > rb.coverage(p, e.labels, 0).accuracy  # answering less, right more often
    # The misread ones below the threshold are greyed ("not sure"), the others not.
    model = tab.misread_model
    greyed = [model.data(model.index(r), Qt.ItemDataRole.ForegroundRole) is not None for r in range(model.rowCount())]
    below = sorted(p.max(1)[wrong], reverse=True) < np.float32(0.9)
    assert greyed == list(below)
    tab.curve_combo.setCurrentIndex(tab.curve_combo.findData(CONFIDENCE))
    coverage = dict(tab.chart.points("current"))
    assert coverage[0] == 100 and coverage[0.9] == pytest.approx(100 * tab.coverage().coverage)


def test_curves_for_every_distortion_then_pinned_and_compared_with_the_previous_model(qtbot, tab, service_with_model,
                                                                                      tmp_path):
    service = service_with_model
    tab.show()
    with pytest.raises(ChartError, match="no curve"):
        tab.save_chart(tmp_path / "c.png")
    qtbot.waitUntil(lambda: tab.curves is not None and tab.curves.complete, timeout=60_000)
    clean = expected_accuracy(service, tab.sample, rb.Distortion())
    for axis in rb.AXES:
        points = dict(tab.curves.points("current", axis.name))
        assert list(points) == list(axis.curve) and points[0] == pytest.approx(clean)
    tab.curve_combo.setCurrentIndex(tab.curve_combo.findData("rotation"))
    shown = tab.chart.points("current")
    assert shown == [(x, pytest.approx(100 * y)) for x, y in tab.curves.points("current", "rotation")]
    assert tab.chart.points("other") == [] and tab.chart.points("pinned") == []
    tab.save_chart(tmp_path / "c.png")
    assert not QImage(str(tmp_path / "c.png")).isNull()

    tab.toggle_pin()
    assert tab.pin_button.text() == "Un&pin reference"
    # A run: its model is compared with the one from before (the service keeps both).
    config = PRESETS["mlp"].defaults.replace(epochs=3)
    assert service.start_training(config)
    for _ in range(3):
        service.runner.end_epoch()
    with qtbot.waitSignal(service.training_outcome):
        service.runner.finish_training()
    qtbot.waitUntil(lambda: tab.curves is not None and tab.curves.complete and "other" in tab.curves.names
                    and not any(r.busy for r in tab._requests.values()), timeout=60_000)
    new, previous = service.outcome.new.name, service.outcome.previous.name
    current = new if service.outcome.using_new else previous
    assert tab.curves.names["current"] == current
    names = {k: tab.chart.series[k].name() for k in ("current", "other", "pinned")}
    assert names["pinned"] == "centroids (pinned)" and names["current"] == current
    assert "(previous)" in names["other"] or "(new, not in use)" in names["other"]
    assert tab.chart.points("pinned") == [(x, pytest.approx(100 * y)) for x, y in tab.pinned[1].points("current", "rotation")]
    assert "\n" in tab.accuracy_label.text()  # both models' accuracy
    tab.toggle_pin()
    assert tab.chart.points("pinned") == [] and tab.pinned is None


def test_double_clicking_a_misread_image_opens_its_original(qtbot, tab, service_with_model):
    tab.show()
    tab.set_distortion(rotation=45)
    evaluated(qtbot, tab)
    view = tab.misread_view
    index = tab.misread_model.index(2)
    with qtbot.waitSignal(tab.open_in_gallery) as opened:
        view.activated.emit(index)
    test_index = opened.args[0]
    assert test_index in tab.sample.indices
    assert tab.misread_model.texts()[2].startswith(f"{service_with_model.data.y_test[test_index]}→")


def test_curves_wait_parked_while_an_evaluation_runs_then_go_on(qtbot, service_with_model):
    """A slider move's evaluation goes first; the curves job takes no step meanwhile, and does not
    poll for its turn either (it did: one event a turn of the model thread's loop, a fifth of the
    widget tests' CPU time)."""
    service, host = service_with_model, service_with_model.host.worker
    sample = rb.Sample.of(service.data.x_test, service.data.y_test, 24)
    calls, events, while_evaluating = [], [], []
    real_step = host._step

    def counted_step(request_id, name, steps, version):  # on the model thread, as _evaluating changes
        kind = getattr(steps, "kind", None)
        calls.append(kind)
        if kind == "curves" and host._evaluating:
            while_evaluating.append(kind)
        return real_step(request_id, name, steps, version)

    host._step = counted_step  # the job's later steps are queued through the instance attribute
    curves = service.request_robustness("curves", sample=sample, first="rotation")
    curves.partial.connect(lambda *_: events.append(("curves part", calls.count("curves"))))
    curves.answered.connect(lambda *_: events.append(("curves", calls.count("curves"))))
    qtbot.waitUntil(lambda: bool(events), timeout=30_000)  # the curves are under way
    evaluation = service.request_robustness("evaluate", sample=sample, distortion=rb.Distortion(drawn=0.7))
    evaluation.answered.connect(lambda *_: events.append(("evaluate", calls.count("curves"))))
    evaluation.failed.connect(lambda _id, error: events.append(("failed", str(error))))
    qtbot.waitUntil(lambda: any(kind == "curves" for kind, _ in events), timeout=60_000)
    kinds = [kind for kind, _ in events]
    assert "failed" not in kinds and kinds.index("evaluate") < kinds.index("curves")
    parts_after = [n for kind, n in events[kinds.index("evaluate"):] if kind == "curves part"]
    # While the evaluation ran, the curves' one step in flight came once and was parked: no step
    # taken, no polling. (Counted on the model thread: the UI thread's view of the curves' parts lags
    # it by however many steps the model thread took before the request reached it.)
    assert len(while_evaluating) <= 1, (events, calls.count("evaluate"))
    assert calls.count("evaluate") >= 3 and parts_after  # the evaluation took steps; the curves went on
