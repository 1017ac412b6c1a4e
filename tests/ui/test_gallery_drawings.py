"""The Gallery's "My drawings" source: exactly the stored drawings, with filters, detail, matrix and delete."""

import numpy as np
from test_gallery_tab import make_tab, parsed_captions

from mnist_gui.core.drawings import DrawingStore
from mnist_gui.core.metrics import confusion_matrix
from mnist_gui.ui.gallery_tab import DRAWINGS, TEST


def add_drawings(qtbot, service, n=9):
    """Test digits 0.. as drawings, every third labelled one off (the model will read those 'wrong')."""
    labels = []
    for i in range(n):
        label = int(service.data.y_test[i]) if i % 3 else (int(service.data.y_test[i]) + 1) % 10
        service.add_drawing(service.data.x_test[i], label)
        labels.append(label)
    return np.array(labels)


def test_my_drawings_shows_exactly_the_stored_drawings(qtbot, service_with_model):
    service = service_with_model
    labels = add_drawings(qtbot, service)
    tab = make_tab(qtbot, service)
    with qtbot.waitSignal(service.drawing_predictions_ready):
        pass  # the predictions for the last drawing added
    tab.set_source(DRAWINGS)
    stored = DrawingStore(service.drawings.folder).arrays()
    assert sorted(tab.shown_indices()) == list(range(len(labels)))
    assert [row[0] for row in parsed_captions(tab)] == [int(stored[1][i]) for i in tab.shown_indices()]
    for position, index in enumerate(tab.shown_indices()):
        assert tab.cell_widget(position).accessibleName().startswith(f"Drawing {index + 1}: true ")
        tab.show_detail(index)
        np.testing.assert_array_equal(tab.detail_image._pixels, stored[0][index])
        assert tab.detail_text().startswith(f"Drawing {index + 1} of {len(labels)}")
    predicted = service.predict(stored[0]).argmax(axis=1)
    np.testing.assert_array_equal(tab.confusion_counts(), confusion_matrix(labels, predicted))
    assert tab.confusion_counts().sum() == len(labels)
    assert f"reads {int(np.sum(predicted == labels))} of {len(labels)} right" in tab.state_label.text()
    # Filters work on the drawings.
    tab.set_filters(misclassified=True)
    assert sorted(tab.shown_indices()) == np.flatnonzero(predicted != labels).tolist()
    tab.set_filters(true_digit=int(labels[1]))
    assert sorted(tab.shown_indices()) == np.flatnonzero(labels == labels[1]).tolist()
    # Back to the test set, and the Inside tab's link opens a test image from the drawings view.
    tab.set_source(TEST)
    assert len(tab.selection_indices()) == 10_000
    tab.set_source(DRAWINGS)
    tab.show_test_image(42)
    assert tab.source() == TEST and tab.detail_index() == 42


def test_deleting_a_drawing_and_a_new_label_follow_at_once(qtbot, service_with_model):
    service = service_with_model
    add_drawings(qtbot, service, 4)
    tab = make_tab(qtbot, service)
    tab.set_source(DRAWINGS)
    tab.show_detail(1)
    gone = service.drawings.drawings()[1].id
    assert tab.delete_button.isVisible()
    with qtbot.waitSignal(service.drawing_predictions_ready):
        tab.delete_button.click()
    assert gone not in [d.id for d in DrawingStore(service.drawings.folder).drawings()]
    assert sorted(tab.shown_indices()) == [0, 1, 2] and tab.confusion_counts().sum() == 3
    with qtbot.waitSignal(service.drawing_predictions_ready):
        service.add_drawing(service.data.x_test[50], int(service.data.y_test[50]))
    assert sorted(tab.shown_indices()) == [0, 1, 2, 3] and tab.confusion_counts().sum() == 4


def test_no_drawings_yet_says_how_to_make_some(qtbot, service_with_model):
    tab = make_tab(qtbot, service_with_model)
    tab.set_source(DRAWINGS)
    assert tab.shown_indices() == [] and "none yet" in tab.state_label.text()
    assert tab.import_button.isVisible() and tab.export_button.isVisible()


def test_import_refuses_a_bad_file_in_one_line(qtbot, service_with_model, tmp_path):
    service = service_with_model
    tab = make_tab(qtbot, service)
    tab.set_source(DRAWINGS)
    bad = tmp_path / "bad.npz"
    np.savez(bad, x=np.zeros((2, 28, 28), np.float32), y=np.array([1, 2]))
    with qtbot.waitSignal(service.drawings_failed):
        assert service.import_drawings(bad) is None
    assert tab.state_label.text().startswith("⚠ bad.npz") and "\n" not in tab.state_label.text()
    good = tmp_path / "good.npz"
    np.savez(good, x=service.data.x_test[:5], y=service.data.y_test[:5])
    with qtbot.waitSignal(service.drawing_predictions_ready):
        assert service.import_drawings(good) == 5
    assert sorted(tab.shown_indices()) == [0, 1, 2, 3, 4]
