"""The Robustness view's core: distortions of the test set, the jobs the model thread runs, and
coverage at a confidence threshold (core/robustness.py, no Qt, no TensorFlow)."""

import numpy as np
import pytest

from mnist_gui.core import robustness as rb
from mnist_gui.core.preprocess import centre_of_mass


def centroid_model(x, y):
    """Nearest centroid, softly: a real (if weak) model of real digits, in numpy."""
    x = np.asarray(x, np.float64).reshape(len(x), -1) / 255
    centres = np.stack([x[y == d].mean(axis=0) for d in range(10)])

    def predict(images):
        z = -((np.asarray(images, np.float64).reshape(len(images), -1)[:, None, :] / 255 - centres) ** 2).sum(-1) / 4
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
    return predict


@pytest.fixture(scope="module")
def sample(mnist):
    return rb.Sample.of(mnist.x_test, mnist.y_test, n=300)


@pytest.fixture(scope="module")
def model(mnist):
    return rb.Model("current", "centroids", centroid_model(mnist.x_train[:3000], mnist.y_train[:3000]))


def test_zero_distortions_leave_the_images_as_they_are(sample):
    x = sample.images.astype(np.float32)
    for out in (rb.add_noise(x, 0), rb.warp(x, 0, 0), rb.thicken(x, 0)):
        np.testing.assert_array_equal(out, x)
    assert rb.Distortion().is_identity() and not rb.Distortion(noise=1).is_identity()
    np.testing.assert_array_equal(rb.run(rb.distort(sample, rb.Distortion())), x)
    # A tiny turn moves pixels by a tiny amount, not by a pixel (the sampling is centred right).
    assert np.abs(rb.warp(x, 0.01) - x).max() < 255 * np.radians(0.01) * 20


def test_a_quarter_turn_is_numpys_rot90_about_the_centre_of_mass(sample):
    x = sample.images[:20].astype(np.float32)
    turned = rb.warp(x, 90)
    # Anticlockwise about pixel (14, 14), where rot90 turns about (13.5, 13.5): one row apart.
    np.testing.assert_allclose(turned[:, 1:, :], np.rot90(x, 1, axes=(1, 2))[:, :-1, :], atol=1e-3)


def test_rotation_keeps_the_ink_and_its_centre_and_turns_the_digit(sample):
    x = sample.images[:50].astype(np.float32)
    for angle in (-30, 15, 45):
        out = rb.warp(x, angle)
        assert np.allclose(out.sum(axis=(1, 2)), x.sum(axis=(1, 2)), rtol=0.06)
        com = np.array([centre_of_mass(o) for o in out])
        assert np.abs(com - 14).max() < 1.5
    # A "1" (one upright stroke) turned anticlockwise leans left: its top moves left of its bottom.
    one = sample.images[sample.labels == 1][:10].astype(np.float32)
    tilt = lambda imgs: np.mean([centre_of_mass(i[:10])[1] - centre_of_mass(i[18:])[1] for i in imgs])
    assert tilt(rb.warp(one, 30)) < tilt(one) - 3
    assert tilt(rb.warp(one, shear=0.5)) > tilt(one) + 3   # slanted right


def test_thickness_changes_the_ink_steadily_and_in_the_right_direction(sample):
    x = sample.images[:100].astype(np.float32)
    mass = [rb.thicken(x, t).sum() for t in (-1.5, -1, -0.5, 0, 0.25, 0.5, 1, 1.5, 2, 3)]
    assert all(a < b for a, b in zip(mass, mass[1:]))
    line = np.zeros((1, 28, 28), np.float32)
    line[0, 5:20, 14] = 255
    assert (rb.thicken(line, 1)[0, 10] == 255).sum() == 3      # a 1-px line becomes 3 px wide
    assert (rb.thicken(line, 2)[0, 10] == 255).sum() == 5
    assert rb.thicken(line, -1).max() == 0                     # and thinning takes it away
    assert rb.thicken(x, 3).max() <= 255 and rb.thicken(x, -1).min() >= 0


def test_noise_is_gaussian_of_the_given_sigma_and_the_same_every_time():
    grey = np.full((50, 28, 28), 128, np.float32)
    a, b = rb.add_noise(grey, 20), rb.add_noise(grey, 20)
    np.testing.assert_array_equal(a, b)
    assert 19 < (a - grey).std() < 21 and abs((a - grey).mean()) < 0.5
    np.testing.assert_allclose(rb.add_noise(grey, 10) - grey, (a - grey) / 2, atol=1e-3)  # one pattern, scaled
    assert rb.add_noise(grey, 200).min() == 0 and rb.add_noise(grey, 200).max() == 255


def test_the_sample_is_fixed_by_its_seed(mnist):
    a, b = rb.Sample.of(mnist.x_test, mnist.y_test), rb.Sample.of(mnist.x_test, mnist.y_test)
    assert len(a) == rb.SAMPLE_SIZE
    np.testing.assert_array_equal(a.indices, b.indices)
    np.testing.assert_array_equal(a.images, mnist.x_test[a.indices])
    np.testing.assert_array_equal(a.labels, mnist.y_test[a.indices])
    assert len(set(a.labels.tolist())) == 10


def test_mouse_drawings_are_made_once_per_level_repeatably_and_stray_more_with_the_level(mnist):
    small = rb.Sample.of(mnist.x_test, mnist.y_test, n=24)
    job = small.base(1.0)
    steps = 0
    with pytest.raises(StopIteration) as done:
        while True:
            next(job)
            steps += 1
    full = done.value.value
    assert steps == -(-24 // rb.DRAW_CHUNK)                # in steps: the model thread gets breaks
    assert full.shape == (24, 28, 28) and full.dtype == np.uint8
    assert small.has_drawn(1.0) and rb.run(small.base(1.0)) is full   # kept, not made again
    again = rb.Sample.of(mnist.x_test, mnist.y_test, n=24)
    np.testing.assert_array_equal(rb.run(again.base(1.0)), full)
    assert rb.run(small.base(0)) is small.images
    # Redrawn, not the MNIST scan; at level ¼ nearer the original than at level 1 (less slant, shear, wobble).
    quarter = rb.run(small.base(0.25))
    assert not np.array_equal(quarter, small.images)
    likeness = lambda imgs: np.mean([np.corrcoef(a.ravel(), b.ravel())[0, 1] for a, b in zip(imgs, small.images)])
    assert likeness(quarter) > likeness(full) + 0.05
    assert rb.drawn_style(0.25)["rotation"] == 15 * 0.25 and rb.drawn_style(1)["height"] == (1 / 3, 0.95)


def test_a_samples_pen_paths_are_made_once_and_give_the_drawings_made_without_them(mnist, monkeypatch):
    """The skeletons (most of a drawing's work) do not depend on the level: kept from the first
    level drawn, the next level's drawings are those drawn from scratch, and no skeleton is redone."""
    from mnist_gui.core import drawn

    small = rb.Sample.of(mnist.x_test, mnist.y_test, n=24)
    rb.run(small.base(1.0))
    made = []
    monkeypatch.setattr(drawn, "skeleton", lambda *a, **k: made.append(1))
    half = rb.run(small.base(0.5))
    assert made == []
    monkeypatch.undo()
    scratch = rb.run(rb.draw_images(small.images, 0.5, labels=small.labels))
    np.testing.assert_array_equal(half, scratch)
    canvas = drawn.draw(small.images[3], np.random.default_rng(5), label=small.labels[3])
    path = drawn.pen_path(small.images[3], small.labels[3])
    np.testing.assert_array_equal(drawn.draw_path(path, np.random.default_rng(5)), canvas)


def test_evaluate_gives_each_models_answers_on_the_spoilt_images(sample, model):
    other = rb.Model("other", "untrained", lambda x: np.full((len(x), 10), 0.1, np.float32))
    job = rb.compute("evaluate", [model, other], sample=sample, distortion=rb.Distortion(rotation=20, noise=30))
    result = rb.run(job)
    expected = rb.run(rb.distort(sample, rb.Distortion(rotation=20, noise=30)))
    np.testing.assert_array_equal(result.images, np.clip(np.rint(expected), 0, 255).astype(np.uint8))
    np.testing.assert_allclose(result.probabilities["current"], model.predict(expected), rtol=1e-6)
    assert result.accuracy() == pytest.approx(np.mean(model.predict(expected).argmax(1) == sample.labels))
    assert result.names == {"current": "centroids", "other": "untrained"}
    assert result.accuracy("other") == pytest.approx(np.mean(sample.labels == 0))  # argmax of a tie: 0
    clean = rb.run(rb.evaluate(sample, rb.Distortion(), [model]))
    assert clean.accuracy() > result.accuracy() and clean.accuracy() > 0.7


def test_curves_start_from_the_clean_accuracy_and_fall_with_the_distortion(sample, model):
    job = rb.compute("curves", [model], sample=sample, first="rotation")
    partial = []
    with pytest.raises(StopIteration) as done:
        while True:
            step = next(job)
            if step is not None:
                partial.append(step)
    result = done.value.value
    assert result.complete and not partial[0].complete
    assert len(partial[0].points("current", "rotation")) == 1          # the asked-for curve first
    assert partial[0].points("current", "noise") == []
    assert len(partial) == sum(len(a.curve) for a in rb.AXES)
    clean = rb.run(rb.evaluate(sample, rb.Distortion(), [model])).accuracy()
    for axis in rb.AXES:
        points = dict(result.points("current", axis.name))
        assert points[0] == pytest.approx(clean)                         # every curve passes through 0
    rotation = dict(result.points("current", "rotation"))
    assert rotation[60] < rotation[30] < clean and rotation[-60] < rotation[-30] < clean
    noise = dict(result.points("current", "noise"))
    assert noise[160] < clean


def test_a_kept_models_curve_points_are_measured_once_even_across_superseded_jobs(sample, model):
    """The model from before a run does not change while the run's epochs supersede each curves
    job: its points, kept in the memo, are neither lost with a stopped job nor measured again."""
    calls = []

    def counting(images):
        calls.append(len(images))
        return model.predict(images)

    kept = rb.Model("other", "before the run", counting)
    memo = {"other": {}}
    job = rb.compute("curves", [model, kept], sample=sample, first="noise", memo=memo)
    for step in job:  # stop (superseded) after the first three points
        if step is not None and len(step.points("other", "noise")) == 3:
            break
    measured = len(calls)
    assert measured > 0 and np.count_nonzero(~np.isnan(memo["other"]["noise"])) == 3
    calls.clear()
    result = rb.run(rb.compute("curves", [model, kept], sample=sample, first="noise", memo=memo))
    total = sum(len(a.curve) for a in rb.AXES)
    assert sum(calls) == (total - 3) * len(sample)            # only the points not yet measured
    fresh = rb.run(rb.compute("curves", [model, rb.Model("other", "again", model.predict)], sample=sample))
    for axis in rb.AXES:
        np.testing.assert_allclose(result.points("other", axis.name), fresh.points("other", axis.name))
    calls.clear()
    rb.run(rb.compute("curves", [model, kept], sample=sample, memo=memo))
    assert calls == []                                        # all known: the kept model is not asked


def six_answers():
    """Confidences .995 (right), .999 (wrong), .9 (right), .8 (wrong), .6 (right), .3 (right)."""
    p = np.zeros((6, 10))
    labels = np.array([1, 2, 3, 4, 5, 6])
    for i, (conf, predicted) in enumerate([(.995, 1), (.999, 0), (.9, 3), (.8, 0), (.6, 5), (.3, 6)]):
        p[i] = (1 - conf) / 9
        p[i, predicted] = conf
    return p, labels


def test_coverage_and_accuracy_on_the_answered_part_on_a_known_set():
    p, labels = six_answers()
    c = rb.coverage(p, labels, 0.85)
    assert (c.total, c.answered, c.answered_right, c.errors, c.confident_errors) == (6, 3, 2, 2, 1)
    assert c.coverage == pytest.approx(0.5) and c.accuracy == pytest.approx(2 / 3)
    everything = rb.coverage(p, labels, 0.0)
    assert everything.coverage == 1 and everything.accuracy == pytest.approx(4 / 6)
    nothing = rb.coverage(p, labels, 1.0)
    assert nothing.answered == 0 and np.isnan(nothing.accuracy)
    assert rb.coverage(p, labels, 0.5, confident=0.75).confident_errors == 2


def test_the_coverage_curve_is_coverage_at_every_threshold():
    # The six answers, and an empty set: the curve is what coverage() says at each point.
    p, labels = six_answers()
    coverage, accuracy = rb.coverage_curve(p, labels)
    assert coverage.shape == accuracy.shape == rb.THRESHOLDS.shape == (101,)
    for t, cov, acc in zip(rb.THRESHOLDS, coverage, accuracy):
        c = rb.coverage(p, labels, t)
        assert cov == pytest.approx(c.coverage)
        assert acc == pytest.approx(c.accuracy, nan_ok=True)
    assert coverage[0] == 1 and accuracy[0] == pytest.approx(4 / 6) and coverage[-1] == 0 and np.isnan(accuracy[-1])
    coverage, accuracy = rb.coverage_curve(p, labels, [0.85])
    assert coverage.tolist() == [0.5] and accuracy == pytest.approx([2 / 3])
    coverage, accuracy = rb.coverage_curve(np.zeros((0, 10)), np.zeros(0, int), [0.0, 0.5])
    assert np.isnan(coverage).all() and np.isnan(accuracy).all()


def test_a_distortion_as_text():
    assert rb.AXIS["rotation"].format(-15) == "-15°" and rb.AXIS["rotation"].format(0) == "0°"
    assert rb.AXIS["drawn"].format(0) == "MNIST image" and rb.AXIS["drawn"].format(0.5) == "50% drawing"
    assert rb.AXIS["thickness"].format(1.5) == "+1.5 px" and rb.AXIS["noise"].format(40) == "40"
    for axis in rb.AXES:
        assert 0 in axis.curve and axis.low <= min(axis.curve) and max(axis.curve) <= axis.high
