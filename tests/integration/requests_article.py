"""A how-to of six steps, three with overrides, and what a capture recorded of it: for the tests of
lint's checks against the last capture and of `helpcentre renumber`."""

from __future__ import annotations

import textwrap

from integration.conftest import MKDOCS_YML

LINT_YML = MKDOCS_YML + "      targets:\n        billing:\n          sandbox: true\n"
# Six steps, three with overrides, as a capture recorded them.
REQUESTS = textwrap.dedent(
    """\
    ---
    id: 7
    title: Ask for a change
    summary: Ask for a change to your account.
    category: billing
    walkthrough:
      target: billing
      steps:
        # What the walk types: a test account's values.
        4:
          fields: {Type: Add a user}
        5:
          fields:
            Description: Please add a login.  # the shortest that passes
        6:
          expect: {text: Change request sent}
    ---

    1. Go to the **Setup** menu
    2. Select **Therasoft Billing**
    3. Click **Add Change Request**
    4. Choose the **Type**
    5. Describe the change in **Description**
    6. Click **Submit**
    """
)
RECORDED = [
    {"text": "Go to the **Setup** menu"},
    {"text": "Select **Therasoft Billing**"},
    {"text": "Click **Add Change Request**"},
    {"text": "Choose the **Type**", "override": {"fields": {"Type": "Add a user"}}},
    {"text": "Describe the change in **Description**", "override": {"fields": {"Description": "Please add a login."}}},
    {"text": "Click **Submit**", "override": {"expect": {"text": "Change request sent"}}},
]
