"""The Qt-free core: data, models, training, preprocessing and model files.

Importing it picks XLA's CPU runtime for this process, before TensorFlow is imported: the older
runtime runs the compiled training loop about 10% faster here than the default "thunk" runtime,
whose per-kernel dispatch overhead counts with ~60 small kernels per training step (medians of
alternating runs, same results to the last bit). A choice already in XLA_FLAGS is kept.
"""

import os

if "xla_cpu_use_thunk_runtime" not in os.environ.get("XLA_FLAGS", ""):
    os.environ["XLA_FLAGS"] = f"{os.environ.get('XLA_FLAGS', '')} --xla_cpu_use_thunk_runtime=false".strip()
