"""Explain this (issue 30 part 2): what a control, chart or view is, what it does to the model, with
its live values. Data only, Qt-free: key -> title, a text template with named live values and the
Learn step it links to. The UI (ui/explain.py) translates title and template under ``CONTEXT``
(marked for pyside6-lupdate with ``QT_TRANSLATE_NOOP``), then fills the names with values it
formats from the widgets and the service's state. A name it has no value for reads "–".
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from .learn_steps import QT_TRANSLATE_NOOP, STEP_BY_ID

CONTEXT = "Explanations"
MISSING = "–"


@dataclass(frozen=True)
class Explanation:
    title: str
    text: str   # a template: {name} is a live value
    step: str   # the Learn step it links to


def _e(title: str, text: str, step: str) -> Explanation:
    return Explanation(title, text, step)


EXPLANATIONS: dict[str, Explanation] = {
    # ---- the Training form -------------------------------------------------------------------
    "preset": _e(QT_TRANSLATE_NOOP("Explanations", "Preset"),
                 QT_TRANSLATE_NOOP("Explanations",
                                   "Which network to build: {value}. The Seed DNN is exactly the notebook's "
                                   "network and settings; MLP lets you change every setting; the CNN reads "
                                   "shapes wherever they are and reads drawings best. Train builds a new "
                                   "network of this kind, starting from random weights."),
                 "build"),
    "hidden": _e(QT_TRANSLATE_NOOP("Explanations", "Hidden layers"),
                 QT_TRANSLATE_NOOP("Explanations",
                                   "The sizes of the Dense layers between the 784 pixels and the 10 answers: "
                                   "{value}. More or wider layers can learn more, but take longer and can "
                                   "learn the training pictures by heart (overfitting). This network has "
                                   "{weights} weights to learn."),
                 "build"),
    "activation": _e(QT_TRANSLATE_NOOP("Explanations", "Activation"),
                     QT_TRANSLATE_NOOP("Explanations",
                                       "What each hidden unit does with its weighted sum: {value}. sigmoid "
                                       "squeezes it into 0..1 (the notebook's; it learns slowly when units "
                                       "saturate at 0 or 1); relu keeps positive sums and zeroes the rest "
                                       "(quick to learn, the usual choice today)."),
                     "build"),
    "dropout": _e(QT_TRANSLATE_NOOP("Explanations", "Dropout"),
                  QT_TRANSLATE_NOOP("Explanations",
                                    "While training, each hidden unit is switched off at random with this "
                                    "probability: {value}. The network cannot rely on any single unit, which "
                                    "fights overfitting. 0 means no dropout; predictions always use every "
                                    "unit."),
                  "build"),
    "optimizer": _e(QT_TRANSLATE_NOOP("Explanations", "Optimizer"),
                    QT_TRANSLATE_NOOP("Explanations",
                                      "How the weights move to lower the loss: {value}. SGD moves each weight "
                                      "against its gradient by the learning rate (the notebook's); Adam gives "
                                      "each weight its own step size from its recent gradients and usually "
                                      "needs a smaller rate, such as 0.001."),
                    "compile"),
    "learning_rate": _e(QT_TRANSLATE_NOOP("Explanations", "Learning rate"),
                        QT_TRANSLATE_NOOP("Explanations",
                                          "learning rate {value}: each step moves every weight by {lr_percent} "
                                          "of its gradient. Too high and the loss jumps around or grows; too "
                                          "low and it falls very slowly. {loss_trend}"),
                        "compile"),
    "momentum": _e(QT_TRANSLATE_NOOP("Explanations", "Momentum"),
                   QT_TRANSLATE_NOOP("Explanations",
                                     "SGD with momentum {value}: each step keeps this share of the previous "
                                     "step's direction, like a ball rolling downhill, so the weights move "
                                     "faster along steady slopes and jitter less. 0 is plain SGD; 0.9 is "
                                     "common."),
                   "compile"),
    "weight_decay": _e(QT_TRANSLATE_NOOP("Explanations", "Weight decay"),
                       QT_TRANSLATE_NOOP("Explanations",
                                         "Each step shrinks every weight a little toward 0: {value}. Small "
                                         "weights make a smoother network that overfits less. 0 means none."),
                       "compile"),
    "schedule": _e(QT_TRANSLATE_NOOP("Explanations", "Learning-rate schedule"),
                   QT_TRANSLATE_NOOP("Explanations",
                                     "How the learning rate ({lr}) changes during the run: {value}. Big steps "
                                     "early learn fast; small steps late settle the weights. Step decay "
                                     "multiplies it every epoch, cosine lowers it smoothly to 0, one-cycle "
                                     "first raises then lowers it."),
                   "compile"),
    "lr_decay": _e(QT_TRANSLATE_NOOP("Explanations", "Decay per epoch"),
                   QT_TRANSLATE_NOOP("Explanations",
                                     "With step decay the learning rate is multiplied by {value} after every "
                                     "epoch."),
                   "compile"),
    "epochs": _e(QT_TRANSLATE_NOOP("Explanations", "Epochs"),
                 QT_TRANSLATE_NOOP("Explanations",
                                   "How many times training goes through all the training pictures: {value}. "
                                   "The notebook ran 50; a few are enough to see it learn. More epochs learn "
                                   "more until the test accuracy stops rising (then it starts to overfit). "
                                   "This model has had {epochs_done} epochs."),
                 "train"),
    "batch_size": _e(QT_TRANSLATE_NOOP("Explanations", "Batch size"),
                     QT_TRANSLATE_NOOP("Explanations",
                                       "How many pictures each step looks at before moving the weights: "
                                       "{value}, so one epoch of {train_images} pictures is {batches} steps. "
                                       "Small batches make many noisy steps; big ones fewer, steadier, faster "
                                       "steps."),
                     "train"),
    "augment": _e(QT_TRANSLATE_NOOP("Explanations", "Augment"),
                  QT_TRANSLATE_NOOP("Explanations",
                                    "Augmentation is {value}. When on, training sees randomly rotated, sheared, "
                                    "resized, shifted, thicker or thinner copies of the pictures, as people "
                                    "draw them, so the model reads real handwriting better. The saved model "
                                    "is unchanged."),
                  "augment"),
    "train_size": _e(QT_TRANSLATE_NOOP("Explanations", "Training images"),
                     QT_TRANSLATE_NOOP("Explanations",
                                       "Train on the first {value} of the 60,000 training pictures. Fewer "
                                       "train faster and learn less: try 1,000 and compare the test "
                                       "accuracy."),
                     "train"),
    "fine_tune": _e(QT_TRANSLATE_NOOP("Explanations", "Fine-tune"),
                    QT_TRANSLATE_NOOP("Explanations",
                                      "A few short epochs of the current model on its training pictures mixed "
                                      "with your labelled drawings ({drawings} so far), so it learns your "
                                      "handwriting without forgetting MNIST."),
                    "teach"),
    # ---- training charts and log --------------------------------------------------------------
    "loss_chart": _e(QT_TRANSLATE_NOOP("Explanations", "Loss chart"),
                     QT_TRANSLATE_NOOP("Explanations",
                                       "The loss after each epoch: how far the ten probabilities are from the "
                                       "one-hot labels, on the training pictures (loss) and on the test "
                                       "pictures (val_loss). Lower is better. Last epoch: loss {loss}, "
                                       "val_loss {val_loss}. {loss_trend} If val_loss rises while loss falls, "
                                       "the model is learning the training pictures by heart."),
                     "train"),
    "accuracy_chart": _e(QT_TRANSLATE_NOOP("Explanations", "Accuracy chart"),
                         QT_TRANSLATE_NOOP("Explanations",
                                           "The share of pictures read right after each epoch, on the training "
                                           "pictures (accuracy) and on the test pictures (val_accuracy). Last "
                                           "epoch: {accuracy} and {val_accuracy}. A growing gap between the "
                                           "two is overfitting."),
                         "train"),
    "epoch_log": _e(QT_TRANSLATE_NOOP("Explanations", "Epoch log"),
                    QT_TRANSLATE_NOOP("Explanations",
                                      "One line per epoch with the numbers the charts draw, as Keras prints "
                                      "them with verbose=2: loss, accuracy, val_loss, val_accuracy. "
                                      "{epochs_logged} epochs so far in this run."),
                    "train"),
    # ---- the Gallery --------------------------------------------------------------------------
    "gallery_grid": _e(QT_TRANSLATE_NOOP("Explanations", "Gallery"),
                       QT_TRANSLATE_NOOP("Explanations",
                                         "Test pictures with their labels and the model's reading; misreads "
                                         "are marked. The current model, {model}, reads {test_accuracy} of the "
                                         "10,000 test pictures right. Click one to see its ten "
                                         "probabilities."),
                       "look"),
    "confusion_matrix": _e(QT_TRANSLATE_NOOP("Explanations", "Confusion matrix"),
                           QT_TRANSLATE_NOOP("Explanations",
                                             "Rows are the true digits, columns what the model read. The "
                                             "diagonal is right; every other cell counts one kind of mistake "
                                             "(a 4 read as 9). {model} reads {test_accuracy} right. Click a "
                                             "cell to show those pictures."),
                           "evaluate"),
    # ---- the Draw Pad -------------------------------------------------------------------------
    "draw_canvas": _e(QT_TRANSLATE_NOOP("Explanations", "Drawing pad"),
                      QT_TRANSLATE_NOOP("Explanations",
                                        "Draw a digit with the mouse. It is shrunk to 28×28 grey pixels and "
                                        "centred like MNIST's pictures, then {model} predicts it as you draw."),
                      "predict"),
    "probability_bars": _e(QT_TRANSLATE_NOOP("Explanations", "Probability bars"),
                           QT_TRANSLATE_NOOP("Explanations",
                                             "The model's ten outputs (softmax): one probability per digit, "
                                             "adding up to 100%. The answer is the longest bar: {prediction}. "
                                             "Training pulls these toward the one-hot label."),
                           "onehot"),
    "not_sure": _e(QT_TRANSLATE_NOOP("Explanations", "Not sure"),
                   QT_TRANSLATE_NOOP("Explanations",
                                     "When the top probability is below {unsure_below}, the pad says \"not "
                                     "sure\" and names the two likeliest digits instead of guessing. Now: "
                                     "{message}"),
                   "predict"),
    "draw_labels": _e(QT_TRANSLATE_NOOP("Explanations", "It is a…"),
                      QT_TRANSLATE_NOOP("Explanations",
                                        "Tell the app which digit you drew: the drawing joins My drawings with "
                                        "that label ({drawings} so far). Fine-tune then teaches the model your "
                                        "handwriting."),
                      "teach"),
    # ---- Inside -------------------------------------------------------------------------------
    "inside_layers": _e(QT_TRANSLATE_NOOP("Explanations", "Layer by layer"),
                        QT_TRANSLATE_NOOP("Explanations",
                                          "What each layer of {model} outputs for the current picture: the "
                                          "numbers one layer hands to the next, down to the ten "
                                          "probabilities."),
                        "inside"),
    "inside_why": _e(QT_TRANSLATE_NOOP("Explanations", "Why this answer"),
                     QT_TRANSLATE_NOOP("Explanations",
                                       "Which pixels pushed the model toward its answer (warm) or away from it "
                                       "(cool), measured by integrated gradients or by covering parts of the "
                                       "picture (occlusion)."),
                     "inside"),
    "inside_learned": _e(QT_TRANSLATE_NOOP("Explanations", "What it learned"),
                         QT_TRANSLATE_NOOP("Explanations",
                                           "The first layer's weights drawn as pictures (what each unit looks "
                                           "for), the test pictures that excite a unit most, and how the "
                                           "weights are spread."),
                         "inside"),
    "inside_map": _e(QT_TRANSLATE_NOOP("Explanations", "The map"),
                     QT_TRANSLATE_NOOP("Explanations",
                                       "Every test picture placed by how the network's last hidden layer sees "
                                       "it: digits it tells apart form separate clouds; overlapping clouds are "
                                       "the digits it confuses."),
                     "inside"),
    "inside_network": _e(QT_TRANSLATE_NOOP("Explanations", "The network at work"),
                         QT_TRANSLATE_NOOP("Explanations",
                                           "The units of each layer lighting up for the current picture. Click "
                                           "a unit to see what it responds to, and switch it off to see what "
                                           "the network loses (on a copy; never saved)."),
                         "inside"),
    "inside_data": _e(QT_TRANSLATE_NOOP("Explanations", "The data"),
                      QT_TRANSLATE_NOOP("Explanations",
                                        "The dataset itself: how many pictures of each digit, the average "
                                        "picture of each, and the pixels' values, as the network receives "
                                        "them."),
                      "data"),
    # ---- Robustness ---------------------------------------------------------------------------
    "robustness_slider": _e(QT_TRANSLATE_NOOP("Explanations", "Spoil the test pictures"),
                            QT_TRANSLATE_NOOP("Explanations",
                                              "{axis}: {value}. Every test picture is changed this much and "
                                              "the model reads them again. {robust_accuracy} It was trained on "
                                              "clean pictures, so big changes make it fail unless augmentation "
                                              "showed it such changes."),
                            "robustness"),
    "confidence_threshold": _e(QT_TRANSLATE_NOOP("Explanations", "Confidence threshold"),
                               QT_TRANSLATE_NOOP("Explanations",
                                                 "The model answers only when its top probability is at least "
                                                 "{value}; below that it says \"not sure\". Raising it answers "
                                                 "fewer pictures with fewer mistakes."),
                               "robustness"),
    "robustness_curves": _e(QT_TRANSLATE_NOOP("Explanations", "Robustness curves"),
                            QT_TRANSLATE_NOOP("Explanations",
                                              "The test accuracy against how strongly the pictures are "
                                              "spoiled ({value}): the flatter the curve, the more robust the "
                                              "model. Pin a model to compare the next one with it."),
                            "robustness"),
}


def unknown_steps() -> list[str]:
    """Keys whose Learn step does not exist (none: a test checks)."""
    return [key for key, e in EXPLANATIONS.items() if e.step not in STEP_BY_ID]


class _Values(dict):
    def __missing__(self, key):
        return MISSING


def fill(template: str, values: dict) -> str:
    """``template`` with its {names} from ``values``; a missing one reads "–", a stray brace stays."""
    try:
        return string.Formatter().vformat(template, (), _Values(values))
    except (ValueError, IndexError, KeyError):  # a translation with a broken brace
        return template


def names(template: str) -> set[str]:
    """The live values a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
