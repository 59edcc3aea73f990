"${../fixtures/no-such-file}"
