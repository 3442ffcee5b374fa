#!/usr/bin/env python3
"""Write a synthetic news archive for scale tests and benchmarks.

    python3 scripts/make_archive.py 10000 target/archive-10000

Every article is a Markdown file with front matter (title, author, date), three to five
sections, and paragraphs whose words follow a Zipf-like spread over a vocabulary of 120,000
words: real English function words at the top, then made-up words from syllables. A 10,000
article archive holds tens of thousands of distinct words, most of them rare, as real news
does; people, places and organisations recur (for the topic map) and about a fifth of the
paragraphs quote someone (for the quotes panel).

The output depends only on the count and --seed, so benchmark figures are comparable.
"""

import argparse
import bisect
import itertools
import os
import random

FUNCTION_WORDS = """the of and to a in that is for it was on with he as at by his be from are
this have not or an but had they which one were their been has her would will she there all
we more if who no out so up what said can when about into than them its only other new some
could time these two may then do first any my now such like our over man me even most made
after also did many before must through back years where much your way well down should
because each just those people how too little state good very make world still own see men
work long get here between both life being under never day same another know while last might
us great old year off come since against go came right used take three""".split()

SYLLABLES = """ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go ha he hi ho
ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so
su ta te ti to tu va ve vi vo za ze zi bra tre pli sto gru fla ster mon tan ver lin dor kal
ris pen gal mar tor ven sel""".split()
ENDINGS = ["", "", "", "s", "ed", "ing", "er", "ion", "al", "ity", "ly", "ment"]

VOCABULARY = 120_000
ZIPF_S = 1.05


def made_up_word(rank, rng):
    """A pronounceable word, a different one for every rank."""
    word = "".join(rng.choice(SYLLABLES) for _ in range(1 + rank.bit_length() // 6 + rng.randrange(2)))
    return word + ENDINGS[rank % len(ENDINGS)]


def build_vocabulary(rng):
    words, seen = list(FUNCTION_WORDS), set(FUNCTION_WORDS)
    rank = len(words)
    while len(words) < VOCABULARY:
        word = made_up_word(rank, rng)
        if word not in seen:
            seen.add(word)
            words.append(word)
        rank += 1
    weights = [1.0 / (r + 1) ** ZIPF_S for r in range(len(words))]
    return words, list(itertools.accumulate(weights))


def proper_names(rng, count, parts):
    names = set()
    while len(names) < count:
        names.add(" ".join(made_up_word(rng.randrange(1, 5000), rng).capitalize() for _ in range(parts)))
    return sorted(names)


class Writer:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.words, self.cumulative = build_vocabulary(self.rng)
        self.people = proper_names(self.rng, 3000, 2)
        self.places = proper_names(self.rng, 600, 1)
        self.groups = [f"{p} {w}" for p, w in zip(proper_names(self.rng, 300, 1),
                                                  itertools.cycle(["Council", "Party", "Bank", "Institute", "Ministry"]))]

    def zipf(self, items):
        """An item, the first ones far more often than the last."""
        return items[min(int((self.rng.paretovariate(1.1) - 1) * 10), len(items) - 1)]

    def word(self):
        return self.words[bisect.bisect_left(self.cumulative, self.rng.random() * self.cumulative[-1])]

    def sentence(self):
        words = [self.word() for _ in range(self.rng.randint(8, 24))]
        for _ in range(self.rng.randrange(3)):
            name = self.zipf(self.rng.choice([self.people, self.places, self.groups]))
            words.insert(self.rng.randrange(1, len(words)), name)
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def paragraph(self):
        text = " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))
        if self.rng.random() < 0.2:
            quoted = " ".join(self.word() for _ in range(self.rng.randint(6, 18)))
            text += f" “{quoted.capitalize()},” said {self.zipf(self.people)}."
        return text

    def title(self):
        return " ".join(w.capitalize() for w in [self.word() for _ in range(self.rng.randint(3, 7))])

    def article(self, i):
        year, month, day = 2015 + i % 10, 1 + i % 12, 1 + i % 28
        lines = ["---", f"title: {self.title()}", f"author: {self.zipf(self.people)}",
                 f"date: {year}-{month:02}-{day:02}", "---", ""]
        for s in range(self.rng.randint(3, 5)):
            if s:
                lines += [f"## {self.title()}", ""]
            for _ in range(self.rng.randint(1, 3)):
                lines += [self.paragraph(), ""]
        return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    writer = Writer(args.seed)
    for i in range(args.count):
        with open(os.path.join(args.out, f"article-{i:05}.md"), "w", encoding="utf-8") as f:
            f.write(writer.article(i))


if __name__ == "__main__":
    main()
