from pathlib import Path

from django.apps import AppConfig
from django.conf import settings


class WebConfig(AppConfig):
    name = "web"
    verbose_name = "Site shell and dashboards"

    def ready(self) -> None:
        from .temporary_uploads import prepare_upload_folder

        # ready() runs once in every process: each gunicorn worker, db_worker, manage.py.
        prepare_upload_folder(Path(settings.FILE_UPLOAD_TEMP_DIR))
