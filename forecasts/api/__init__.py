"""REST API (Django REST Framework) under /api/v1/."""
