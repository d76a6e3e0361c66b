"""Render the team report's repeated parts, each focus area in one step.

A 60-person report has twelve areas, each with every member's rating, the notes they wrote and
two discussion forms: as template nodes that is thousands of lookups and translations per page,
ten times the cost of building the same HTML here (see docs/benchmarks.md). The markup is the
same the template would make; every text from the database is escaped on the way in.
"""

from functools import lru_cache
from html import escape

from django import template
from django.template.context import Context
from django.template.defaultfilters import date as format_date
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..models import Rating
from ..report import AreaReport, RoleSummary, TeamReport, role_plurals
from .assessment_tags import heat, localized_number, slug_title, url_pattern

register = template.Library()


@lru_cache(maxsize=16)
def _labels(language: str | None) -> dict[str, str]:
    """Return the report's fixed words in the language, escaped, looked up once."""
    words = {
        "mean": _("mean"),
        "divergence": _("divergence"),
        "change": _("change"),
        "no_answers": _("No answers from this role."),
        "no_rating": _("no rating"),
        "none_written": _("None written."),
        "notes": _("Evidence of success and opportunities for growth"),
        "evidence": _("Evidence of success"),
        "growth": _("Opportunities for growth"),
        "recommended": _("What the instrument recommends, by role"),
        "team_steps": _("The team’s next steps"),
        "teacher": _("Teachers"),
        "administrator": _("Administrators"),
        "policymaker": _("Policymakers"),
        "micro_credential": _("Micro-credential:"),
        "discussion": _("Discussion"),
        "agreed": _("Team agreed:"),
        "mark_done": _("Mark as done"),
        "mark_not_done": _("Mark as not done"),
        "by": _("by"),
        "record": _("Record what the team agreed"),
        "agreed_rating": _("Agreed rating"),
        "position": _("What the team agreed"),
        "save_position": _("Save the position"),
        "step": _("Next step (who does what by when)"),
        "who": _("Who"),
        "by_when": _("By when"),
        "add_step": _("Add the step"),
        "differ": _("perceptions differ"),
        "strength": _("shared strength"),
        "growth_area": _("shared growth area"),
        "unrated": _("not rated"),
        "one_voice": _("one person’s rating"),
        "whole_team": _("Whole team"),
    }
    labels = {key: escape(str(word)) for key, word in words.items()}
    for value, label in Rating.choices:
        labels[f"rating-{value}"] = escape(str(label))
    return labels


def _signed(value: float, language: str | None) -> str:
    return ("+" if value > 0 else "") + localized_number(value, language)


def _with_breaks(text: str) -> str:
    """Escape the text and keep its line breaks, as the linebreaksbr filter does."""
    return escape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


class _Page:
    """What every area of one rendering shares: words, link patterns, the CSRF field."""

    def __init__(self, context: Context) -> None:
        self.language = get_language()
        self.words = _labels(self.language)
        assessment_id = context["assessment"].pk
        self.agreement_url = url_pattern("assessments:agreement", assessment_id)
        self.next_step_url = url_pattern("assessments:next-step", assessment_id)
        self.step_done_url = url_pattern("assessments:next-step-done", assessment_id)
        token = str(context.get("csrf_token", ""))
        self.csrf = ""
        if token and token != "NOTPROVIDED":  # as the csrf_token tag
            self.csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">'
        report = context["report"]
        self.roles = report.roles_present
        self.names = {m.id: escape(m.person.full_name) for m in report.members}
        self.can_discuss = context.get("can_discuss", False)
        # The same list of people in every area's form: rendered once.
        self.owner_options = "".join(
            f'<option value="{escape(str(value))}">{escape(str(label))}</option>'
            for value, label in context["step_form"].fields["owner"].choices
        )
        self.ratings = {
            value: f'<span class="rating-{value}">{self.words[f"rating-{value}"]}</span>'
            for value in Rating.values
        }
        self.ratings[None] = f'<span class="muted">{self.words["no_rating"]}</span>'

    def url(self, pattern: tuple[str, str], object_id: int) -> str:
        return f"{pattern[0]}{object_id}{pattern[1]}"


def _page(context: Context) -> _Page:
    page = context.render_context.get(_Page)
    if page is None:
        page = context.render_context[_Page] = _Page(context)
    return page


@register.simple_tag(takes_context=True)
def area_rows(context: Context, areas: list[AreaReport], show_change: bool) -> SafeString:
    """Render the summary table's row for each area: counts, mean, divergence, change."""
    page = _page(context)
    words, language = page.words, page.language
    category = {
        "differ": words["differ"],
        "strength": words["strength"],
        "growth": words["growth_area"],
        "unrated": words["unrated"],
    }
    html = []
    for a in areas:
        standing = category[a.category]
        if a.one_voice and a.category in ("strength", "growth"):
            standing = words["one_voice"]  # one rating is nobody's shared view
        counts = "".join(f'<td class="heat">{a.counts.get(v)}</td>' for v in Rating.values)
        mean = "—" if a.mean is None else localized_number(a.mean, language)
        change = ""
        if show_change:
            shown = "—" if a.change is None else _signed(a.change, language)
            change = f'<td class="heat">{shown}</td>'
        html.append(
            f'<tr><th scope="row"><a href="#area-{a.area.pk}">{a.area.number}. '
            f"{escape(a.area.title)}</a></th>{counts}"
            f'<td class="heat {heat(a.mean)}">{mean}</td>'
            f'<td class="heat">{localized_number(a.divergence, language)}</td>{change}'
            f'<td><span class="badge {a.category}">{standing}</span></td></tr>'
        )
    return mark_safe("\n".join(html))


@register.simple_tag(takes_context=True)
def area_article(context: Context, a: AreaReport) -> SafeString:
    """Render one focus area: ratings by role, notes, recommendations and the discussion."""
    page = _page(context)
    words = page.words
    pk = a.area.pk
    mean = "—" if a.mean is None else localized_number(a.mean, page.language)
    figures = f"{words['mean']} {mean}"
    figures += f" · {words['divergence']} {localized_number(a.divergence, page.language)}"
    if a.change is not None:
        figures += f" · {words['change']} {_signed(a.change, page.language)}"
    parts = [
        f'<article id="area-{pk}">',
        f'<header class="area-head"><h3>{a.area.number}. {escape(a.area.title)}</h3>'
        f"<span>{figures}</span></header>",
        f'<div class="role-columns">{_role_columns(page, a)}</div>',
        f"<details><summary>{words['notes']}</summary>"
        f"<h4>{words['evidence']}</h4><ul>{_notes(page, a.evidence_notes)}</ul>"
        f"<h4>{words['growth']}</h4><ul>{_notes(page, a.growth_notes)}</ul></details>",
    ]
    if a.category != "strength":
        parts.append(_recommendations(page, a))
    parts.append(f"<footer><h4>{words['discussion']}</h4>{_discussion(page, a)}</footer>")
    parts.append("</article>")
    return mark_safe("\n".join(parts))


def _role_columns(page: _Page, a: AreaReport) -> str:
    columns = []
    for role in page.roles:
        criterion = a.criteria.get(role)
        answers = a.answers.get(role)
        if answers:
            items = "".join(
                f"<li>{page.names[answer.member.id]}: {page.ratings[answer.rating]}</li>"
                for answer in answers
            )
        else:
            items = f'<li class="muted">{page.words["no_answers"]}</li>'
        code = escape(criterion.code) if criterion else ""
        text = escape(criterion.text) if criterion else ""
        columns.append(f"<div><p><strong>{code}</strong> {text}</p><ul>{items}</ul></div>")
    return "".join(columns)


def _notes(page: _Page, notes: list) -> str:
    if not notes:
        return f'<li class="muted">{page.words["none_written"]}</li>'
    return "".join(
        f"<li><strong>{page.names[member.id]}:</strong> {_with_breaks(text)}</li>"
        for member, text in notes
    )


def _recommendations(page: _Page, a: AreaReport) -> str:
    words = page.words
    # Open wherever the team rates the area below "meets", even when it disagrees on it.
    below = a.category == "growth" or (a.mean is not None and a.mean < Rating.MEETS)
    html = [f"<details{' open' if below else ''}>"]
    html.append(f"<summary>{words['recommended']}</summary>")
    if a.area.rationale:
        html.append(f"<p><em>{escape(a.area.rationale)}</em></p>")
    for role, recommendations in a.recommendations.items():
        heading = words[role if role in ("teacher", "administrator") else "policymaker"]
        items = "".join(
            f"<li>{escape(rec.text)}"
            + "".join(
                f' <a href="/micro-credentials/by-slug/{escape(slug)}/">'
                f"{words['micro_credential']} {escape(slug_title(slug))}</a>"
                for slug in rec.micro_credentials
            )
            + "</li>"
            for rec in recommendations
        )
        html.append(f"<h4>{heading}</h4><ul>{items}</ul>")
    html.append("</details>")
    return "".join(html)


def _discussion(page: _Page, a: AreaReport) -> str:
    words = page.words
    html = []
    agreement = a.agreement
    if agreement:
        rating = ""
        if agreement.rating is not None:
            rating = f"{page.ratings[agreement.rating]} — "
        html.append(
            f"<p><strong>{words['agreed']}</strong> {rating}{_with_breaks(agreement.position)}</p>"
        )
    if a.next_steps:
        html.append(f"<h5>{words['team_steps']}</h5><ul>")
        for step in a.next_steps:
            description = escape(step.description)
            label = words["mark_not_done"] if step.done else words["mark_done"]
            detail = description
            if step.owner:
                detail += f" — {escape(step.owner.full_name)}"
            if step.due_on:
                detail += f", {words['by']} {escape(format_date(step.due_on, 'DATE_FORMAT'))}"
            html.append(
                f'<li><form method="post" action="{page.url(page.step_done_url, step.pk)}"'
                f' class="inline-form">{page.csrf}'
                f'<input type="hidden" name="done" value="{"no" if step.done else "yes"}">'
                f'<button type="submit" class="secondary outline small"'
                f' aria-label="{label}: {description}">{"✓ " if step.done else ""}{label}</button>'
                f"</form>\n{detail}</li>"
            )
        html.append("</ul>")
    if page.can_discuss:
        html.append(_discussion_forms(page, a))
    return "\n".join(html)


def _discussion_forms(page: _Page, a: AreaReport) -> str:
    words = page.words
    pk = a.area.pk
    agreed = a.agreement.rating if a.agreement else None
    radios = "".join(
        f'<label><input type="radio" name="rating" value="{value}"'
        f"{' checked' if agreed == value else ''}> {words[f'rating-{value}']}</label>"
        for value in Rating.values
    )
    position = escape(a.agreement.position) if a.agreement else ""
    return (
        f"<details><summary>{words['record']}</summary>"
        f'<form method="post" action="{page.url(page.agreement_url, pk)}">{page.csrf}'
        f'<fieldset class="ratings"><legend>{words["agreed_rating"]}</legend>{radios}</fieldset>'
        f'<label for="position-{pk}">{words["position"]}</label>'
        f'<textarea id="position-{pk}" name="position" rows="2">{position}</textarea>'
        f'<button type="submit" class="small">{words["save_position"]}</button></form>'
        f'<form method="post" action="{page.url(page.next_step_url, pk)}">{page.csrf}'
        f'<label for="step-{pk}">{words["step"]}</label>'
        f'<input id="step-{pk}" name="description" maxlength="500" required>'
        f'<div class="grid"><div><label for="owner-{pk}">{words["who"]}</label>'
        f'<select id="owner-{pk}" name="owner">{page.owner_options}</select></div>'
        f'<div><label for="due-{pk}">{words["by_when"]}</label>'
        f'<input id="due-{pk}" type="date" name="due_on"></div></div>'
        f'<button type="submit" class="small secondary">{words["add_step"]}</button></form>'
        "</details>"
    )


@register.simple_tag(takes_context=True)
def role_head(context: Context) -> SafeString:
    """Render the header cells of the areas-by-role table, one per role on the team."""
    page = _page(context)
    names = role_plurals(page.roles).values()
    cells = "".join(f'<th scope="col">{escape(name)}</th>' for name in names)
    return mark_safe(f'{cells}<th scope="col">{page.words["whole_team"]}</th>')


@register.simple_tag(takes_context=True)
def role_rows(context: Context, areas: list[AreaReport]) -> SafeString:
    """Render each area's mean rating by role and for the whole team, with the counts."""
    page = _page(context)
    html = []
    for a in areas:
        summaries = [a.by_role[role] for role in page.roles]
        summaries.append(
            RoleSummary(
                a.mean,
                len(a.ratings),
                a.counts[Rating.DONT_KNOW],
                sum(len(answers) for answers in a.answers.values()),
            )
        )
        cells = "".join(
            f'<td class="heat {heat(s.mean)}">'
            f"<strong>{'—' if s.mean is None else localized_number(s.mean, page.language)}"
            f"</strong><br><small>{escape(s.describe())}</small></td>"
            for s in summaries
        )
        html.append(
            f'<tr><th scope="row"><a href="#area-{a.area.pk}">{a.area.number}. '
            f"{escape(a.area.title)}</a></th>{cells}</tr>"
        )
    return mark_safe("\n".join(html))


@register.simple_tag(takes_context=True)
def role_chart(context: Context, report: TeamReport) -> dict:
    """Return the chart's figures: each role's mean per area, in report order, with tooltips."""
    page = _page(context)
    ordered = report.ordered
    series = []
    for role, name in role_plurals(page.roles).items():
        summaries = [a.by_role[role] for a in ordered]
        series.append(
            {
                "role": role,
                "label": name,
                "data": [s.mean for s in summaries],
                "notes": [s.describe() for s in summaries],
            }
        )
    return {
        "labels": [f"{a.area.number}. {a.area.title}" for a in ordered],
        "series": series,
        "scale": {str(v): str(label) for v, label in Rating.choices if v},
    }


@register.simple_tag
def section_heading(key: str, heading: str, report: TeamReport) -> str:
    """Return a section's heading, saying so when its figures rest on one member's answers."""
    if report.submitted_count == 1 and key == "strength":
        return _("Strengths in the one submitted member’s view")
    if report.submitted_count == 1 and key == "growth":
        return _("Growth areas in the one submitted member’s view")
    return heading
