"""English: the word lists and switches of the lexicon, one module per topic (data only).

:func:`pressgraph.lang.lexicon` joins these parts with the gazetteers of names.
"""

from pressgraph.lang.en.attribution import ATTRIBUTION
from pressgraph.lang.en.candidates import CANDIDATES
from pressgraph.lang.en.dates import DATES
from pressgraph.lang.en.frames import FRAMES
from pressgraph.lang.en.grammar import GRAMMAR
from pressgraph.lang.en.lists import LISTS
from pressgraph.lang.en.modality import MODALITY
from pressgraph.lang.en.numbers import NUMBERS
from pressgraph.lang.en.roles import ROLES
from pressgraph.lang.en.traits import TRAITS
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
