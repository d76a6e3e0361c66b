"""Build the states, districts, schools and people of the demo, in bulk."""

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from .actions import create_organisation
from .models import Membership, Organisation, Person, Role

CONTENT = Path(__file__).resolve().parent / "content" / "demo-districts.json"
DEMO_PASSWORD = "trellis-demo"
DEMO_DOMAIN = "example.org"
ACCOUNT_PREFIX = {
    "Clarendon County School District 3": "clarendon",
    "Pomona Unified School District": "pomona",
    "Jefferson County Public Schools": "jefferson",
}
ACCOUNT_ROLES = {
    "teacher": Role.TEACHER,
    "principal": Role.ADMINISTRATOR,
    "district": Role.POLICYMAKER,
}
# Generated names for demo people; nobody real.
GIVEN = (
    "Aaliyah Aaron Abigail Adrian Aisha Alejandro Alicia Amara Andre Angela Antonio Ava "
    "Benjamin "
    "Bianca Brandon Camila Carlos Carmen Chloe Christopher Daniel Danielle Darius Deja Diana Diego "
    "Elena Elijah Emily Emmanuel Erica Esperanza Ethan Fatima Felipe Gabriel Grace Hannah Hector "
    "Imani Isaac Isabella Jamal Jasmine Javier Jessica Jordan Joseph Julia Kayla Keisha "
    "Kenji Kevin "
    "Laura Leah Lucas Luis Malik Maria Marcus Maya Mei Michael Miguel Monique Nadia "
    "Natalie Nia Noah "
    "Olivia Omar Priya Rachel Rafael Raven Rosa Ryan Samantha Samuel Sofia Tamika Terrence Thomas "
    "Valeria Vanessa Victor William Xavier Yesenia Zoe"
).split()
FAMILY = (
    "Adams Alvarez Anderson Baker Banks Bell Brooks Brown Bryant Campbell Carter Castillo "
    "Chen "
    "Clark Coleman Collins Cruz Davis Diaz Edwards Evans Flores Foster Garcia Gomez Gonzalez Gray "
    "Green Griffin Hall Harris Hayes Hernandez Hill Howard Hughes Jackson James Jenkins Johnson "
    "Jones Kim Lee Lewis Long Lopez Martin Martinez Mitchell Moore Morales Morgan Murphy Nguyen "
    "Ortiz Parker Patel Perez Perry Peterson Phillips Powell Ramirez Reed Reyes Richardson Rivera "
    "Roberts Robinson Rodriguez Rogers Ross Russell Sanchez Sanders Scott Simmons Smith Stewart "
    "Sullivan Taylor Thomas Thompson Torres Turner Walker Ward Washington Watson White Williams "
    "Wilson Wood Wright Young"
).split()


@dataclass
class DemoDistrict:
    district: Organisation
    prefix: str
    schools: list[Organisation]
    teachers: dict[int, list[Person]] = field(default_factory=dict)
    administrators: dict[int, list[Person]] = field(default_factory=dict)
    policymakers: list[Person] = field(default_factory=list)
    accounts: dict[str, Person] = field(default_factory=dict)
    facts: dict = field(default_factory=dict)


def demo_password_hash() -> str:
    """Return one argon2 hash of the demo password, computed once per process."""
    global _PASSWORD_HASH
    if _PASSWORD_HASH is None:
        _PASSWORD_HASH = make_password(DEMO_PASSWORD)
    return _PASSWORD_HASH


_PASSWORD_HASH: str | None = None


def load_facts() -> dict:
    return json.loads(CONTENT.read_text(encoding="utf-8"))


def _school_names(
    facts: dict, district_facts: dict, rng: random.Random, taken: set[str]
) -> list[tuple[str, str]]:
    named = [(s["name"], s["level"]) for s in district_facts["named_schools"]]
    levels = district_facts.get("remaining_school_levels") or facts["levels"]
    places = facts["school_name_parts"]["places"]
    suffixes = facts["school_name_parts"]["suffixes"]
    result = list(named)
    taken.update(name for name, _level in named)
    while len(result) < district_facts["schools"]:
        level = rng.choices(list(levels), weights=list(levels.values()))[0]
        name = f"{rng.choice(places)} {rng.choice(suffixes[level])}"
        if name not in taken:
            taken.add(name)
            result.append((name, level))
    return result


def build_districts(seed: int = 2026) -> list[DemoDistrict]:
    """Create every district, school and person of the demo; return handles to them."""
    rng = random.Random(seed)
    facts = load_facts()
    password = demo_password_hash()
    states: dict[str, Organisation] = {}
    built = []
    for district_facts in facts["districts"]:
        state_name = district_facts["state"]
        if state_name not in states:
            states[state_name] = create_organisation(
                state_name, Organisation.Kind.STATE, code=district_facts["state_code"]
            )
        district = create_organisation(
            district_facts["name"],
            Organisation.Kind.DISTRICT,
            states[state_name],
            description=district_facts.get("summary", ""),
        )
        schools = _create_schools(district, _school_names(facts, district_facts, rng, set()))
        demo = DemoDistrict(district, ACCOUNT_PREFIX[district.name], schools, facts=district_facts)
        _create_people(demo, district_facts["teachers"], rng, password)
        built.append(demo)
    return built


def _create_schools(district: Organisation, names: list[tuple[str, str]]) -> list[Organisation]:
    taken = set(Organisation.objects.values_list("slug", flat=True))
    schools = []
    for name, level in names:
        slug = slugify(f"{name}-{district.slug}")[:80]
        while slug in taken:
            slug = f"{slug[:74]}-{len(taken)}"
        taken.add(slug)
        schools.append(
            Organisation(
                name=name, kind=Organisation.Kind.SCHOOL, parent=district, slug=slug, level=level
            )
        )
    Organisation.objects.bulk_create(schools)
    schools = list(Organisation.objects.filter(parent=district).order_by("pk"))
    for school in schools:
        school.path = f"{district.path}{school.pk}/"
    Organisation.objects.bulk_update(schools, ["path"], batch_size=500)
    return schools


def _spread(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _create_people(
    demo: DemoDistrict, teacher_total: int, rng: random.Random, password: str
) -> None:
    people: list[Person] = []
    plan: list[tuple[int, Organisation, Role, str]] = []
    counter = 0

    def person(role: Role, organisation: Organisation, title: str = "", email: str = "") -> None:
        nonlocal counter
        counter += 1
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        address = (
            email or f"{slugify(given)}.{slugify(family)}.{counter}@{demo.prefix}.{DEMO_DOMAIN}"
        )
        people.append(
            Person(
                email=address,
                given_name=given,
                family_name=family,
                password=password if email else "!",
            )
        )
        plan.append((len(people) - 1, organisation, role, title))

    first_school = demo.schools[0]
    person(Role.TEACHER, first_school, "Grade 4", f"{demo.prefix}.teacher@{DEMO_DOMAIN}")
    person(Role.ADMINISTRATOR, first_school, "Principal", f"{demo.prefix}.principal@{DEMO_DOMAIN}")
    person(
        Role.POLICYMAKER,
        demo.district,
        "Director of Professional Learning",
        f"{demo.prefix}.district@{DEMO_DOMAIN}",
    )
    for school, count in zip(
        demo.schools, _spread(teacher_total - 1, len(demo.schools)), strict=True
    ):
        for _ in range(count):
            person(Role.TEACHER, school)
        person(Role.ADMINISTRATOR, school, "Assistant principal")
        if school != first_school:
            person(Role.ADMINISTRATOR, school, "Principal")
    for title in ("Chief Academic Officer", "Board member", "Union president", "Equity director"):
        person(Role.POLICYMAKER, demo.district, title)
    Person.objects.bulk_create(people, batch_size=1000)
    saved = {p.email: p for p in Person.objects.filter(email__in=[p.email for p in people])}
    memberships = []
    for index, organisation, role, title in plan:
        someone = saved[people[index].email]
        memberships.append(
            Membership(person=someone, organisation=organisation, role=role, title=title)
        )
        bucket = {Role.TEACHER: demo.teachers, Role.ADMINISTRATOR: demo.administrators}.get(role)
        if bucket is not None:
            bucket.setdefault(organisation.pk, []).append(someone)
        elif role == Role.POLICYMAKER:
            demo.policymakers.append(someone)
    Membership.objects.bulk_create(memberships, batch_size=1000)
    for label in ACCOUNT_ROLES:
        demo.accounts[label] = saved[f"{demo.prefix}.{label}@{DEMO_DOMAIN}"]
