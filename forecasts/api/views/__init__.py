"""Viewsets, one module per resource, so new actions land in the resource's own module."""
