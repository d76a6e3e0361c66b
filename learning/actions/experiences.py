"""Take on a leadership experience, complete it with a reflection, and sign it off as mentor."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.constraints import refused_as
from lib.errors import ActionError
from organisations.models import Organisation, Person

from ..models import ExperienceEnrolment, LeadershipExperience
from ..people import mentor_candidates
from ..signals import experience_completed, experience_sent_back, experience_signed_off


def _lock(enrolment: ExperienceEnrolment) -> None:
    """Lock the enrolment and read it afresh, so a double click finds the first change done."""
    enrolment.refresh_from_db(from_queryset=ExperienceEnrolment.objects.select_for_update())


@transaction.atomic
def take_experience(
    person: Person, experience: LeadershipExperience, organisation: Organisation
) -> ExperienceEnrolment:
    """Record that the person takes the experience on, in the organisation where they work."""
    if not experience.is_offered:
        raise ActionError(
            _("“%(title)s” is no longer offered. Choose another experience from the catalogue.")
            % {"title": experience.title},
            field="experience",
        )
    # The constraint "one open enrolment per experience" settles a double click.
    with refused_as(
        _("You have already taken on “%(title)s”. Complete it before starting it again.")
        % {"title": experience.title},
        field="experience",
    ):
        return ExperienceEnrolment.objects.create(
            person=person, experience=experience, organisation=organisation
        )


@transaction.atomic
def complete_experience(
    enrolment: ExperienceEnrolment, reflection: str, mentor: Person | None = None
) -> ExperienceEnrolment:
    """Mark the experience completed with the person's reflection, and ask the mentor to sign.

    Sends `experience_completed` inside the transaction, so what other apps do in reply (a
    plan item marked done) is saved with the completion or not at all.
    """
    _lock(enrolment)
    if enrolment.is_completed:
        raise ActionError(_("This experience is already completed."), field="reflection")
    reflection = reflection.strip()
    if len(reflection) < 20:
        raise ActionError(
            _("Write a reflection of a few sentences: what you did, and what you learned."),
            field="reflection",
        )
    if mentor is None and enrolment.experience.expects_mentor_sign_off:
        raise ActionError(
            _("This experience asks for a mentor’s sign-off: name a colleague as your mentor."),
            field="mentor",
        )
    if mentor is not None:
        if mentor.pk == enrolment.person_id:
            raise ActionError(
                _("Name a colleague as your mentor, or leave the mentor empty."), field="mentor"
            )
        if not mentor_candidates(enrolment.organisation).filter(pk=mentor.pk).exists():
            raise ActionError(
                _("Choose a mentor from your own school or district."), field="mentor"
            )
    enrolment.status = ExperienceEnrolment.Status.COMPLETED
    enrolment.completed_at = timezone.now()
    enrolment.reflection = reflection
    enrolment.mentor = mentor
    enrolment.save(update_fields=["status", "completed_at", "reflection", "mentor"])
    if mentor is not None:
        _ask_for_sign_off(enrolment, mentor)
    experience_completed.send(sender=ExperienceEnrolment, enrolment=enrolment)
    return enrolment


def _ask_for_sign_off(enrolment: ExperienceEnrolment, mentor: Person) -> None:
    link = settings.SITE_URL + reverse("learning:enrolment", args=[enrolment.pk])
    subject = _("%(name)s asks you to sign off “%(title)s”") % {
        "name": enrolment.person.full_name,
        "title": enrolment.experience.title,
    }
    body = _("Read the reflection and sign off the experience here: %(link)s\n") % {"link": link}
    address = mentor.email
    transaction.on_commit(lambda: send_mail(subject, body, None, [address], fail_silently=True))


@transaction.atomic
def sign_off_experience(
    enrolment: ExperienceEnrolment, mentor: Person, note: str = ""
) -> ExperienceEnrolment:
    """Record the mentor's sign-off of a completed experience."""
    _lock(enrolment)
    if enrolment.mentor_id != mentor.pk:
        raise ActionError(_("Only the mentor named on this experience can sign it off."))
    if not enrolment.is_completed:
        raise ActionError(_("The experience must be completed before it is signed off."))
    if enrolment.mentor_signed_off_at is not None:
        raise ActionError(_("You have already signed off this experience."))
    enrolment.mentor_signed_off_at = timezone.now()
    enrolment.mentor_note = note.strip()
    enrolment.save(update_fields=["mentor_signed_off_at", "mentor_note"])
    experience_signed_off.send(sender=ExperienceEnrolment, enrolment=enrolment)
    return enrolment


@transaction.atomic
def send_back_experience(
    enrolment: ExperienceEnrolment, mentor: Person, note: str
) -> ExperienceEnrolment:
    """Answer "not yet": reopen the experience with the mentor's note on what is missing.

    The person keeps their reflection to rework, and completes the experience again; the
    mentor is asked again then. Sends `experience_sent_back` inside the transaction.
    """
    _lock(enrolment)
    if enrolment.mentor_id != mentor.pk:
        raise ActionError(_("Only the mentor named on this experience can answer “not yet”."))
    if not enrolment.is_completed or enrolment.mentor_signed_off_at is not None:
        raise ActionError(
            _("Only a completed experience waiting for your sign-off can be sent back.")
        )
    note = note.strip()
    if not note:
        raise ActionError(
            _("Say what is missing, so your colleague knows what to do before completing again."),
            field="note",
        )
    taken_again = _(
        "Your colleague has taken this experience on again; sign off this one or leave it."
    )
    if ExperienceEnrolment.objects.filter(
        person_id=enrolment.person_id,
        experience_id=enrolment.experience_id,
        status=ExperienceEnrolment.Status.TAKEN,
    ).exists():
        raise ActionError(taken_again)
    enrolment.status = ExperienceEnrolment.Status.TAKEN
    enrolment.completed_at = None
    enrolment.mentor_note = note
    enrolment.mentor_sent_back_at = timezone.now()
    # Taking it on again at this very moment is caught by the one-open-enrolment constraint.
    with refused_as(taken_again):
        enrolment.save(
            update_fields=["status", "completed_at", "mentor_note", "mentor_sent_back_at"]
        )
    _tell_person(enrolment, mentor)
    experience_sent_back.send(sender=ExperienceEnrolment, enrolment=enrolment)
    return enrolment


def _tell_person(enrolment: ExperienceEnrolment, mentor: Person) -> None:
    link = settings.SITE_URL + reverse("learning:enrolment", args=[enrolment.pk])
    subject = _("%(name)s answered “not yet” on “%(title)s”") % {
        "name": mentor.full_name,
        "title": enrolment.experience.title,
    }
    body = _("Read the note, rework your reflection and complete it again here: %(link)s\n") % {
        "link": link
    }
    address = enrolment.person.email
    transaction.on_commit(lambda: send_mail(subject, body, None, [address], fail_silently=True))
