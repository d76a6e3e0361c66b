from django.urls import path

from .views import overview, report, workflow

app_name = "assessments"

urlpatterns = [
    path("", workflow.assessment_list, name="list"),
    path("new/", workflow.start, name="start"),
    path("<int:assessment_id>/", workflow.detail, name="detail"),
    path("<int:assessment_id>/team/", workflow.team, name="team"),
    path("<int:assessment_id>/answer/", workflow.answer, name="answer"),
    path(
        "<int:assessment_id>/answer/<int:criterion_id>/",
        workflow.save_answer,
        name="save-answer",
    ),
    path("<int:assessment_id>/submit/", workflow.submit, name="submit"),
    path("<int:assessment_id>/status/", workflow.change_status, name="status"),
    path("<int:assessment_id>/report/", report.report, name="report"),
    path("<int:assessment_id>/report.csv", report.report_csv_view, name="report-csv"),
    path("<int:assessment_id>/report.pdf", report.report_pdf_view, name="report-pdf"),
    path(
        "<int:assessment_id>/areas/<int:area_id>/agreement/",
        report.record_agreement,
        name="agreement",
    ),
    path(
        "<int:assessment_id>/areas/<int:area_id>/next-steps/",
        report.add_next_step,
        name="next-step",
    ),
    path(
        "<int:assessment_id>/next-steps/<int:step_id>/done/",
        report.toggle_next_step,
        name="next-step-done",
    ),
    path("organisations/<int:organisation_id>/", overview.overview, name="overview"),
    path("instruments/", overview.instrument_list, name="instruments"),
    path("instruments/<int:instrument_id>/", overview.instrument_detail, name="instrument"),
    path("instruments/<int:instrument_id>/copy/", overview.instrument_copy, name="instrument-copy"),
    path(
        "instruments/<int:instrument_id>/criteria/<int:criterion_id>/edit/",
        overview.criterion_edit,
        name="criterion-edit",
    ),
]
