"""Every write to frameworks goes through these functions; each is atomic.

Imports, built-in content and edits made on the pages all end in `sync.sync_package`, so a
framework is always a valid CASE package. A framework imported from CASE mirrors its source:
it is read-only here and changes when the file is imported again, which never retires a
competency written in Trellis. To change one, an organisation copies it to adapt it.
"""

from .adapting import copy_framework
from .authoring import (
    add_competency,
    adopt_framework,
    case_uri,
    chosen_specialties,
    create_framework,
    edit_competency,
    edit_framework,
    new_case_identifier,
    stop_using_framework,
)
from .importing import (
    ImportFailed,
    ImportNeedsConfirmation,
    ImportResult,
    aligned_count,
    case_now,
    describe_import,
    import_case_data,
    listed,
    public_source,
    read_package,
    rubric_parts,
)

__all__ = [
    "ImportFailed",
    "ImportNeedsConfirmation",
    "ImportResult",
    "add_competency",
    "adopt_framework",
    "aligned_count",
    "case_now",
    "case_uri",
    "chosen_specialties",
    "copy_framework",
    "create_framework",
    "describe_import",
    "edit_competency",
    "edit_framework",
    "import_case_data",
    "listed",
    "new_case_identifier",
    "public_source",
    "read_package",
    "rubric_parts",
    "stop_using_framework",
]
