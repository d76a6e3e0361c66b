from .competencies import Association, Competency, LevelDescriptor, SpecialtyVariation
from .frameworks import (
    Framework,
    FrameworkAdoption,
    FrameworkVersion,
    ProficiencyLevel,
    Specialty,
)

__all__ = [
    "Association",
    "Competency",
    "Framework",
    "FrameworkAdoption",
    "FrameworkVersion",
    "LevelDescriptor",
    "ProficiencyLevel",
    "Specialty",
    "SpecialtyVariation",
]
