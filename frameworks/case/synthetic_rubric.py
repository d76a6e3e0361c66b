"""Generate a synthetic CFRubric scoring a framework's top-level items."""

import random
import uuid
from collections.abc import Callable
from typing import Any

BASE = "https://trellis.example.org/ims/case/v1p0"
LEVELS = (("Emerging", 1), ("Developing", 2), ("Proficient", 3), ("Exemplary", 4))
LOOK_FORS = ("co-planning notes", "observation records", "student work samples", "PLC minutes")


def new_uuid(rng: random.Random) -> str:
    """Return a reproducible version-4 UUID."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def make_rubric(
    rng: random.Random,
    tick: Callable[[], str],
    items: list[dict[str, Any]],
    parents: list[tuple[int, int]],
) -> dict[str, Any]:
    """Return one CFRubric with a four-level criterion per domain."""
    rubric_id = new_uuid(rng)
    criteria = []
    domains = [n for n, (level, _) in enumerate(parents) if level == 0]
    for position, domain in enumerate(domains, start=1):
        item = items[domain]
        criterion_id = new_uuid(rng)
        levels = []
        for quality, score in LEVELS:
            level_id = new_uuid(rng)
            levels.append({
                "identifier": level_id,
                "uri": f"{BASE}/CFRubricCriterionLevels/{level_id}",
                "description": f"{quality} practice in {item['humanCodingScheme']}.",
                "quality": quality,
                "score": score,
                "feedback": f"Look for {rng.choice(LOOK_FORS)}.",
                "position": score,
                "rubricCriterionId": criterion_id,
                "lastChangeDateTime": tick(),
            })  # fmt: skip
        criteria.append({
            "identifier": criterion_id,
            "uri": f"{BASE}/CFRubricCriteria/{criterion_id}",
            "category": item["humanCodingScheme"],
            "description": item["fullStatement"],
            "CFItemURI": {
                "title": item["humanCodingScheme"],
                "identifier": item["identifier"],
                "uri": item["uri"],
            },
            "weight": round(1 / len(domains), 4),
            "position": position,
            "rubricId": rubric_id,
            "lastChangeDateTime": tick(),
            "CFRubricCriterionLevels": levels,
        })  # fmt: skip
    return {
        "identifier": rubric_id,
        "uri": f"{BASE}/CFRubrics/{rubric_id}",
        "title": "Teacher leadership micro-credential rubric",
        "description": "Scores a portfolio against each domain.",
        "lastChangeDateTime": tick(),
        "CFRubricCriteria": criteria,
    }
