"""The Learn steps and the explanations as data (Qt-free), and that lupdate extracts their texts."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mnist_gui.core import explanations as ex
from mnist_gui.core import learn_steps as ls

ROOT = Path(__file__).resolve().parents[1]


def test_the_steps_follow_the_notebook_then_go_onward():
    assert ls.STEP_IDS[:9] == ("data", "look", "onehot", "build", "compile", "train", "evaluate", "save", "predict")
    assert {"cnn", "augment", "inside", "robustness", "teach", "code"} <= set(ls.STEP_IDS[9:])
    assert len(set(ls.STEP_IDS)) == len(ls.STEPS)
    for step in ls.STEPS:
        assert step.title and len(step.text) > 100 and step.action and step.action_label, step.id


def test_the_build_and_train_code_is_the_seed_dnns():
    build = ls.STEP_BY_ID["build"].code
    for line in ("layers.Reshape((784,))", "layers.BatchNormalization()", 'Dense(200, activation="sigmoid")',
                 'Dense(30, activation="sigmoid")', 'Dense(10, activation="softmax")'):
        assert line in build
    assert "SGD(learning_rate=0.03)" in ls.STEP_BY_ID["compile"].code
    assert '"categorical_crossentropy"' in ls.STEP_BY_ID["compile"].code
    train = ls.STEP_BY_ID["train"].code
    assert "batch_size=32" in train and "epochs=50" in train and "validation_data=(x_test" in train
    assert "mnist_dnn_v1" in ls.STEP_BY_ID["save"].code


def test_explanations_fill_their_live_values_and_survive_broken_templates():
    text = ex.fill(ex.EXPLANATIONS["learning_rate"].text, {"value": "0.03", "lr_percent": "3%"})
    assert text.startswith("learning rate 0.03: each step moves every weight by 3% of its gradient")
    assert text.endswith(ex.MISSING)  # no history value given
    assert ex.fill("a {broken", {}) == "a {broken"
    assert ex.names(ex.EXPLANATIONS["schedule"].text) == {"lr", "value"}
    assert not ex.unknown_steps()


def _lupdate() -> str | None:
    return shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")


@pytest.mark.skipif(_lupdate() is None, reason="pyside6-lupdate is not installed")
def test_lupdate_extracts_every_step_and_explanation(tmp_path):
    ts = tmp_path / "out.ts"
    files = [str(ROOT / "mnist_gui/core" / name) for name in ("learn_steps.py", "explanations.py")]
    subprocess.run([_lupdate(), *files, "-ts", str(ts)], check=True, capture_output=True, timeout=120)
    import xml.etree.ElementTree as ET

    found = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(ts).getroot().iter("context")
             for m in c.iter("message")}
    for step in ls.STEPS:
        for text in (step.title, step.text, step.action_label):
            assert (ls.CONTEXT, text) in found, text
    for e in ex.EXPLANATIONS.values():
        assert (ex.CONTEXT, e.title) in found and (ex.CONTEXT, e.text) in found, e.title
