"""What the words around a span say: a capital before it, a sentence's start, a dateline,
words that are never a name (``STOP_CAPS``), and the span found (``_Found``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STOP_CAPS = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "Of", "And", "But", "Or",
    "As", "It", "He", "She", "They", "We", "I", "This", "That", "These", "Those", "There",
    "His", "Her", "Their", "Its", "Our", "My", "Your", "After", "Before", "During", "Since",
    "While", "When", "Where", "What", "Who", "Why", "How", "According", "Meanwhile", "However",
    "Also", "Earlier", "Later", "Today", "Yesterday", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December", "Oct",
    "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Photo",
    "Read", "Video", "Update", "Updated", "Published", "Category", "News", "Live", "Breaking",
    "President", "Minister", "General", "Mr", "Mrs", "Ms", "Dr", "Sources", "Officials",
    "Western", "Eastern", "Northern", "Southern", "Central", "Ukrainian", "Russian", "Some",
    "Most", "Many", "All", "Both", "Each", "Several", "About", "Around", "Over", "Under",
    "Up", "More", "Less", "Nearly", "Almost", "Only", "Just", "Still", "Even", "If", "Unlike",
    "Despite", "Although", "Though", "With", "Without", "Amid", "Among", "Between",
    "Through", "Across", "Against", "Toward", "Towards", "Within", "Points", "Attention",
    "Key", "Summary", "Home", "Politics", "World", "War", "Ukraine", "Kyiv", "Top", "Latest",
}


@dataclass
class _Found:
    start: int
    end: int
    entry_id: str
    why: str
    name: str = ""  # a name found by its shape, when not the words as written


# a role several countries' bodies share, in a report that names none of their countries:
# no body is picked, and the words are left to be found as a name of their own
UNPLACED = "role-unplaced"

POSSESSIVE = re.compile(r"\w['’]s\b")
# the first item of a list a name ends, or the next item after it
LIST_ITEM = r"[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)*"
LIST_BEFORE = re.compile(rf"(?<![\w'’-])(?P<sib>{LIST_ITEM})(?:,[ \t]+{LIST_ITEM})*,?[ \t]+"
                         r"(?:and|or)[ \t]+$")
LIST_AFTER = re.compile(rf",[ \t]+(?P<sib>{LIST_ITEM})(?:,|[ \t]+(?:and|or)[ \t]+[A-Z])")
ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|A|An|The)[ \t]+$")


def _capital_before(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` (a comma after it aside) starts with a capital:
    a cheap test before reading a name back from there."""
    if end > 0 and text[end - 1] == ",":
        end -= 1
    start = max(text.rfind(" ", 0, end), text.rfind("\t", 0, end), text.rfind("\n", 0, end)) + 1
    return start < end and (text[start].isupper() or text.startswith(
        ("al-", "el-", "as-", "ad-", "ar-", "ash-", "an-", "at-", "az-"), start))


def _written_lower(text: str, word: str) -> bool:
    """Whether the text also writes the word in lower case, as a word of its own."""
    low, at = word.lower(), 0
    while (at := text.find(low, at)) >= 0:
        end = at + len(low)
        if (at == 0 or not text[at - 1].isalnum()) and (end >= len(text) or
                                                        not text[end].isalnum()):
            return True
        at = end
    return False


def _title_case(line: str) -> bool:
    """A headline in Title Case, where capitals say nothing about names."""
    if line.rstrip().endswith("."):
        return False  # a sentence: "They were Sgt. William Rivers, 46, of Carrollton."
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) / len(words) > 0.7


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos]
    return pos == 0 or "\n" in before or bool(re.search(r"[.!?:\]\"“]\s*$", before))


def _dateline(text: str, s: int, e: int) -> bool:
    """'(Yonhap) --', '(Reuters) -': the agency's credit in a dateline."""
    return text[max(0, s - 1):s] == "(" and bool(re.match(r"\)\s*(?:--|—|–|-)", text[e:e + 4]))
