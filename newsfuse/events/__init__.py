"""Political events in the PLOVER ontology.

:mod:`newsfuse.events.ontology` holds the 18 event types with their modes, quad classes
and CAMEO root codes, and the context vocabulary. :mod:`newsfuse.events.scoring` scores
PLOVER-shaped predictions against PLOVER gold records, whatever produced them.
"""
