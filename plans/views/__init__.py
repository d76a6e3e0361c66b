"""Thin views over the plan actions, one module per area."""
