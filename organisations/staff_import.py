"""Read a staff CSV into checked rows, naming the line and field of every problem."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from .models import Role

REQUIRED_COLUMNS = ("email", "given_name", "family_name", "role")
OPTIONAL_COLUMNS = ("school", "title")
# Common spellings, including OneRoster users.csv, map onto our column names.
COLUMN_ALIASES = {
    "email": "email",
    "e-mail": "email",
    "given_name": "given_name",
    "givenname": "given_name",
    "first_name": "given_name",
    "first name": "given_name",
    "family_name": "family_name",
    "familyname": "family_name",
    "last_name": "family_name",
    "last name": "family_name",
    "role": "role",
    "school": "school",
    "orgsourcedids": "school",
    "title": "title",
}
ROLE_ALIASES = {
    "teacher": Role.TEACHER,
    "administrator": Role.ADMINISTRATOR,
    "principal": Role.ADMINISTRATOR,
    "policymaker": Role.POLICYMAKER,
}
MAX_ROWS = 50_000


@dataclass
class StaffRow:
    line: int
    email: str
    given_name: str
    family_name: str
    role: str
    school: str = ""
    title: str = ""


@dataclass
class ParsedStaffFile:
    rows: list[StaffRow] = field(default_factory=list)
    row_errors: list[tuple[int, str]] = field(default_factory=list)
    file_error: str = ""


def decode_upload(raw: bytes) -> str:
    """Return the file's text; anything but UTF-8 (with or without BOM) is refused."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ValueError(
            _(
                "The file is not UTF-8 text: line %(line)s has a character that could not be "
                "read (often an accented letter). In your spreadsheet choose “Save as… CSV "
                "UTF-8” and upload it again."
            )
            % {"line": line}
        ) from None


# Spreadsheets in many languages separate columns with semicolons, since the comma marks decimals.
SEPARATORS = (",", ";", "\t")


def column_separator(first_line: str) -> str:
    """Return the separator that makes the most of the first line's names known columns."""

    def known(separator: str) -> int:
        names = next(csv.reader([first_line], delimiter=separator), [])
        return sum(1 for name in names if name.strip().lower() in COLUMN_ALIASES)

    # A tie (none known, say) keeps the comma, so the missing-columns message reads as usual.
    return max(SEPARATORS, key=lambda separator: (known(separator), separator == ","))


def parse_staff_csv(text: str, known_schools: set[str] | None = None) -> ParsedStaffFile:
    """Check every row; good rows are kept even when others have errors."""
    result = ParsedStaffFile()
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=column_separator(first_line))
    header = next(reader, None)
    if not header:
        result.file_error = _("The file is empty. The first line must name the columns.")
        return result
    columns = [COLUMN_ALIASES.get(name.strip().lower(), "") for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        result.file_error = _(
            "The file is missing the column(s) %(missing)s. The first line must name the "
            "columns email, given_name, family_name and role (school and title are optional)."
        ) % {"missing": ", ".join(missing)}
        if len(header) == 1:
            result.file_error += " " + _(
                "The first line reads as a single column, so its columns may be separated by a "
                "character other than a comma or semicolon; save the file from your spreadsheet "
                "as “CSV UTF-8 (comma delimited)”."
            )
        return result
    seen: dict[str, int] = {}
    # The line a row starts on, counted as a text editor does, even when a quoted value spans lines.
    next_line = reader.line_num + 1
    for values in reader:
        line_number, next_line = next_line, reader.line_num + 1
        if not any(value.strip() for value in values):
            continue
        if len(result.rows) + len(result.row_errors) >= MAX_ROWS:
            result.file_error = _(
                "The file has more than %(max)s rows; split it and upload each part."
            ) % {"max": MAX_ROWS}
            return result
        record = {
            column: value.strip() for column, value in zip(columns, values, strict=False) if column
        }
        error = _check_row(line_number, record, seen, known_schools)
        if error:
            result.row_errors.append((line_number, error))
            continue
        seen[record["email"].lower()] = line_number
        result.rows.append(
            StaffRow(
                line=line_number,
                email=record["email"].lower(),
                given_name=record["given_name"],
                family_name=record["family_name"],
                role=ROLE_ALIASES[record["role"].lower()],
                school=record.get("school", ""),
                title=record.get("title", ""),
            )
        )
    return result


def _check_row(
    line: int, record: dict[str, str], seen: dict[str, int], known_schools: set[str] | None
) -> str:
    email = record.get("email", "")
    try:
        validate_email(email)
    except ValidationError:
        return _("Line %(line)s, email: “%(value)s” is not an email address.") % {
            "line": line,
            "value": email,
        }
    if email.lower() in seen:
        return _(
            "Line %(line)s, email: %(email)s already appears on line %(first)s; "
            "list each person once."
        ) % {"line": line, "email": email, "first": seen[email.lower()]}
    for name in ("given_name", "family_name"):
        if not record.get(name):
            return _("Line %(line)s, %(field)s: this field is empty; fill it in.") % {
                "line": line,
                "field": name,
            }
    role = record.get("role", "").lower()
    if role not in ROLE_ALIASES:
        return _(
            "Line %(line)s, role: “%(value)s” is not a role; use teacher, administrator "
            "or policymaker."
        ) % {"line": line, "value": record.get("role", "")}
    school = record.get("school", "")
    if school and known_schools is not None and school.lower() not in known_schools:
        return _(
            "Line %(line)s, school: there is no school called “%(value)s” here; check the "
            "spelling or leave it blank to add the person to the whole organisation."
        ) % {"line": line, "value": school}
    return ""
