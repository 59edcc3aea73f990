# source: ours (docs/design/home-services.md): a service `a-b` and the sub-service `b` of `a`
# would both be a-b.service; that is an error rather than a silent merge of two services.
{
  home.services.a-b.process.argv = [ "/bin/true" ];
  home.services.a = {
    process.argv = [ "/bin/true" ];
    services.b.process.argv = [ "/bin/false" ];
  };
}
