"""The Learn panel's steps: the notebook's path in our own words, then onward (issue 30 part 1).

Data only, Qt-free: each step's id, title, text, the few lines of Keras that do it (the Seed DNN's
code comes from codegen_parts, so it is the code File ▸ Export as code… writes) and the name of the
action the main window performs for its button. Titles, texts and button labels are marked with
``QT_TRANSLATE_NOOP`` so that pyside6-lupdate extracts them under ``CONTEXT``; the panel translates
them with ``QCoreApplication.translate(CONTEXT, text)``. The code is not translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import codegen_parts as parts
from .models import PRESETS

CONTEXT = "LearnSteps"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation in ``context``; returns it unchanged (the UI translates)."""
    return text


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    text: str
    code: str          # Keras lines; "" for a step without code
    action: str        # the main window's action for the step's button ("" for none)
    action_label: str  # the button's text


_SEED = PRESETS["seed"].defaults


def _cnn_layers() -> str:
    """The CNN preset's layers, as File ▸ Export as code… writes them."""
    lines = parts.build_model_code(PRESETS["cnn"].defaults).splitlines()
    start = next(i for i, line in enumerate(lines) if "inputs =" in line)
    end = next(i for i, line in enumerate(lines) if "outputs =" in line)
    return "\n".join(line.strip() for line in lines[start:end + 1])


STEPS: tuple[Step, ...] = (
    Step("data",
         QT_TRANSLATE_NOOP("LearnSteps", "1. The data"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "MNIST is 70,000 small pictures of handwritten digits: 60,000 to learn from (the "
                           "training set) and 10,000 kept aside to test on (the test set). Each picture is "
                           "28×28 pixels of grey, from 0 (black) to 255 (white), and comes with its label: "
                           "the digit it shows. Keras is a Python library for building and training neural "
                           "networks; its loader gives the four arrays in one line."),
         "(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()\n"
         "print(x_train.shape, y_train.shape)  # (60000, 28, 28) (60000,)",
         "show_data", QT_TRANSLATE_NOOP("LearnSteps", "Show the data")),
    Step("look",
         QT_TRANSLATE_NOOP("LearnSteps", "2. Looking at the images"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "Before training anything, look at the pictures: thick and thin strokes, slanted "
                           "sevens, open and closed fours. The Gallery shows the test images with their "
                           "labels; click one to see it large. The notebook drew them with matplotlib."),
         "import matplotlib.pyplot as plt\n"
         "for i in range(10):\n"
         "    plt.subplot(1, 10, i + 1)\n"
         "    plt.imshow(x_test[i], cmap=\"gray\")\n"
         "    plt.title(str(y_test[i]))\n"
         "plt.show()",
         "open_gallery", QT_TRANSLATE_NOOP("LearnSteps", "Open the Gallery")),
    Step("onehot",
         QT_TRANSLATE_NOOP("LearnSteps", "3. One-hot labels"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "The network answers with ten numbers, one probability per digit. To compare its "
                           "answer with the label, the label becomes ten numbers too: 1 at its digit, 0 "
                           "elsewhere (7 becomes 0,0,0,0,0,0,0,1,0,0). This is called one-hot. The Draw Pad's "
                           "ten bars are the model's ten numbers for your drawing."),
         "y_train_onehot = keras.utils.to_categorical(y_train, 10)\n"
         "y_test_onehot = keras.utils.to_categorical(y_test, 10)\n"
         "print(y_train[0], y_train_onehot[0])  # 5 [0. 0. 0. 0. 0. 1. 0. 0. 0. 0.]",
         "open_draw", QT_TRANSLATE_NOOP("LearnSteps", "Show the ten bars")),
    Step("build",
         QT_TRANSLATE_NOOP("LearnSteps", "4. Building the network, layer by layer"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "A network is a stack of layers; each turns numbers into other numbers. Reshape "
                           "lays the 28×28 picture out as one row of 784 pixels. BatchNormalization scales "
                           "them to a similar range, so no pixel dominates. Each Dense layer has weights from "
                           "every number before it to each of its units (200, then 100, 60, 30); sigmoid "
                           "squeezes each unit's sum into 0..1. The last Dense layer has 10 units and "
                           "softmax turns them into ten probabilities that add up to 1. In the app this is "
                           "the Seed DNN preset on the Training tab."),
         parts.build_model_code(_SEED).split("    optimizer =")[0].rstrip() + "\n    ...",
         "select_seed", QT_TRANSLATE_NOOP("LearnSteps", "Choose the Seed DNN")),
    Step("compile",
         QT_TRANSLATE_NOOP("LearnSteps", "5. Compiling: how it will learn"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "Compiling chooses three things. The loss: a number that is small when the ten "
                           "probabilities match the one-hot label (categorical cross-entropy). The "
                           "optimizer: how weights change to lower the loss; SGD (stochastic gradient "
                           "descent) moves each weight against its gradient by the learning rate, 0.03 of "
                           "it. The metric shown while training: accuracy, the share of digits read right. "
                           "Press F1 over any setting on the Training tab to see what it does."),
         f"optimizer = {parts.optimizer_code(_SEED).replace('LEARNING_RATE', repr(_SEED.learning_rate))}\n"
         "model.compile(optimizer=optimizer, loss=\"categorical_crossentropy\", metrics=[\"accuracy\"])",
         "show_learning_rate", QT_TRANSLATE_NOOP("LearnSteps", "Show the learning rate")),
    Step("train",
         QT_TRANSLATE_NOOP("LearnSteps", "6. Training"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "Training shows the network the 60,000 training pictures in batches of 32. After "
                           "each batch, every weight moves a little to lower that batch's loss. One pass "
                           "over all the pictures is an epoch; the notebook ran 50. After each epoch the "
                           "test pictures measure how well it does on digits it never learned from "
                           "(val_accuracy). This deep sigmoid network starts slowly: after 2 epochs it "
                           "reads about half the test digits, after 10 most of them, after 50 about 97%. Set "
                           "Epochs to 10 for a start (Train more adds epochs later). When the run ends, the "
                           "app keeps whichever model scores better; to use yours on the Draw Pad, press "
                           "\"Use new model\" under the result."),
         parts.train_code(_SEED).replace("epochs=epochs", f"epochs={_SEED.epochs}").replace("BATCH_SIZE",
                                                                                                str(_SEED.batch_size)),
         "start_training", QT_TRANSLATE_NOOP("LearnSteps", "Train it")),
    Step("evaluate",
         QT_TRANSLATE_NOOP("LearnSteps", "7. Evaluating"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "Evaluating runs the trained network on the 10,000 test pictures and counts how "
                           "many it reads right: the test accuracy in the status bar. The Gallery can show "
                           "only its mistakes, and its confusion matrix counts which digit was taken for "
                           "which (a 4 read as 9, a 7 read as 1)."),
         "loss, accuracy = model.evaluate(x_test, y_test_onehot, verbose=0)\n"
         "print(f\"test accuracy {accuracy:.2%}\")",
         "open_gallery", QT_TRANSLATE_NOOP("LearnSteps", "See its mistakes")),
    Step("save",
         QT_TRANSLATE_NOOP("LearnSteps", "8. Saving"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "Training is slow, using a trained network is quick: save it to a file and load "
                           "it back later. The notebook saved mnist_dnn_v1. A .keras file holds the layers, "
                           "the weights and the optimizer's state; the app also writes a small sidecar with "
                           "the settings and the accuracy."),
         "model.save(\"mnist_dnn_v1.keras\")\n"
         "model = keras.saving.load_model(\"mnist_dnn_v1.keras\")",
         "save_model", QT_TRANSLATE_NOOP("LearnSteps", "Save the model…")),
    Step("predict",
         QT_TRANSLATE_NOOP("LearnSteps", "9. Predicting"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "Predicting is giving the network new pictures and taking the likeliest of its "
                           "ten probabilities as the answer. Draw a digit on the Draw Pad: it predicts as "
                           "you draw (the status bar names the model in use). It reads a neat 7 well; now "
                           "write one quickly and slanted, as on paper: the Seed DNN learned from neat, "
                           "upright scans and can fail on such a 7 (\"not sure\", or another digit)."),
         "probabilities = model.predict(x_test[:10])\n"
         "print(probabilities.argmax(axis=1))  # the likeliest digit of each",
         "open_draw", QT_TRANSLATE_NOOP("LearnSteps", "Open the Draw Pad")),
    Step("cnn",
         QT_TRANSLATE_NOOP("LearnSteps", "10. Why a CNN reads drawings better"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "The Seed DNN sees 784 separate pixels: move a digit two pixels and, to it, it is "
                           "a different picture. A convolutional network (CNN) slides small 3×3 filters over "
                           "the picture, so a stroke or a corner is found wherever it is, and pooling makes "
                           "small shifts matter less. That is why it reads your drawings better. Choose the "
                           "CNN preset and train it for 1 epoch, then draw again."),
         _cnn_layers(),
         "select_cnn", QT_TRANSLATE_NOOP("LearnSteps", "Choose the CNN")),
    Step("augment",
         QT_TRANSLATE_NOOP("LearnSteps", "11. What augmentation does"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "People do not write like MNIST's scans: they slant, shrink, shift and thicken "
                           "their digits. Augmentation trains on randomly rotated, sheared, resized, shifted, "
                           "thicker or thinner copies of the training pictures, so the network learns that "
                           "these changes do not change the digit. The saved model is the same kind of "
                           "model; only what it learned from differs."),
         "for x_batch, y_batch in batches:\n"
         "    x_batch = augment(x_batch, rng)  # random rotation, shear, scale, shift, stroke width\n"
         "    model.train_on_batch(x_batch, y_batch)",
         "turn_on_augment", QT_TRANSLATE_NOOP("LearnSteps", "Turn augmentation on")),
    Step("inside",
         QT_TRANSLATE_NOOP("LearnSteps", "12. Inside the network"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "The Inside tab shows what each layer makes of a picture (Layer by layer), which "
                           "pixels pushed it to its answer (Why this answer), what single units respond to "
                           "(What it learned), where all test pictures land (The map) and the network's "
                           "units lighting up (The network at work). Switch a unit off and see what breaks."),
         "probe = keras.Model(model.inputs, [layer.output for layer in model.layers])\n"
         "activations = probe.predict(x_test[:1])",
         "open_inside", QT_TRANSLATE_NOOP("LearnSteps", "Open Inside")),
    Step("robustness",
         QT_TRANSLATE_NOOP("LearnSteps", "13. How robust it is"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "The Robustness tab spoils the test pictures on purpose (noise, blur, rotation, "
                           "shifts…) and shows how the accuracy falls: the curves. The confidence threshold "
                           "lets the model say \"not sure\" instead of guessing: fewer answers, fewer "
                           "mistakes. Compare the Seed DNN's curves with the CNN's."),
         "",
         "open_robustness", QT_TRANSLATE_NOOP("LearnSteps", "Open Robustness")),
    Step("teach",
         QT_TRANSLATE_NOOP("LearnSteps", "14. Teaching it your handwriting"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "When it misreads your 7, press 7 on the Draw Pad's \"It is a:\" row: the drawing "
                           "is kept in My drawings with the right label. Draw and label a few of each digit "
                           "it gets wrong (at least two drawings), then press Fine-tune (on the Training "
                           "tab, or the button below): a few short epochs on the model's own training "
                           "pictures mixed with yours. When it ends, choose \"Use new model\" if the app "
                           "kept the previous one, and draw the 7 again: it has learned your way of "
                           "writing it, as it learned MNIST's, from examples."),
         "x = np.concatenate([x_train, my_drawings])\n"
         "y = np.concatenate([y_train_onehot, my_labels_onehot])\n"
         "model.fit(x, y, epochs=2, batch_size=32)",
         "fine_tune", QT_TRANSLATE_NOOP("LearnSteps", "Fine-tune on my drawings")),
    Step("code",
         QT_TRANSLATE_NOOP("LearnSteps", "15. The run as code"),
         QT_TRANSLATE_NOOP("LearnSteps",
                           "Everything you did here is plain Keras. File ▸ Export as code… writes the current "
                           "model's run as a Python script or a Jupyter notebook: the same layers, settings "
                           "and seed, loading MNIST, training, evaluating and showing predictions. Run it "
                           "with python run.py --epochs 3."),
         "python run.py --epochs 3 --data mnist.npz\n# … test_accuracy=0.9xxx",
         "export_code", QT_TRANSLATE_NOOP("LearnSteps", "Export as code…")),
)

STEP_IDS = tuple(step.id for step in STEPS)
STEP_BY_ID = {step.id: step for step in STEPS}
ACTIONS = frozenset(step.action for step in STEPS if step.action)
