"""The split of a run's articles over machines: balanced by steps, the same on every machine."""

from __future__ import annotations

import random

import pytest

from helpcentre.capture import select_articles
from helpcentre.project import load_project
from helpcentre.sharding import (
    ShardError,
    articles_of_shard,
    balanced_split,
    empty_shard_message,
    parse_shard,
    split_articles,
)


def split(weights: dict[str, int], total: int) -> list[list[str]]:
    return balanced_split(list(weights), total, weight=weights.__getitem__, name=str)


@pytest.mark.parametrize(
    ("weights", "total", "shards"),
    [
        # Longest first, each onto the lightest shard so far; each shard lists in the run's order.
        ({"a": 5, "b": 5, "c": 5, "d": 3}, 3, [["a", "d"], ["b"], ["c"]]),
        ({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}, 2, [["b", "c", "f"], ["a", "d", "e"]]),
        # Equal weights: by path, dealt round the shards; each shard keeps the order they came in.
        ({"c": 2, "a": 2, "b": 2}, 2, [["c", "a"], ["b"]]),
        # One heavy article fills a shard of its own.
        ({"a": 1, "b": 1, "c": 1, "huge": 30}, 2, [["huge"], ["a", "b", "c"]]),
        # More shards than articles: the last ones are empty.
        ({"a": 3, "b": 1}, 4, [["a"], ["b"], [], []]),
        ({}, 2, [[], []]),
        ({"a": 3, "b": 1}, 1, [["a", "b"]]),
    ],
)
def test_articles_are_dealt_longest_first_onto_the_least_loaded_shard(weights, total, shards):
    assert split(weights, total) == shards


def test_the_split_does_not_depend_on_the_order_the_articles_come_in():
    weights = {f"billing/article-{number:02d}": 1 + (number * 7) % 9 for number in range(40)}
    expected = [set(shard) for shard in split(weights, 5)]
    names = list(weights)
    for seed in range(5):
        random.Random(seed).shuffle(names)
        shuffled = balanced_split(names, 5, weight=weights.__getitem__, name=str)
        assert [set(shard) for shard in shuffled] == expected
        assert [shard for shard in shuffled] == [[name for name in names if name in shard] for shard in expected]


def test_shards_take_about_the_same_time():
    weights = {f"article-{number:03d}": 1 + (number * 13) % 12 for number in range(200)}
    shards = split(weights, 7)
    loads = [sum(weights[name] for name in shard) for shard in shards]
    assert sorted(sum(shards, [])) == sorted(weights), "every article in exactly one shard"
    assert max(loads) - min(loads) <= max(weights.values())


def test_this_help_centre_splits_over_three_machines_by_steps(project_root):
    centre, _ = load_project(project_root / "mkdocs.yml").load_help_centre()
    planned = select_articles(centre, [], None)
    shards = [[article.ref for article in shard] for shard in split_articles(planned, 3)]
    assert shards == [
        [
            "billing/change-card-or-bank-info",
            "billing/manage-saved-payment-method",
            "clients/email-payment-receipts-to-multiple-emails",
        ],
        ["billing/change-requests", "billing/pre-pay-future-invoices"],
        ["billing/edit-billing-contact-info", "billing/view-print-or-pay-invoices"],
    ]
    assert [article.ref for article in articles_of_shard(planned, (2, 3))] == shards[1]
    assert articles_of_shard(planned, (8, 8)) == []


def test_a_shard_is_written_i_of_n():
    assert parse_shard("2/4") == (2, 4)
    assert parse_shard("1/1") == (1, 1)
    for text, message in (
        ("two", "--shard takes I/N, such as 1/3, not 'two'"),
        ("1/2/3", "--shard takes I/N, such as 1/3, not '1/2/3'"),
        ("3/2", "--shard 3/2: I must be between 1 and N"),
        ("0/2", "--shard 0/2: I must be between 1 and N"),
        ("0/0", "--shard 0/0: I must be between 1 and N"),
    ):
        with pytest.raises(ShardError) as error:
            parse_shard(text)
        assert str(error.value) == message


def test_an_empty_shard_says_why_it_has_nothing_to_do():
    assert (
        empty_shard_message((8, 8), 7)
        == "Shard 8/8 has no article: 7 articles over 8 shards leave this one nothing to walk"
    )
    assert (
        empty_shard_message((2, 2), 1)
        == "Shard 2/2 has no article: 1 article over 2 shards leaves this one nothing to walk"
    )
