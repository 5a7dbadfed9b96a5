"""The Textual interface. Screens present the engines; they hold no rules of their own.

May import every engine package; never okx_helper.commands (both front ends share the engines).
"""
