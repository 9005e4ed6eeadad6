Creator "igraph version 1.0.0 Sat Nov 28 06:13:38 2026"
Version 1
graph
[
  directed 1
  node
  [
    id 0
    kind "agency"
    country "KOR"
    name "unpog"
  ]
  node
  [
    id 1
    kind "school"
    country "NPL"
    name "nasc"
  ]
  node
  [
    id 2
    kind "cso"
    country "NPL"
    name "tiri"
  ]
  node
  [
    id 3
    kind "expert"
    country "NPL"
    name "exp-1"
  ]
  edge
  [
    source 0
    target 1
    kind "partnership"
    weight 2
    igraphnxmultiedgekey 0
  ]
  edge
  [
    source 0
    target 1
    kind "funding"
    weight 5
    igraphnxmultiedgekey 1
  ]
  edge
  [
    source 1
    target 0
    kind "partnership"
    weight 1.5
    igraphnxmultiedgekey 0
  ]
  edge
  [
    source 2
    target 2
    kind "membership"
    weight 3
    igraphnxmultiedgekey 0
  ]
  edge
  [
    source 3
    target 2
    kind "affiliation"
    weight 1
    igraphnxmultiedgekey 0
  ]
]
