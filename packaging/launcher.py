"""PyInstaller entry script for the frozen ``mnist-gui`` executable (see ``build.spec``).

``mnist_gui/__main__.py`` uses a relative import, so it cannot be the frozen entry script itself;
this file calls the same ``main()`` as the ``mnist-gui`` console script: the window, ``--smoke-test``
and the ``train``/``evaluate``/``predict``/``data`` commands all work in the frozen build.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    # The training process (mnist_gui.core.train_process) is this executable started again: here
    # it becomes that child instead of a second app.
    multiprocessing.freeze_support()
    from mnist_gui.__main__ import main

    sys.exit(main())
