from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = "Organisations and people"

    def build_demo_districts(self) -> list:
        """Create the demo's districts, schools and people; each app's build_demo gets them."""
        from .demo import build_districts

        return build_districts()
