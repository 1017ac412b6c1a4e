"""The desktop app people install (Linux): the archive ``make dist`` builds (packaging/linux/), its
install.sh into a temporary HOME, the installed desktop entry and metainfo validated, the installed
launcher's ``--smoke-test``, uninstall.sh leaving nothing but the user's own data; ``mnist-gui FILE``
and ``--version``.

The install tests run on a stand-in app folder (a shell script named mnist-gui), so they need no
frozen app and take a second. ``test_the_real_archive_installs_and_passes_its_smoke_test`` is marked
``packaging``: it runs ``make dist`` on the frozen app (``make package-test`` runs it, after
tests/test_packaging.py).
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mnist_gui import cli
from mnist_gui.open_files import FilesToOpen, OpenError, files_to_open, split_files

REPO = Path(__file__).resolve().parents[1]
LINUX = REPO / "packaging" / "linux"
VERSION = re.search(r'^version\s*=\s*"([^"]+)"', (REPO / "pyproject.toml").read_text(), re.MULTILINE).group(1)
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICONS = [f"icons/hicolor/{s}x{s}/apps/mnist-gui.png" for s in ICON_SIZES] + ["icons/hicolor/scalable/apps/mnist-gui.svg"]

needs_sh = pytest.mark.skipif(sys.platform != "linux" or not shutil.which("tar"), reason="Linux install scripts")

FAKE_APP = """#!/bin/sh
# A stand-in for the frozen app: what the installer and the launcher need of it.
case "${1:-}" in
    --version) echo "mnist-gui @VERSION@" ;;
    --smoke-test) echo "smoke-test ok: stand-in app" ;;
    *) printf 'args:'; for a in "$@"; do printf ' [%s]' "$a"; done; echo ;;
esac
"""


def make_fake_app(folder: Path) -> Path:
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "library.txt").write_text("a bundled file\n")
    exe = folder / "mnist-gui"
    exe.write_text(FAKE_APP.replace("@VERSION@", VERSION))
    exe.chmod(0o755)
    return folder


def build_archive(app: Path, out: Path) -> Path:
    result = subprocess.run(["sh", str(LINUX / "make_dist.sh"), str(app), str(out)],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip().splitlines()[-1])


def unpack(tarball: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-xzf", str(tarball), "-C", str(dest)], check=True, timeout=1800)
    (folder,) = dest.iterdir()
    return folder


def user_env(home: Path, **extra) -> dict:
    """A user whose HOME is ``home``; XDG_DATA_HOME only if given (conftest's data and config
    folders, set for the app, are not this user's)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "MNIST_GUI_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY",
                        "QT_QPA_PLATFORM", "PYTHONPATH", "PYTHONHOME")}
    env["HOME"] = str(home)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run(cmd, env, expect: int = 0, timeout: int = 120) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env, timeout=timeout,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == expect, f"{cmd}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def tree(root: Path) -> set[str]:
    """Every file, folder and link under ``root``, relative."""
    return {str(p.relative_to(root)) for p in root.rglob("*")} if root.exists() else set()


def installed_files(home: Path, data_home: Path) -> list[Path]:
    return [home / ".local/bin/mnist-gui",
            data_home / "mnist-gui/app/mnist-gui",
            data_home / "mnist-gui/app/_internal/library.txt",
            data_home / "mnist-gui/app/uninstall.sh",
            data_home / "mnist-gui/app/install-manifest",
            data_home / "applications/mnist-gui.desktop",
            data_home / "metainfo/io.github.mnist_gui.metainfo.xml",
            data_home / "mime/packages/io.github.mnist_gui.xml",
            *(data_home / icon for icon in ICONS)]


def add_user_data(home: Path) -> None:
    """What the app itself writes for a user: it must survive uninstalling."""
    data = home / ".local/share/mnist-gui"
    (data / "drawings").mkdir(parents=True)
    (data / "mnist.npz").write_bytes(b"cache")
    (data / "drawings" / "drawings.npz").write_bytes(b"mine")
    (home / ".config/mnist-gui").mkdir(parents=True)
    (home / ".config/mnist-gui/mnist-gui.conf").write_text("[model]\n")


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    """The archive of a stand-in app, built by make_dist.sh and unpacked."""
    if sys.platform != "linux":
        pytest.skip("the archive and its scripts are for Linux")
    root = tmp_path_factory.mktemp("dist")
    tarball = build_archive(make_fake_app(root / "app" / "mnist-gui"), root / "out")
    assert tarball.name == f"mnist-gui-{VERSION}-linux-{platform.machine()}.tar.gz"
    return unpack(tarball, root / "unpacked")


# ---- the archive and a round trip -----------------------------------------------------------------

def test_the_archive_holds_the_app_and_everything_install_needs(unpacked):
    assert unpacked.name == f"mnist-gui-{VERSION}-linux-{platform.machine()}"
    for name in ("app/mnist-gui", "app/_internal/library.txt", "install.sh", "uninstall.sh", "mnist-gui.desktop",
                 "io.github.mnist_gui.metainfo.xml", "io.github.mnist_gui.xml", "README.txt", *ICONS):
        assert (unpacked / name).is_file(), name
    for name in ("app/mnist-gui", "install.sh", "uninstall.sh"):
        assert os.access(unpacked / name, os.X_OK), name
    assert (unpacked / "VERSION").read_text().strip() == VERSION


@needs_sh
@pytest.mark.parametrize("with_user_data", [False, True], ids=["fresh-home", "home-with-user-data"])
def test_install_puts_everything_in_place_and_uninstall_leaves_only_the_users_data(unpacked, tmp_path, with_user_data):
    home = tmp_path / "home"
    home.mkdir()
    if with_user_data:
        add_user_data(home)
    before = tree(home)
    env = user_env(home)
    out = run(["sh", unpacked / "install.sh"], env).stdout
    data_home = home / ".local/share"
    assert f"Installed mnist-gui {VERSION}" in out and str(home / ".local/bin/mnist-gui") in out

    for path in installed_files(home, data_home):
        assert path.is_file(), path
    launcher = home / ".local/bin/mnist-gui"
    assert os.access(launcher, os.X_OK)
    desktop = (data_home / "applications/mnist-gui.desktop").read_text()
    assert f"\nExec={launcher} %F\n" in desktop and f"\nTryExec={launcher}\n" in desktop
    manifest = (data_home / "mnist-gui/app/install-manifest").read_text().splitlines()
    assert f"f {launcher}" in manifest and f"t {data_home / 'mnist-gui/app'}" in manifest
    if shutil.which("update-mime-database"):  # the type was accepted: the database knows .keras now
        assert (data_home / "mime/application/x-keras.xml").is_file()
        assert "application/x-keras:*.keras" in (data_home / "mime/globs2").read_text()

    assert run([launcher, "--smoke-test"], env).stdout.strip() == "smoke-test ok: stand-in app"
    assert run([launcher, "my model.keras", "--data", "x"], env).stdout.strip() == "args: [my model.keras] [--data] [x]"

    out = run(["sh", data_home / "mnist-gui/app/uninstall.sh"], env).stdout
    assert tree(home) == before, sorted(tree(home) ^ before)
    assert str(data_home / "mnist-gui") in out  # says where the user's data is
    assert ("is kept" in out) == with_user_data

    again = run(["sh", unpacked / "uninstall.sh"], env).stdout
    assert "not installed" in again and tree(home) == before


@needs_sh
def test_install_honours_xdg_data_home_and_a_home_with_spaces(unpacked, tmp_path):
    home = tmp_path / "my home"
    home.mkdir()
    xdg = tmp_path / "xdg data"
    env = user_env(home, XDG_DATA_HOME=xdg)
    run(["sh", unpacked / "install.sh"], env)
    for path in installed_files(home, xdg):
        assert path.is_file(), path
    assert not (home / ".local/share").exists()
    launcher = home / ".local/bin/mnist-gui"
    desktop = (xdg / "applications/mnist-gui.desktop").read_text()
    assert f'\nExec="{launcher}" %F\n' in desktop  # quoted as the desktop entry spec wants
    assert run([launcher, "--smoke-test"], env).stdout.startswith("smoke-test ok")
    run(["sh", xdg / "mnist-gui/app/uninstall.sh"], env)
    assert tree(home) == set() and tree(xdg) == set()


@needs_sh
def test_installing_again_replaces_the_installation(unpacked, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = user_env(home)
    run(["sh", unpacked / "install.sh"], env)
    first = tree(home)
    run(["sh", unpacked / "install.sh"], env)
    assert tree(home) == first
    run(["sh", home / ".local/share/mnist-gui/app/uninstall.sh"], env)
    assert tree(home) == set()


@needs_sh
def test_install_never_overwrites_a_command_it_did_not_install(unpacked, tmp_path):
    home = tmp_path / "home"
    (home / ".local/bin").mkdir(parents=True)
    theirs = home / ".local/bin/mnist-gui"
    theirs.write_text("#!/bin/sh\necho pip's mnist-gui\n")
    before = tree(home)
    result = run(["sh", unpacked / "install.sh"], user_env(home), expect=1)
    assert result.stderr.strip().splitlines() == [
        f"mnist-gui install: {theirs} exists and is not from this installer; move it away and run install.sh again"]
    assert tree(home) == before and "pip's" in theirs.read_text()


@needs_sh
def test_a_failed_install_removes_what_it_had_installed(unpacked, tmp_path):
    home = tmp_path / "home"
    (home / ".local/share").mkdir(parents=True)
    (home / ".local/share/metainfo").write_text("a file where a folder should be")
    before = tree(home)
    result = run(["sh", unpacked / "install.sh"], user_env(home), expect=1)
    assert "failed; removing what was installed" in result.stderr
    assert tree(home) == before


# ---- the desktop entry, the metainfo, the MIME type -------------------------------------------------

@needs_sh
def test_the_installed_desktop_entry_is_valid(unpacked, tmp_path):
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils; `make desktop-tools`)")
    home = tmp_path / "a home"  # a space: the Exec line is quoted
    home.mkdir()
    run(["sh", unpacked / "install.sh"], user_env(home))
    for entry in (home / ".local/share/applications/mnist-gui.desktop", LINUX / "mnist-gui.desktop"):
        result = subprocess.run([tool, str(entry)], capture_output=True, text=True)
        output = result.stdout + result.stderr
        # Hints (e.g. two main categories, Education and Science, as intended) are not faults.
        assert result.returncode == 0 and "error:" not in output and "warning:" not in output, f"{entry}:\n{output}"


@needs_sh
def test_the_installed_metainfo_is_valid(unpacked, tmp_path):
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream; `make desktop-tools`)")
    home = tmp_path / "home"
    home.mkdir()
    run(["sh", unpacked / "install.sh"], user_env(home))
    metainfo = home / ".local/share/metainfo/io.github.mnist_gui.metainfo.xml"
    result = subprocess.run([tool, "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "E:" not in result.stdout and "W:" not in result.stdout, result.stdout


def test_the_metainfos_newest_release_is_the_version():
    text = (LINUX / "io.github.mnist_gui.metainfo.xml").read_text()
    assert re.search(r'<release version="([^"]+)"', text).group(1) == VERSION
    assert "<launchable type=\"desktop-id\">mnist-gui.desktop</launchable>" in text
    assert '<content_rating type="oars-1.1"/>' in text


def test_the_desktop_entry_offers_the_app_for_models_and_images():
    entry = dict(line.split("=", 1) for line in (LINUX / "mnist-gui.desktop").read_text().splitlines()
                 if "=" in line and not line.startswith("#"))
    types = set(entry["MimeType"].rstrip(";").split(";"))
    assert {"application/x-keras", "application/x-hdf"} <= types  # .keras (ours), .h5 (shared-mime-info's)
    assert {"image/png", "image/jpeg", "image/bmp", "image/gif", "image/tiff", "image/webp"} <= types
    assert entry["Exec"] == "mnist-gui %F" and entry["Icon"] == "mnist-gui"
    assert entry["StartupWMClass"] == "mnist-gui"  # Qt's X11 class: the application name (app.py)
    assert '<glob pattern="*.keras"/>' in (LINUX / "io.github.mnist_gui.xml").read_text()


def test_the_icons_are_there_at_every_size():
    from PIL import Image

    for size in ICON_SIZES:
        with Image.open(LINUX / f"icons/hicolor/{size}x{size}/apps/mnist-gui.png") as icon:
            assert icon.size == (size, size) and icon.mode == "RGBA"
    assert "<svg" in (LINUX / "icons/hicolor/scalable/apps/mnist-gui.svg").read_text()


# ---- the version, and mnist-gui FILE --------------------------------------------------------------

def test_the_version_is_pyprojects_in_the_package_and_on_the_command_line(capsys):
    import mnist_gui

    assert mnist_gui.__version__ == VERSION
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"mnist-gui {VERSION}"


def test_the_version_is_read_only_when_asked_for(monkeypatch, capsys):
    # Every launch builds the parser: reading the version there cost start-up time.
    import mnist_gui

    monkeypatch.delitem(mnist_gui.__dict__, "__version__", raising=False)
    reads = []
    monkeypatch.setattr(mnist_gui, "_read_version", lambda: reads.append(1) or "9.9.9")
    cli.build_parser().parse_args(["train", "--out", "m.keras"])
    assert reads == []
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert reads == [1] and capsys.readouterr().out.strip() == "mnist-gui 9.9.9"


def test_split_files_takes_the_bare_commands_positional_arguments():
    commands = cli.COMMANDS
    assert split_files([], commands) == ([], [])
    assert split_files(["m.keras"], commands) == ([], ["m.keras"])
    assert split_files(["--data", "d.npz", "m.keras"], commands) == (["--data", "d.npz"], ["m.keras"])
    assert split_files(["m.keras", "--data=d.npz", "b.png"], commands) == (["--data=d.npz"], ["m.keras", "b.png"])
    assert split_files(["--dat", "d.npz"], commands) == (["--dat", "d.npz"], [])  # argparse's abbreviation
    assert split_files(["--", "-odd.keras"], commands) == ([], ["-odd.keras"])
    assert split_files(["--version"], commands) == (["--version"], [])
    # A subcommand keeps its own arguments, a model file included.
    for argv in (["evaluate", "m.keras"], ["--data", "d.npz", "predict", "m.keras", "--index", "3"],
                 ["train", "--preset", "mlp", "--out", "m.keras"], ["export", "m.keras", "--format", "litert"]):
        assert split_files(argv, commands) == (argv, [])
    assert split_files(["evalute", "m.keras"], commands) == (["evalute", "m.keras"], [])  # argparse says so


def test_files_to_open_takes_one_model_and_notes_the_rest(tmp_path):
    model, other, image = tmp_path / "a.keras", tmp_path / "b.H5", tmp_path / "digit.PNG"
    for path in (model, other, image):
        path.write_bytes(b"x")
    assert files_to_open([]) == FilesToOpen()
    assert files_to_open([str(model)]) == FilesToOpen(model=str(model))
    second = tmp_path / "two.jpg"
    second.write_bytes(b"x")
    opening = files_to_open([str(image), str(model), str(other), str(second)])
    assert opening.model == str(model) and opening.images == (str(image), str(second))
    assert opening.notes == ("mnist-gui: one model at a time: opening a.keras, not b.H5",
                             "mnist-gui: one image at a time on the Draw Pad: opening digit.PNG, not two.jpg")
    for bad, why in ((tmp_path / "gone.keras", "no such file"), (tmp_path, "not a model"),
                     (tmp_path / "notes.txt", "not a model")):
        with pytest.raises(OpenError, match=why):
            files_to_open([str(bad)])
    folder = tmp_path / "saved.keras"
    folder.mkdir()
    with pytest.raises(OpenError, match="not a file"):
        files_to_open([str(folder)])


@pytest.fixture
def launches(monkeypatch):
    """cli.main's call of run_app, recorded instead of opening a window."""
    from mnist_gui import app

    calls = []
    monkeypatch.setattr(app, "run_app", lambda **kwargs: calls.append(kwargs) or 0)
    return calls


def test_mnist_gui_file_opens_the_app_with_that_model(launches, tmp_path, monkeypatch, capsys):
    model = tmp_path / "mine.keras"
    model.write_bytes(b"x")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["mine.keras"]) == 0
    assert cli.main(["--data", "d.npz", str(model)]) == 0
    assert cli.main([]) == 0
    assert cli.main(["--lang", "de", "mine.keras"]) == 0
    assert launches == [{"data_path": None, "model_path": str(model), "lang": None},
                        {"data_path": "d.npz", "model_path": str(model), "lang": None},
                        {"data_path": None, "model_path": None, "lang": None},
                        {"data_path": None, "model_path": str(model), "lang": "de"}]
    assert capsys.readouterr().err == ""


def test_mnist_gui_image_opens_the_app_with_that_image_on_the_pad(launches, tmp_path, capsys):
    image = tmp_path / "seven.png"
    image.write_bytes(b"x")
    assert cli.main([str(image)]) == 0
    assert launches == [{"data_path": None, "model_path": None, "lang": None, "image_paths": (str(image),)}]
    assert capsys.readouterr().err == ""


def test_mnist_gui_with_a_file_it_cannot_open_says_why_in_one_line(launches, tmp_path, capsys):
    assert cli.main([str(tmp_path / "missing.keras")]) == cli.EXIT_USER_ERROR
    assert capsys.readouterr().err == f"mnist-gui: cannot open {tmp_path / 'missing.keras'}: no such file\n"
    (tmp_path / "notes.txt").write_text("x")
    assert cli.main([str(tmp_path / "notes.txt")]) == cli.EXIT_USER_ERROR
    assert len(capsys.readouterr().err.splitlines()) == 1
    assert cli.main(["evalute", "m.keras"]) == cli.EXIT_USER_ERROR  # a mistyped command is not a file
    assert "invalid choice: 'evalute'" in capsys.readouterr().err
    assert launches == []


# ---- the real archive --------------------------------------------------------------------------------

@pytest.mark.packaging
def test_the_real_archive_installs_and_passes_its_smoke_test(tmp_path):
    """make dist on the frozen app (reused if newer than its sources, else built), installed into a
    temporary HOME; the installed command's --version and --smoke-test; uninstalled without a trace."""
    result = subprocess.run(["make", "dist"], cwd=REPO, capture_output=True, text=True, timeout=3600)
    assert result.returncode == 0, f"make dist:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    tarball = REPO / "dist" / f"mnist-gui-{VERSION}-linux-{platform.machine()}.tar.gz"
    assert tarball.is_file(), result.stdout[-2000:]
    unpacked = unpack(tarball, tmp_path / "unpacked")
    home = tmp_path / "home"
    home.mkdir()
    env = user_env(home)
    env["TF_CPP_MIN_LOG_LEVEL"] = "2"
    run(["sh", unpacked / "install.sh"], env)
    launcher = home / ".local/bin/mnist-gui"
    assert run([launcher, "--version"], env).stdout.strip() == f"mnist-gui {VERSION}"
    smoke = run([launcher, "--smoke-test"], env, timeout=300)
    assert smoke.stdout.strip().startswith("smoke-test ok:"), smoke.stdout
    manifest = (home / ".local/share/mnist-gui/app/install-manifest").read_text().splitlines()
    run(["sh", home / ".local/share/mnist-gui/app/uninstall.sh"], env)
    # Gone: every file and the app folder; a folder the installer made stays only if the app (the
    # smoke test) has put its own data in it.
    for entry in manifest:
        kind, path = entry.split(" ", 1)
        assert not (kind in "ft" and os.path.lexists(path)), path
        assert not (kind == "d" and os.path.isdir(path) and not os.listdir(path)), path
    unpacked_size = sum(p.stat().st_size for p in unpacked.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"\n{tarball.name}: {tarball.stat().st_size / 1e6:.0f} MB; unpacked {unpacked_size / 1e6:.0f} MB")
