"""Each lint code's case for `helpcentre lint`'s tests: the files that break it, and its exact message."""

from __future__ import annotations

import json
import re
import textwrap

from integration.conftest import LFS_POINTER, PNG, LinkTo, article_text

from helpcentre.articles import problems as codes
from helpcentre.articles.placeholders import SUMMARY_PLACEHOLDER

HOW_TO = textwrap.dedent(
    """\
    ---
    id: 3
    title: Open the billing page
    summary: Find the Therasoft Billing page.
    category: billing
    walkthrough:
      target: billing
      steps:
        - action: click
          target: {role: button, name: Setup}
        - action: click
          target: {role: menuitem, name: Therasoft Billing}
    ---

    1. Go to the **Setup** menu
    2. Select **Therasoft Billing**
    """
)
# The same how-to, its walkthrough read from the steps' own words.
PROSE_HOW_TO = re.sub(r"  steps:\n(?:    .*\n)+", "", HOW_TO)


def broken(path: str, text: str) -> dict[str, str]:
    return {path: text}


def policy(code: str, **changes: str) -> dict[str, str]:
    """A new article, alone in its file and linked from nowhere, so that its problem is the only one."""
    number = int(code.removeprefix("HC"))
    return {f"docs/policies/rule-{number}.md": article_text(number, f"Rule {number}", category="policies", **changes)}


RULE = "docs/policies/rule-{}.md".format


def captured(*steps: dict, ref: str = "billing/open") -> str:
    """screenshots/manifest.json as a capture of `ref` left it: each step's words, and its override."""
    files = {"files": {"raw": "", "published": "", "aria": ""}}
    recorded = [{**files, "step": number, **step} for number, step in enumerate(steps, start=1)]
    return json.dumps({"version": 1, "articles": {ref: {"id": 3, "browser": "", "steps": recorded}}})


# A how-to whose second step spells out its control, as a capture recorded it.
TARGET_OVERRIDE = "  steps:\n    2:\n      target: {role: menuitem, name: Therasoft Billing}\n"

CASES = {
    codes.YAML_SYNTAX: (
        broken(RULE(100), "---\nid: 100\ntitle: [Rule 100\n---\nBody.\n"),
        f"{RULE(100)}:4:1: HC100 invalid YAML: did not find expected ',' or ']' (see guide/docs/reference/lint-codes.md#hc100)",
    ),
    codes.SCHEMA: (
        broken(RULE(101), article_text(101, "Rule 101", category="policies").replace("id: 101", "id: two")),
        f"{RULE(101)}:2:1: HC101 id: input should be a valid integer (see guide/docs/reference/lint-codes.md#hc101)",
    ),
    codes.UNKNOWN_KEY: (
        policy(codes.UNKNOWN_KEY, extra="tgas: [card]\n"),
        f"{RULE(102)}:6:1: HC102 tgas: unknown key 'tgas' (did you mean 'tags'?) (see guide/docs/reference/lint-codes.md#hc102)",
    ),
    codes.DUPLICATE_ID: (
        broken("docs/billing/refund.md", article_text(2, "Ask for a refund")),
        "docs/billing/refund.md:2:1: HC103 id: id 2 is already used by docs/billing/card.md (see guide/docs/reference/lint-codes.md#hc103)",
    ),
    codes.UNKNOWN_RELATED: (
        policy(codes.UNKNOWN_RELATED, extra="related: [billing/cards]\n"),
        f"{RULE(104)}:6:11: HC104 related[0]: no article 'billing/cards' (see guide/docs/reference/lint-codes.md#hc104)",
    ),
    codes.UNKNOWN_CATEGORY: (
        broken(RULE(105), article_text(105, "Rule 105", category="bills")),
        f"{RULE(105)}:5:1: HC105 category: no category 'bills'; known: billing, policies (see guide/docs/reference/lint-codes.md#hc105)",
    ),
    codes.DUPLICATE_KEY: (
        policy(codes.DUPLICATE_KEY, extra="title: Again\n"),
        f"{RULE(106)}:6:1: HC106 title: key appears twice; the second value would silently win (see guide/docs/reference/lint-codes.md#hc106)",
    ),
    codes.NO_FRONT_MATTER: (
        broken(RULE(107), "# Rule 107\n"),
        f"{RULE(107)}:1:1: HC107 no front matter: the file must start with '---' (see guide/docs/reference/lint-codes.md#hc107)",
    ),
    codes.DUPLICATE_SLUG: (
        broken("docs/policies/card.md", article_text(108, "Card policy", category="policies")),
        "docs/policies/card.md:1:1: HC108 slug 'card' is already used by docs/billing/card.md; rename one file (see guide/docs/reference/lint-codes.md#hc108)",
    ),
    codes.REDIRECT_CLASH: (
        policy(codes.REDIRECT_CLASH, extra="redirects: [billing/pay]\n"),
        f"{RULE(109)}:6:13: HC109 redirects[0]: 'billing/pay' is an article's page now; a redirect there would hide it (see guide/docs/reference/lint-codes.md#hc109)",
    ),
    codes.STEP_COUNT: (
        broken("docs/billing/open.md", HOW_TO + "3. Look around\n"),
        "docs/billing/open.md:8:3: HC110 walkthrough.steps: 2 steps, but the article has 3 numbered steps;"
        " give one walkthrough step per numbered step, in the same order (see guide/docs/reference/lint-codes.md#hc110)",
    ),
    codes.UNKNOWN_TARGET: (
        broken("docs/billing/open.md", HOW_TO.replace("target: billing", "target: shop")),
        "docs/billing/open.md:7:3: HC111 walkthrough.target: no target 'shop' in mkdocs.yml; known: billing (see guide/docs/reference/lint-codes.md#hc111)",
    ),
    codes.LABEL_NOT_IN_WALKTHROUGH: (
        broken(
            "docs/billing/open.md", HOW_TO.replace("Select **Therasoft Billing**", "Select **Billing**, then **Save**")
        ),
        "docs/billing/open.md:16:29: HC112 walkthrough.steps.2: step 2 names **Save**, but its walkthrough step"
        " neither acts on nor asserts it; use it in a target or add an expect (see guide/docs/reference/lint-codes.md#hc112)",
    ),
    codes.STEP_NOT_UNDERSTOOD: (
        broken("docs/billing/open.md", PROSE_HOW_TO.replace("Select **Therasoft Billing**", "Add/Edit your card")),
        "docs/billing/open.md:11:4: HC113 walkthrough.steps.2: step 2 has no verb the walkthrough rules know;"
        " tried click (Click, Select, Choose, Open, Go to, Press or Tap [the] **Label** [button, menu, tab, link,"
        " option, ...]); fill (Enter, Type, Fill in, Change, Describe, Add or Edit [the] **Field**[, **Field** and"
        " **Field**]); check (Verify, Check, Make sure or Confirm [that] ... is, shows or reads **Text**); look"
        " (Review, Find or Locate ... [in the **Container** panel]); scope (In the **Container** panel, dialog,"
        " section, menu or table, ...); say what it does in walkthrough.steps.2 (fields, target or expect) (see guide/docs/reference/lint-codes.md#hc113)",
    ),
    codes.UNQUOTED_VALUE: (
        broken(
            "docs/billing/open.md",
            PROSE_HOW_TO.replace(
                "target: billing\n",
                "target: billing\n  steps:\n    2:\n      fields:\n        Routing number: 011000015\n",
            ).replace("Select **Therasoft Billing**", "Enter the **Routing number**"),
        ),
        "docs/billing/open.md:11:9: HC114 walkthrough.steps.2.fields.Routing number: YAML reads this value as a"
        ' number (2359309); put it in quotes, as it should be typed: "011000015" (see guide/docs/reference/lint-codes.md#hc114)',
    ),
    codes.NOT_UTF8: (
        broken(RULE(116), article_text(116, "Café hours", category="policies").encode("latin-1")),
        f"{RULE(116)}:3:11: HC116 the file is not UTF-8: byte 0xE9 at line 3, column 11 cannot be read;"
        " save the file as UTF-8 (in most editors: File > Save with Encoding > UTF-8) (see guide/docs/reference/lint-codes.md#hc116)",
    ),
    codes.YAML_ALIAS: (
        policy(codes.YAML_ALIAS, extra="tags: &t [card]\nsearch: {boost: 1, exclude: false}\nrelated: *t\n"),
        f"{RULE(117)}:6:7: HC117 YAML anchors and aliases (&name, *name) are not allowed in front matter;"
        " write the value out (see guide/docs/reference/lint-codes.md#hc117)",
    ),
    codes.PLACEHOLDER_VALUE: (
        broken(
            "docs/billing/open.md",
            PROSE_HOW_TO.replace(
                "target: billing\n",
                "target: billing\n  steps:\n    2:\n      fields:\n        Card number: ‹Card number›\n",
            ).replace("Select **Therasoft Billing**", "Enter the **Card number**"),
        ),
        "docs/billing/open.md:11:9: HC118 walkthrough.steps.2.fields.Card number: ‹Card number› is a placeholder;"
        " write the test account's value for the walk to type (see guide/docs/reference/lint-codes.md#hc118)",
    ),
    codes.BROKEN_LINK: (
        policy(codes.BROKEN_LINK, body="See [paying](../billing/paying.md).\n"),
        f"{RULE(120)}:8:5: HC120 link '../billing/paying.md' is broken: no such page (see guide/docs/reference/lint-codes.md#hc120)",
    ),
    codes.BROKEN_ANCHOR: (
        policy(codes.BROKEN_ANCHOR, body="Do [step 3](../billing/open.md#step-3).\n"),
        f"{RULE(121)}:8:4: HC121 no anchor '#step-3' in billing/open.md (see guide/docs/reference/lint-codes.md#hc121)",
    ),
    codes.INTERNAL_LINK: (
        {
            **policy(codes.INTERNAL_LINK, body="Agents read [escalations](../billing/escalations.md).\n"),
            "docs/billing/escalations.md": article_text(9, "Refund escalations", extra="audience: agents\n"),
        },
        f"{RULE(122)}:8:13: HC122 link '../billing/escalations.md' is to an internal article (billing/escalations,"
        " audience: agents), which the customers' site does not have; link it only from internal articles (see guide/docs/reference/lint-codes.md#hc122)",
    ),
    codes.MISSING_IMAGE: (
        policy(codes.MISSING_IMAGE, body="![The signed form](form.png)\n"),
        f"{RULE(130)}:8:1: HC130 image 'form.png' not found (see guide/docs/reference/lint-codes.md#hc130)",
    ),
    codes.IMAGE_WITHOUT_ALT: (
        {**policy(codes.IMAGE_WITHOUT_ALT, body='<img src="logo.png">\n'), "docs/policies/logo.png": PNG},
        f"{RULE(131)}:8:1: HC131 image 'logo.png' has no alt text; describe what it shows, for screen readers (see guide/docs/reference/lint-codes.md#hc131)",
    ),
    codes.OUTSIDE_PROJECT: (
        {"docs/policies/passwords.png": LinkTo("/etc/passwd")},
        "docs/policies/passwords.png:1:1: HC132 links outside the project, so it is never read or published;"
        " put the file itself here (see guide/docs/reference/lint-codes.md#hc132)",
    ),
    codes.SCREENSHOT_NOT_PNG: (
        {"screenshots/billing/open/01.png": LFS_POINTER},
        "screenshots/billing/open/01.png:1:1: HC133 a Git LFS pointer, not the picture; run: git lfs pull (see guide/docs/reference/lint-codes.md#hc133)",
    ),
    codes.TITLE_TOO_LONG: (
        broken(RULE(140), article_text(140, "Rule " + "of the practice " * 5, category="policies")),
        f"{RULE(140)}:3:1: HC140 title: 84 characters; keep titles to 70 or fewer,"
        " so they fit search results and browser tabs (see guide/docs/reference/lint-codes.md#hc140)",
    ),
    codes.NO_SUMMARY: (
        broken(RULE(141), article_text(141, "Rule 141", category="policies").replace("About Rule 141.", "''")),
        f"{RULE(141)}:4:1: HC141 summary: every article needs a one-sentence summary:"
        " it is the search snippet and the page description (see guide/docs/reference/lint-codes.md#hc141)",
    ),
    codes.PLACEHOLDER_SENTENCE: (
        broken(
            RULE(142),
            article_text(142, "Rule 142", category="policies").replace("About Rule 142.", SUMMARY_PLACEHOLDER),
        ),
        f'{RULE(142)}:4:1: HC142 summary: "{SUMMARY_PLACEHOLDER}" is a placeholder of the draft;'
        " replace it with your own words (see guide/docs/reference/lint-codes.md#hc142)",
    ),
    codes.RAW_SCRIPT: (
        policy(codes.RAW_SCRIPT, body="Hi <script>track()</script>\n"),
        f"{RULE(150)}:8:4: HC150 raw <script> in an article; scripts belong in the theme,"
        " where every page gets the same reviewed code (see guide/docs/reference/lint-codes.md#hc150)",
    ),
    codes.UNSAFE_HTML: (
        policy(codes.UNSAFE_HTML, body="A logo: <img src=https://example.com/logo.png alt=Logo onerror=alert(1)>\n"),
        f"{RULE(151)}:8:9: HC151 body: <img onerror>: event-handler attributes run scripts in the reader's browser;"
        " remove the attribute (see guide/docs/reference/lint-codes.md#hc151)",
    ),
    codes.UNREFERENCED_SCREENSHOT: (
        {"screenshots/billing/open/03.png": PNG},
        "screenshots/billing/open/03.png:1:1: HC160 no article step uses this screenshot;"
        " delete it, or capture the article it belongs to again (see guide/docs/reference/lint-codes.md#hc160)",
    ),
    codes.LABEL_NOT_CAPTURED: (
        {
            "docs/billing/open.md": PROSE_HOW_TO.replace("**Setup**", "**Setpu**"),
            "screenshots/billing/open/01.aria.yml": '- navigation "Main":\n  - button "Setup"\n  - link "Clients"\n',
            "screenshots/manifest.json": captured(
                {"text": "Go to the **Setup** menu"}, {"text": "Select **Therasoft Billing**"}
            ),
        },
        "docs/billing/open.md:10:14: HC162 walkthrough.steps.1: step 1 names **Setpu**, which the page of its last"
        " capture does not show; did you mean **Setup**? (see guide/docs/reference/lint-codes.md#hc162)",
    ),
    codes.STALE_OVERRIDE: (
        {
            "docs/billing/open.md": PROSE_HOW_TO.replace(
                "target: billing\n", "target: billing\n" + TARGET_OVERRIDE
            ).replace("2. Select", "2. Open the **Clients** tab\n3. Select"),
            "screenshots/billing/open/03.png": PNG,
            "screenshots/billing/open/03.published.png": PNG,
            "screenshots/manifest.json": captured(
                {"text": "Go to the **Setup** menu"},
                {
                    "text": "Select **Therasoft Billing**",
                    "override": {"target": {"role": "menuitem", "name": "Therasoft Billing"}},
                },
            ),
        },
        "docs/billing/open.md:9:5: HC163 walkthrough.steps.2: step 2 now reads 'Open the **Clients** tab';"
        " its override was written for 'Select **Therasoft Billing**'; if steps were inserted or removed,"
        " run: helpcentre renumber billing/open (see guide/docs/reference/lint-codes.md#hc163)",
    ),
}
# Warnings: lint prints them and exits 0; the strict build fails on them.
WARNINGS = {codes.LABEL_NOT_CAPTURED, codes.STALE_OVERRIDE}
# The cases that change the same file as another: left out where all problems stand together.
ALONE = {
    codes.STEP_COUNT,
    codes.UNKNOWN_TARGET,
    codes.STEP_NOT_UNDERSTOOD,
    codes.UNQUOTED_VALUE,
    codes.PLACEHOLDER_VALUE,
    *WARNINGS,
}
