"""The shipped languages (German, French): every string translated, the catalogues up to date with the
sources and compiled, placeholders kept; the app and the CLI speak them; numbers follow QLocale.

When a test here fails after new strings came in: `make translations`, translate the entries it
lists in translations/mnist_gui_LANG.ts (Qt Linguist, or by hand: fill <translation>, drop
type="unfinished"), then `make translations` again to compile them."""

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from mnist_gui import i18n

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LANGS = sorted(set(i18n.LANGUAGES) - {"en"})
TS = {lang: ROOT / "translations" / f"mnist_gui_{lang}.ts" for lang in LANGS}
QM = {lang: ROOT / "resources" / "translations" / f"mnist_gui_{lang}.qm" for lang in LANGS}
# {name}, {0}, {v2:+.3f}; %n, %v, %m (Qt); %(prog)s, %s, %r (argparse)
PLACEHOLDER = re.compile(r"\{[\w]*(?:![rsa])?(?::[^{}]*)?\}|%n|%v|%m|%\(\w+\)[sr]|%[sr]")


def tool(name):
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name)


def messages(path: Path):
    """(context, source, numerus, [translations], unfinished) for every message of a .ts file."""
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text or ""]
            yield name, m.findtext("source"), m.get("numerus") == "yes", forms, tr.get("type") in ("unfinished", "vanished", "obsolete")


def lupdate_sources(tmp_path) -> set:
    out = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "mnist_gui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *files, "-no-obsolete", "-locations", "none", "-ts", str(out)],
                   check=True, capture_output=True, cwd=ROOT)
    return {(c, s) for c, s, *_ in messages(out)}


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_has_a_translation(lang):
    missing = [f"  [{c}] {s!r}" for c, s, _, forms, unfinished in messages(TS[lang])
               if unfinished or not all(f.strip() for f in forms)]
    assert not missing, (f"{len(missing)} string(s) without a {i18n.LANGUAGES[lang]} translation in "
                         f"{TS[lang].relative_to(ROOT)} (translate them, then `make translations`):\n" + "\n".join(missing))


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_and_shortcut_marks_survive_translation(lang):
    wrong = []
    for c, s, numerus, forms, _ in messages(TS[lang]):
        want = sorted(PLACEHOLDER.findall(s))
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != want:
                wrong.append(f"  [{c}] {s!r} -> {form!r}: placeholders {want}")
            if ("&" in s.replace("&&", "")) != ("&" in form.replace("&&", "")):
                wrong.append(f"  [{c}] {s!r} -> {form!r}: the shortcut mark (&) must stay")
    assert not wrong, "\n".join(wrong)


def test_the_catalogues_hold_exactly_the_strings_of_the_sources(tmp_path):
    fresh = lupdate_sources(tmp_path)
    for lang in LANGS:
        have = {(c, s) for c, s, *_ in messages(TS[lang])}
        new = sorted(fresh - have)
        gone = sorted(have - fresh)
        assert not new and not gone, (
            f"{TS[lang].relative_to(ROOT)} is out of date: run `make translations`.\n"
            + "".join(f"  new: [{c}] {s!r}\n" for c, s in new) + "".join(f"  gone: [{c}] {s!r}\n" for c, s in gone))


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogues_are_fresh(tmp_path, lang):
    out = tmp_path / f"{lang}.qm"
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(TS[lang]), "-qm", str(out)], check=True)
    assert QM[lang].read_bytes() == out.read_bytes(), f"{QM[lang].relative_to(ROOT)} is stale: run `make translations`"


def test_the_language_comes_from_lang_then_the_menu_then_the_system(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LC_MESSAGES", "")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert i18n.choose_language() == "fr"
    assert i18n.choose_language(saved="de") == "de"
    assert i18n.choose_language("en", saved="de") == "en"
    assert i18n.choose_language(None, saved=i18n.SYSTEM) == "fr"
    monkeypatch.setenv("LANG", "pt_BR.UTF-8")  # not shipped: English
    assert i18n.choose_language() == "en"
    monkeypatch.setenv("LANGUAGE", "pt:de")  # GNU's list of preferences: the first shipped one
    assert i18n.choose_language() == "de"
    assert i18n.normalise("de_AT.UTF-8") == "de" and i18n.normalise("xx") is None


@pytest.fixture
def german():
    yield i18n.install("de", QApplication.instance())
    i18n.install("en", QApplication.instance())


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.mark.parametrize("lang, file_menu, tabs", [
    ("de", "&Datei", ["Training", "Galerie", "Zeichenfeld", "Innenleben", "Robustheit"]),
    ("fr", "&Fichier", ["Entraînement", "Galerie", "Bloc à dessin", "Intérieur", "Robustesse"]),
])
def test_the_window_speaks_the_language(qtbot, mnist, settings, lang, file_menu, tabs):
    from layout_checks import build_window

    app = QApplication.instance()
    assert i18n.install(lang, app)
    try:
        window, service = build_window(mnist, settings)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == file_menu and "&View" not in menus
        assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == tabs
        assert window.windowTitle() == {"de": "MNIST-Ziffern", "fr": "Chiffres MNIST"}[lang]
        # numbers as the language writes them: a decimal comma, and a space before %
        assert re.search(r"\d,\d\d\u00a0%", window.model_label.text()), window.model_label.text()
        language = window.language_menu
        assert language.actions[i18n.SYSTEM].isChecked()
        language.actions["fr" if lang == "de" else "de"].trigger()
        assert i18n.saved_language(settings) == ("fr" if lang == "de" else "de")
        service.status_changed.emit("Loading data…")  # a service message, translated at the UI edge
        assert window.activity_label.text() not in ("", "Loading data…")
    finally:
        i18n.install("en", app)


def test_known_core_messages_are_translated_by_template(german):
    from mnist_gui.ui.core_texts import core_text

    assert core_text("Loading model mnist_cnn.keras…") == "Modell mnist_cnn.keras wird geladen…"
    assert core_text("momentum: must be between 0 and 0.999") == "momentum: muss between 0 and 0.999 sein"
    assert core_text("something else entirely") == "something else entirely"
    # A known message inside a template is translated too; an image's refusal reaches the pad translated.
    assert core_text("Stop training before opening another model.") == (
        "Beenden Sie das Training, bevor ein anderes Modell geöffnet wird.")
    assert core_text("too small to hold a digit: 1×1 pixels") == "zu klein für eine Ziffer: 1×1 Pixel"
    # A failed run's message with the sentence the session adds.
    assert core_text("The training process was ended (SIGKILL); the run's result is lost. The previous model "
                     "is kept.") == ("Der Trainingsprozess wurde beendet (SIGKILL); das Ergebnis des Laufs ist "
                                     "verloren. Das vorherige Modell bleibt erhalten.")


def test_numbers_follow_the_language(german):
    from mnist_gui.ui.locale_format import integer, num, pct

    assert (pct(0.9751), integer(10000), num(0.25, 2)) == ("97,5\u00a0%", "10.000", "0,25")
    QLocale.setDefault(QLocale("fr"))
    assert (pct(0.9751), integer(10000)) == ("97,5\u00a0%", "10\u202f000")


def _cli(*args, lang_env="C.UTF-8"):
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG=lang_env, PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]))
    return subprocess.run([sys.executable, "-m", "mnist_gui", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_the_cli_help_in_each_language():
    de = _cli("--lang", "de", "--help")
    assert de.returncode == 0 and "Aufruf: mnist-gui" in de.stdout and "Positionsargumente" in de.stdout
    assert "ein Modell trainieren" in de.stdout
    fr = _cli("train", "--help", lang_env="fr_FR.UTF-8")  # from the locale
    assert fr.returncode == 0 and "utilisation : mnist-gui train" in fr.stdout
    assert "taux d’apprentissage" in fr.stdout
    en = _cli("--help")
    assert "usage: mnist-gui" in en.stdout and "train a model" in en.stdout


def test_cli_errors_in_the_language_stay_one_line():
    result = _cli("--lang=de", "train", "--epochs", "x", "--out", "m.keras")
    assert result.returncode == 2
    assert result.stderr.strip() == "mnist-gui train: Argument --epochs: ungültiger int-Wert: 'x'"
    bad = _cli("--lang", "xx")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def _raised(call, *args):
    """The text of the error ``call(*args)`` raises: the real core's message, not one typed here."""
    try:
        call(*args)
    except Exception as exc:  # noqa: BLE001 - each core module has its own error class
        return str(exc)
    raise AssertionError(f"{call} raised nothing")


def test_the_core_errors_reach_the_window_translated(german, tmp_path):
    from types import SimpleNamespace

    from mnist_gui.core import contract, data, drawings, export, report, storage
    from mnist_gui.ui.core_texts import core_text

    text = tmp_path / "notes.txt"
    text.write_text("not a model")
    assert core_text(_raised(storage.check_model_file, text)) == (
        "notes.txt ist keine Modelldatei: erwartet wird eine .keras- oder .h5-Datei.")
    empty = tmp_path / "empty.keras"
    empty.write_bytes(b"")
    assert core_text(_raised(storage.check_model_file, empty)) == "empty.keras ist leer."
    # a known message inside another: the host's "Could not load {name}: {error}" around a file's error
    assert core_text(f"Could not load notes.txt: {_raised(storage.check_model_file, text)}") == (
        "notes.txt konnte nicht geladen werden: notes.txt ist keine Modelldatei: erwartet wird eine .keras- oder "
        ".h5-Datei.")
    assert core_text(_raised(contract._structure, SimpleNamespace(inputs=[], outputs=[]), "odd.keras")) == (
        "odd.keras hat keine festgelegte Eingabe oder Ausgabe, daher kann die App es nicht verwenden.")

    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"no zip at all")
    assert core_text(_raised(drawings.read_mnist_layout, bad)) == "bad.npz: keine .npz-Datei"
    shown = core_text(_raised(lambda: data.load_mnist(bad, cache_dir=tmp_path, use_keras=False, use_pypi=False))).splitlines()
    assert shown[0] == (f"{bad} kann nicht als MNIST verwendet werden: {bad} ist kein .npz-Archiv (keine ZIP-Datei "
                        "oder abgeschnitten)")
    assert shown[1].startswith("So stellen Sie MNIST bereit: Datei ▸ Datensatz öffnen…")
    assert core_text(_raised(drawings.load_drawings, tmp_path / "none.npz")).startswith(
        f"keine Zeichnungen unter {tmp_path / 'none.npz'} (geben Sie eine .npz")
    assert core_text(_raised(export.check_destination, tmp_path / "model.txt", "litert")) == (
        "Ein litert-Export muss eine .tflite-Datei sein, nicht model.txt.")
    assert core_text(_raised(export.check_destination, tmp_path / "gone" / "m.tflite", "litert")) == (
        f"Export nach {tmp_path / 'gone' / 'm.tflite'} nicht möglich: der Ordner {tmp_path / 'gone'} existiert nicht.")
    assert core_text(_raised(data.read_npz, bad)) == (
        f"{bad} ist kein .npz-Archiv (keine ZIP-Datei oder abgeschnitten)")
    short = tmp_path / "short-idx1-ubyte"
    short.write_bytes(b"\0\0")
    assert core_text(_raised(data.read_idx, short)) == f"{short} ist zu kurz für eine IDX-Datei (2 Bytes)"
    assert core_text(_raised(report.check_destination, tmp_path / "gone" / "r.pdf")) == (
        f"es gibt keinen Ordner {tmp_path / 'gone'}, in den r.pdf geschrieben werden kann")
    assert core_text("path") == "Pfad"  # the data source in the status bar
    shown = export.ExportReport(tmp_path / "m.tflite", "litert", False, 0.1, 1000, tmp_path / "m.json", None)
    assert core_text(shown.message) == "m.tflite exportiert (keine Paritätsprüfung: die Testmenge ist nicht geladen)"
    assert core_text(contract.ModelContract((784,), logits=True).describe().split(", ")[-1]) == (
        "gibt Logits aus (Softmax angewendet)")  # the model line's note


def _template(node):
    """A raise's message as a template ({} for each value), or None when it is built otherwise."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def test_every_core_error_message_is_a_known_text():
    """Each ``raise XError("...")`` / f"..." of the core modules whose errors reach the window is in
    core_texts.TEXTS (as a {name} template), so a new message cannot be left in English."""
    import ast

    from mnist_gui.ui.core_texts import TEXTS

    known = {re.sub(r"\{\w+\}", "{}", t) for t in TEXTS}
    missing, checked = [], 0
    for module in ("contract", "storage", "sidecar", "drawings", "export", "data", "report", "codegen", "npz_reader",
                   "train_process"):
        path = ROOT / "mnist_gui" / "core" / f"{module}.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args
                    and isinstance(node.exc.func, ast.Name) and node.exc.func.id.endswith("Error")):
                continue
            message = node.exc.args[0]
            branches = [message.body, message.orelse] if isinstance(message, ast.IfExp) else [message]
            for branch in branches:
                template = _template(branch)
                if template is None or not re.sub(r"[{}\W\d]", "", template):
                    continue  # built elsewhere (str(exc)), or only values ("{name}: {exc}")
                checked += 1
                if template not in known:
                    missing.append(f"{module}.py:{node.lineno}: {template}")
    assert checked > 100
    assert not missing, "add these to mnist_gui/ui/core_texts.py TEXTS:\n" + "\n".join(missing)
