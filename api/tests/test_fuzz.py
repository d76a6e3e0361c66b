"""Schemathesis fuzzes every operation of /api/openapi.json: no 5xx, every answer as documented.

Each operation gets a few hundred generated requests, valid and invalid (boundary values, huge
numbers, odd strings), sent to the WSGI application in-process with a real token of Dana, a
district policymaker who has earned credentials herself, so the private lists answer with data.
Half the organisation ids and credential ids are real ones, so the fuzzer reaches past the 404s.
"""

from collections.abc import Callable, Iterator
from uuid import UUID

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig

from credentials.actions.awarding import issue_awards
from credentials.models import Award
from credentials.tests.helpers import (
    approve,
    complete_submission,
    make_issuer,
    publish_sample,
    review_all,
)
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from tests.base import make_person
from trellis.wsgi import application

from .. import actions

# Generated cases per operation in the fuzzing phase; the coverage phase adds its boundary cases.
EXAMPLES = 300

CONFIG = {
    "seed": 8,
    "generation": {"mode": "all", "max-examples": EXAMPLES, "deterministic": True},
}
schema = schemathesis.openapi.from_wsgi(
    "/api/openapi.json", application, config=SchemathesisConfig.from_dict(CONFIG)
)
# The ids that exist in this test's database, by path parameter; filled by the fixture.
REAL_IDS: dict[str, list] = {}


@schema.hook
def flatmap_path_parameters(context, path_parameters: dict | None) -> st.SearchStrategy:
    """Swap a valid generated id for a real one half the time, to reach past the 404s."""
    choices = [st.just(path_parameters)]
    generated = path_parameters or {}
    for name, value in generated.items():
        if name in REAL_IDS and _is_valid(name, value):
            real = st.sampled_from(REAL_IDS[name])
            choices.append(real.map(_replacing(generated, name)))
    return st.one_of(choices)


def _replacing(parameters: dict, name: str) -> Callable[[object], dict]:
    """Return what puts a real id in place of the generated one."""
    return lambda id_: {**parameters, name: id_}


def _is_valid(name: str, value: object) -> bool:
    # A deliberately invalid value (negative testing) must stay invalid.
    if name == "public_id":
        try:
            UUID(str(value))
        except ValueError:
            return False
        return True
    return isinstance(value, int) and not isinstance(value, bool)


@pytest.fixture
def same_connection() -> Iterator[None]:
    """Keep the test's database connection open across requests, as Django's test client does.

    The WSGI handler closes connections at the end of each request; on PostgreSQL that would end
    the test's transaction and its data.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(db, same_connection) -> dict[str, str]:
    """Build an issuer with awards in a district; return headers with its policymaker's token."""
    state = create_organisation("South Carolina", Organisation.Kind.STATE)
    district = create_organisation("Clarendon", Organisation.Kind.DISTRICT, state)
    school = create_organisation("Walker-Gamble Elementary", Organisation.Kind.SCHOOL, district)
    issuer = make_issuer(district, "Clarendon Leadership Academy")
    micro_credential = publish_sample(issuer)
    # Dana leads the district and has earned the academy's micro-credential three times.
    dana = make_person("dana@clarendon.example", "Dana", "Diaz", Role.POLICYMAKER, district)
    # Rita reviews for the academy.
    rita = make_person("rita@clarendon.example", "Rita", "Reyes", Role.TEACHER, school)
    approve(issuer, rita)
    review_all(complete_submission(micro_credential, dana), rita)
    issue_awards(micro_credential, [dana, dana])
    REAL_IDS["organisation_id"] = [state.pk, district.pk, school.pk, issuer.organisation_id]
    REAL_IDS["public_id"] = [str(id_) for id_ in Award.objects.values_list("public_id", flat=True)]
    _token, secret = actions.create_token(dana, "Fuzzer")
    return {"Authorization": f"Bearer {secret}"}


@schema.parametrize()
@settings(
    deadline=None,
    derandomize=True,
    database=None,
    # The database fixture serves every generated case of the test: they only read.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_is_documented_json_and_none_is_a_server_error(case, bearer) -> None:
    case.call_and_validate(headers=bearer)
