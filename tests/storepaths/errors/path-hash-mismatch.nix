builtins.path { path = ../fixtures/hello.txt; sha256 = "1c37d01af40be2e80691de3cc3df44377a699afbb17c68f080964b2fd071fc14"; }
