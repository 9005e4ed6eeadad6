graph [
  directed 1
  multigraph 1
  node [
    id 0
    label "unpog"
    kind "agency"
    country "KOR"
  ]
  node [
    id 1
    label "nasc"
    kind "school"
    country "NPL"
  ]
  node [
    id 2
    label "tiri"
    kind "cso"
    country "NPL"
  ]
  node [
    id 3
    label "exp-1"
    kind "expert"
    country "NPL"
  ]
  edge [
    source 0
    target 1
    key 0
    weight 2.0
    kind "partnership"
  ]
  edge [
    source 0
    target 1
    key 1
    weight 5.0
    kind "funding"
  ]
  edge [
    source 1
    target 0
    key 0
    weight 1.5
    kind "partnership"
  ]
  edge [
    source 2
    target 2
    key 0
    weight 3.0
    kind "membership"
  ]
  edge [
    source 3
    target 2
    key 0
    weight 1.0
    kind "affiliation"
  ]
]
