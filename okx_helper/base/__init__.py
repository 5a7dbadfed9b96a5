"""Basics every part shares: the interface strings in both languages (i18n), the packaged data
files and templates (resources), and a small word-trie builder for fast word-list regexes.

Imports nothing else from okx_helper.
"""
