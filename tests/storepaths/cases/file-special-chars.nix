# Contents with tabs, quotes and backslashes.
"${../fixtures/special.txt}"
