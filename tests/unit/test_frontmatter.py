from helpcentre.articles.frontmatter import format_field, split_front_matter

ARTICLE = """---
id: 7
title: Hello
related:
  - billing/a
  - 12
---

Body starts here.
"""


def test_values_keep_their_file_lines():
    parsed = split_front_matter(ARTICLE, "docs/x.md")
    assert parsed.problems == []
    assert parsed.data == {"id": 7, "title": "Hello", "related": ["billing/a", 12]}
    assert parsed.line_of(("id",)) == 2
    assert parsed.line_of(("related",)) == 4
    assert parsed.line_of(("related", 1)) == 6
    assert parsed.body_line == 8
    assert parsed.body.strip() == "Body starts here."


def test_a_missing_field_points_at_its_nearest_parent():
    parsed = split_front_matter(ARTICLE, "docs/x.md")
    assert parsed.line_of(("related", 5)) == 4
    assert parsed.line_of(("nothing",)) == 1


def test_invalid_yaml_names_the_line():
    parsed = split_front_matter("---\nid: 1\ntitle: a: b\n---\n", "docs/x.md")
    assert [str(problem) for problem in parsed.problems] == [
        "docs/x.md:3:9: HC100 invalid YAML: mapping values are not allowed in this context (see guide/docs/reference/lint-codes.md#hc100)"
    ]
    assert parsed.problems[0].code == "HC100"


def test_a_file_without_front_matter_is_reported():
    parsed = split_front_matter("# Just a heading\n", "docs/x.md")
    assert [str(problem) for problem in parsed.problems] == [
        "docs/x.md:1:1: HC107 no front matter: the file must start with '---' (see guide/docs/reference/lint-codes.md#hc107)"
    ]


def test_a_duplicate_key_is_reported_where_it_repeats():
    parsed = split_front_matter("---\nid: 1\ntitle: A\ntitle: B\n---\n", "docs/x.md")
    assert [str(problem) for problem in parsed.problems] == [
        "docs/x.md:4:1: HC106 title: key appears twice; the second value would silently win (see guide/docs/reference/lint-codes.md#hc106)"
    ]


def test_field_paths_read_like_the_yaml():
    assert format_field(("walkthrough", "steps", 2, "target", "role")) == "walkthrough.steps[2].target.role"
    assert format_field(("related", 1)) == "related[1]"
