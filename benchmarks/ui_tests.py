"""How long the widget tests (tests/ui) take with TensorFlow unimportable: issue 16's criterion, < 30 s.

Prints each round's CPU time (user + system of the pytest process; on a shared machine its wall time
also counts the waits for a core) and pytest's wall time, then the medians and the criterion.
Usage: python benchmarks/ui_tests.py [--rounds 3] [--data mnist.npz]
"""

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from without_tensorflow import blocked_env, run_ui_tests  # noqa: E402

BUDGET_S = 30.0
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", type=Path, default=SHARED_MNIST, help="MNIST .npz (default: ../shared)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"MNIST not found at {args.data}: give --data", file=sys.stderr)
        return 2
    cpu, wall = [], []
    with tempfile.TemporaryDirectory() as folder:
        env = blocked_env(Path(folder), args.data.resolve())
        for n in range(1, args.rounds + 1):
            run = run_ui_tests(env)
            if run.returncode != 0:
                print(f"round {n}: the widget tests failed: {run.summary}\n{run.output}", file=sys.stderr)
                return 1
            cpu.append(run.cpu_s if run.cpu_s is not None else run.wall_s)
            wall.append(run.wall_s)
            print(f"round {n}: {run.summary}; CPU time {cpu[-1]:.1f} s", flush=True)
    median = statistics.median(cpu)
    print(f"median CPU time {median:.1f} s, wall {statistics.median(wall):.1f} s; "
          f"criterion < {BUDGET_S:.0f} s: {'met' if median < BUDGET_S else 'NOT met'} "
          f"(ratio {median / BUDGET_S:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
