"""core.inside on real Keras models: layer outputs, attribution, the map, switching units off, data."""

import numpy as np
import pytest

from mnist_gui.core import inside
from mnist_gui.core.models import build_model, preset


@pytest.fixture(scope="module")
def cnn():
    return build_model(preset("cnn"))


def test_layer_outputs_are_the_models_own_intermediate_outputs(trained_mlp_model, cnn, mnist):
    import keras

    image = mnist.x_test[7].astype(np.float32)
    for model in (trained_mlp_model, cnn):
        out = inside.layer_outputs(model, image)
        assert [layer.name for layer in out.layers] == [
            layer.name for layer in model.layers if type(layer).__name__ not in inside._PASS_THROUGH]
        for shown in out.layers:
            own = keras.Model(model.inputs, model.get_layer(shown.name).output)(image[None]).numpy()[0]
            np.testing.assert_allclose(shown.values, own, rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(out.probabilities, model(image[None]).numpy()[0], rtol=1e-5, atol=1e-6)
        assert out.penultimate.shape == (model.layers[-1].input.shape[-1],)


def test_layer_pictures_colour_each_value_where_hovering_finds_it(cnn, mnist):
    """Every picture's pixel at a place is the colour of the value hovering there reports."""
    from mnist_gui.core import pictures

    out = inside.layer_outputs(cnn, mnist.x_test[3], width=700)
    laid = out.pictures
    assert laid.width == 700 and [r.mode for r in laid.rows][-1] == "bars"
    assert len(laid.rows) == len(out.layers) + 1  # the input, then every shown layer
    rng = np.random.default_rng(0)
    for row in laid.rows[:-1]:
        x0, y0, w, h = row.rect
        assert x0 + w <= 700 - 12 and row.pixels.shape[1] * (w // row.pixels.shape[1]) == w
        values = np.asarray(row.values, np.float32)
        for _ in range(20):
            px, py = int(rng.integers(0, w)), int(rng.integers(0, h))
            if row.mode == "maps":
                fh, fw, scale, per_row, gap = row.grid
                cx, cy = px // scale, py // scale
                if cx % (fw + gap) >= fw or cy % (fh + gap) >= fh:
                    continue  # the gap between maps
                ch = (cy // (fh + gap)) * per_row + cx // (fw + gap)
                if ch >= values.shape[2]:
                    continue
                value, lo, hi = values[cy % (fh + gap), cx % (fw + gap), ch], values.min(), values.max()
                pixel = row.pixels[cy, cx]
            else:
                rows_, cols, cw, chh, _ = row.grid
                r, c = py // chh, px // cw
                flat = values.reshape(-1)
                if r * cols + c >= flat.size:
                    continue
                value = flat[r * cols + c]
                lo, hi = ((0.0, 255.0) if row.kind == "Input" else (flat.min(), flat.max())) \
                    if row.mode == "square" else (min(flat.min(), 0), flat.max())
                pixel = row.pixels[r, c]
            expected = pictures.sequential32(np.array([(value - lo) / max(hi - lo, 1e-9)]))[0]
            assert pixel == expected


def test_dense_layer_outputs_follow_from_the_weights_by_hand(trained_mlp_model, mnist):
    """The MLP's layers recomputed in numpy from its weights: BatchNormalization, then ReLU layers."""
    model, image = trained_mlp_model, mnist.x_test[0].astype(np.float32)
    out = inside.layer_outputs(model, image)
    bn = model.layers[1]
    gamma, beta, mean, var = (w.numpy() for w in (bn.gamma, bn.beta, bn.moving_mean, bn.moving_variance))
    x = (image.ravel() - mean) / np.sqrt(var + bn.epsilon) * gamma + beta
    np.testing.assert_allclose(out.layers[0].values, x, rtol=1e-4, atol=1e-4)
    for shown, layer in zip(out.layers[1:-1], model.layers[2:-1]):
        x = np.maximum(x @ layer.kernel.numpy() + layer.bias.numpy(), 0)
        np.testing.assert_allclose(shown.values, x, rtol=1e-3, atol=1e-4)


@pytest.mark.parametrize("method", inside.METHODS)
def test_attribution_sees_the_ink_and_depends_on_the_weights(trained_mlp_model, mnist, method):
    import keras

    image = mnist.x_test[3].astype(np.float32)
    result = inside.attribution(trained_mlp_model, image, method)
    probs = trained_mlp_model(image[None]).numpy()[0]
    assert result.targets == tuple(int(d) for d in np.argsort(-probs)[:2])
    assert result.maps.shape == (2, 28, 28)
    answer = result.maps[0]
    # A pixel far from any ink (a corner: every occluding patch there covers only background).
    far = np.zeros((28, 28), bool)
    far[:3, :3] = True
    assert image[far].max() == 0
    assert np.abs(answer[far]).max() <= 1e-3 * np.abs(answer).max()
    if method == "integrated_gradients":
        assert np.all(answer[image == 0] == 0)  # the gradient times a black pixel
    # The same model with random weights explains the image differently.
    randomised = keras.models.clone_model(trained_mlp_model)
    randomised.set_weights([np.random.default_rng(1).normal(0, 0.1, w.shape).astype(np.float32)
                            if w.ndim == 2 else w for w in trained_mlp_model.get_weights()])
    other = inside.attribution(randomised, image, method, targets=result.targets).maps[0]
    assert np.corrcoef(answer.ravel(), other.ravel())[0, 1] < 0.5


def test_integrated_gradients_add_up_to_the_change_in_score(trained_mlp_model, mnist):
    """Completeness: the map sums to the logit's change from a black image (up to the path's steps)."""
    import keras

    model, image = trained_mlp_model, mnist.x_test[1].astype(np.float32)
    result = inside.attribution(model, image, "integrated_gradients")
    last = model.layers[-1]
    pen = keras.Model(model.inputs, last.input)
    logit = lambda x: (pen(x[None]).numpy()[0] @ last.kernel.numpy() + last.bias.numpy())[result.targets[0]]
    change = logit(image) - logit(np.zeros_like(image))
    assert result.maps[0].sum() == pytest.approx(change, rel=0.05)


def test_deletion_curve_falls_faster_for_the_attribution_than_for_random_pixels(trained_mlp_model, mnist):
    model, image = trained_mlp_model, mnist.x_test[0].astype(np.float32)
    result = inside.attribution(model, image)
    curve = inside.deletion_curve(model, image, result.maps[0], result.targets[0])
    rand = inside.deletion_curve(model, image, np.random.default_rng(0).random((28, 28)), result.targets[0])
    assert curve[0] == pytest.approx(result.probabilities[result.targets[0]], abs=1e-5)
    assert curve.mean() < rand.mean()


def test_map_points_are_the_test_images_in_order(trained_mlp_model, mnist):
    images = mnist.x_test[:600]
    emb = inside.embedding(trained_mlp_model, images)
    assert emb.points.shape == (600, 2)
    np.testing.assert_array_equal(emb.predicted, trained_mlp_model(images).numpy().argmax(axis=1))
    for i in (0, 123, 599):  # the point at i is image i, projected as the tab projects an input
        pen = inside.layer_outputs(trained_mlp_model, images[i]).penultimate
        np.testing.assert_allclose((pen - emb.mean) @ emb.components.T, emb.points[i], rtol=1e-3, atol=1e-3)
    assert 0 < emb.explained.sum() <= 1


def test_switching_units_off_is_an_experiment_that_leaves_the_weights_as_they_were(trained_mlp_model, mnist):
    model = trained_mlp_model
    before = [w.copy() for w in model.get_weights()]
    first = [layer for layer in model.layers if type(layer).__name__ == "Dense"][0]
    image = mnist.x_test[0]
    net = inside.network(model, image, k=8)
    strongest = [(first.name, int(u)) for u in net.layers[0]["units"]]
    result = inside.knockout(model, image, strongest, mnist.x_test[:1000], mnist.y_test[:1000])
    assert result["accuracy"] != result["accuracy_before"]
    for w, b in zip(model.get_weights(), before):
        np.testing.assert_array_equal(w, b)
    off_net = inside.network(model, image, k=8, off=strongest)
    assert np.all(off_net.edges[0] == 0)  # switched-off units send nothing
    assert not np.allclose(off_net.probabilities, net.probabilities)
    with pytest.raises(inside.InsideError):
        inside.knockout(model, image, [(first.name, 10_000)], mnist.x_test[:10], mnist.y_test[:10])
    for w, b in zip(model.get_weights(), before):
        np.testing.assert_array_equal(w, b)


def test_network_view_refuses_a_cnn(cnn, mnist):
    with pytest.raises(inside.InsideError, match="dense models"):
        inside.network(cnn, mnist.x_test[0])


def test_first_layer_weights_strongest_first(trained_mlp_model, cnn):
    w = inside.first_layer_weights(trained_mlp_model, max_tiles=16)
    kernel = trained_mlp_model.layers[2].kernel.numpy()
    norms = np.linalg.norm(kernel, axis=0)
    np.testing.assert_array_equal(w["units"], np.argsort(-norms, kind="stable")[:16])
    np.testing.assert_allclose(w["tiles"][0], kernel[:, w["units"][0]].reshape(28, 28))
    first_conv = next(layer for layer in cnn.layers if type(layer).__name__ == "Conv2D")
    assert inside.first_layer_weights(cnn)["tiles"].shape == (first_conv.filters, 3, 3) == (24, 3, 3)


def test_top_images_excite_the_unit_most(trained_mlp_model, mnist):
    import keras

    images = mnist.x_test[:500]
    layer = trained_mlp_model.layers[2]
    top = inside.top_images(trained_mlp_model, images, layer.name, 5, k=4)
    acts = keras.Model(trained_mlp_model.inputs, layer.output)(images).numpy()[:, 5]
    np.testing.assert_array_equal(top["indices"], np.argsort(-acts, kind="stable")[:4])


def test_data_stats(mnist):
    x, y = mnist.x_train[:3000], mnist.y_train[:3000]
    stats = inside.compute("data", None, x_train=x, y_train=y, x_test=mnist.x_test[:100], y_test=mnist.y_test[:100])
    np.testing.assert_array_equal(stats["train_counts"], np.bincount(y, minlength=10))
    np.testing.assert_allclose(stats["means"][4], x[y == 4].mean(axis=0), rtol=1e-5)
    counts, edges = stats["histogram"]
    assert counts.sum() == x.size  # counted in slices of HISTOGRAM_SLICE images: none lost or twice
    np.testing.assert_array_equal(counts, np.histogram(x, bins=edges)[0])


def test_compute_without_a_model_says_so():
    with pytest.raises(inside.InsideError, match="no model"):
        inside.compute("layers", None, image=np.zeros((28, 28)))


def test_an_inspected_model_can_be_freed(mnist):
    """Every model the Inside tab looked at used to stay in memory, with its compiled calls."""
    import gc
    import weakref

    model = build_model(preset("mlp", hidden=(16,)))
    inside.layer_outputs(model, mnist.x_test[0])
    inside.embedding(model, mnist.x_test[:100])
    gone = weakref.ref(model)
    del model
    gc.collect()
    assert gone() is None
