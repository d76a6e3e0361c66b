"""Learning plans in the tenancy walk: an outsider reaches no plan, item or suggestion."""

from plans import actions
from plans.models import Suggestion

SECRET = "CLARENDON-PRIVATE-EVIDENCE"
PUBLIC: set[str] = set()
# Everyone has "my plan"; starting one is limited to the person's own organisations.
PERSONAL = {"plans:index", "plans:mine", "plans:start"}


def values(case) -> dict:
    """Give Alice a plan holding the secret in a goal, a private note and a suggestion."""
    plan = actions.start_plan(case.alice, case.walker_gamble)
    actions.add_goal(plan, SECRET, case.alice)
    item = actions.add_item(plan, case.alice, "resource", title="Leading Together", note=SECRET)
    suggestion = Suggestion.objects.create(
        plan=plan,
        kind="resource",
        title=SECRET,
        reason=SECRET,
        source=Suggestion.Source.TARGET_COMPETENCY,
        target_key="resource:secret",
    )
    return {"plan_id": plan.pk, "item_id": item.pk, "suggestion_id": suggestion.pk}
