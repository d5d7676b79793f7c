"""Stage "annotate": Article → Annotations (actors, places, time expressions, quantities).

spaCy parses (:mod:`~newsfuse.annotate.nlp`); our gazetteer EntityRuler fixes its
entity errors (:mod:`~newsfuse.annotate.ruler`); our resolver turns names and role
phrases into country + sector (:mod:`~newsfuse.annotate.actors`); our rules resolve
time expressions against the article's date (:mod:`~newsfuse.annotate.times`) and
read quantities with what they count (:mod:`~newsfuse.annotate.quantities`).
:mod:`~newsfuse.annotate.stage` runs them over articles. Importing this package
does not import spaCy; the stage does.
"""
