from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Conditions assessments"

    def build_demo(self, districts) -> None:
        from .demo import build_assessments

        build_assessments(districts)
