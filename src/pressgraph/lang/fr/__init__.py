"""French: the word lists and switches of the lexicon, one module per topic (data only).

:func:`pressgraph.lang.lexicon` joins these parts with the gazetteers of names.
"""

from pressgraph.lang.fr.attribution import ATTRIBUTION
from pressgraph.lang.fr.candidates import CANDIDATES
from pressgraph.lang.fr.dates import DATES
from pressgraph.lang.fr.frames import FRAMES
from pressgraph.lang.fr.grammar import GRAMMAR
from pressgraph.lang.fr.lists import LISTS
from pressgraph.lang.fr.modality import MODALITY
from pressgraph.lang.fr.numbers import NUMBERS
from pressgraph.lang.fr.roles import ROLES
from pressgraph.lang.fr.traits import TRAITS
from pressgraph.lang.lexicon import Parts

PARTS = Parts(
    numbers=NUMBERS,
    dates=DATES,
    frames=FRAMES,
    candidates=CANDIDATES,
    lists=LISTS,
    roles=ROLES,
    modality=MODALITY,
    attribution=ATTRIBUTION,
    grammar=GRAMMAR,
    traits=TRAITS,
)
