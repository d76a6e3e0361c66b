"""Generate realistic synthetic CASE packages of any size, for benchmarks and tests."""

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from .synthetic_rubric import BASE, make_rubric, new_uuid

ELSEWHERE = "https://standards.example.net/uri"  # another publisher, for external references
TYPES = ("Domain", "Strand", "Competency", "Indicator")
# Share of items at each of the first three levels; the rest are indicators.
SHARES = (0.002, 0.02, 0.2)
LEAF_COMPETENCIES = 0.3  # competencies with no indicators, so branches are 3 or 4 levels deep
GRADE_BANDS = (["KG", "01", "02"], ["03", "04", "05"], ["06", "07", "08"], ["09", "10", "11", "12"])
VERBS = (
    "Facilitates", "Models", "Designs", "Leads", "Analyzes", "Coaches", "Advocates for",
    "Builds", "Evaluates", "Sustains",
)  # fmt: skip
OBJECTS = (
    "collaborative inquiry cycles", "data-informed instructional decisions",
    "peer observation protocols", "equitable grading practices",
    "professional learning communities", "family and community partnerships",
    "culturally responsive lesson studies", "shared norms for feedback",
    "curriculum alignment reviews", "mentoring of early-career teachers",
)  # fmt: skip
CONTEXTS = (
    "across grade-level teams", "within the school", "with novice teachers",
    "using student work samples", "at district professional days",
    "through action research", "with instructional coaches", "in content-area departments",
)  # fmt: skip


def make_large_package(n_items: int, seed: int = 0) -> dict[str, Any]:
    """Return a CASE 1.0 package dict with `n_items` items in a 3–4 level hierarchy."""
    if n_items < 1:
        raise ValueError("A synthetic package needs at least one item.")
    rng = random.Random(seed)
    clock = _Clock(rng)
    document = _document(rng, clock, n_items)
    doc_link = _link(document["title"], document["identifier"], document["uri"])
    types = [
        _definition(rng, clock, "CFItemTypes", name, str(n + 1)) for n, name in enumerate(TYPES)
    ]
    grouping = _definition(rng, clock, "CFAssociationGroupings", "Progressions", None)

    parents = _shape(rng, n_items)
    items = [_item(rng, clock, level, types[level], doc_link) for level, _ in parents]
    children: dict[int, list[int]] = {}
    for child, (_, parent) in enumerate(parents):
        children.setdefault(parent, []).append(child)
    _number(items, children)

    associations = []
    for parent, kids in children.items():
        destination = doc_link if parent == -1 else _node(items[parent])
        for position, child in enumerate(kids):
            associations.append(
                _association(rng, clock, "isChildOf", _node(items[child]), destination, doc_link,
                             sequence=position + 1)
            )  # fmt: skip
    associations += _other_associations(rng, clock, items, parents, children, doc_link, grouping)

    return {
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {
            "CFConcepts": [],
            "CFSubjects": [_definition(rng, clock, "CFSubjects", "Teacher Leadership", "1")],
            "CFLicenses": [_license(rng, clock)],
            "CFItemTypes": types,
            "CFAssociationGroupings": [grouping],
        },
        "CFRubrics": [make_rubric(rng, clock.tick, items, parents)],
    }


class _Clock:
    """Hand out plausible, increasing lastChangeDateTime values."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.now = datetime(2024, 8, 1, 9, 0, tzinfo=UTC)

    def tick(self) -> str:
        """Move forward a few seconds and return the time as CASE writes it."""
        self.now += timedelta(seconds=self.rng.randint(1, 90))
        return self.now.isoformat()


def _link(title: str, identifier: str, uri: str) -> dict[str, str]:
    """Return a LinkURI."""
    return {"title": title, "identifier": identifier, "uri": uri}


def _node(item: dict[str, Any]) -> dict[str, str]:
    """Return a LinkGenURI pointing at an item, titled by its coding scheme as OpenSALT does."""
    return _link(item["humanCodingScheme"], item["identifier"], item["uri"])


def _document(rng: random.Random, clock: _Clock, n_items: int) -> dict[str, Any]:
    """Return the CFDocument."""
    identifier = new_uuid(rng)
    title = f"Synthetic Teacher Leadership Framework ({n_items} items)"
    return {
        "identifier": identifier,
        "uri": f"{BASE}/CFDocuments/{identifier}",
        "CFPackageURI": _link(title, identifier, f"{BASE}/CFPackages/{identifier}"),
        "creator": "Trellis test data",
        "title": title,
        "lastChangeDateTime": clock.tick(),
        "officialSourceURL": "https://trellis.example.org/frameworks/teacher-leadership",
        "publisher": "Example Unified School District",
        "description": "Competencies for teacher leaders, generated for load tests.",
        "subject": ["Teacher Leadership"],
        "language": "en",
        "version": "1.0",
        "adoptionStatus": "Draft",
        "statusStartDate": "2024-08-01",
        "notes": "Synthetic; not a real framework.",
    }


def _definition(
    rng: random.Random, clock: _Clock, kind: str, title: str, code: str | None
) -> dict[str, Any]:
    """Return a CFItemType, CFSubject or CFAssociationGrouping."""
    identifier = new_uuid(rng)
    entry = {"identifier": identifier, "uri": f"{BASE}/{kind}/{identifier}", "title": title}
    if code is not None:
        entry["hierarchyCode"] = code
    if kind == "CFItemTypes":
        entry["typeCode"] = title
    entry["description"] = f"{title} (synthetic)."
    entry["lastChangeDateTime"] = clock.tick()
    return entry


def _license(rng: random.Random, clock: _Clock) -> dict[str, Any]:
    """Return a CFLicense."""
    identifier = new_uuid(rng)
    return {
        "identifier": identifier,
        "uri": f"{BASE}/CFLicenses/{identifier}",
        "title": "CC BY 4.0",
        "licenseText": "https://creativecommons.org/licenses/by/4.0/",
        "lastChangeDateTime": clock.tick(),
    }


def _shape(rng: random.Random, n_items: int) -> list[tuple[int, int]]:
    """Return (level, parent index) per item, -1 meaning the document, parents listed first."""
    counts = [max(1, round(n_items * SHARES[0]))]
    for share in SHARES[1:]:
        counts.append(min(max(1, round(n_items * share)), n_items - sum(counts)))
    counts.append(n_items - sum(counts))
    shape: list[tuple[int, int]] = [(0, -1)] * counts[0]
    previous = list(range(counts[0]))
    for level, count in enumerate(counts[1:], start=1):
        if count == 0:
            break
        candidates = previous
        if level == 3:
            keep = max(1, round(len(previous) * (1 - LEAF_COMPETENCIES)))
            candidates = sorted(rng.sample(previous, keep))
        start = len(shape)
        for n in range(count):
            # Give every candidate one child before spreading the rest at random.
            parent = candidates[n] if n < len(candidates) else rng.choice(candidates)
            shape.append((level, parent))
        previous = list(range(start, len(shape)))
    return shape


def _item(
    rng: random.Random, clock: _Clock, level: int, item_type: dict[str, Any], doc: dict[str, str]
) -> dict[str, Any]:
    """Return one CFItem; its coding scheme is filled in by `_number`."""
    identifier = new_uuid(rng)
    statement = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CONTEXTS)}."
    item: dict[str, Any] = {
        "identifier": identifier,
        "uri": f"{BASE}/CFItems/{identifier}",
        "CFDocumentURI": doc,
        "fullStatement": statement,
        "humanCodingScheme": "",
        "listEnumeration": "",
        "CFItemType": item_type["title"],
        "CFItemTypeURI": _link(item_type["title"], item_type["identifier"], item_type["uri"]),
        "educationLevel": list(rng.choice(GRADE_BANDS)),
        "language": "en",
        "lastChangeDateTime": clock.tick(),
    }
    if level < 2:
        item["abbreviatedStatement"] = statement.split(" ", 2)[-1].rstrip(".").capitalize()
    if rng.random() < 0.2:
        item["notes"] = f"Evidence might include {rng.choice(OBJECTS)} {rng.choice(CONTEXTS)}."
    if rng.random() < 0.1:
        item["conceptKeywords"] = rng.sample(["inquiry", "equity", "coaching", "data", "PLC"], 2)
    return item


def _number(items: list[dict[str, Any]], children: dict[int, list[int]]) -> None:
    """Give every item a coding scheme like TL.2.3.1 and a list enumeration from its place."""
    stack = [(-1, "TL")]
    while stack:
        parent, code = stack.pop()
        for position, child in enumerate(children.get(parent, []), start=1):
            items[child]["humanCodingScheme"] = f"{code}.{position}"
            items[child]["listEnumeration"] = str(position)
            stack.append((child, f"{code}.{position}"))


def _association(
    rng: random.Random,
    clock: _Clock,
    kind: str,
    origin: dict[str, str],
    destination: dict[str, str],
    doc: dict[str, str],
    *,
    sequence: int | None = None,
    grouping: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Return one CFAssociation."""
    identifier = new_uuid(rng)
    association: dict[str, Any] = {
        "identifier": identifier,
        "associationType": kind,
        "uri": f"{BASE}/CFAssociations/{identifier}",
        "CFDocumentURI": doc,
        "originNodeURI": origin,
        "destinationNodeURI": destination,
        "lastChangeDateTime": clock.tick(),
    }
    if sequence is not None:
        association["sequenceNumber"] = sequence
    if grouping is not None:
        association["CFAssociationGroupingURI"] = _link(
            grouping["title"], grouping["identifier"], grouping["uri"]
        )
    return association


def _other_associations(
    rng: random.Random,
    clock: _Clock,
    items: list[dict[str, Any]],
    parents: list[tuple[int, int]],
    children: dict[int, list[int]],
    doc: dict[str, str],
    grouping: dict[str, Any],
) -> list[dict[str, Any]]:
    """Return precedes, isRelatedTo, exactMatchOf and exemplar associations (about 8%)."""
    competencies = [n for n, (level, _) in enumerate(parents) if level == 2]
    out = []
    for kids in children.values():
        if parents[kids[0]][0] == 2 and len(kids) > 1 and rng.random() < 0.3:
            for first, second in zip(kids, kids[1:], strict=False):
                out.append(_association(rng, clock, "precedes", _node(items[first]),
                                        _node(items[second]), doc, grouping=grouping))  # fmt: skip
    for _ in range(len(items) // 40):
        if len(competencies) > 1:
            first, second = rng.sample(competencies, 2)
            out.append(_association(rng, clock, "isRelatedTo", _node(items[first]),
                                    _node(items[second]), doc))  # fmt: skip
    for _ in range(max(1, len(items) // 50)):
        origin = rng.choice(competencies or [0])
        elsewhere = new_uuid(rng)
        target = _link("NBPTS.TL", elsewhere, f"{ELSEWHERE}/{elsewhere}")
        out.append(_association(rng, clock, "exactMatchOf", _node(items[origin]), target, doc))
    for n in range(max(1, len(items) // 100)):
        origin = rng.choice(competencies or [0])
        target = _link("Exemplar", new_uuid(rng), f"https://videos.example.org/exemplars/{n}")
        out.append(_association(rng, clock, "exemplar", _node(items[origin]), target, doc))
    return out
