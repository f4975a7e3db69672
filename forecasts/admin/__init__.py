from forecasts.admin import modeling, people, questions, reports, sources  # noqa: F401
