"""Hand-off: getting the finished message to OKX from wherever the user is.

environment (what exists here), methods (what can work, in order), mailto, terminal,
eml, desktop and smtp (one way each). No Textual here: the screen only presents these.

May import okx_helper.writing (to serialise the message), .settings and .base; never .ui or .commands.
"""
