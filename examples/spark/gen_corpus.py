#!/usr/bin/env python3
"""Writes a deterministic synthetic news corpus for testing whomet at scale.

Every person is invented: given names and surnames are built from syllables, and any that is a
real given name in whomet's lexicon (data/lexicon/given-names.txt) or a common English word is
dropped, so no real person's name appears. Articles mix meeting sentences ("X met Y in CITY on
Monday", "X will meet Y", "X held talks with Y", calls) with filler, and are written as JSON
lines split over several .jsonl files, plus a few .txt/.md files in a subdirectory (with
non-ASCII text, CRLF line ends, HTML entities and a repeated document id) so a comparison also
covers plain-text files, directory order and duplicate handling.

The same arguments always give the same bytes (Python's random.Random with a fixed seed).

Usage: gen_corpus.py OUTDIR [--articles 2000] [--files 4] [--seed 7]
"""

import argparse
import json
import os
import random
from pathlib import Path

ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
          "br", "dr", "kr", "tr", "vl", "zh", "th", "sk"]
VOWELS = ["a", "e", "i", "o", "u", "ae", "io", "ou"]
CODAS = ["", "", "", "n", "r", "s", "l", "th", "k", "x"]

CITIES = ["Geneva", "Vienna", "Nairobi", "Lima", "Oslo", "Doha", "Ankara", "Hanoi",
          "Lisbon", "Dakar", "Quito", "Riga", "Muscat", "Accra", "Tbilisi", "Manila"]
TITLES = ["Minister", "President", "General", "Dr.", "Ambassador", "Governor", "Senator",
          "Foreign Minister", "Prime Minister", "Mr.", "Ms."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

MEET = [
    "{a} met {b} in {city} on {day}.",
    "{a} met with {b} in {city} on {date}.",
    "{a} held talks with {b} in {city}.",
    "{a} and {b} met in {city} on {day} to discuss the {topic}.",
    "{a} will meet {b} in {city} next week.",
    "{a} is scheduled to meet {b} on {day}.",
    "{a} spoke by phone with {b} on {day} about the {topic}.",
    "{a} received {b} in {city} on {date}.",
    "On {day}, {a} held talks with {b} on the {topic}.",
    "{a} hosted {b} for a working dinner in {city}.",
]
FILLER = [
    "The talks covered the {topic} and regional security.",
    "Officials said the {topic} remained the main point of disagreement.",
    "Markets were calm after the announcement.",
    "No joint statement was issued.",
    "Analysts expect further negotiations on the {topic} in the coming months.",
    "The weather in {city} was unusually warm for the season.",
    "A spokesperson declined to comment on the details.",
    "{a} told reporters that progress had been made.",
    "Protesters gathered outside the venue in {city}.",
    "The agreement still needs parliamentary approval.",
]
TOPICS = ["water treaty", "trade agreement", "border dispute", "fishing quota",
          "energy deal", "rail project", "refugee plan", "customs union"]


def load_words(lexicon: Path) -> set:
    words = set()
    for name in ("given-names.txt", "common-words.txt", "stop-names.txt", "titles.txt",
                 "places.txt", "demonyms.txt", "nicknames.txt", "occupations.txt"):
        p = lexicon / name
        if p.exists():
            for line in p.read_text(encoding="utf-8").splitlines():
                w = line.strip().lstrip("!+").lower()
                if w and not w.startswith("#"):
                    words.update(w.replace(",", " ").split())
    return words


def invented_word(rng: random.Random, syllables: int, banned: set) -> str:
    while True:
        w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
        w += rng.choice(CODAS)
        if w not in banned and len(w) >= 4:
            banned.add(w)
            return w.capitalize()


def people(rng: random.Random, n: int, banned: set) -> list:
    given = [invented_word(rng, 2, banned) for _ in range(n // 3 + 1)]
    out, seen = [], set()
    while len(out) < n:
        full = f"{rng.choice(given)} {invented_word(rng, rng.choice((2, 3)), banned)}"
        if full not in seen:
            seen.add(full)
            out.append(full)
    return out


def article(rng: random.Random, cast: list, idx: int) -> dict:
    year = 2020 + idx % 5
    month = 1 + idx % 12
    day = 1 + idx % 28
    who = rng.sample(cast, rng.randint(2, 5))
    titles = {p: rng.choice(TITLES) for p in who}
    first = set()

    def ref(p):
        # First mention with a title and full name, later the surname alone.
        if p in first:
            return p.split()[-1]
        first.add(p)
        return f"{titles[p]} {p}"

    sentences = []
    for _ in range(rng.randint(3, 9)):
        a, b = rng.sample(who, 2)
        fill = {"city": rng.choice(CITIES), "day": rng.choice(WEEKDAYS),
                "topic": rng.choice(TOPICS),
                "date": f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}"}
        if rng.random() < 0.55:
            sentences.append(rng.choice(MEET).format(a=ref(a), b=ref(b), **fill))
        else:
            sentences.append(rng.choice(FILLER).format(a=ref(a), **fill))
    paragraphs, i = [], 0
    while i < len(sentences):
        k = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i:i + k]))
        i += k
    art = {"id": f"gen-{idx:05d}", "text": "\n\n".join(paragraphs)}
    r = rng.random()
    if r < 0.5:
        art["date"] = f"{year}-{month:02d}-{day:02d}"
    elif r < 0.6:
        art["text"] = f"{rng.choice(CITIES).upper()}, {MONTHS[month - 1]} {day} - " + art["text"]
    if rng.random() < 0.3:
        art["title"] = f"Talks in {rng.choice(CITIES)}"
    return art


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--files", type=int, default=4, help="number of .jsonl files")
    ap.add_argument("--people", type=int, default=0, help="cast size (default: articles / 2)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-text-files", action="store_true",
                    help="write only .jsonl files (no .txt/.md extras)")
    ap.add_argument("--lexicon", type=Path,
                    default=Path(__file__).resolve().parents[2] / "data" / "lexicon")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    banned = load_words(args.lexicon)
    cast = people(rng, args.people or max(10, args.articles // 2), banned)
    args.outdir.mkdir(parents=True, exist_ok=True)
    per_file = -(-args.articles // args.files)
    idx = 0
    for f in range(args.files):
        with open(args.outdir / f"batch-{f:02d}.jsonl", "w", encoding="utf-8", newline="\n") as out:
            for _ in range(min(per_file, args.articles - idx)):
                out.write(json.dumps(article(rng, cast, idx)) + "\n")
                idx += 1
            if f == 0:
                out.write("\n")  # a blank line: skipped by whomet
    if args.no_text_files:
        return
    # Plain-text articles in a subdirectory: read by whomet as files (id = extra/STEM).
    sub = args.outdir / "extra"
    sub.mkdir(exist_ok=True)
    a, b, c = cast[0], cast[1], cast[2]
    texts = {
        "txt-accents.txt": f"Minister {a} met Señora {b} in Genève on Monday. "
                           f"Ambassador {c} – who arrived late – held talks with {b}.\n",
        "txt-crlf.txt": f"President {a} held talks with General {c} in Oslo.\r\n\r\n"
                        f"{a.split()[-1]} will meet {b} on Friday.\r\n",
        "txt-entities.md": f"# Talks\n\nDr. {b} &amp; Governor {c} met in Lima on Tuesday &mdash; "
                           f"{c.split()[-1]} called it &ldquo;useful&rdquo;.\n",
        "txt-bom.txt": f"\ufeffSenator {c} met with {a} in Doha on Sunday.\n",
        # Same id as the first JSON line; whomet keeps whichever it reads first.
        "gen-00000.txt": f"Mr. {b} met Mr. {c} in Riga on Monday.\n",
    }
    for name, text in texts.items():
        (sub / name).write_bytes(text.encode("utf-8"))


if __name__ == "__main__":
    main()
