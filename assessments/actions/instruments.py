"""An organisation's own instruments: copies of another, and versioned edits."""

from django.db import transaction
from django.utils.translation import gettext as _

from lib.errors import ActionError
from organisations.models import Organisation

from ..models import Assessment, Criterion, FocusArea, FocusGroup, Instrument, Recommendation


@transaction.atomic
def copy_instrument(instrument: Instrument, organisation: Organisation, title: str) -> Instrument:
    """Make an editable copy of an instrument for the organisation, as its next version."""
    # The organisation's row guards its version numbers: parallel copies and edits wait here,
    # then each reads the latest version the one before it made, instead of both taking N+1.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    latest = (
        Instrument.objects.filter(organisation=organisation, slug=instrument.slug)
        .order_by("-version")
        .first()
    )
    copy = Instrument.objects.create(
        slug=instrument.slug,
        version=(latest.version + 1) if latest else 1,
        title=title,
        summary=instrument.summary,
        instructions=instrument.instructions,
        source=instrument.source,
        organisation=organisation,
        based_on=instrument,
    )
    if latest:
        Instrument.objects.filter(organisation=organisation, slug=instrument.slug).exclude(
            pk=copy.pk
        ).update(is_current=False)
    areas = {a.pk: a for a in instrument.areas.select_related("group")}
    groups = {}
    for group in instrument.groups.all():
        groups[group.pk] = FocusGroup.objects.create(
            instrument=copy,
            key=group.key,
            title=group.title,
            summary=group.summary,
            position=group.position,
        )
    new_areas = {}
    for area in areas.values():
        new_areas[area.pk] = FocusArea.objects.create(
            instrument=copy,
            group=groups[area.group_id],
            key=area.key,
            number=area.number,
            title=area.title,
            rationale=area.rationale,
        )
    Criterion.objects.bulk_create(
        Criterion(area=new_areas[c.area_id], role=c.role, code=c.code, text=c.text)
        for c in Criterion.objects.filter(area__instrument=instrument)
    )
    Recommendation.objects.bulk_create(
        Recommendation(
            area=new_areas[r.area_id],
            role=r.role,
            text=r.text,
            position=r.position,
            micro_credentials=r.micro_credentials,
        )
        for r in Recommendation.objects.filter(area__instrument=instrument)
    )
    return copy


@transaction.atomic
def edit_criterion(instrument: Instrument, criterion: Criterion, text: str) -> Instrument:
    """Change a criterion; an instrument already in use gets a new version instead."""
    if instrument.organisation_id is None:
        raise ActionError(_("Built-in instruments cannot be edited; make a copy first."))
    if not text.strip():
        raise ActionError(_("The criterion needs some text."), field="text")
    target = instrument
    if Assessment.objects.filter(instrument=instrument).exists():
        target = copy_instrument(instrument, instrument.organisation, instrument.title)
    Criterion.objects.filter(area__instrument=target, code=criterion.code).update(text=text.strip())
    return target
