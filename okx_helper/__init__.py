"""okx-helper: write good, safe emails to OKX support from the terminal.

The packages, from the front ends down (the import contracts in pyproject.toml keep it so):
cli -> ui | commands -> cases | handoff -> writing | replies -> guards | contacts | settings -> base.
"""

__version__ = "0.1.0"
