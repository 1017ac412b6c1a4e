"""Launch → window shown, → first Draw Pad prediction answered, → TensorFlow's model ready; from source and packaged.

Each run starts the app in a fresh process (offscreen, fresh settings) with MNIST_GUI_STARTUP_PROBE=1: it
prints wall-clock timestamps at its first paint, when the first model able to predict (the fast
start's LiteRT export, or TensorFlow's model without one) has answered a Draw Pad request, and when
TensorFlow's model is in; then it quits.
Usage: python benchmarks/startup.py [--runs 5] [--packaged [dist/mnist-gui/mnist-gui]] [--source] [--langs en,de]
(no flag: from source; --packaged alone measures the packaged app only; both flags measure both,
launching them in turn. --langs en,de: the source run once per language (--lang), in turn: what
loading a translation costs.)
From source, the app's bytecode is compiled first, as a user's first launch (or `make run`) writes it:
with PYTHONDONTWRITEBYTECODE=1, as on the development machine, every launch would otherwise compile
~80 modules (0.08 s; measure that in a clean checkout with that variable set).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOALS = {"window_shown": 1.0, "prediction_ready": 1.5}


def one_run(command, env) -> dict[str, float]:
    launched = time.time()
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    stamps = {}
    for line in result.stdout.splitlines():
        if line.startswith("startup-probe"):
            for part in line.split()[1:]:
                key, _, value = part.partition("=")
                stamps[key] = value
    missing = [k for k in ("window_shown", "prediction_ready", "tensorflow_ready") if k not in stamps]
    if missing:
        raise SystemExit(f"the app did not report {missing}:\n{result.stdout}\n{result.stderr[-3000:]}")
    times = {k: float(stamps[k]) - launched for k in ("window_shown", "prediction_ready", "tensorflow_ready")}
    times["fast_start"] = stamps.get("fast_start") == "True"
    return times


def measure(variants, runs, env):
    """Launch the variants in turn (A, B, A, B, ...), so that the machine's slow spells fall on all alike."""
    for _, command in variants:
        one_run(command, env)  # warm the OS file cache; not counted
    results = {name: [] for name, _ in variants}
    for _ in range(runs):
        for name, command in variants:
            results[name].append(one_run(command, env))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    for name, rows in results.items():
        print(f"{name}: {runs} runs (offscreen, fresh settings, after one warm-up launch, variants taking "
              f"turns; load average {load:.1f} at the end); fast start used in {sum(r['fast_start'] for r in rows)} "
              f"of {runs}")
        for key, label in (("window_shown", "launch -> window shown"),
                           ("prediction_ready", "launch -> first Draw Pad prediction"),
                           ("tensorflow_ready", "launch -> TensorFlow model ready")):
            values = [r[key] for r in rows]
            goal = f"; goal <= {GOALS[key]} s" if key in GOALS else ""
            print(f"  {label + ':':38s} median {statistics.median(values):.2f} s "
                  f"(min {min(values):.2f}, max {max(values):.2f}){goal}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--packaged", nargs="?", const=str(REPO / "dist" / "mnist-gui" / "mnist-gui"),
                        metavar="EXE", help="also (or only) the packaged app")
    parser.add_argument("--source", action="store_true", help="with --packaged: measure the source run too")
    parser.add_argument("--langs", help="comma-separated languages to compare from source, e.g. en,de")
    args = parser.parse_args()
    import compileall

    compileall.compile_dir(str(REPO / "mnist_gui"), quiet=1)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TF_CPP_MIN_LOG_LEVEL="3", MNIST_GUI_STARTUP_PROBE="1")
    with tempfile.TemporaryDirectory() as home:
        env["XDG_CONFIG_HOME"] = home  # fresh settings: the first-launch path (best bundled model)
        variants = []
        if args.langs:
            variants = [(f"from source, --lang {lang}", [sys.executable, "-m", "mnist_gui", "--lang", lang])
                        for lang in args.langs.split(",")]
        elif args.packaged is None or args.source:
            variants.append(("from source", [sys.executable, "-m", "mnist_gui"]))
        if args.packaged is not None:
            if not Path(args.packaged).is_file():
                raise SystemExit(f"no packaged app at {args.packaged}: run `make package`")
            variants.append(("packaged", [args.packaged]))
        measure(variants, args.runs, env)


if __name__ == "__main__":
    main()
