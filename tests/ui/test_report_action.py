"""File ▸ Save report… on the real service over the fake host: a failure is one error, and no report
while training. (Writing a whole report with matplotlib, seconds of work: tests/test_report_menu.py.)"""

from mnist_gui.core.models import preset


def test_a_report_that_cannot_be_written_is_one_error(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append((title, message)))
    window.save_report.save(str(tmp_path / "missing" / "r.pdf"))
    with qtbot.waitSignal(window.save_report.reply.failed, timeout=30_000):
        pass
    assert len(shown) == 1 and shown[0][0] == "Save report" and "\n" not in shown[0][1]
    assert "there is no folder" in shown[0][1] and window.save_report.action.isEnabled()


def test_save_report_waits_while_training(qtbot, window):
    service = window.service
    assert service.start_training(preset("mlp", epochs=1), train_size=500)
    assert not window.save_report.action.isEnabled()
    service.runner.run_batches()
    service.runner.end_epoch()
    with qtbot.waitSignal(service.training_finished):
        service.runner.finish_training()
    qtbot.waitUntil(window.save_report.action.isEnabled)
