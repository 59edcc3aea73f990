"${{ outPath = "/some/out"; }}"
