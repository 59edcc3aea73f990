/* outer /* inner */ 5
