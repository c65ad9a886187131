"""Language identification: the quick answer for plain English prose is py3langid's own
answer on every sample of the corpora, and never given for other languages."""

from __future__ import annotations

import re
from pathlib import Path

import py3langid
import pytest

from intex.pipeline.clean import make_cleaner
from intex.pipeline.doc import Doc
from intex.pipeline.language import detect, sure_english

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted(p for p in (ROOT / "tests" / "corpus").glob("*/*")
                if p.suffix in (".txt", ".html", ".htm"))

FRENCH = ("Attaque de drones sur Kyiv. Dans la nuit du 12 mai, les forces russes ont lancé "
          "45 drones d'attaque contre la capitale, selon l'armée de l'air ukrainienne. La "
          "défense aérienne en a abattu 38 au-dessus de la région. Trois personnes ont été "
          "blessées et un immeuble a été endommagé dans le quartier de Solomianskyi, a "
          "indiqué le chef de l'administration militaire de la ville sur Telegram.")
GERMAN = ("Drohnenangriff auf Kiew. In der Nacht zum 12. Mai haben die russischen Truppen "
          "nach Angaben der ukrainischen Luftwaffe 45 Kampfdrohnen gestartet. Die "
          "Luftabwehr hat 38 davon über der Region abgeschossen. Drei Menschen wurden "
          "verletzt, ein Wohnhaus ist beschädigt worden, teilte die Militärverwaltung mit.")
SPANISH = ("Ataque con drones contra Kiev. En la noche del 12 de mayo, las fuerzas rusas "
           "lanzaron 45 drones de ataque contra la capital, según la fuerza aérea de "
           "Ucrania. La defensa antiaérea derribó 38 sobre la región. Tres personas "
           "resultaron heridas y un edificio de viviendas sufrió daños, informó la "
           "administración militar de la ciudad en Telegram.")
DUTCH = ("Droneaanval op Kiev. In de nacht van 12 mei hebben de Russische troepen volgens "
         "de Oekraïense luchtmacht 45 aanvalsdrones gelanceerd. De luchtverdediging heeft er "
         "38 boven de regio neergeschoten. Drie mensen raakten gewond en een woongebouw werd "
         "beschadigd, meldde het militaire bestuur van de stad op Telegram.")
# English around a long quotation in French: the library weighs the two
QUOTING = ("The French defence minister said on Tuesday that the shipment of the first "
           "batch had been delayed. « Nous avons décidé de reporter la livraison des "
           "premiers systèmes, car la production est plus lente que prévu, et nous ne "
           "voulons pas dégarnir nos propres unités », a déclaré la ministre devant la "
           "commission de la défense de l'Assemblée nationale, où elle a répondu aux "
           "questions des députés sur le calendrier.")
ENGLISH = ("Air defence shot down 38 of the 45 drones launched overnight\n\nRussian forces "
           "launched 45 attack drones at Kyiv overnight, the Ukrainian Air Force said on "
           "Tuesday, adding that air defence units had shot down 38 of them over the region. "
           "Three people were wounded and a residential building was damaged in the "
           "Solomianskyi district, the head of the city's military administration said. "
           "It was the third attack on the capital this week, and officials said that the "
           "drones had come in waves from the north and the east.")


def _samples() -> list[str]:
    """Every report of the corpora (as written and as cleaned), cut at the start of each
    of its paragraphs into a sample of the length ``detect`` reads."""
    cleaner = make_cleaner()
    texts = []
    for path in CORPUS:
        raw = path.read_text(encoding="utf-8", errors="replace")
        doc = Doc(raw=raw, format="html" if path.suffix != ".txt" else "text")
        cleaner(doc)
        texts += [raw, doc.text]
    out: dict[str, None] = {}
    for text in texts:
        for start in [0, *(m.end() for m in re.finditer(r"\n+", text))]:
            out[text[start:start + 600]] = None
    return list(out)


def test_the_quick_answer_is_the_librarys_on_every_sample_of_the_corpora() -> None:
    if not CORPUS:
        pytest.skip("no corpus beside the tests")
    quick = [s for s in _samples() if sure_english(s)]
    assert len(quick) > 1000  # most samples take the quick path...
    assert [s[:80] for s in quick if py3langid.classify(s)[0] != "en"] == []  # ...rightly


def test_other_languages_and_english_quoting_them_go_to_the_library() -> None:
    for text, lang in ((FRENCH, "fr"), (GERMAN, "de"), (SPANISH, "es"), (DUTCH, "nl")):
        assert not sure_english(text)
        assert detect(text) == lang == py3langid.classify(text)[0]
    assert not sure_english(QUOTING)
    assert detect(QUOTING) == py3langid.classify(QUOTING[:600])[0]


def test_plain_english_takes_the_quick_path_and_short_text_does_not() -> None:
    assert sure_english(ENGLISH) and detect(ENGLISH) == "en"
    assert py3langid.classify(ENGLISH)[0] == "en"
    short = "The minister said that the talks of the week had been useful."
    assert not sure_english(short)  # under 40 words: the library decides
    assert detect(short) == py3langid.classify(short)[0]
