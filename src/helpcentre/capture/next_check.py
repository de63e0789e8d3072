"""Whether the next step's check already holds before this step's last action: then it proves nothing.

"Click **Save**." then "Verify the status is **Active**.": if **Active** was shown before Save was
clicked, the second step checks nothing the first one changed. A step that only looks ("Find
**Flu vaccinations** in the list", "Review the **Totals** panel") claims no change: it is never
pre-checked, so never warned about.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from helpcentre.articles.inference import Intent, StepPlan


class NextChecks:
    """The walk's record of which steps' checks held before the step ahead of them acted."""

    def __init__(self, plans: list[StepPlan]):
        self.plans = plans
        self.held_early: dict[int, bool] = {}

    def warned_about(self, plan: StepPlan) -> bool:
        """Whether `plan`, a step with no action, checks what held before the last step's action."""
        return not any(intent.acts for intent in plan.intents) and self.held_early.get(plan.number, False)

    async def before_last_action(self, plan: StepPlan, hold_now: Callable[[list[Intent]], Awaitable[bool]]) -> None:
        """Called just before `plan`'s last action: note whether the following step's checks hold now."""
        following = self.plans[plan.number] if plan.number < len(self.plans) else None
        if following is None or following.explicit is not None or following.number in self.held_early:
            return
        if any(intent.acts for intent in following.intents):
            return
        checks = [i for i in following.intents if i.kind == "check" and not i.rule.startswith("look:")]
        if checks:
            self.held_early[following.number] = await hold_now(checks)
