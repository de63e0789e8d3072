"""What a shard's verify run writes about itself, so that `report merge` can check the shards belong together.

A shard's results.json carries, under `shard`: which shard it is (`index` of `total`), the help
centre's name, every article of the whole run in the order a single run lists them, and a
fingerprint of those articles' sources and baselines. Shards of one run agree on all of them;
the merge refuses shards that do not. A shard writes no verification record: the merge writes
it once, for every article, as a single run would have.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from helpcentre.articles import Article
from helpcentre.baselines.store import BaselineStore
from helpcentre.project import Project
from helpcentre.sharding import Shard
from helpcentre.verify.results import ShardOf


def shard_part(project: Project, planned: Sequence[Article], shard: Shard) -> ShardOf:
    """The `shard` entry of a shard's results: enough to put the shards of one run back together."""
    index, total = shard
    articles = [article.ref for article in planned]
    return ShardOf(index, total, project.site_name, articles, fingerprint(project, planned))


def fingerprint(project: Project, planned: Sequence[Article]) -> str:
    """A hash of what the run verifies: each article's Markdown and its baselines' manifest entry.

    Machines that check out the same commit agree on it; a shard made from other articles, or
    against other baselines, does not.
    """
    manifest = BaselineStore(project.screenshots_dir).manifest()
    digest = hashlib.sha256()
    for article in planned:
        source = (project.docs_dir / article.src_path).read_bytes()
        entry = manifest.entry(article.ref)
        digest.update(article.ref.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(source).digest())
        recorded = entry.as_json() if entry is not None else None
        digest.update(json.dumps(recorded, sort_keys=True).encode("utf-8") + b"\0")
    return digest.hexdigest()
