[ https://a.example/x mailto:user@example.org ]
