"${{ outPath = ./helpers/hello.txt; }}" == ""
