# A nested directory on its own.
[ "${../fixtures/tree/sub}" "${../fixtures/tree/bin}" ]
