"""Learning plans: my plan, its goals, competencies and items, suggestions, a school's plans."""

from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    # Not the bare prefix, so the menu does not mark "My plan" on every plans page.
    path("", views.index, name="index"),
    path("mine/", views.mine, name="mine"),
    path("start/", views.start, name="start"),
    path("<int:plan_id>/", views.detail, name="detail"),
    path("<int:plan_id>/goals/", views.add_goal, name="add-goal"),
    path("<int:plan_id>/competencies/", views.add_target, name="add-target"),
    path("<int:plan_id>/items/", views.add_item, name="add-item"),
    path("<int:plan_id>/suggestions/", views.find_suggestions, name="find-suggestions"),
    path("items/<int:item_id>/", views.update_item, name="update-item"),
    path("suggestions/<int:suggestion_id>/", views.decide_suggestion, name="decide-suggestion"),
    path("school/<int:organisation_id>/", views.school, name="school"),
    path("school/<int:organisation_id>/assign/", views.assign, name="assign"),
    path("school/<int:organisation_id>/recommend/", views.recommend, name="recommend"),
]
