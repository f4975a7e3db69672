"""Serializers, one module per resource."""
