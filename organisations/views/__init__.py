"""Thin views over organisations, people, invitations and staff imports, one module per area."""
