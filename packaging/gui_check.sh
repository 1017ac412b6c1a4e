#!/bin/sh
# Manual check of the packaged app's real window (not run by make or CI): start it under a virtual
# X server, open the Gallery, draw a 7 on the Draw Pad (bundled model), train briefly from the
# Training tab, and take a screenshot of each step.
#
#   xvfb-run -a -s "-screen 0 1280x800x24" packaging/gui_check.sh [APP] [OUTDIR] [MNIST]
#
# Needs xdotool and ImageMagick's `import` (apt-get install -y xvfb xdotool imagemagick).
set -u
APP=${1:-dist/mnist-gui/mnist-gui}
OUT=${2:-/tmp/mnist-gui-shots}
DATA=${3:-../shared/data/mnist.npz}
mkdir -p "$OUT"
"$APP" --data "$DATA" >"$OUT/app.out" 2>"$OUT/app.err" &
PID=$!
sleep 25  # TensorFlow, the data and the bundled model load behind the window
WIN=$(xdotool search --onlyvisible --pid "$PID" | head -1)
if [ -z "$WIN" ]; then
    echo "gui_check: no window"
    kill "$PID"
    exit 1
fi
echo "window: $(xdotool getwindowname "$WIN")"
xdotool windowfocus --sync "$WIN"
sleep 1
import -window root "$OUT/1-start.png"

xdotool key --window "$WIN" alt+g
sleep 5
import -window root "$OUT/2-gallery.png"

# Draw Pad: a 7 (a top bar, then a diagonal) in the middle of the canvas.
xdotool key --window "$WIN" alt+d
sleep 2
eval "$(xdotool getwindowgeometry --shell "$WIN")"
x0=$((X + 250)); y0=$((Y + 170)); x1=$((X + 540)); x2=$((X + 380)); y2=$((Y + 600))
xdotool mousemove $x0 $y0 mousedown 1
for i in 1 2 3 4 5 6 7 8 9 10; do xdotool mousemove $((x0 + (x1 - x0) * i / 10)) $y0; sleep 0.03; done
for i in 1 2 3 4 5 6 7 8 9 10; do
    xdotool mousemove $((x1 + (x2 - x1) * i / 10)) $((y0 + (y2 - y0) * i / 10)); sleep 0.03
done
xdotool mouseup 1
sleep 3
import -window root "$OUT/3-draw.png"

# Training tab: 3 epochs on 6,000 images (Alt+E / Alt+I are the fields' mnemonics), Ctrl+Enter trains.
xdotool key --window "$WIN" alt+t
sleep 1
xdotool key --window "$WIN" alt+e ctrl+a
xdotool type --window "$WIN" 3
xdotool key --window "$WIN" alt+i ctrl+a
xdotool type --window "$WIN" 6000
xdotool key --window "$WIN" ctrl+Return
sleep 40
import -window root "$OUT/4-trained.png"

kill "$PID"
wait "$PID" 2>/dev/null
echo "screenshots in $OUT"
