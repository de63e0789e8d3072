"""The article schema and the checks that span articles, with the exact messages writers see."""

import textwrap

import pytest

from helpcentre.articles import Category, load_help_centre
from helpcentre.articles.steps import numbered_steps

CATEGORIES = [Category("billing", "Billing & Account"), Category("policies", "Policies & Legal")]


def article(**fields) -> str:
    front = {"id": 1, "title": "A title", "summary": "A summary.", "category": "billing", **fields}
    lines = []
    for key, value in front.items():
        if value is None:
            continue
        lines.append(f"{key}: {value}")
    return "---\n" + "\n".join(lines) + "\n---\n\nBody.\n"


def load(*files: tuple[str, str]):
    sources = [(path, f"docs/{path}", text) for path, text in files]
    return load_help_centre(sources, CATEGORIES)


def messages(found) -> list[str]:
    return [str(problem) for problem in found]


def test_a_valid_article_loads_with_its_fields():
    centre, found = load(
        ("billing/a.md", article(tags="[card, bank]", related="[billing/b]")), ("billing/b.md", article(id=2))
    )
    assert found == []
    first = centre.find("billing/a")
    assert first.id == 1 and first.title == "A title" and first.meta.tags == ["card", "bank"]
    assert [other.ref for other in centre.related(first)] == ["billing/b"]
    assert centre.find(2).ref == "billing/b"
    assert centre.find("billing/b.md").id == 2


@pytest.mark.parametrize(
    ("missing", "code", "message"),
    [
        (
            "id",
            "HC101",
            "docs/billing/a.md:1:1: HC101 id: field required (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "title",
            "HC101",
            "docs/billing/a.md:1:1: HC101 title: field required (see guide/docs/reference/lint-codes.md#hc101)",
        ),
        (
            "summary",
            "HC141",
            "docs/billing/a.md:1:1: HC141 summary: every article needs a one-sentence summary: it is the search snippet and the page description (see guide/docs/reference/lint-codes.md#hc141)",
        ),
        (
            "category",
            "HC101",
            "docs/billing/a.md:1:1: HC101 category: field required (see guide/docs/reference/lint-codes.md#hc101)",
        ),
    ],
)
def test_each_required_field_is_named_when_missing(missing, code, message):
    _, found = load(("billing/a.md", article(**{missing: None})))
    assert messages(found) == [message]
    assert found[0].code == code


def test_an_unknown_key_is_named_on_its_line_with_a_suggestion():
    _, found = load(("billing/a.md", article(sumary="typo")))
    assert messages(found) == [
        "docs/billing/a.md:6:1: HC102 sumary: unknown key 'sumary' (did you mean 'summary'?) (see guide/docs/reference/lint-codes.md#hc102)"
    ]
    assert found[0].code == "HC102"


def test_a_wrong_type_is_named():
    _, found = load(("billing/a.md", article(id="one")))
    assert messages(found) == [
        "docs/billing/a.md:2:1: HC101 id: input should be a valid integer (see guide/docs/reference/lint-codes.md#hc101)"
    ]


def test_a_duplicate_id_names_both_files():
    _, found = load(("billing/a.md", article()), ("billing/b.md", article()))
    assert messages(found) == [
        "docs/billing/b.md:2:1: HC103 id: id 1 is already used by docs/billing/a.md (see guide/docs/reference/lint-codes.md#hc103)"
    ]
    assert found[0].code == "HC103"


def test_an_unknown_related_reference_names_its_index_and_line():
    text = textwrap.dedent(
        """\
        ---
        id: 1
        title: A
        summary: S
        category: billing
        related:
          - billing/b
          - foo
        ---
        """
    )
    _, found = load(("billing/a.md", text), ("billing/b.md", article(id=2)))
    assert messages(found) == [
        "docs/billing/a.md:8:5: HC104 related[1]: no article 'foo' (see guide/docs/reference/lint-codes.md#hc104)"
    ]
    assert found[0].code == "HC104"


def test_related_may_name_an_id_but_not_the_article_itself():
    _, found = load(("billing/a.md", article(related="[2, 1, 99]")), ("billing/b.md", article(id=2)))
    assert messages(found) == [
        "docs/billing/a.md:6:14: HC104 related[1]: an article cannot be related to itself (see guide/docs/reference/lint-codes.md#hc104)",
        "docs/billing/a.md:6:17: HC104 related[2]: no article '99' (see guide/docs/reference/lint-codes.md#hc104)",
    ]


def test_an_unknown_category_lists_the_known_ones():
    _, found = load(("billing/a.md", article(category="bills")))
    assert messages(found) == [
        "docs/billing/a.md:5:1: HC105 category: no category 'bills'; known: billing, policies (see guide/docs/reference/lint-codes.md#hc105)"
    ]


def test_every_problem_is_collected_before_failing():
    _, found = load(
        ("billing/a.md", article(colour="red")),
        ("billing/b.md", article(summary=None)),
        ("billing/c.md", article(id=3, related="[nowhere]")),
    )
    assert messages(found) == [
        "docs/billing/a.md:6:1: HC102 colour: unknown key 'colour' (see guide/docs/reference/lint-codes.md#hc102)",
        "docs/billing/b.md:1:1: HC141 summary: every article needs a one-sentence summary: it is the search snippet and the page description (see guide/docs/reference/lint-codes.md#hc141)",
        "docs/billing/c.md:6:11: HC104 related[0]: no article 'nowhere' (see guide/docs/reference/lint-codes.md#hc104)",
    ]


def test_numbered_steps_are_the_first_ordered_list_with_their_lines():
    body = textwrap.dedent(
        """\
        Intro.

        1. Go to the **Setup** menu
        2. Select **Therasoft Billing**
           and wait for it
        3. Click the **Card Details** button

        - not a step
        1. nor this
        """
    )
    steps = numbered_steps(body, first_line=10)
    assert [(step.number, step.text, step.line) for step in steps] == [
        (1, "Go to the **Setup** menu", 12),
        (2, "Select **Therasoft Billing** and wait for it", 13),
        (3, "Click the **Card Details** button", 15),
    ]
    assert steps[2].bold_labels == ["Card Details"]
    assert steps[2].anchor == "step-3"


def test_the_seed_guide_has_its_five_steps(project_root):
    text = (project_root / "docs/billing/change-card-or-bank-info.md").read_text()
    centre, found = load(("billing/change-card-or-bank-info.md", text))
    assert [problem for problem in found if problem.code != "HC104"] == []
    guide = centre.find(101)
    assert [step.text for step in guide.steps] == [
        "Go to the **Setup** menu",
        "Select **Therasoft Billing**",
        "Click the **Card Details** button",
        "Add/Edit your card or bank info",
        "Verify the status is **Active**",
    ]


def test_customers_are_never_offered_an_internal_related_article_but_agents_are():
    centre, found = load(
        ("billing/a.md", article(related="[billing/b, billing/c]")),
        ("billing/b.md", article(id=2, audience="agents", related="[billing/a]")),
        ("billing/c.md", article(id=3)),
    )
    assert found == []
    assert [other.ref for other in centre.related(centre.find(1))] == ["billing/c"]
    assert [other.ref for other in centre.related(centre.find(2))] == ["billing/a"]
    assert [article.ref for article in centre.in_category("billing")] == ["billing/a", "billing/c"]


def test_articles_are_selected_by_path_or_id_each_once_in_path_order():
    from helpcentre.articles import UnknownArticle

    centre, _ = load(("billing/b.md", article(id=2)), ("billing/a.md", article()))
    assert [a.ref for a in centre.select(["2", "billing/a.md", "billing/b", "1"])] == ["billing/a", "billing/b"]
    with pytest.raises(UnknownArticle, match=r"^no article 'billing/z'$"):
        centre.select(["billing/a", "billing/z"])
