"""Writing the email: the draft and its categories and fields, what it still lacks, the message
rendered from the jinja2 templates, the checklist, the autosave, and the wizard core that owns
the draft and computes everything the screens and commands show about it.

May import okx_helper.base, .settings, .guards and .contacts; never .ui or .commands.
"""
