let d = "helpers"; in ./${d}/hello.txt
