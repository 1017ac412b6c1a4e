"""The Gallery's lines in the user's language: the same words as core.gallery_selection's
test_set_line, drawings_line and GallerySelection.describe (which stay Qt-free, in English, for
the core's own users), with numbers through QLocale."""

from __future__ import annotations

from ..i18n import translate
from .locale_format import integer, pct




def test_set_line(info, n_images, data_error, version, predictions_model_name) -> str:
    if n_images is None and data_error:
        return translate("GalleryTab", "⚠ The MNIST data is not available.\n{error}").format(error=data_error)
    if n_images is None:
        return translate("GalleryTab", "Loading the MNIST test images…")
    if info is None:
        return translate("GalleryTab", "No model yet: the images show their true labels only. Train a model or open a "
                              "model file to see its predictions.")
    if version is None:
        return translate("GalleryTab", "Predicting the {n} test images with {name}…").format(n=integer(n_images), name=info.name)
    if version != info.version and not (info.training and info.name == predictions_model_name):
        return translate("GalleryTab", "Predictions of {old}; updating for {name}…").format(old=predictions_model_name,
                                                                                  name=info.name)
    text = translate("GalleryTab", "Predictions of {name}").format(name=info.name)
    if info.test_accuracy is not None:
        text += translate("GalleryTab", ": {accuracy} of the test images right").format(accuracy=pct(info.test_accuracy, 2))
        if info.drawn_accuracy is not None:
            text += translate("GalleryTab", ", {accuracy} of mouse-style drawings").format(accuracy=pct(info.drawn_accuracy, 2))
    if info.training:
        text += translate("GalleryTab", " (training: refreshed at every epoch end)")
    return text


def drawings_line(info, n: int, folder, predicted: bool, right: int) -> str:
    if not n:
        return translate("GalleryTab", "My drawings: none yet. Draw digits on the Draw Pad and label them (0-9 keys, Enter "
                              "keeps the model's reading); they are kept and shown here.")
    text = translate("GalleryTab", "My drawings ({n}, kept in {folder})").format(n=n, folder=folder)
    if info is None:
        return text + translate("GalleryTab", ": no model yet to read them.")
    if not predicted:
        return text + translate("GalleryTab", ": reading them with {name}…").format(name=info.name)
    return text + translate("GalleryTab", ": {name} reads {right} of {n} right ({share})").format(
        name=info.name, right=right, n=n, share=pct(right / n, 1))


def filter_conditions(true_digit=None, predicted_digit=None, misclassified=False) -> list[str]:
    conditions = [translate("GalleryTab", "misclassified")] if misclassified else []
    if true_digit is not None:
        conditions.append(translate("GalleryTab", "true {digit}").format(digit=true_digit))
    if predicted_digit is not None:
        conditions.append(translate("GalleryTab", "predicted {digit}").format(digit=predicted_digit))
    return conditions


def describe(selection, capacity: int, drawings: bool, **filters) -> str:
    """GallerySelection.describe: what the filters pick, how many, and the page shown."""
    count = len(selection.order)
    conditions = filter_conditions(**filters)
    if conditions:
        noun = (translate("GalleryTab", "drawing") if count == 1 else translate("GalleryTab", "drawings")) if drawings else (
            translate("GalleryTab", "image") if count == 1 else translate("GalleryTab", "images"))
        text = translate("GalleryTab", "Showing {conditions}: {count} {noun}").format(
            conditions=" ".join(conditions), count=integer(count), noun=noun)
    elif drawings:
        text = translate("GalleryTab", "All {count} drawings").format(count=integer(count))
    else:
        text = translate("GalleryTab", "All {count} test images").format(count=integer(count))
    if count > len(selection.shown):
        first, last = selection.page * capacity + 1, selection.page * capacity + len(selection.shown)
        shown = f"{integer(first)}–{integer(last)}" if last > first else integer(first)
        text += translate("GalleryTab", "; {shown} in random order, page {page} of {pages}").format(
            shown=shown, page=integer(selection.page + 1), pages=integer(selection.page_count(capacity)))
    return text
