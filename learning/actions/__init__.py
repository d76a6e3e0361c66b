"""Every write to ways to learn; each action is atomic and raises ActionError on bad input."""

from .cohorts import add_post, create_cohort, update_cohort
from .experiences import (
    complete_experience,
    send_back_experience,
    sign_off_experience,
    take_experience,
)
from .offering import offer_again, offer_experience, retire_experience, update_experience
from .playlists import (
    add_to_playlist,
    create_playlist,
    move_item,
    remove_from_playlist,
    share_playlist,
    update_playlist,
)
from .resources import add_resource

__all__ = [
    "add_post",
    "add_resource",
    "add_to_playlist",
    "complete_experience",
    "create_cohort",
    "create_playlist",
    "move_item",
    "offer_again",
    "offer_experience",
    "remove_from_playlist",
    "retire_experience",
    "send_back_experience",
    "share_playlist",
    "sign_off_experience",
    "take_experience",
    "update_cohort",
    "update_experience",
    "update_playlist",
]
