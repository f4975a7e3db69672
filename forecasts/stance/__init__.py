"""Stance of a claim towards a question (agree / disagree / neutral / unrelated).

``features`` and ``model`` are pure (no Django); import them directly, e.g.
``from forecasts.stance.model import train, load``.
"""
