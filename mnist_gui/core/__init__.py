"""The Qt-free core: data, models, training, preprocessing and model files.

Importing it sets one XLA option for this process (XLA reads its flags at its first compile):
copy insertion with region analysis. Without it, XLA copies every weight matrix once per training
step inside the compiled loop (the weights are read by the backward pass and updated in place),
about 6% of the Seed DNN's step; trained weights are the same to the last bit. A value already in
XLA_FLAGS is kept.
"""

import os

_XLA_OPTIONS = {"xla_cpu_copy_insertion_use_region_analysis": "true"}

_flags = os.environ.get("XLA_FLAGS", "")
for _name, _value in _XLA_OPTIONS.items():
    if f"--{_name}=" not in _flags:
        _flags = f"{_flags} --{_name}={_value}".strip()
os.environ["XLA_FLAGS"] = _flags
