"""Read, check and write 1EdTech CASE 1.0 packages as plain Python data (no Django here).

`parse_package` turns a CFPackage (bytes, text or dict) into `CasePackage` dataclasses and
raises `CaseError` listing every problem; `export_package` writes one back as CASE 1.0 JSON.
Nothing a file carries is dropped: keys CASE 1.0 does not define stay in each object's
`extra` and are written back. A few repairs make real files usable and schema-valid, each
reported in `CasePackage.warnings`:

* sequenceNumber (and other whole numbers) given as text, like "1", become integers;
* null values become absent, since the schema rejects null for most fields;
* `educationalLevel` (a common misspelling) is read as educationLevel, and a single string
  such as "09,10" becomes the list ["09", "10"]; a single-string subject becomes a list;
* a CFPackageURI, or a CFDocumentURI naming this document, given as a bare URI string
  becomes a full {title, identifier, uri} link to the document;
* a lastChangeDateTime without a time zone, as older OpenSALT exports write, is completed
  as UTC (OpenSALT stores UTC), since the schema's date-time format requires a zone.

So an export validates against OpenSALT's CFPackage schema whenever the input would have
after those repairs. Unknown keys are written back everywhere, even where that schema closes
the object (the top level, CFDefinitions entries, rubrics): there, losing data would be worse.

External and dangling references
--------------------------------
CASE lets associations point outside their package: exactMatchOf to another publisher's
standard, exemplar to a web page, isChildOf to the CFDocument itself. So a reference
(originNodeURI, destinationNodeURI, or a rubric criterion's CFItemURI) is resolved as:

1. In the package, when its identifier is that of the CFDocument or of a CFItem
   (identifiers compare case-insensitively, as UUIDs do).
2. Otherwise dangling, an error, when it has no absolute URI (http://host/…, urn:…) to say
   where else it lives, or when its URI is that of a node in this package (so the identifier
   is wrong).
3. Otherwise, for isChildOf only, dangling when its URI is in this package's own address
   space: the prefix its document and items share before their identifiers (such as
   https://host/ims/case/v1p0/CFItems/). An isChildOf builds this framework's tree, so an
   unresolved parent or child minted like our own items is almost surely a missing item.
   Other association types are crosswalks by nature, and OpenSALT puts every framework on a
   server under one prefix, so for them this rule would reject real files.
4. Otherwise external, which is allowed: `item_tree` skips such isChildOf links, and an item
   whose only parent is external becomes an orphan.

An isChildOf that makes the CFDocument a child, or a loop of isChildOf associations among
items, is also an error.
"""

from .checks import PackageIndex, Resolution, check_package
from .errors import CaseError
from .export import export_package
from .model import (
    ASSOCIATION_TYPES,
    CaseAssociation,
    CaseAssociationGrouping,
    CaseConcept,
    CaseDefinitions,
    CaseDocument,
    CaseItem,
    CaseItemType,
    CaseLicense,
    CasePackage,
    CaseRubric,
    CaseRubricCriterion,
    CaseRubricCriterionLevel,
    CaseSubject,
    Link,
)
from .parse import parse_package
from .synthetic import make_large_package
from .tree import ItemTree, Placement, item_tree

__all__ = [
    "ASSOCIATION_TYPES",
    "CaseAssociation",
    "CaseAssociationGrouping",
    "CaseConcept",
    "CaseDefinitions",
    "CaseDocument",
    "CaseError",
    "CaseItem",
    "CaseItemType",
    "CaseLicense",
    "CasePackage",
    "CaseRubric",
    "CaseRubricCriterion",
    "CaseRubricCriterionLevel",
    "CaseSubject",
    "ItemTree",
    "Link",
    "PackageIndex",
    "Placement",
    "Resolution",
    "check_package",
    "export_package",
    "item_tree",
    "make_large_package",
    "parse_package",
]
