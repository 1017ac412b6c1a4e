"""mnist-gui: train and use a neural network on the MNIST handwritten digits."""

__version__ = "0.1.0"
