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
from typing import Any

from helpcentre.articles import Article
from helpcentre.capture.baselines import BaselineStore
from helpcentre.project import Project
from helpcentre.sharding import Shard


def shard_part(project: Project, planned: Sequence[Article], shard: Shard) -> dict[str, Any]:
    """The `shard` entry of a shard's results: enough to put the shards of one run back together."""
    index, total = shard
    return {
        "index": index,
        "total": total,
        "help_centre": project.site_name,
        "articles": [article.ref for article in planned],
        "fingerprint": fingerprint(project, planned),
    }


def fingerprint(project: Project, planned: Sequence[Article]) -> str:
    """A hash of what the run verifies: each article's Markdown and its baselines' manifest entry.

    Machines that check out the same commit agree on it; a shard made from other articles, or
    against other baselines, does not.
    """
    manifest = BaselineStore(project.screenshots_dir).read_manifest()
    digest = hashlib.sha256()
    for article in planned:
        source = (project.docs_dir / article.src_path).read_bytes()
        entry = manifest["articles"].get(article.ref)
        digest.update(article.ref.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(source).digest())
        digest.update(json.dumps(entry, sort_keys=True).encode("utf-8") + b"\0")
    return digest.hexdigest()
