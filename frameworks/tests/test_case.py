"""Tests for the pure-Python CASE 1.0 reader and writer, against real OpenSALT packages."""

import copy
import dataclasses
import json
import re
from datetime import UTC, datetime
from functools import cache
from typing import Any

import jsonschema
import pytest

import frameworks.case
from frameworks.case import (
    CaseAssociation,
    CaseDocument,
    CaseError,
    CaseItem,
    CasePackage,
    Link,
    PackageIndex,
    check_package,
    export_package,
    item_tree,
    make_large_package,
    parse_package,
)
from frameworks.case.fields import spec_of
from lib.reference_data import shared_dir

SAMPLES = {
    "opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json": (16, 39),
    "Ordering.json": (28, 28),
    "SmartLevelFramework.json": (14, 14),
}
OPENSALT = "opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json"
DOC = "d0c00000-0000-4000-8000-000000000000"
ITEM_A = "a0000000-0000-4000-8000-00000000000a"
ITEM_B = "b0000000-0000-4000-8000-00000000000b"
ASSOC_A = "aa000000-0000-4000-8000-0000000000aa"
ASSOC_B = "bb000000-0000-4000-8000-0000000000bb"
BASE = "https://case.example.org/uri/"
WHEN = "2024-01-02T03:04:05+00:00"


def sample_bytes(name: str) -> bytes:
    """Return a real sample package exactly as stored."""
    return (shared_dir() / "case-samples" / name).read_bytes()


def sample_json(name: str) -> dict[str, Any]:
    """Return a real sample package as JSON."""
    return json.loads(sample_bytes(name))


@cache
def schema_validator() -> jsonschema.Draft7Validator:
    """Return a validator for OpenSALT's CFPackage schema that really checks date-times.

    The schema's oneOf(date, date-time) only works when date-time is enforced, and jsonschema
    enforces it only with an optional package, so RFC 3339 is checked here directly.
    """
    schema = json.loads(
        (shared_dir() / "case-samples/case-v1p0-cfpackage-schema.schema").read_text()
    )
    checker = copy.deepcopy(jsonschema.Draft7Validator.FORMAT_CHECKER)

    @checker.checks("date-time", raises=ValueError)
    def is_datetime(value: object) -> bool:
        if not isinstance(value, str):
            return True
        shape = r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})"
        if not re.fullmatch(shape, value):
            return False
        datetime.fromisoformat(value.upper())
        return True

    return jsonschema.Draft7Validator(schema, format_checker=checker)


def schema_errors(data: dict[str, Any]) -> list[str]:
    """Return the schema's complaints about a package, with where each one is."""
    return [f"{list(e.absolute_path)}: {e.message}" for e in schema_validator().iter_errors(data)]


def round_trip(package: CasePackage) -> CasePackage:
    """Export a package to JSON text and read it back."""
    return parse_package(json.dumps(export_package(package)))


def node(identifier: str, title: str = "node") -> dict[str, str]:
    """Return a LinkGenURI for a node minted under BASE."""
    return {"title": title, "identifier": identifier, "uri": BASE + identifier}


def association(identifier: str, kind: str, origin: dict, destination: dict) -> dict[str, Any]:
    """Return a minimal valid CFAssociation."""
    return {
        "identifier": identifier,
        "associationType": kind,
        "uri": BASE + identifier,
        "originNodeURI": origin,
        "destinationNodeURI": destination,
        "lastChangeDateTime": WHEN,
    }


def tiny() -> dict[str, Any]:
    """Return a valid two-item package: A under the document, B under A."""
    return {
        "CFDocument": {
            "identifier": DOC,
            "uri": BASE + DOC,
            "creator": "Trellis tests",
            "title": "Tiny framework",
            "lastChangeDateTime": WHEN,
        },
        "CFItems": [
            {
                "identifier": ident,
                "uri": BASE + ident,
                "fullStatement": statement,
                "humanCodingScheme": code,
                "lastChangeDateTime": WHEN,
            }
            for ident, statement, code in (
                (ITEM_A, "Leads inquiry.", "TL.1"),
                (ITEM_B, "Coaches peers.", "TL.1.1"),
            )
        ],
        "CFAssociations": [
            association(ASSOC_A, "isChildOf", node(ITEM_A), node(DOC)),
            association(ASSOC_B, "isChildOf", node(ITEM_B), node(ITEM_A)),
        ],
    }


def problems_with(data: Any) -> list[str]:
    """Parse data that must fail and return the messages."""
    with pytest.raises(CaseError) as caught:
        parse_package(data)
    return caught.value.messages


# --- Real samples -------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLES)
def test_it_reads_every_item_and_association_of_the_real_samples(name: str) -> None:
    package = parse_package(sample_bytes(name))
    raw = sample_json(name)
    assert (len(package.items), len(package.associations)) == SAMPLES[name]
    assert [i.identifier for i in package.items] == [i["identifier"] for i in raw["CFItems"]]
    assert [a.identifier for a in package.associations] == [
        a["identifier"] for a in raw["CFAssociations"]
    ]


@pytest.mark.parametrize("name", SAMPLES)
def test_it_loses_nothing_through_a_round_trip_of_the_real_samples(name: str) -> None:
    package = parse_package(sample_bytes(name))
    again = round_trip(package)
    # Dataclass equality covers every field, extra keys, links, definitions and rubrics.
    assert again == package
    assert export_package(again) == export_package(package)


@pytest.mark.parametrize("name", SAMPLES)
def test_every_value_in_the_real_files_survives_into_the_export(name: str) -> None:
    raw = sample_json(name)
    exported = export_package(parse_package(sample_bytes(name)))
    assert_survives(raw["CFDocument"], exported["CFDocument"])
    for key in ("CFItems", "CFAssociations"):
        by_id = {obj["identifier"]: obj for obj in exported[key]}
        assert len(by_id) == len(raw[key])
        for original in raw[key]:
            assert_survives(original, by_id[original["identifier"]])
    for key, entries in raw["CFDefinitions"].items():
        by_id = {obj["identifier"]: obj for obj in exported["CFDefinitions"][key]}
        for original in entries:
            assert_survives(original, by_id[original["identifier"]])


def assert_survives(original: dict[str, Any], exported: dict[str, Any]) -> None:
    """Assert each key of a source object reached the export, allowing only documented repairs."""
    for key, value in original.items():
        where = f"{original.get('identifier')}.{key}"
        if value is None:
            assert key not in exported, where  # null is written as absent
        elif key == "educationalLevel":
            assert exported["educationLevel"] == value.split(","), where
        elif key == "sequenceNumber":
            assert exported[key] == int(value), where
        elif key == "lastChangeDateTime" and value != exported[key]:
            naive = datetime.fromisoformat(value)
            assert naive.tzinfo is None, where
            assert datetime.fromisoformat(exported[key]) == naive.replace(tzinfo=UTC), where
        elif key in ("CFDocumentURI", "CFPackageURI") and isinstance(value, str):
            assert exported[key]["uri"] == value, where
        else:
            assert exported[key] == value, where


@pytest.mark.parametrize("name", SAMPLES)
def test_the_export_of_each_real_sample_validates_against_the_opensalt_schema(name: str) -> None:
    assert schema_errors(export_package(parse_package(sample_bytes(name)))) == []


def test_the_repairs_are_what_makes_the_opensalt_sample_valid() -> None:
    complaints = "\n".join(schema_errors(sample_json(OPENSALT)))
    assert "'1' is not of type 'integer'" in complaints
    assert "is not a 'date-time'" in complaints
    assert "['CFDefinitions']" in complaints  # description: null in CFItemTypes
    warnings = "\n".join(parse_package(sample_bytes(OPENSALT)).warnings)
    for repair in ("sequenceNumber as text", "educationalLevel", "as null", "completed as UTC"):
        assert repair in warnings


def test_it_keeps_sequence_numbers_through_a_round_trip() -> None:
    package = parse_package(sample_bytes(OPENSALT))
    numbered = {a.identifier: a.sequence_number for a in package.associations}
    assert sorted(n for n in numbered.values() if n is not None) == [1, 2]
    assert {a.identifier: a.sequence_number for a in round_trip(package).associations} == numbered


def test_it_keeps_item_types_and_their_definitions_through_a_round_trip() -> None:
    package = round_trip(parse_package(sample_bytes(OPENSALT)))
    types = package.definitions.item_types
    assert types is not None
    assert [(t.title, t.type_code, t.hierarchy_code) for t in types] == [
        ("Cluster", "Cluster", "1"),
        ("Standard", "Standard", "1"),
        ("Component", "Component", "1"),
    ]
    by_code = {i.human_coding_scheme: i for i in package.items}
    standard = by_code["CCSS.Math.Content.6.RP.A.1"]
    assert standard.item_type == "Standard"
    assert standard.item_type_uri.identifier == types[1].identifier
    assert standard.item_type_uri.title == "Standard"


def test_it_keeps_notes_list_enumerations_and_languages_through_a_round_trip() -> None:
    raw = {i["identifier"]: i for i in sample_json(OPENSALT)["CFItems"]}
    package = round_trip(parse_package(sample_bytes(OPENSALT)))
    with_notes = [i for i in package.items if i.notes]
    assert len(with_notes) == sum(1 for i in raw.values() if i.get("notes"))
    for item in package.items:
        assert item.notes == raw[item.identifier].get("notes")
        assert item.list_enumeration == raw[item.identifier].get("listEnumeration")
        assert item.language == "en"


def test_it_keeps_abbreviated_statements_and_empty_descriptions_of_the_ordering_sample() -> None:
    package = round_trip(parse_package(sample_bytes("Ordering.json")))
    assert package.document.description == ""  # an empty string is kept, not dropped
    abbreviated = {i.human_coding_scheme: i.abbreviated_statement for i in package.items}
    assert abbreviated["H.A.MATH.GM"] == "Geometry and Measurement"
    assert abbreviated["H.A.MATH.GM.PF.2DFP.L1.1"] is None


def test_it_reads_education_level_from_the_misspelled_educationalLevel_key() -> None:
    package = parse_package(sample_bytes(OPENSALT))
    levels = {i.human_coding_scheme: i.education_level for i in package.items}
    assert levels["CCSS.Math.Content.6.RP.A"] == ["06"]
    assert levels["CCSS.Math.Content.7.RP.A"] == ["07"]
    exported = export_package(package)["CFItems"][0]
    assert exported["educationLevel"] == ["06"] and "educationalLevel" not in exported


def test_it_keeps_keys_case_does_not_define_in_extra_and_exports_them() -> None:
    package = parse_package(sample_bytes(OPENSALT))
    item = package.items[0]
    assert item.extra == {
        "CFItemAssociationURI": f"{item.uri}/associations",
    }
    assert (
        export_package(package)["CFItems"][0]["CFItemAssociationURI"] == item.uri + "/associations"
    )


def test_it_completes_a_bare_cfpackageuri_as_a_link_to_the_document() -> None:
    package = parse_package(sample_bytes(OPENSALT))
    document = package.document
    assert (
        document.package_uri.uri == "http://opensalt-staging.opened.com/uri/" + document.identifier
    )
    assert (document.package_uri.identifier, document.package_uri.title) == (
        document.identifier,
        "What Standards Could Be",
    )
    assert package.items[0].document_uri.identifier == document.identifier


def test_it_keeps_the_ordering_samples_cfpackageuri_link_as_it_was() -> None:
    raw = sample_json("Ordering.json")["CFDocument"]["CFPackageURI"]
    package = parse_package(sample_bytes("Ordering.json"))
    assert export_package(package)["CFDocument"]["CFPackageURI"] == raw


def test_external_references_in_the_real_sample_are_allowed_even_on_the_same_server() -> None:
    package = parse_package(sample_bytes(OPENSALT))
    index = PackageIndex(package)
    places = [
        (a.association_type, index.resolve(a.destination).place) for a in package.associations
    ]
    external = [kind for kind, place in places if place == "external"]
    assert external.count("exactMatchOf") == 16
    assert {"exemplar", "isRelatedTo", "precedes"} <= set(external)
    same_server = [
        a
        for a in package.associations
        if a.association_type == "exactMatchOf"
        and a.destination.uri.startswith("http://opensalt-staging.opened.com/uri/")
    ]
    assert len(same_server) == 16  # why the own-address-space rule is for isChildOf only
    assert all(place in ("item", "document") for kind, place in places if kind == "isChildOf")


# --- Accepted variants ----------------------------------------------------------------------


def test_it_accepts_bytes_text_and_dicts_alike() -> None:
    data = sample_bytes("SmartLevelFramework.json")
    from_bytes = parse_package(data)
    assert parse_package(data.decode()) == from_bytes
    assert parse_package(json.loads(data)) == from_bytes


def test_it_accepts_a_file_that_starts_with_a_byte_order_mark() -> None:
    package = parse_package(b"\xef\xbb\xbf" + json.dumps(tiny()).encode())
    assert package.document.title == "Tiny framework"


def test_it_unwraps_a_package_inside_a_cfpackage_key() -> None:
    package = parse_package({"CFPackage": tiny()})
    assert [i.identifier for i in package.items] == [ITEM_A, ITEM_B]
    assert any("wrapped in a CFPackage key" in w for w in package.warnings)


def test_it_accepts_an_empty_cfdefinitions_array_and_exports_a_valid_package() -> None:
    data = tiny() | {"CFDefinitions": []}
    package = parse_package(data)
    assert package.definitions is not None and package.definitions.item_types is None
    assert schema_errors(export_package(package)) == []


def test_it_does_not_change_the_dict_it_was_given() -> None:
    data = sample_json(OPENSALT)
    before = copy.deepcopy(data)
    exported = export_package(parse_package(data))
    exported["CFItems"][0]["CFItemAssociationURI"] = "changed"
    assert data == before


def test_it_turns_a_comma_separated_education_level_into_a_list() -> None:
    data = tiny()
    data["CFItems"][0]["educationLevel"] = "09, 10,11"
    data["CFDocument"]["subject"] = "Teacher Leadership"
    package = parse_package(data)
    assert package.items[0].education_level == ["09", "10", "11"]
    assert package.document.subject == ["Teacher Leadership"]


def test_it_keeps_unknown_top_level_keys_and_link_keys() -> None:
    data = tiny()
    data["trellisNote"] = {"imported": True}
    data["CFAssociations"][0]["originNodeURI"]["targetType"] = "CFItem"
    exported = export_package(parse_package(data))
    assert exported["trellisNote"] == {"imported": True}
    assert exported["CFAssociations"][0]["originNodeURI"]["targetType"] == "CFItem"


# --- Refused input --------------------------------------------------------------------------


def test_it_says_when_the_file_is_not_json() -> None:
    messages = problems_with(b"")
    assert messages[0].startswith("The file is not JSON: Expecting value at line 1 column 1.")
    assert problems_with("{'CFDocument': 1}")[0].startswith("The file is not JSON: Expecting")


def test_it_says_when_the_file_is_not_utf8() -> None:
    assert problems_with(b'{"CFDocument": "\xff"}')[0].startswith("The file is not UTF-8 text")


def test_it_says_when_json_is_not_a_case_package() -> None:
    assert problems_with("[1, 2]")[0].startswith("This is not a CASE package: the JSON is a list,")
    assert problems_with({"CFItems": []})[0].startswith(
        "This is not a CASE package: it has no CFDocument."
    )


def test_it_recognises_a_cfdocument_uploaded_without_its_package() -> None:
    document = sample_json(OPENSALT)["CFDocument"]
    assert problems_with(document)[0].startswith("This is a CFDocument on its own")


def test_it_refuses_an_ischildof_to_an_item_that_is_not_there() -> None:
    data = tiny()
    missing = "9ab00000-0000-4000-8000-000000000000"
    data["CFAssociations"][1]["destinationNodeURI"] = {"title": "gone", "identifier": missing}
    assert problems_with(data) == [
        f"CFAssociation {ASSOC_B} points to destination item {missing} which is not in the "
        "package, and the reference has no URI saying where else it lives. Add that CFItem to "
        "the package, or give destinationNodeURI the full URI of the item in the framework it "
        "comes from."
    ]


def test_it_refuses_an_ischildof_minted_in_the_packages_own_address_space() -> None:
    data = tiny()
    missing = "9ab00000-0000-4000-8000-000000000000"
    data["CFAssociations"][1]["destinationNodeURI"] = node(missing)
    [message] = problems_with(data)
    assert f"points to destination item {missing} which is not in the package" in message
    assert f"its URI {BASE}{missing} is in this package's own address space" in message


def test_it_refuses_a_reference_whose_uri_is_another_items() -> None:
    data = tiny()
    wrong = "9ab00000-0000-4000-8000-000000000000"
    data["CFAssociations"][1]["destinationNodeURI"] = {
        "title": "A",
        "identifier": wrong,
        "uri": BASE + ITEM_A,
    }
    data["CFAssociations"][1]["associationType"] = "isRelatedTo"
    [message] = problems_with(data)
    assert f"although its URI {BASE}{ITEM_A} is that of the CFItem {ITEM_A}" in message
    assert message.endswith("Make the identifier and uri in destinationNodeURI name the same item.")


def test_it_allows_an_ischildof_to_a_parent_in_another_framework_and_makes_an_orphan() -> None:
    data = tiny()
    elsewhere = "e1000000-0000-4000-8000-000000000000"
    data["CFAssociations"][1]["destinationNodeURI"] = {
        "title": "Their item",
        "identifier": elsewhere,
        "uri": f"https://other-publisher.example.net/ims/case/v1p0/CFItems/{elsewhere}",
    }
    package = parse_package(data)
    tree = item_tree(package)
    assert tree.orphans == [ITEM_B]
    assert tree.children == {DOC: [ITEM_A]}


def test_it_allows_associations_to_the_document_and_to_web_pages() -> None:
    data = tiny()
    data["CFAssociations"].append(
        association(
            "cc000000-0000-4000-8000-0000000000cc",
            "exemplar",
            node(ITEM_B),
            {"title": "Video", "identifier": "video-17", "uri": "https://videos.example.org/17"},
        )
    )
    package = parse_package(data)
    assert PackageIndex(package).resolve(package.associations[2].destination).place == "external"
    assert PackageIndex(package).resolve(package.associations[0].destination).place == "document"


def test_it_refuses_two_items_with_one_identifier() -> None:
    data = tiny()
    data["CFItems"][1]["identifier"] = ITEM_A
    data["CFAssociations"][1]["originNodeURI"] = node(ITEM_A)
    messages = problems_with(data)
    assert any(m.startswith(f"The identifier {ITEM_A} is used by two CFItems.") for m in messages)


def test_it_refuses_an_item_and_an_association_sharing_an_identifier() -> None:
    data = tiny()
    data["CFAssociations"][0]["identifier"] = ITEM_B.upper()  # UUIDs compare without case
    [message] = problems_with(data)
    assert message.startswith(f"The identifier {ITEM_B} is used by a CFItem and a CFAssociation.")


def test_it_refuses_fields_of_the_wrong_type() -> None:
    data = tiny()
    data["CFItems"][0]["fullStatement"] = 42
    data["CFItems"][1]["educationLevel"] = [6, 7]
    data["CFAssociations"][0]["sequenceNumber"] = "first"
    messages = problems_with(data)
    assert f"CFItem {ITEM_A} has fullStatement as a number, but it must be text." in messages[0]
    assert (
        f"CFItem {ITEM_B} has educationLevel as a list containing a number, but it must be a "
        "list of text values." in messages[1]
    )
    assert (
        f"CFAssociation {ASSOC_A} has sequenceNumber as text, but it must be a whole number."
        in messages[2]
    )


def test_it_refuses_lists_and_objects_of_the_wrong_shape() -> None:
    data = tiny()
    data["CFAssociations"] = {"not": "a list"}
    data["CFItems"].append("TL.2")
    messages = problems_with(data)
    assert messages[0].startswith("CFItem number 3 is text, but it must be a JSON object.")
    assert messages[1].startswith(
        "CFAssociations is an object, but it must be a list of CFAssociation objects."
    )


def test_it_refuses_missing_required_fields_bad_identifiers_and_bad_dates() -> None:
    data = tiny()
    del data["CFItems"][0]["fullStatement"]
    data["CFItems"][1]["identifier"] = "TL-1-1"
    data["CFDocument"]["lastChangeDateTime"] = "last Tuesday"
    messages = problems_with(data)
    assert any(
        m.startswith("The CFDocument has lastChangeDateTime as 'last Tuesday'") for m in messages
    )
    assert f"CFItem {ITEM_A} has no fullStatement. Every CFItem needs one" in " ".join(messages)
    assert any("'TL-1-1', which is not a UUID" in m for m in messages)


def test_it_refuses_an_association_type_case_1_0_does_not_define() -> None:
    data = tiny()
    data["CFAssociations"][1]["associationType"] = "isParentOf"
    [message] = problems_with(data)
    assert message.startswith(
        f"CFAssociation {ASSOC_B} has associationType 'isParentOf', which CASE 1.0 does not define."
    )
    assert "isChildOf, isPeerOf" in message


def test_it_refuses_a_loop_of_ischildof_associations() -> None:
    data = tiny()
    data["CFAssociations"].append(
        association("cc000000-0000-4000-8000-0000000000cc", "isChildOf", node(ITEM_A), node(ITEM_B))
    )
    [message] = problems_with(data)
    assert "are each other's ancestors through isChildOf associations" in message
    assert ITEM_A in message and ITEM_B in message


def test_it_refuses_an_item_that_is_its_own_parent_and_a_document_that_is_a_child() -> None:
    data = tiny()
    data["CFAssociations"][1]["destinationNodeURI"] = node(ITEM_B)
    data["CFAssociations"][0]["originNodeURI"] = node(DOC)
    data["CFAssociations"][0]["destinationNodeURI"] = node(ITEM_A)
    messages = problems_with(data)
    assert f"CFItem {ITEM_B} is an isChildOf child of itself." in messages[1]
    assert messages[0].startswith(f"CFAssociation {ASSOC_A} makes the CFDocument a child")


def test_it_reports_every_problem_at_once() -> None:
    data = tiny()
    data["CFItems"][0]["fullStatement"] = ["not", "text"]
    data["CFItems"][1]["identifier"] = ITEM_A
    data["CFAssociations"][1]["destinationNodeURI"] = {"title": "x", "identifier": "nowhere"}
    with pytest.raises(CaseError) as caught:
        parse_package(data)
    assert len(caught.value.messages) >= 3
    assert str(caught.value) == "\n".join(caught.value.messages)


def test_check_package_finds_problems_in_a_package_built_in_code() -> None:
    package = parse_package(tiny())
    package.items[1].identifier = ITEM_A
    assert check_package(package)[0].startswith(f"The identifier {ITEM_A} is used by two CFItems.")
    assert check_package(parse_package(tiny())) == []


# --- The item tree --------------------------------------------------------------------------


def codes(package: CasePackage, identifiers: list[str]) -> list[str]:
    """Return the coding schemes (or statements) of items, in the given order."""
    by_id = {i.identifier: i.human_coding_scheme or i.full_statement for i in package.items}
    return [by_id[i] for i in identifiers]


def test_it_orders_children_by_coding_scheme_naturally_as_opensalt_does() -> None:
    package = parse_package(sample_bytes("Ordering.json"))
    tree = item_tree(package)
    level = next(i for i in package.items if i.human_coding_scheme == "H.A.MATH.GM.PF.2DFP.L1")
    ordered = codes(package, tree.children[level.identifier])
    assert [int(code.rsplit(".", 1)[1]) for code in ordered] == list(range(1, 25))


def test_it_orders_children_by_sequence_number_first() -> None:
    package = parse_package(sample_bytes(OPENSALT))
    tree = item_tree(package)
    assert codes(package, tree.children[package.document.identifier]) == [
        "CCSS.Math.Content.6.RP.A",
        "CCSS.Math.Content.7.RP.A",
    ]
    data = tiny()
    data["CFItems"].append(
        {
            "identifier": "c0000000-0000-4000-8000-00000000000c",
            "uri": BASE + "c0000000-0000-4000-8000-00000000000c",
            "fullStatement": "Advocates.",
            "humanCodingScheme": "TL.1.2",
            "lastChangeDateTime": WHEN,
        }
    )
    data["CFAssociations"].append(
        association(
            "cc000000-0000-4000-8000-0000000000cc",
            "isChildOf",
            node("c0000000-0000-4000-8000-00000000000c"),
            node(ITEM_A),
        )
        | {"sequenceNumber": 1}
    )
    data["CFAssociations"][1]["sequenceNumber"] = 2
    package = parse_package(data)
    assert codes(package, item_tree(package).children[ITEM_A]) == ["TL.1.2", "TL.1.1"]


def test_the_smart_level_sample_keeps_item_1_10_after_item_1_9() -> None:
    package = parse_package(sample_bytes("SmartLevelFramework.json"))
    tree = item_tree(package)
    first = tree.children[package.document.identifier][0]
    assert codes(package, tree.children[first]) == [f"Item 1.{n}" for n in range(1, 11)]


@pytest.mark.parametrize("name", SAMPLES)
def test_walking_the_tree_places_every_item_after_its_parent(name: str) -> None:
    package = parse_package(sample_bytes(name))
    placements = list(item_tree(package).walk())
    seen = {package.document.identifier}
    for placement in placements:
        assert placement.parent_id in seen
        seen.add(placement.item_id)
    assert {p.item_id for p in placements} == {i.identifier for i in package.items}
    assert all(p.association_id for p in placements)


def test_an_item_with_two_parents_is_placed_twice_and_walked_once() -> None:
    data = tiny()
    data["CFAssociations"].append(
        association("cc000000-0000-4000-8000-0000000000cc", "isChildOf", node(ITEM_B), node(DOC))
    )
    tree = item_tree(parse_package(data))
    assert tree.parents[ITEM_B] == [ITEM_A, DOC]
    placements = [(p.item_id, p.parent_id, p.depth) for p in tree.walk()]
    assert placements == [(ITEM_A, DOC, 1), (ITEM_B, ITEM_A, 2), (ITEM_B, DOC, 1)]


# --- Synthetic packages ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 2, 3, 50, 5000])
def test_the_generator_makes_a_valid_package_of_the_requested_size(size: int) -> None:
    data = make_large_package(size)
    package = parse_package(data)
    assert len(package.items) == size
    assert package.warnings == []
    exported = export_package(package)
    assert exported == data  # nothing needed repair, so the export is the input
    assert schema_errors(exported) == []


def test_the_generator_makes_a_three_to_four_level_hierarchy_with_varied_associations() -> None:
    package = parse_package(make_large_package(5000))
    depths = {}
    for placement in item_tree(package).walk():
        depths[placement.item_id] = placement.depth
    assert set(depths.values()) == {1, 2, 3, 4}
    leaves_at_three = [i for i in package.items if i.item_type == "Competency"]
    assert any(item_tree(package).children.get(i.identifier) is None for i in leaves_at_three)
    kinds = {a.association_type for a in package.associations}
    assert kinds == {"isChildOf", "precedes", "isRelatedTo", "exactMatchOf", "exemplar"}
    assert sum(a.association_type == "isChildOf" for a in package.associations) == 5000


def test_the_generator_is_reproducible_for_a_seed_and_varies_between_seeds() -> None:
    assert make_large_package(200, seed=7) == make_large_package(200, seed=7)
    assert make_large_package(200, seed=7) != make_large_package(200, seed=8)


def test_the_generators_rubric_and_definitions_survive_a_round_trip() -> None:
    package = parse_package(make_large_package(500))
    assert package.rubrics is not None
    [rubric] = package.rubrics
    assert rubric.criteria is not None
    assert len(rubric.criteria) == 1  # one domain for 500 items
    levels = rubric.criteria[0].levels
    assert levels is not None
    assert [(lv.quality, lv.score, lv.position) for lv in levels] == [
        ("Emerging", 1, 1),
        ("Developing", 2, 2),
        ("Proficient", 3, 3),
        ("Exemplary", 4, 4),
    ]
    assert all(lv.rubric_criterion_id == rubric.criteria[0].identifier for lv in levels)
    assert rubric.criteria[0].item_uri.identifier == package.items[0].identifier
    again = round_trip(package)
    assert again.rubrics == package.rubrics
    assert again.definitions == package.definitions
    assert [s.title for s in again.definitions.subjects] == ["Teacher Leadership"]


def test_it_keeps_unknown_keys_inside_rubrics_and_definitions() -> None:
    data = make_large_package(3)
    data["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"][0]["colour"] = "amber"
    data["CFDefinitions"]["CFItemTypes"][0]["trellisIcon"] = "compass"
    package = parse_package(data)
    assert package.rubrics is not None
    criteria = package.rubrics[0].criteria
    assert criteria is not None
    levels = criteria[0].levels
    assert levels is not None
    assert levels[0].extra == {"colour": "amber"}
    assert export_package(package) == data


def test_the_generator_refuses_an_empty_package() -> None:
    with pytest.raises(ValueError, match="at least one item"):
        make_large_package(0)


CASE_OBJECTS = [
    cls
    for cls in vars(frameworks.case).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and hasattr(cls, "NAME")
]


@pytest.mark.parametrize("cls", CASE_OBJECTS, ids=lambda cls: cls.NAME)
def test_every_attribute_of_a_case_object_but_extra_holds_one_case_key(cls: type) -> None:
    keys = [spec.key for spec in spec_of(cls)]
    attributes = {attribute.name for attribute in dataclasses.fields(cls)}
    assert sorted(spec.attr for spec in spec_of(cls)) == sorted(attributes - {"extra"})
    assert len(set(keys)) == len(keys), "a CASE key is declared twice"


def test_the_case_objects_are_all_found() -> None:
    assert len(CASE_OBJECTS) == 12


def test_a_missing_required_key_reads_as_empty_text_and_a_missing_optional_one_as_absent() -> None:
    item = CaseItem()
    assert (item.full_statement, item.notes, item.education_level) == ("", None, None)
    assert CaseAssociation().origin == Link()


def test_export_writes_an_objects_keys_in_case_order() -> None:
    link = Link(uri=BASE + "n", identifier=ITEM_A, title="A")
    association = CaseAssociation(
        identifier=ASSOC_A,
        association_type="isChildOf",
        sequence_number=1,
        uri=BASE + ASSOC_A,
        origin=link,
        destination=link,
        grouping_uri=link,
        last_change_date_time=WHEN,
        document_uri=link,
    )
    exported = export_package(CasePackage(document=CaseDocument(), associations=[association]))
    assert list(exported["CFAssociations"][0]) == [
        "identifier",
        "associationType",
        "sequenceNumber",
        "uri",
        "originNodeURI",
        "destinationNodeURI",
        "CFAssociationGroupingURI",
        "lastChangeDateTime",
        "CFDocumentURI",
    ]
    assert list(exported["CFAssociations"][0]["originNodeURI"]) == ["title", "identifier", "uri"]


def test_a_link_with_two_parts_that_are_not_text_reports_both() -> None:
    data = sample_json("Ordering.json")
    data["CFItems"][0]["CFItemTypeURI"] = {"uri": 7, "title": ["x"], "identifier": ITEM_A}
    with pytest.raises(CaseError) as raised:
        parse_package(data)
    messages = " ".join(raised.value.messages)
    assert "whose uri is a number" in messages
    assert "whose title is a list" in messages
