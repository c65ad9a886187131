"""What intex reads in reports that are not in English (Ukrainian and Russian first).

Full extraction in other languages is later work; this gives such reports their numbers,
what they count and the plainest status, so the ledger is not blind to them. Words are
matched by stem because both languages inflect ("дрон", "дрони", "дронів", "дронами").
"""

from __future__ import annotations

import re

# stem (lower case) -> the English counted noun the ledger uses
COUNTED_STEMS: tuple[tuple[str, str], ...] = (
    ("безпілотник", "drones"), ("беспилотник", "drones"), ("дрон", "drones"),
    ("бпла", "drones"), ("шахед", "drones"), ("ракет", "missiles"), ("снаряд", "shells"),
    ("військовослужбов", "troops"), ("военнослужащ", "troops"), ("військов", "troops"),
    ("военн", "troops"), ("солдат", "troops"), ("бійц", "troops"), ("боец", "troops"),
    ("бойц", "troops"), ("цивільн", "civilians"), ("мирн", "civilians"),
    ("дит", "children"), ("діт", "children"), ("дет", "children"), ("людин", "people"),
    ("людей", "people"), ("люди", "people"), ("человек", "people"), ("осіб", "people"),
    ("особ", "people"), ("жител", "residents"), ("мешканц", "residents"),
    ("танк", "tanks"), ("літак", "aircraft"), ("самолет", "aircraft"),
    ("гелікоптер", "helicopters"), ("вертолет", "helicopters"), ("будин", "buildings"),
    ("будинк", "buildings"), ("дом", "buildings"), ("полонен", "prisoners"),
    ("пленн", "prisoners"), ("біженц", "refugees"), ("беженц", "refugees"),
    ("загибл", "dead"), ("погибш", "dead"), ("поранен", "wounded"), ("ранен", "wounded"),
)
# stem -> status, the nearest one in the sentence wins
STATUS_STEMS: tuple[tuple[str, str], ...] = (
    ("збил", "intercepted"), ("збит", "intercepted"), ("сбил", "intercepted"),
    ("сбит", "intercepted"), ("знешкод", "intercepted"), ("перехопл", "intercepted"),
    ("перехвач", "intercepted"), ("подавлен", "intercepted"), ("знищ", "destroyed"),
    ("уничтож", "destroyed"), ("запуст", "launched"), ("випуст", "launched"),
    ("выпуст", "launched"), ("атакува", "launched"), ("атаковал", "launched"),
    ("загин", "killed"), ("погиб", "killed"), ("вбит", "killed"), ("убит", "killed"),
    ("загибл", "killed"), ("поранен", "wounded"), ("ранен", "wounded"),
    ("травмован", "wounded"), ("евакуй", "displaced"), ("эвакуир", "displaced"),
    ("полон", "captured"), ("плен", "captured"), ("передал", "supplied"),
    ("передан", "supplied"), ("постав", "supplied"),
)
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def counted_after(text: str, pos: int, words: int = 3) -> tuple[str | None, int, int]:
    """The counted noun among the next few words: (English unit, start, end)."""
    for i, m in enumerate(WORD.finditer(text, pos)):
        if i >= words:
            break
        low = m.group(0).lower()
        for stem, unit in COUNTED_STEMS:
            if low.startswith(stem):
                return unit, m.start(), m.end()
    return None, pos, pos


def status_near(text: str, pos: int) -> str | None:
    """The status word nearest to ``pos`` in ``text``, by stem."""
    best: tuple[int, str] | None = None
    for m in WORD.finditer(text):
        low = m.group(0).lower()
        for stem, status in STATUS_STEMS:
            if low.startswith(stem):
                dist = abs(m.start() - pos)
                if best is None or dist < best[0]:
                    best = (dist, status)
                break
    return best[1] if best else None
