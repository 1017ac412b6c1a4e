"""The Qt-free core: data, models, training, preprocessing and model files."""
