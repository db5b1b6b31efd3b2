"""A synthetic corpus in the seed format, for load and scale tests. Plain Python, no Django.

Every file is `SHARD/synthetic_NNNNNN.txt` (1,000 files per shard folder) and holds the marker
phrase `MARKER`, so a synthetic article is recognisable wherever it ends up. The output depends
only on the seed and the article number: shard k is generated from its own random stream, so
any number of worker processes writes the same bytes.
"""

import os
import random
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from tooling.synthetic import vocabulary as V

FILES_PER_SHARD = 1000
FILE_PREFIX = "synthetic_"

# Zipf-like weights: the first countries appear in most articles, the tail rarely.
_COUNTRY_WEIGHTS = list(accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(V.COUNTRIES))))
_TOPIC_WEIGHTS = list(accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(V.TOPICS))))


@dataclass(frozen=True)
class Person:
    title: str
    country: str  # Vietnamese name
    given: str
    surname: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"


def file_name(number: int) -> str:
    return f"{FILE_PREFIX}{number:06d}.txt"


def shard_name(shard: int) -> str:
    return f"{shard:04d}"


def relative_path(number: int) -> str:
    """Where article `number` (from 1) lives under the corpus folder."""
    return f"{shard_name((number - 1) // FILES_PER_SHARD)}/{file_name(number)}"


class ArticleWriter:
    """Generates articles from one random stream."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def country(self, avoid=()):
        while True:
            entry = self.rng.choices(V.COUNTRIES, cum_weights=_COUNTRY_WEIGHTS)[0]
            if entry not in avoid:
                return entry

    def person(self, entry, title: str | None = None) -> Person:
        _, name, _, given, surnames = entry
        return Person(title or self.rng.choice(V.TITLES), name, self.rng.choice(given), self.rng.choice(surnames))

    def topic(self) -> str:
        return self.rng.choices(V.TOPICS, cum_weights=_TOPIC_WEIGHTS)[0]

    def article(self, number: int) -> str:
        rng = self.rng
        first = self.country()
        second = self.country(avoid=(first,))
        third = self.country(avoid=(first, second))
        title = rng.choice(V.TITLES)
        a, b = self.person(first, title), self.person(second, title)
        city = rng.choice(first[2] if rng.random() < 0.6 else second[2])
        caption_event, body_event = rng.choice(V.EVENTS)
        year = rng.randint(2015, 2024)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        topic, topic2 = self.topic(), self.topic()
        credit = rng.choice(V.CREDITS)
        with_year = rng.random() < 0.5
        date = f"{day}/{month}/{year}" if with_year else f"{day}/{month}"

        caption = (
            f"{a.title} {a.country} {a.surname} {rng.choice(V.POSITIONS)} và người đồng cấp {b.country} {b.surname} "
            f"{caption_event.format(city=city)}, ngày {date}. (Nguồn: {credit}) |"
        )
        paragraphs = [
            f"Ngày {day}/{month}, {a.title} {a.country} {a.full} và {b.title} {b.country} {b.full} "
            f"{body_event.format(city=city)}, tập trung vào {topic} và {topic2}.",
            f"Phát biểu sau cuộc gặp, ông {a.surname} nói: “{rng.choice(V.QUOTES_FIRST).format(topic=topic, partner=b.country)}”.",
            f"Quan hệ {a.country}-{b.country} được nâng lên {rng.choice(V.RELATION_LEVELS)} từ tháng "
            f"{rng.randint(1, 12)}/{year - rng.randint(1, 8)}. Kim ngạch thương mại hai chiều năm {year - 1} "
            f"đạt {rng.randint(2, 900)},{rng.randint(1, 9)} tỷ USD.",
            f"{b.title} {b.country} {b.surname} nhấn mạnh: \"{rng.choice(V.QUOTES_SECOND).format(topic=topic2, partner=a.country)}\".",
        ]
        if rng.random() < 0.7:
            paragraphs.append(
                f"Trước đó, {third[1]} cũng bày tỏ quan ngại về tình hình {rng.choice(V.REGIONS)} "
                f"và kêu gọi {rng.choice(V.ORGANIZATIONS)} vào cuộc."
            )
        if rng.random() < 0.5:
            paragraphs.append(
                f"Theo kế hoạch, hai bên sẽ gặp lại vào tháng {rng.randint(1, 12)} năm {year + 1} "
                f"tại {rng.choice(second[2])} để rà soát tiến độ về {self.topic()}."
            )
        paragraphs.append(V.MARKER.format(number=number))
        related = [self.related_row(year) for _ in range(rng.randint(1, 3))]
        return "\n".join([caption, *paragraphs, *related])

    def related_row(self, year: int) -> str:
        rng = self.rng
        a = self.country()
        b = self.country(avoid=(a,))
        c = self.country(avoid=(a, b))
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        headline = rng.choice(V.RELATED_HEADLINES).format(
            day=day, month=month, a=a[1], b=b[1], c=c[1], topic=self.topic(), region=rng.choice(V.REGIONS)
        )
        opener = rng.choice(V.SNIPPET_OPENERS).format(country=c[1], day=day, month=month, credit=rng.choice(V.CREDITS))
        snippet = f"{opener} {a[1]} cho biết sẽ tiếp tục theo dõi sát diễn biến liên quan tới {self.topic()} ..."
        return f"| {headline} {snippet} |"


def shard_articles(seed: int, shard: int, first: int, last: int) -> Iterator[tuple[int, str]]:
    """Articles `first..last` (inclusive) of `shard`, from that shard's own random stream."""
    writer = ArticleWriter(random.Random(f"synthetic:{seed}:{shard}"))
    for number in range(first, last + 1):
        yield number, writer.article(number)


def article_text(number: int, seed: int = 0) -> str:
    """One article on its own (regenerates its shard up to it: for tests and spot checks)."""
    shard = (number - 1) // FILES_PER_SHARD
    for n, text in shard_articles(seed, shard, shard * FILES_PER_SHARD + 1, number):
        if n == number:
            return text
    raise ValueError(number)


def write_shard(out: str, seed: int, shard: int, total: int) -> int:
    first = shard * FILES_PER_SHARD + 1
    last = min(total, first + FILES_PER_SHARD - 1)
    folder = os.path.join(out, shard_name(shard))
    os.makedirs(folder, exist_ok=True)
    for number, text in shard_articles(seed, shard, first, last):
        with open(os.path.join(folder, file_name(number)), "wb") as handle:
            handle.write(text.encode("utf-8"))
    return last - first + 1


def write_corpus(out: Path, articles: int, seed: int = 0, workers: int | None = None, progress=None) -> int:
    """Write `articles` files under `out`; returns how many were written."""
    if articles < 0:
        raise ValueError("articles must be >= 0")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    shards = range((articles + FILES_PER_SHARD - 1) // FILES_PER_SHARD)
    workers = workers or min(os.cpu_count() or 1, len(shards)) or 1
    written = 0
    if workers == 1 or len(shards) <= 1:
        for shard in shards:
            written += write_shard(str(out), seed, shard, articles)
            if progress:
                progress(written)
        return written
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for count in pool.map(write_shard, *zip(*((str(out), seed, s, articles) for s in shards)), chunksize=4):
            written += count
            if progress:
                progress(written)
    return written
