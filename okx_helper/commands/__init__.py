"""Scriptable commands: each module has configure(parser) and run(args) -> exit code.

May import every engine package; never okx_helper.ui or Textual.
"""
