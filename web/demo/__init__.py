"""Demo data: the three districts of seed 003 with generated people and activity."""
