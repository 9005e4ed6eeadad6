print("synergraph: under construction")
