"""REST API (Django REST Framework) under /api/v1/: serializers, views, filters, permissions, urls."""
