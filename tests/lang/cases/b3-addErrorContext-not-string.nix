builtins.addErrorContext 1 (throw "boom")
