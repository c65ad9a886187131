"""Entities: gazetteer look-up, roles and titles, demonyms, and names found by their shape.

Every mention is resolved to one canonical entity: "Zelenskyi", "Zelenskyy" and "the
President of Ukraine" become Volodymyr Zelensky. Names outside the gazetteer are found
by how reports introduce people and bodies (titles, appositions, speech verbs, the head
words of organisations) and linked within the report by surname.

``finder`` holds the component and its pass over a report; matches are resolved to entities
in ``resolve``, places beyond the gazetteer's plain matches are found in ``place_search``,
people and bodies by the shape of their names in ``name_search``. The patterns and word
lists they read are in ``people``, ``bodies`` and ``places``; what the words around a span
say is in ``context``. Bodies and places the gazetteer does not know are found first by the
constructions in ``shapes``; mentions in a page's furniture are dropped by ``furniture``.
"""

from intex.pipeline.entities.bodies import ORG_NAME
from intex.pipeline.entities.context import STOP_CAPS
from intex.pipeline.entities.finder import EntityFinder, make_entities
from intex.pipeline.entities.people import TITLED_NAME, TITLES
from intex.pipeline.entities.places import LOCATIVE, PLACE_SHAPE

__all__ = ["LOCATIVE", "ORG_NAME", "PLACE_SHAPE", "STOP_CAPS", "TITLED_NAME", "TITLES",
           "EntityFinder", "make_entities"]
