"""Learning plans, resources, playlists, leadership experiences and cohorts."""

app_name = "plans"

urlpatterns: list = []
