"a\tb\nc\rd\"e\\f\${g}"
