{ ... }: {
  assertions = [
    { assertion = false; message = "first failure"; }
    { assertion = true; message = "not shown"; }
    { assertion = false; message = "second failure"; }
  ];
}
