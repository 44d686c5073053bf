#!/usr/bin/env python3
"""Generates a large synthetic news corpus for whomet's throughput benchmarks.

    scripts/gen_corpus.py SIZE_MB OUT.jsonl [--seed N] [--people N] [--meeting-share P] [--jobs N]

Writes JSON lines `{"id", "date", "title", "text"}` (the input `whomet build` reads) until the
file holds at least SIZE_MB megabytes (10^6 bytes), ending on a whole article. The output is a
function of the arguments alone: the same SIZE_MB, --seed, --people and --meeting-share give the
same bytes, for any --jobs.

Every article is made up from its own random stream: a dateline ("SEOUL, March 4 - "), 5 to 30
sentences mixing meetings of many shapes (met, held talks with, will meet, X and Y met, spoke by
telephone, talks between, was welcomed by, received, shook hands with, negated and hypothetical
ones that are no meeting) with statements, quotes and figures, in paragraphs. Its cast is drawn
from a pool of invented people (syllable-table given names and surnames, each with a title and a
country) with a Zipf-like law, so a few people are in many articles and most in few, and the
number of distinct people keeps growing with the corpus. No article is a copy of another.

The corpus is test data: write it outside the repository (/tmp or a path given), never commit it.
"""

import argparse
import bisect
import itertools
import json
import multiprocessing
import os
import random
import sys

# --- Tables ---------------------------------------------------------------------------------

ONSETS = [
    "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh",
    "br", "dr", "kr", "tr", "gr", "pr", "st", "kh", "ts", "y", "j", "w", "",
]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ei", "ou", "ia", "ue", "y"]
CODAS = ["", "", "", "", "n", "r", "s", "l", "k", "m", "x", "nd", "rt", "sh", "v", "z"]
SURNAME_ENDS = [
    "", "", "", "", "", "ov", "ova", "escu", "ez", "son", "ski", "ani", "ian", "oglu", "berg",
    "stad", "ard", "ier", "elli", "ini", "adze", "enko", "uk", "ema", "oto", "awa",
]
# English words a syllable name could spell: never a name part ("Minister Him Besueawa" would
# be a test of pronoun handling, not of throughput).
ENGLISH = {
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "he", "her", "hers", "him", "his",
    "i", "in", "is", "it", "its", "me", "my", "no", "nor", "not", "of", "on", "or", "our", "she",
    "so", "the", "they", "them", "to", "up", "us", "was", "we", "who", "why", "yes", "you",
    "your", "may", "can", "any", "all", "one", "two", "ten", "sir", "mr", "mrs", "ms", "dr",
    "king", "queen", "prince", "pope", "emir", "lord", "lady", "said", "says", "told", "met",
    "meet", "talks", "with", "will", "from", "then", "than", "when", "where", "there", "here",
}
ACCENTED = {"e": "\u00e9", "a": "\u00e1", "o": "\u00f6", "u": "\u00fc", "i": "\u00ed"}

# (country, demonym, cities): places and demonyms a reader of wire copy would expect.
COUNTRIES = [
    ("France", "French", ["Paris", "Lyon", "Marseille"]),
    ("Germany", "German", ["Berlin", "Munich", "Hamburg", "Frankfurt"]),
    ("Italy", "Italian", ["Rome", "Milan", "Naples"]),
    ("Spain", "Spanish", ["Madrid", "Barcelona"]),
    ("Britain", "British", ["London", "Manchester", "Edinburgh"]),
    ("Russia", "Russian", ["Moscow", "St Petersburg"]),
    ("Ukraine", "Ukrainian", ["Kyiv"]),
    ("Poland", "Polish", ["Warsaw"]),
    ("Turkey", "Turkish", ["Ankara", "Istanbul"]),
    ("Iran", "Iranian", ["Tehran", "Isfahan", "Mashhad"]),
    ("Iraq", "Iraqi", ["Baghdad", "Basra", "Erbil"]),
    ("Egypt", "Egyptian", ["Cairo", "Alexandria"]),
    ("Israel", "Israeli", ["Jerusalem", "Tel Aviv", "Haifa"]),
    ("Jordan", "Jordanian", ["Amman"]),
    ("Lebanon", "Lebanese", ["Beirut"]),
    ("Syria", "Syrian", ["Damascus", "Aleppo"]),
    ("Saudi Arabia", "Saudi", ["Riyadh", "Jeddah"]),
    ("Qatar", "Qatari", ["Doha"]),
    ("Kuwait", "Kuwaiti", ["Kuwait City"]),
    ("China", "Chinese", ["Beijing", "Shanghai"]),
    ("Japan", "Japanese", ["Tokyo"]),
    ("South Korea", "Korean", ["Seoul"]),
    ("India", "Indian", ["New Delhi", "Mumbai", "Kolkata"]),
    ("Pakistan", "Pakistani", ["Islamabad", "Karachi"]),
    ("Indonesia", "Indonesian", ["Jakarta"]),
    ("Malaysia", "Malaysian", ["Kuala Lumpur"]),
    ("Brazil", "Brazilian", ["Brasilia", "Sao Paulo", "Rio de Janeiro"]),
    ("Mexico", "Mexican", ["Mexico City"]),
    ("Argentina", "Argentine", ["Buenos Aires"]),
    ("Nigeria", "Nigerian", ["Lagos"]),
    ("Kenya", "Kenyan", ["Nairobi"]),
    ("Canada", "Canadian", ["Ottawa", "Toronto", "Montreal"]),
    ("United States", "American", ["Washington", "New York", "Chicago"]),
    ("Australia", "Australian", ["Canberra", "Sydney", "Melbourne"]),
]
NEUTRAL_CITIES = ["Geneva", "Vienna", "Oslo", "Helsinki", "Brussels", "The Hague", "Singapore"]
TITLES = [
    ("Foreign Minister", "foreign minister", 10),
    ("Prime Minister", "prime minister", 4),
    ("President", "president", 4),
    ("Defence Minister", "defence minister", 5),
    ("Finance Minister", "finance minister", 5),
    ("Trade Minister", "trade minister", 4),
    ("Energy Minister", "energy minister", 3),
    ("Interior Minister", "interior minister", 3),
    ("Health Minister", "health minister", 2),
    ("Ambassador", "ambassador", 6),
    ("Senator", "senator", 4),
    ("General", "general", 3),
    ("Governor", "governor", 3),
    ("Mayor", "mayor", 2),
    ("Deputy Foreign Minister", "deputy foreign minister", 3),
    ("Central Bank Governor", "central bank governor", 2),
    ("Speaker", "speaker", 1),
]
TITLE_CUM = list(itertools.accumulate(w for _, _, w in TITLES))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
TOPICS = [
    "trade", "energy security", "the grain corridor", "regional security", "climate finance",
    "debt relief", "border crossings", "nuclear safety", "fishing rights", "visa rules",
    "the ceasefire", "refugee returns", "arms control", "tariffs on steel", "water sharing",
    "a new pipeline", "port investment", "the prisoner exchange", "cyber security",
    "vaccine supplies", "rail links", "shipping lanes", "election monitoring", "food prices",
]
SUMMITS = [
    "G20 summit", "UN General Assembly", "NATO summit", "climate conference",
    "regional security forum", "investment forum", "energy conference", "trade fair",
]
ORGS = [
    "ministry", "foreign ministry", "central bank", "statistics office", "government",
    "presidency", "defence ministry", "electoral commission", "port authority",
]
BUILDINGS = ["parliament", "foreign ministry", "central bank", "embassy", "city hall"]
QUOTES = [
    "We have made real progress, but much remains to be done",
    "This is a difficult moment for the whole region",
    "Our doors remain open to dialogue",
    "The figures speak for themselves",
    "Nobody wants a return to the old disputes",
    "We expect concrete results within months",
    "The agreement protects jobs on both sides",
    "We will not accept pressure from outside",
    "Our priority is the safety of civilians",
    "These talks were frank and constructive",
]
CLAUSES = [
    "the talks had been useful", "further rounds were planned", "no agreement was reached",
    "the figures would be revised", "the deadline could slip", "a joint statement was expected",
    "the dispute had been settled", "prices would fall by the end of the year",
    "the delegation would return home on schedule", "more funding was needed",
]

# --- People ---------------------------------------------------------------------------------


def syllable(rng):
    return rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)


def word(rng, syllables, end=""):
    w = "".join(syllable(rng) for _ in range(syllables)) + end
    if rng.random() < 0.03:
        i = rng.randrange(len(w))
        w = w[:i] + ACCENTED.get(w[i], w[i]) + w[i + 1:]
    return w[:1].upper() + w[1:]


def make_pool(size, seed):
    """`size` distinct invented people: (given, surname, title index, country index)."""
    rng = random.Random(f"people-{seed}")
    seen = set()
    pool = []
    while len(pool) < size:
        given = word(rng, rng.choice((1, 2, 2, 2, 3)))
        if len(given) < 3 or given.lower() in ENGLISH:
            continue
        surname = word(rng, rng.choice((1, 2, 2, 3)), rng.choice(SURNAME_ENDS))
        if len(surname) < 4 or surname.lower() in ENGLISH or (given, surname) in seen:
            continue
        seen.add((given, surname))
        t = bisect.bisect_right(TITLE_CUM, rng.random() * TITLE_CUM[-1])
        pool.append((given, surname, t, rng.randrange(len(COUNTRIES))))
    return pool


def zipf_cum(size, s=1.0, q=100.0):
    """Cumulative Zipf-Mandelbrot weights 1/(rank+q)^s: a head of frequent people, a long tail."""
    return list(itertools.accumulate(1.0 / (i + q) ** s for i in range(size)))


POOL = []
CUM = []

# --- Articles -------------------------------------------------------------------------------


class Article:
    """One article being written: its cast, who has been introduced, and its sentences."""

    def __init__(self, rng):
        self.rng = rng
        self.introduced = set()
        self.last = None

    def ref(self, p):
        """A mention of person `p`: full, titled and placed the first time, then a short form."""
        rng = self.rng
        given, surname, t, c = POOL[p]
        title, title_lc, _ = TITLES[t]
        country, demonym, _ = COUNTRIES[c]
        if p not in self.introduced:
            self.introduced.add(p)
            self.last = p
            r = rng.random()
            if r < 0.45:
                return f"{demonym} {title} {given} {surname}"
            if r < 0.75:
                return f"{title} {given} {surname} of {country}"
            if r < 0.9:
                return f"{given} {surname}, {country}'s {title_lc},"
            return f"{given} {surname}"
        self.last = p
        r = rng.random()
        if r < 0.7:
            return surname
        if r < 0.85:
            return f"{title.split()[-1]} {surname}"
        return f"{given} {surname}"

    def city(self, p=None):
        rng = self.rng
        if p is not None and rng.random() < 0.7:
            return rng.choice(COUNTRIES[POOL[p][3]][2])
        if rng.random() < 0.2:
            return rng.choice(NEUTRAL_CITIES)
        return rng.choice(rng.choice(COUNTRIES)[2])

    def meeting(self, a, b, c):
        rng = self.rng
        A, B = self.ref(a), self.ref(b)
        day = rng.choice(WEEKDAYS)
        topic = rng.choice(TOPICS)
        city = self.city(b)
        shape = rng.randrange(18)
        if shape == 0:
            return f"{A} met {B} in {city} on {day}."
        if shape == 1:
            return f"{A} held talks with {B} on {topic}."
        if shape == 2:
            return f"{A} will meet {B} next week in {city}, officials said."
        if shape == 3:
            return f"{A} and {B} met in {city} on {day} to discuss {topic}."
        if shape == 4:
            return f"{A} spoke with {B} by telephone on {day} about {topic}."
        if shape == 5:
            return f"Talks between {A} and {B} on {day} focused on {topic}."
        if shape == 6:
            return f"{A} was welcomed by {B} at the airport in {city}."
        if shape == 7:
            C = self.ref(c)
            summit = rng.choice(SUMMITS)
            return f"{A} met with {B} and {C} on the sidelines of the {summit} in {city}."
        if shape == 8:
            month, d = rng.choice(MONTHS), rng.randint(1, 28)
            return f"{A} is scheduled to meet {B} in {city} on {month} {d}."
        if shape == 9:
            return f"{A} received {B} at the presidential palace on {day}."
        if shape == 10:
            return f"{A} telephoned {B} on {day}, the {rng.choice(ORGS)} said."
        if shape == 11:
            return f"{A} did not meet {B} during the visit, according to diplomats."
        if shape == 12:
            return f"{A} shook hands with {B} before the talks in {city}."
        if shape == 13:
            return f"{A} sat down with {B} for two hours of talks on {topic}."
        if shape == 14:
            return f"{A} could meet {B} if the ceasefire holds, analysts said."
        if shape == 15:
            return f"{A} held a meeting with {B} in {city} on {topic}."
        if shape == 16:
            return f"The meeting between {A} and {B} lasted more than an hour."
        return f"{A} and {B} are expected to meet in {city} later this month."

    def other(self, a, year):
        rng = self.rng
        shape = rng.randrange(12)
        if shape == 0:
            who, topic = self.ref(a), rng.choice(TOPICS)
            return f"{who} said the two countries would expand cooperation in {topic}."
        if shape == 1:
            return f'"{rng.choice(QUOTES)}," {self.ref(a)} told reporters.'
        if shape == 2:
            (c1, _, _), (c2, _, _) = rng.sample(COUNTRIES, 2)
            return (
                f"Trade between {c1} and {c2} reached ${rng.randint(2, 400)}.{rng.randint(0, 9)} "
                f"billion in {year - 1}, up {rng.randint(1, 30)} percent from a year earlier."
            )
        if shape == 3:
            return f"The {rng.choice(ORGS)} said in a statement that {rng.choice(CLAUSES)}."
        if shape == 4:
            return (
                f"Officials expect {rng.randint(12, 190)} delegations at the "
                f"{rng.choice(SUMMITS)} in {self.city()}."
            )
        if shape == 5:
            return (
                f"Shares in {self.city()} rose {rng.randint(1, 9)}.{rng.randint(0, 9)} percent "
                f"on {rng.choice(WEEKDAYS)}."
            )
        if shape == 6:
            return (
                f"Several hundred protesters gathered outside the {rng.choice(BUILDINGS)} in "
                f"{self.city()} on {rng.choice(WEEKDAYS)}."
            )
        if shape == 7 and self.last is not None:
            return f"{rng.choice(('He', 'She'))} added that {rng.choice(CLAUSES)}."
        if shape == 8:
            who, since, topic = self.ref(a), year - rng.randint(1, 9), rng.choice(TOPICS)
            return f"{who}, who took office in {since}, has made {topic} a priority."
        if shape == 9:
            return (
                f"Inflation stood at {rng.randint(1, 40)}.{rng.randint(0, 9)} percent in "
                f"{rng.choice(MONTHS)}, the {rng.choice(ORGS)} said."
            )
        if shape == 10:
            demonym, since = COUNTRIES[POOL[a][3]][1], year - rng.randint(2, 30)
            return f"The visit is the first by a {demonym} official since {since}."
        return f'"{rng.choice(QUOTES)}," said {self.ref(a)}.'


def article(seed, index, meeting_share):
    """Article number `index`, as one JSON line (bytes). The lead sentence is a meeting; each
    other sentence is one with probability `meeting_share`."""
    rng = random.Random(seed * 1_000_003 + index)
    year = rng.randint(2012, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    cast = list(dict.fromkeys(rng.choices(range(len(POOL)), cum_weights=CUM, k=rng.randint(2, 7))))
    while len(cast) < 3:
        p = rng.randrange(len(POOL))
        if p not in cast:
            cast.append(p)
    art = Article(rng)
    lead = cast[0]
    dateline = f"{art.city(lead).upper()}, {MONTHS[month - 1]} {day} - "
    sentences = []
    for i in range(rng.randint(5, 30)):
        a, b, c = rng.sample(cast, 3)
        if i == 0:
            a = lead
            if b == a:
                b = c
        if i == 0 or rng.random() < meeting_share:
            sentences.append(art.meeting(a, b, c))
        else:
            sentences.append(art.other(a, year))
    paragraphs = []
    i = 0
    while i < len(sentences):
        n = rng.randint(1, 4)
        paragraphs.append(" ".join(sentences[i:i + n]))
        i += n
    text = dateline + "\n\n".join(paragraphs)
    given, surname, _, _ = POOL[lead]
    _, surname_b, _, _ = POOL[cast[1]]
    title = rng.choice((
        f"{surname} meets {surname_b} as talks on {rng.choice(TOPICS)} resume",
        f"{surname} and {surname_b} discuss {rng.choice(TOPICS)}",
        f"{given} {surname} in {art.city(lead)} for talks",
        f"Ministers weigh {rng.choice(TOPICS)}",
    ))
    record = {
        "id": f"gen{seed}-{index:08d}",
        "date": f"{year:04d}-{month:02d}-{day:02d}",
        "title": title,
        "text": text,
    }
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


CHUNK = 500


def chunk(args):
    seed, number, share = args
    return b"".join(article(seed, number * CHUNK + i, share) for i in range(CHUNK))


def init(pool_size, seed):
    global POOL, CUM
    POOL = make_pool(pool_size, seed)
    CUM = zipf_cum(pool_size)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("size_mb", type=float, help="target size in MB (10^6 bytes)")
    ap.add_argument("out", help="output .jsonl path (outside the repository)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument(
        "--people",
        type=int,
        default=None,
        help="size of the pool of invented people (default: 500 per MB, at least 50,000)",
    )
    ap.add_argument(
        "--meeting-share",
        type=float,
        default=0.15,
        help="probability that a sentence after the lead reports a meeting (default 0.15)",
    )
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    args = ap.parse_args()
    target = int(args.size_mb * 1_000_000)
    people = args.people or max(50_000, int(args.size_mb * 500))
    init(people, args.seed)
    written = docs = 0
    with open(args.out, "wb", buffering=16 << 20) as out:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(args.jobs) as pool:
            batch = 0
            while written < target:
                first = batch * 4 * args.jobs
                numbers = [
                    (args.seed, n, args.meeting_share) for n in range(first, first + 4 * args.jobs)
                ]
                batch += 1
                for block in pool.imap(chunk, numbers):
                    # Cut on an article boundary once the target is reached.
                    for line in block.splitlines(keepends=True):
                        if written >= target:
                            break
                        out.write(line)
                        written += len(line)
                        docs += 1
                    if written >= target:
                        break
    print(f"{args.out}: {docs} articles, {written} bytes, {people} people in the pool",
          file=sys.stderr)


if __name__ == "__main__":
    main()
