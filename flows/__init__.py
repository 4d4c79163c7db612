"""Prefect flows: thin wrappers that call the renda library."""
