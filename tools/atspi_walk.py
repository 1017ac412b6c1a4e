"""Print the app's accessibility tree as AT-SPI (what Orca reads on Linux) exposes it, over D-Bus.

Checks the screen-reader side for real, without a screen reader. Run the app with the bridge on
inside one D-Bus session, then this with the accessibility bus address and the names whose
subtrees to print:

    dbus-run-session -- bash -c '
      /usr/libexec/at-spi-bus-launcher --launch-immediately & sleep 2
      A=$(gdbus call --session --dest org.a11y.Bus --object-path /org/a11y/bus \\
          --method org.a11y.Bus.GetAddress | sed "s/^(.//; s/.,)$//")
      QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 python -m mnist_gui & sleep 30
      python tools/atspi_walk.py "$A" "Drawing pad" "Confusion matrix"'

Needs only ``gdbus`` (GLib); prints "[role] 'name'  desc='description'" per object.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys


def _call(address, dest, path, method, *args) -> str:
    return subprocess.run(["gdbus", "call", "--address", address, "--dest", dest, "--object-path", path,
                           "--method", method, *args], capture_output=True, text=True, timeout=20).stdout.strip()


def _parse(text: str):
    """gdbus prints GVariant text; the few types here read as Python literals once unmarked."""
    text = re.sub(r"objectpath |@a\(so\) |uint32 |int32 |@as |@a\{ss\} ", "", text)
    return ast.literal_eval(text.replace("<", "").replace(">", ""))


def walk(address: str, wanted: list[str], limit: int = 5000) -> None:
    seen = 0

    def prop(dest, path, name):
        return _parse(_call(address, dest, path, "org.freedesktop.DBus.Properties.Get",
                            "org.a11y.atspi.Accessible", name))[0]

    def visit(dest, path, depth, show):
        nonlocal seen
        seen += 1
        if seen > limit:
            return
        try:
            name, description = prop(dest, path, "Name"), prop(dest, path, "Description")
            role = _parse(_call(address, dest, path, "org.a11y.atspi.Accessible.GetRoleName"))[0]
            children = _parse(_call(address, dest, path, "org.a11y.atspi.Accessible.GetChildren"))[0]
        except (SyntaxError, ValueError, IndexError):
            return  # gone meanwhile
        show = show or name in wanted
        if show:
            print("  " * depth + f"[{role}] {name!r}" + (f"  desc={description!r}" if description else ""))
        for child in children:
            visit(*child, depth + 1, show)

    root = ("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")
    for app in _parse(_call(address, *root, "org.a11y.atspi.Accessible.GetChildren"))[0]:
        print("application", prop(*app, "Name"))
        visit(*app, 0, not wanted)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: atspi_walk.py A11Y_BUS_ADDRESS [NAME ...]")
    walk(sys.argv[1], sys.argv[2:])
