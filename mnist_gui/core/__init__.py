"""The Qt-free core: data, models, training, preprocessing and model files.

Importing it sets one XLA option for this process (XLA reads its flags at its first compile):
copy insertion with region analysis. Without it, XLA copies every weight matrix once per training
step inside the compiled loop (the backward pass reads the weights the update overwrites); the
784×200 copy alone was 7% of the step's kernel time. Trained weights are the same to the last
bit. A value already in XLA_FLAGS is kept.

It also caps the C heap's arenas (``memory.limit_heap_arenas``) before TensorFlow's threads start:
the resident size then stays flat over repeated runs.
"""

import os

_REGION_ANALYSIS = "--xla_cpu_copy_insertion_use_region_analysis="

if _REGION_ANALYSIS not in os.environ.get("XLA_FLAGS", ""):
    os.environ["XLA_FLAGS"] = f"{os.environ.get('XLA_FLAGS', '')} {_REGION_ANALYSIS}true".strip()

from .memory import limit_heap_arenas  # noqa: E402

limit_heap_arenas()
