"""Learning plans: my plan, its goals, competencies and items, suggestions, a school's plans."""

from django.urls import path

from .views import plan, school

app_name = "plans"

urlpatterns = [
    # Not the bare prefix, so the menu does not mark "My plan" on every plans page.
    path("", plan.index, name="index"),
    path("mine/", plan.mine, name="mine"),
    path("start/", plan.start, name="start"),
    path("<int:plan_id>/", plan.detail, name="detail"),
    path("<int:plan_id>/goals/", plan.add_goal, name="add-goal"),
    path("<int:plan_id>/competencies/", plan.add_target, name="add-target"),
    path("<int:plan_id>/items/", plan.add_item, name="add-item"),
    path("<int:plan_id>/suggestions/", plan.find_suggestions, name="find-suggestions"),
    path("items/<int:item_id>/", plan.update_item, name="update-item"),
    path("suggestions/<int:suggestion_id>/", plan.decide_suggestion, name="decide-suggestion"),
    path("school/<int:organisation_id>/", school.school, name="school"),
    path("school/<int:organisation_id>/assign/", school.assign, name="assign"),
    path("school/<int:organisation_id>/recommend/", school.recommend, name="recommend"),
]
