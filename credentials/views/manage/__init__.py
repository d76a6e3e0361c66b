"""The issuer's pages: dashboard, authoring, reviewers, calibration, awards and bulk awards."""
