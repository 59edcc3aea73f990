https://example.org/a
