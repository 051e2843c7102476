"""The first layer: immutable value types and the parsers that make them from text.

Each value remembers the text it was parsed from (``.text``), outside equality.
"""
