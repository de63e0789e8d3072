"""A run's articles split over N machines so that each machine takes about the same time.

Capture and verify split alike, so `capture --shard 2/3` and `verify --shard 2/3` take the
same articles. A walk's time grows with its steps, so an article weighs its number of steps:
longest first, each onto the shard with the least weight so far (the lowest-numbered of
equals), ties between articles broken by path. The split depends only on the articles, never
on the machine or the order they were named in, so every machine computes the same one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from helpcentre.articles import Article

T = TypeVar("T")

Shard = tuple[int, int]


class ShardError(ValueError):
    """`--shard` is not I/N with 1 ≤ I ≤ N: a usage error."""


def parse_shard(text: str) -> Shard:
    """`"2/3"` is `(2, 3)`: the second of three shards."""
    try:
        index, total = (int(part) for part in text.split("/"))
    except ValueError:
        raise ShardError(f"--shard takes I/N, such as 1/3, not '{text}'") from None
    if not 1 <= index <= total:
        raise ShardError(f"--shard {text}: I must be between 1 and N")
    return index, total


def balanced_split(
    items: Sequence[T], total: int, weight: Callable[[T], int], name: Callable[[T], str]
) -> list[list[T]]:
    """`items` dealt onto `total` shards, heaviest first onto the lightest shard; each shard keeps `items`' order."""
    if total < 1:
        raise ShardError(f"cannot split over {total} shards")
    loads = [0] * total
    shard_of: dict[int, int] = {}
    for position in sorted(range(len(items)), key=lambda i: (-weight(items[i]), name(items[i]))):
        lightest = min(range(total), key=lambda shard: (loads[shard], shard))
        loads[lightest] += weight(items[position])
        shard_of[position] = lightest
    shards: list[list[T]] = [[] for _ in range(total)]
    for position, item in enumerate(items):
        shards[shard_of[position]].append(item)
    return shards


def split_articles(articles: Sequence[Article], total: int) -> list[list[Article]]:
    """The articles of each shard, in the run's order, balanced by their number of steps."""
    return balanced_split(articles, total, weight=lambda article: len(article.steps), name=lambda article: article.ref)


def articles_of_shard(articles: Sequence[Article], shard: Shard) -> list[Article]:
    """Shard I of N's share of `articles`; empty when there are more shards than articles."""
    index, total = shard
    return split_articles(articles, total)[index - 1]


def empty_shard_message(shard: Shard, planned: int) -> str:
    index, total = shard
    return (
        f"Shard {index}/{total} has no article: {planned} article{'' if planned == 1 else 's'} "
        f"over {total} shards leave{'s' if planned == 1 else ''} this one nothing to walk"
    )
