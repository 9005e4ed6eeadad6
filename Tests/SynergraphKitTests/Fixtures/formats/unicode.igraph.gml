Creator "igraph version 1.0.0 Sat Nov 28 06:13:38 2026"
Version 1
graph
[
  directed 0
  node
  [
    id 0
    note "ünïcödé <tag>"
    name "Hà Nội"
  ]
  node
  [
    id 1
    note "ünïcödé <tag>"
    name "Zürich"
  ]
  node
  [
    id 2
    note "ünïcödé <tag>"
    name "東京"
  ]
  node
  [
    id 3
    note "ünïcödé <tag>"
    name "Ōsaka &quot;north&quot; &amp; co"
  ]
  node
  [
    id 4
    note "ünïcödé <tag>"
    name "Ελλάδα"
  ]
  edge
  [
    source 1
    target 0
    weight 1
  ]
  edge
  [
    source 2
    target 1
    weight 2
  ]
  edge
  [
    source 3
    target 2
    weight 3
  ]
  edge
  [
    source 4
    target 3
    weight 4
  ]
]
