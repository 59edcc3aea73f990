let y = "Y"; in ''
  outer ${''inner ${y}''}
''
