"""okx-helper: write good, safe emails to OKX support from the terminal."""

__version__ = "0.1.0"
