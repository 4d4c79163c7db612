"""renda: an open-data pipeline for the reports of China's local people's congresses."""

__version__ = "0.1.0"
