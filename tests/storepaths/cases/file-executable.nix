# The executable bit is part of the NAR, so it changes the store path.
"${../fixtures/run.sh}"
