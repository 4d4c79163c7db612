"""Repair text taken from print, keeping it readable.

``normalize(text)`` applies the rules of :mod:`renda.normalize.rules` in a fixed order and
returns the text that ``document_text.text`` publishes and that every extracted row's
offsets point into. See ``rules.py`` for each rule beside its examples.
"""

from renda.normalize.rules import detect_script, normalize

__all__ = ["detect_script", "normalize"]
