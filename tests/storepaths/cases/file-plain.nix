# A regular file interpolated into a string is added to the store by its NAR hash.
"${../fixtures/hello.txt}"
