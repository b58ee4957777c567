#!/usr/bin/env python3
"""Writes a valid ewg dataset of about N entries to stdout, for benchmarks.

It keeps the bundled dataset whole and adds synthetic members until the dataset holds N entries.
Their text is drawn from the bundled data's own lowercase words, so that search sees realistic
vocabulary, and one entry in a hundred carries the phrase "labour rights". Deterministic: the
same N gives the same file.

usage: bench/gen_dataset.py N > target/bench/ewg-N.toml
"""

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = (ROOT / "data" / "ewg.toml").read_text(encoding="utf-8")
CATEGORIES = ["treaty-bodies", "special-procedures", "un-agencies", "civil-society", "academia", "nhris"]
# Entries in the bundled data: group, members, issues, publications, activities, objectives,
# guide chapters,
# events and terms, counted by their table headers.
BUNDLED_ENTRIES = 1 + len(re.findall(r"^\[\[(members|issues|publications|activities|objectives|guide|timeline|glossary)\]\]$", BUNDLED, re.M))
# Lowercase words only: capitals would read as acronyms, which must be in the glossary.
WORDS = sorted({w for w in re.findall(r"\b[a-z]{3,}\b", BUNDLED) if w not in {"https", "http", "www"}})


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def member(rng, i):
    description = sentence(rng, 14)
    if i % 100 == 0:
        description += " labour rights"
    return f'''
[[members]]
id = "synthetic-{i}"
name = "{sentence(rng, 5).capitalize()}"
aliases = ["{sentence(rng, 3)}"]
category = "{CATEGORIES[i % len(CATEGORIES)]}"
description = "{description.capitalize()}."
details = "{sentence(rng, 10).capitalize()}."
website = "https://example.org/{i}"
sources = ["https://example.org/{i}/source"]
'''


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        sys.exit(__doc__.strip().splitlines()[-1])
    wanted = int(sys.argv[1])
    rng = random.Random(wanted)
    out = [BUNDLED]
    out.extend(member(rng, i) for i in range(max(0, wanted - BUNDLED_ENTRIES)))
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
