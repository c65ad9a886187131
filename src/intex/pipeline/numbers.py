"""Reading number expressions: digits in any grouping, scale words, words, ranges, hedges.

Pure functions over a sentence's text; ``quantities.py`` decides which numbers matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intex.pipeline.prefilter import SLOW_SCAN, prefiltered

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "thous": 1_000, "тыс": 1_000,
    "тис": 1_000, "million": 1_000_000, "millions": 1_000_000, "mln": 1_000_000,
    "mn": 1_000_000, "m": 1_000_000, "млн": 1_000_000, "billion": 1_000_000_000,
    "bn": 1_000_000_000, "bln": 1_000_000_000, "b": 1_000_000_000, "млрд": 1_000_000_000,
    "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
    # the German abbreviations a figure keeps in an English sentence ("30 Mio. Euro")
    "mio": 1_000_000, "mrd": 1_000_000_000,
}
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₩": "KRW", "¥": "JPY",
                  "₽": "RUB", "us$": "USD"}
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
    "eur": "EUR", "pounds": "GBP", "pound": "GBP", "gbp": "GBP", "sterling": "GBP",
    "hryvnias": "UAH", "hryvnia": "UAH", "hryvnas": "UAH", "hryvnya": "UAH", "uah": "UAH",
    "won": "KRW", "krw": "KRW", "yen": "JPY", "jpy": "JPY", "rubles": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rouble": "RUB", "rub": "RUB", "francs": "CHF", "chf": "CHF",
    "kroner": "NOK", "kronor": "SEK", "zloty": "PLN", "yuan": "CNY",
    "dkk": "DKK", "sek": "SEK", "nok": "NOK", "pln": "PLN",
    # currencies of the regions the corpus reports from, named by one country each
    "kyats": "MMK", "kyat": "MMK", "baht": "THB", "riels": "KHR", "riel": "KHR",
    "naira": "NGN", "birr": "ETB", "rand": "ZAR", "taka": "BDT", "shekels": "ILS",
    "shekel": "ILS", "afghanis": "AFN", "hryvnyas": "UAH", "tenge": "KZT", "lari": "GEL",
    "drams": "AMD", "manats": "AZN", "meticais": "MZN", "metical": "MZN",
}
HEDGES_BEFORE = (
    "approximately", "approx.", "approx", "about", "around", "roughly", "nearly", "almost",
    "some", "an estimated", "estimated", "at least", "more than", "over", "up to",
    "as many as", "fewer than", "less than", "under", "close to", "upwards of",
    "in excess of", "just over", "just under", "well over", "nearly", "circa", "ca.",
    "no fewer than", "no less than", "not less than", "not more than", "no more than",
    "at most", "at minimum", "a minimum of", "a maximum of", "an additional", "another",
    "almost", "about", "some", "over", "above", "below", "more then", "min.", "max.",
    "~", "≈", "c.",
)
# hedges that do not make a number approximate
EXACT_HEDGES = {"an additional", "another"}
# any hedge, as a regex fragment for patterns that allow one before a number
HEDGE_PHRASE = "(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in
                                sorted(set(HEDGES_BEFORE), key=len, reverse=True)) + ")"

_DIGITS = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 11,000 / 1,200.5
           r"|\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?"  # 11.000 (European)
           r"|\d{1,3}(?:[ \u00a0\u202f']\d{3})+(?!\d)"  # 11 000 / 11'000
           r"|\d+(?:[.,]\d+)?")  # 3000 / 1.2 / 1,2
# "12-thousand", "three-thousand": a transcript joins the figure and its scale with a hyphen
_SCALE = (r"(?:(?:\s*|-)(?:hundred|thousand|million|millions|billion|trillion|mln|bln|mn|bn|tn|trn|"
          r"mio\.?|mrd\.?|"
          r"thous\.?|тыс(?:яч[аи]?)?\.?|тис(?:яч[іаи]?)?\.?|млн|млрд|мільйон\w*|миллион\w*|"
          r"мільярд\w*|миллиард\w*)(?!\w)|(?:k|m|b|bn|mn)\b)")
_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
         r"four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|"
         r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
# ("three-thousand": a transcript joins the number and its scale with a hyphen)
_WORD_NUMBER = (rf"{_WORD}-(?:hundred|thousand|million|billion)"
                rf"|(?:a|one|{_WORD})?(?:\s+(?:hundred|thousand|million|billion)"
                rf"(?:\s+(?:and\s+)?{_WORD})?)+|{_WORD}")
_CUR_PRE = r"(?:US\$|\$|€|£|₴|₩|¥|₽|(?:USD|EUR|GBP|UAH|KRW|JPY|RUB|CHF|DKK|SEK|NOK|PLN|CAD|AUD)\s?)"

_NUMBER = (
    rf"(?P<cur>{_CUR_PRE})?(?P<num>{_DIGITS})(?P<scale>{_SCALE})?(?P<plus>\+)?"
    # "two dozen" before the word numbers, which would read "two" alone
    r"|(?P<dozen>\b(?:a|one|two|three|four|five|half a)\s+dozens?\b|\bdozen\b)"
    # "three-point-five million": a decimal said in words, as transcripts write it
    rf"|(?P<pnum>\b{_WORD})[- ]point[- ](?P<pfrac>(?:zero|one|two|three|four|five|six|seven|"
    rf"eight|nine)(?:[- ](?:zero|one|two|three|four|five|six|seven|eight|nine))*)"
    rf"(?P<pscale>{_SCALE})"
    rf"|(?P<wnum>\b(?:{_WORD_NUMBER})\b)(?P<wscale>{_SCALE})?"
    r"|(?P<half>\bhalf\s+a\s+(?:million|billion)\b)")
# Scanned over every sentence, so tried only where a number can start: a digit or a
# currency sign; a currency code right before a figure ("USD 5", anywhere: the pattern
# does not ask for a word's start there); at a word's start (every word branch opens
# with \b), only the first letters of the number words, "a " ("a dozen", "a hundred"),
# "half" and "dozen"; and a scale word's white space only right after a word. Naming
# the words, not just their initials, keeps the whole pattern from being tried at most
# words of a sentence ("the", "said", "on"). Every match passes it, so the matches are
# the pattern's own (tests/pipeline/test_numbers.py compares).
# Each word branch waits behind a class of its first letters: under IGNORECASE the
# engine cannot skip an alternative on its first letter, so without the class every
# position tried all twenty stems and fourteen currency codes, one by one.
_NUMBER_START = (r"(?=[\d$€£₴₩¥₽]"
                 r"|\b(?=[adefhnostz])(?:a\s|one|two|thr|thi|fo[ur]|fi[vf]|six|sev|eig|nin|ten"
                 r"|ele|twe|zero|half|dozen)"
                 r"|\b\s+(?:hundred|thousand|million|billion)"
                 r"|(?=[acdegjknprsu])(?:us\$|(?:usd|eur|gbp|uah|krw|jpy|rub|chf|dkk|sek|nok|pln"
                 r"|cad|aud)\s?\d))")
NUMBER = re.compile(_NUMBER_START + f"(?:{_NUMBER})", re.I)

VAGUE = re.compile(
    r"\b(?P<v>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|thousands|"
    r"millions|billions|several\s+(?:hundred|thousand|million|dozen)|a\s+few\s+(?:hundred|"
    r"thousand|dozen)|a\s+handful)\b(?:\s+of\b)?", re.I)
VAGUE = prefiltered(VAGUE, SLOW_SCAN)  # tried on every sentence, slow to fail there
VAGUE_RANGES = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "millions": (2e6, 9.99e6), "billions": (2e9, 9.99e9), "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999), "tens of millions": (2e7, 9.9e7),
    "hundreds of millions": (2e8, 9.9e8), "several hundred": (300, 900),
    "several thousand": (3000, 9000), "several million": (3e6, 9e6), "several dozen": (36, 99),
    "a few hundred": (200, 500), "a few thousand": (2000, 5000), "a few dozen": (24, 60),
    "a handful": (3, 9),
}


def scale_of(word: str) -> float:
    """A scale word's factor; Cyrillic ones in any case form ("тисяч", "миллиона")."""
    if word in SCALES:
        return SCALES[word]
    for stem, factor in (("тис", 1e3), ("тыс", 1e3), ("мільйон", 1e6), ("миллион", 1e6),
                         ("мільярд", 1e9), ("миллиард", 1e9)):
        if word.startswith(stem):
            return factor
    raise KeyError(word)


@dataclass
class Number:
    start: int
    end: int
    value: float
    currency: str | None = None
    plus: bool = False
    words: bool = False  # written in words
    percent: bool = False
    text: str = ""


# the shapes parse_digits tells apart, compiled once (it runs for every number)
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_SPACE_THOUSANDS = re.compile(r"\d{1,3}(?:[ ']\d{3})+")
_DECIMAL = re.compile(r"\d+[.,]\d+")
_DIGITS = re.compile(r"\d+")


def parse_digits(num: str, has_scale: bool) -> float | None:
    s = num.replace("\u00a0", " ").replace("\u202f", " ")
    if _COMMA_THOUSANDS.fullmatch(s):
        return float(s.replace(",", ""))
    if _DOT_THOUSANDS.fullmatch(s) and not has_scale:
        return float(s.replace(".", "").replace(",", "."))
    if _SPACE_THOUSANDS.fullmatch(s):
        return float(s.replace(" ", "").replace("'", ""))
    if _DECIMAL.fullmatch(s):
        return float(s.replace(",", "."))
    if _DIGITS.fullmatch(s):
        return float(s)
    return None


def parse_words(text: str) -> float | None:
    total, current = 0.0, 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.lower()):
        if w in ("and", ""):
            continue
        if w in ("a", "one") and not seen:
            current = 1
            seen = True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in ("thousand", "million", "billion"):
            total += (current or 1) * SCALES[w]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


_ANY_NUMBER = re.compile(r"\d|\b(?:" + "|".join(UNITS) + r"|a dozen|dozens?|half a|"
                         r"a (?:hundred|thousand|million|billion))\b", re.I)
# the same test, its first branch alone first: a scan for a digit runs as a character
# search, far cheaper than trying the words at every position (most sentences with a
# figure have a digit); other modules' rules look for a digit with it too
DIGIT = re.compile(r"\d")


def find_numbers(text: str) -> list[Number]:
    out: list[Number] = []
    if not DIGIT.search(text) and not _ANY_NUMBER.search(text):
        return out
    for m in NUMBER.finditer(text):
        start, end = m.start(), m.end()
        if m.group("num"):
            scale_word = (m.group("scale") or "").strip(" -").lower().rstrip(".")
            value = parse_digits(m.group("num"), bool(scale_word))
            if value is None:
                continue
            if scale_word:
                value *= scale_of(scale_word)
            cur = m.group("cur")
            currency = None
            if cur:
                c = cur.strip().lower()
                currency = CURRENCY_SIGNS.get(c) or c.upper()
            # a bare single letter after a number is a scale only when it is k/m/bn style
            # ("14.6M people", "12M people in need", written tight and in capitals, are
            # millions)
            if scale_word in ("m", "b") and not currency and m.group("scale") not in ("M", "B"):
                # "5 m" is metres, "5m" is millions only with money
                value /= scale_of(scale_word)
                end = m.start("scale")
            out.append(Number(start, end, value, currency, bool(m.group("plus")), False,
                              text=text[start:end]))
        elif m.group("wnum"):
            value = parse_words(m.group("wnum"))
            if value is None:
                continue
            scale_word = (m.group("wscale") or "").strip(" -").lower().rstrip(".")
            if scale_word in ("m", "b", "k"):
                end = m.start("wscale")
                scale_word = ""
            if scale_word:
                value *= scale_of(scale_word)
            out.append(Number(start, end, value, None, False, True, text=text[start:end]))
        elif m.group("dozen"):
            w = m.group("dozen").lower().split()
            mult = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                    "half": 0.5}.get(w[0], 1)
            out.append(Number(start, end, 12 * mult, None, False, True, text=text[start:end]))
        elif m.group("pnum"):
            whole, scale_word = parse_words(m.group("pnum")), m.group("pscale").strip(" -.")
            digits = "".join(str(UNITS[w]) for w in re.split(r"[\s-]+", m.group("pfrac").lower()))
            if whole is None or scale_word.lower() not in SCALES:
                continue
            value = (whole + float("0." + digits)) * scale_of(scale_word.lower())
            out.append(Number(start, end, value, None, False, True, text=text[start:end]))
        elif m.group("half"):
            scale = SCALES[m.group("half").split()[-1].lower()]
            out.append(Number(start, end, scale / 2, None, False, True, text=text[start:end]))
    return out
