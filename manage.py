#!/usr/bin/env python
"""Run Trellis's management commands."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trellis.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
