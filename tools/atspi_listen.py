"""Listen on the AT-SPI bus as a screen reader does and print the events the app sends (the Draw
Pad's announcements, description and name changes). Run like tools/atspi_walk.py, started before
the app: ``python tools/atspi_listen.py A11Y_BUS_ADDRESS SECONDS``. The bridge sends only the
events some client has registered for, on a connection that stays open: hence this process."""

import sys

from PySide6.QtCore import SLOT, QCoreApplication, QObject, QTimer, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage


class Printer(QObject):
    @Slot(QDBusMessage)
    def on_event(self, message):
        args = [a.variant() if hasattr(a, "variant") else a for a in message.arguments()]
        if message.member() != "StateChanged":
            print(message.member(), message.path(), [str(a)[:100] for a in args[:4]], flush=True)


def main(address: str, seconds: float) -> None:
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "a11y")
    for event in ("object:announcement", "object:property-change"):
        call = QDBusMessage.createMethodCall("org.a11y.atspi.Registry", "/org/a11y/atspi/registry",
                                             "org.a11y.atspi.Registry", "RegisterEvent")
        call.setArguments([event])
        bus.call(call)
    printer = Printer()
    for member in ("Announcement", "PropertyChange"):
        bus.connect("", "", "org.a11y.atspi.Event.Object", member, printer, SLOT("on_event(QDBusMessage)"))
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: atspi_listen.py A11Y_BUS_ADDRESS SECONDS")
    main(sys.argv[1], float(sys.argv[2]))
