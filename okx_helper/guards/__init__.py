"""The checks on what the user writes: `privacy` finds secrets and ID numbers that must not be
sent, `tone` finds harsh passages and offers calmer wording. Plain functions over text.

May import okx_helper.base only; they know nothing of drafts, screens or commands.
"""
