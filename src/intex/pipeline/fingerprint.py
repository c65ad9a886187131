"""Near-duplicate fingerprints: MinHash over word shingles, banded for look-up.

Syndicated copies of one wire story differ in furniture, headline and a sentence or two;
their shingle sets still overlap heavily. 64 hashes in 16 bands of 4 find pairs above
about 0.6 Jaccard similarity with few misses; the estimate decides.
"""

from __future__ import annotations

import hashlib
import re
import struct

import numpy as np

HASHES = 64
BANDS = 16
ROWS = HASHES // BANDS
SHINGLE = 5
_WORD = re.compile(r"\w+")
_MASKS = np.array([int.from_bytes(hashlib.blake2b(bytes([i]), digest_size=8).digest(), "big")
                   for i in range(HASHES)], dtype=np.uint64)


def _shingles(text: str) -> np.ndarray:
    """The 64-bit hashes of the text's word 5-grams (blake2b of the words joined
    by spaces, read big-endian), as an array."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    blake = hashlib.blake2b
    # the lists are of unequal length: the last window ends with the last word
    grams = map(" ".join, zip(*(words[k:] for k in range(SHINGLE)), strict=False))
    digests = b"".join([blake(g.encode(), digest_size=8).digest() for g in grams])
    return np.frombuffer(digests, dtype=">u8").astype(np.uint64)


def minhash(text: str) -> list[int]:
    sh = _shingles(text)
    # one XOR-permuted minimum per mask, all masks at once
    return [int(v) for v in np.bitwise_xor.outer(_MASKS, sh).min(axis=1).tolist()]


def bands(sig: list[int]) -> list[str]:
    return [f"{b:02d}" + hashlib.blake2b(struct.pack(f">{ROWS}Q", *sig[b * ROWS:(b + 1) * ROWS]),
                                          digest_size=12).hexdigest() for b in range(BANDS)]


def similarity(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
