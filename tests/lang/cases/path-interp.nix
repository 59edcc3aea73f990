let x = "hello"; in ./helpers/${x}.txt
