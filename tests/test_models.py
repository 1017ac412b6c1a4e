"""Model presets: the notebook's Seed DNN exactly, the editable MLP, the CNN."""

import numpy as np
import pytest

from mnist_gui.core.models import ONE_CYCLE_WARMUP, PRESETS, ConfigError, ModelConfig, build_model, one_hot, parse_hidden, preset


def _layer_summary(model):
    return [(type(layer).__name__, getattr(layer, "units", None),
             getattr(getattr(layer, "activation", None), "__name__", None)) for layer in model.layers]


def test_seed_dnn_is_the_notebooks_model():
    model = build_model(preset("seed"))
    assert _layer_summary(model) == [
        ("Reshape", None, None), ("BatchNormalization", None, None),
        ("Dense", 200, "sigmoid"), ("Dense", 100, "sigmoid"), ("Dense", 60, "sigmoid"),
        ("Dense", 30, "sigmoid"), ("Dense", 10, "softmax"),
    ]
    assert tuple(model.input_shape) == (None, 28, 28) and tuple(model.output_shape) == (None, 10)
    assert model.layers[0].target_shape == (784,)
    opt = model.optimizer
    assert type(opt).__name__ == "SGD" and float(opt.learning_rate.numpy()) == pytest.approx(0.03)
    assert model.loss == "categorical_crossentropy"
    config = preset("seed")
    assert (config.epochs, config.batch_size, config.seed) == (50, 32, 42)
    assert PRESETS["seed"].weight_average == 0  # the weights the notebook's last step leaves
    assert PRESETS["seed"].label_smoothing == 0  # and its one-hot targets


def test_same_config_gives_same_weights():
    a, b = build_model(preset("seed")), build_model(preset("seed"))
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_array_equal(wa, wb)


@pytest.mark.parametrize("name", ["seed", "mlp", "cnn"])
def test_every_preset_maps_images_to_ten_probabilities(name):
    model = build_model(preset(name))
    out = model(np.random.default_rng(0).integers(0, 256, (3, 28, 28)).astype("float32")).numpy()
    assert out.shape == (3, 10)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-5)


def test_mlp_is_configurable():
    model = build_model(preset("mlp", hidden=(64, 32, 16), activation="tanh", optimizer="sgd",
                               learning_rate=0.5))
    dense = [l for l in model.layers if type(l).__name__ == "Dense"]
    assert [l.units for l in dense] == [64, 32, 16, 10]
    assert dense[0].activation.__name__ == "tanh"
    assert type(model.optimizer).__name__ == "SGD"
    assert float(model.optimizer.learning_rate.numpy()) == pytest.approx(0.5)


def test_cnn_uses_convolutions():
    model = build_model(preset("cnn"))
    kinds = {type(l).__name__ for l in model.layers}
    assert {"Conv2D", "MaxPooling2D", "Rescaling"} <= kinds
    assert PRESETS["cnn"].weight_average == 0.99  # validated and kept: the weights' moving average


@pytest.mark.parametrize("text, expected", [("200,100,60,30", (200, 100, 60, 30)), (" 8 ; 4 ", (8, 4))])
def test_parse_hidden(text, expected):
    assert parse_hidden(text) == expected


@pytest.mark.parametrize("text", ["", "a,b", "10,0", "5000", "1.5"])
def test_parse_hidden_rejects(text):
    with pytest.raises(ConfigError, match="hidden"):
        parse_hidden(text)


@pytest.mark.parametrize("change, field", [
    (dict(learning_rate=0), "learning rate"), (dict(epochs=0), "epochs"), (dict(batch_size=0), "batch size"),
    (dict(activation="nope"), "activation"), (dict(optimizer="rmsprop"), "optimizer"),
    (dict(preset="big"), "preset"), (dict(hidden=()), "hidden"),
])
def test_config_validation_names_the_field(change, field):
    with pytest.raises(ConfigError, match=field):
        ModelConfig(**change).validate()


def test_config_round_trips_through_dict():
    config = preset("mlp", hidden=(7, 3))
    assert ModelConfig.from_dict(config.to_dict()) == config


def test_one_hot():
    np.testing.assert_array_equal(one_hot([2, 0]), [[0, 0, 1, 0, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]])


def test_one_cycle_rises_then_falls_to_almost_nothing():
    config = preset("cnn", learning_rate=0.01)
    assert config.schedule == "one_cycle"
    rates = [config.lr_at_step(s, 100) for s in range(100)]
    peak = int(np.argmax(rates))
    assert peak == round(100 * ONE_CYCLE_WARMUP) == 5 and rates[peak] == pytest.approx(0.01)
    assert rates[0] == pytest.approx(0.001) and rates[-1] < 0.0002
    assert all(a < b for a, b in zip(rates[:peak], rates[1:peak + 1]))
    assert all(a > b for a, b in zip(rates[peak:], rates[peak + 1:]))
