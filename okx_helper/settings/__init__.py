"""What the user keeps between runs: config.toml (interface language, hand-off choices, key map)
and the profile (registered email, UID, nickname, anti-phishing code) in the system keyring.

May import okx_helper.base only.
"""
