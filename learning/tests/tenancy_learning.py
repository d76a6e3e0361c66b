"""Ways to learn join the tenancy walk: Clarendon's playlists, experiences and cohorts stay home."""

from credentials.tests.helpers import png
from learning import actions
from learning.content_loader import load_builtin_learning
from learning.models import LeadershipExperience, Playlist

SECRET = "CLARENDON-PRIVATE-EVIDENCE"
PUBLIC: set[str] = set()
# Pages every signed-in person has, listing only what their own organisations may see; the
# forms offer only the person's own organisations.
PERSONAL = {
    "learning:home",
    "learning:resources",
    "learning:resource-create",
    "learning:playlists",
    "learning:playlist-create",
    "learning:experiences",
    "learning:experience-create",
    "learning:cohorts",
    "learning:cohort-create",
}


def values(case) -> dict:
    """Create Clarendon learning data holding the secret; return the URL parameters."""
    load_builtin_learning()
    resource = actions.add_resource(
        case.clarendon,
        {"title": SECRET, "kind": "tool", "cost": "free", "format": "online", "summary": SECRET},
        [],
        case.dana,
    )
    playlist = actions.create_playlist(
        case.alice, case.walker_gamble, SECRET, SECRET, Playlist.Visibility.SHARED
    )
    actions.add_to_playlist(playlist, resource, SECRET)
    experience = LeadershipExperience.objects.create(
        organisation=case.clarendon, slug="secret", title=SECRET, summary=SECRET
    )
    enrolment = actions.take_experience(case.alice, experience, case.walker_gamble)
    actions.complete_experience(enrolment, SECRET + " reflection in full.", case.paula)
    cohort = actions.create_cohort(
        case.walker_gamble, SECRET, case.paula, [case.alice, case.bob], case.paula, SECRET
    )
    post = actions.add_post(cohort, case.alice, SECRET, png())
    # Alice also shares her playlist with a colleague and with the cohort by name.
    actions.share_playlist(playlist, [case.carl], [cohort])
    return {
        "resource_id": resource.pk,
        "playlist_id": playlist.pk,
        "experience_id": experience.pk,
        "enrolment_id": enrolment.pk,
        "cohort_id": cohort.pk,
        "post_id": post.pk,
    }
