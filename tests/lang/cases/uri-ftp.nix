ftp://ftp.example.com/pub/file.tar.gz
