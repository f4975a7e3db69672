from forecasts.models.modeling import StanceModel
from forecasts.models.people import Expert, Organization
from forecasts.models.questions import Forecast, Question, Tag
from forecasts.models.reports import CalibrationReport
from forecasts.models.sources import Claim, Source
from forecasts.models.versioning import DataVersion

__all__ = [
    "CalibrationReport",
    "Claim",
    "DataVersion",
    "Expert",
    "Forecast",
    "Organization",
    "Question",
    "Source",
    "StanceModel",
    "Tag",
]
