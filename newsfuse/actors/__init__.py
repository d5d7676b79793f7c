"""Actor dictionaries in the CAMEO format (TABARI / PETRARCH): parse them, index them, look up names.

:mod:`newsfuse.actors.cameo` reads the files and maps CAMEO codes to our countries and
sectors; :mod:`newsfuse.actors.dictionary` holds the in-memory index.
"""

from newsfuse.actors.cameo import (
    AgentEntry,
    DatedCode,
    DictEntry,
    cameo_to_actor,
    parse_actor_file,
    parse_agent_file,
)
from newsfuse.actors.dictionary import ActorDictionary, load_dictionary_files, normalise

__all__ = [
    "ActorDictionary",
    "AgentEntry",
    "DatedCode",
    "DictEntry",
    "cameo_to_actor",
    "load_dictionary_files",
    "normalise",
    "parse_actor_file",
    "parse_agent_file",
]
