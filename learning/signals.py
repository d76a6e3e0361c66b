"""Events other apps may react to without learning importing them."""

from django.dispatch import Signal

# Sent with `enrolment` (an ExperienceEnrolment) once the transaction that completed it commits.
experience_completed = Signal()
# Sent with `enrolment` once its mentor has signed it off.
experience_signed_off = Signal()
# Sent with `enrolment` when its mentor answers "not yet": it is open (taken) again, so
# whatever was marked done on completion (a plan item) may be reopened.
experience_sent_back = Signal()
