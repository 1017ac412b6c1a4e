"""Does Train more continue a run faithfully? A Seed DNN stopped at epoch 10 (saved, reloaded with
its optimizer state) and trained on to epoch 50, against uninterrupted 50-epoch runs, over seeds.

Both go through core.run.train, the run the app and the CLI share; the stop is a real one (the
stop event after epoch 10), followed by a save and a load, as a user's would be. Prints each
seed's two test accuracies, then
    continued_mean=0.XXXX uninterrupted_mean=0.XXXX uninterrupted_spread=0.XXXX within_spread=yes|no
where the spread is max - min over the uninterrupted runs' seeds.
Usage: python benchmarks/train_more.py [--epochs 50] [--stop-at 10] [--seeds 42 43 44] [--data PATH]
"""

import argparse
import os
import sys
import tempfile
import threading
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=50)
    parser.add_argument("--stop-at", type=int, default=10)
    parser.add_argument("--seeds", type=int, nargs="+", default=[42, 43, 44])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "mnist.npz"))
    args = parser.parse_args()

    from mnist_gui.core import run, storage, training
    from mnist_gui.core.data import load_mnist
    from mnist_gui.core.models import preset

    data = load_mnist(args.data if Path(args.data).exists() else None)
    whole, continued = [], []
    for seed in args.seeds:
        config = preset("seed", seed=seed, epochs=args.epochs)
        whole.append(run.train(config, data).history["val_accuracy"][-1])

        stop = threading.Event()
        stopper = training.callback_progress(
            on_epoch=lambda epoch, logs, weights: epoch + 1 >= args.stop_at and stop.set())
        first = run.train(config, data, progress=stopper, stop_event=stop)
        assert first.stopped and first.epochs_total == args.stop_at, (first.stopped, first.epochs_total)
        with tempfile.TemporaryDirectory() as folder:
            path = storage.save_model(first.model, Path(folder) / "stopped.keras", first.metadata)
            model, meta = storage.load_model(path), storage.read_metadata(path)
        more = run.train(config, data, model=model, prior=meta, epochs=args.epochs - args.stop_at)
        assert more.epochs_total == args.epochs
        continued.append(more.history["val_accuracy"][-1])
        print(f"seed {seed}: uninterrupted={whole[-1]:.4f} stopped at {args.stop_at} and continued="
              f"{continued[-1]:.4f}", flush=True)
    mean = lambda values: sum(values) / len(values)  # noqa: E731
    spread = max(whole) - min(whole)
    inside = min(whole) - 1e-9 <= mean(continued) <= max(whole) + 1e-9
    print(f"continued_mean={mean(continued):.4f} uninterrupted_mean={mean(whole):.4f} "
          f"uninterrupted_spread={spread:.4f} within_spread={'yes' if inside else 'no'}")


if __name__ == "__main__":
    main()
