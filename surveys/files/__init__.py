"""One file on disk: atomic saves, reading text, the quick TOML reader, response files, the cache and settings."""
