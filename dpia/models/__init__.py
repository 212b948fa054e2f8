from .assessment import Action, Dpia, DpiaVersion, PrincipleAssessment, Risk
from .screening import Screening, ScreeningAnswer

__all__ = ["Action", "Dpia", "DpiaVersion", "PrincipleAssessment", "Risk", "Screening", "ScreeningAnswer"]
