Creator "igraph version 1.0.0 Sat Nov 28 06:13:38 2026"
Version 1
graph
[
  directed 0
  name "Zachary's karate club"
  node
  [
    id 0
    club "Mr. Hi"
    name "k0"
  ]
  node
  [
    id 1
    club "Mr. Hi"
    name "k1"
  ]
  node
  [
    id 2
    club "Mr. Hi"
    name "k2"
  ]
  node
  [
    id 3
    club "Mr. Hi"
    name "k3"
  ]
  node
  [
    id 4
    club "Mr. Hi"
    name "k4"
  ]
  node
  [
    id 5
    club "Mr. Hi"
    name "k5"
  ]
  node
  [
    id 6
    club "Mr. Hi"
    name "k6"
  ]
  node
  [
    id 7
    club "Mr. Hi"
    name "k7"
  ]
  node
  [
    id 8
    club "Mr. Hi"
    name "k8"
  ]
  node
  [
    id 9
    club "Officer"
    name "k9"
  ]
  node
  [
    id 10
    club "Mr. Hi"
    name "k10"
  ]
  node
  [
    id 11
    club "Mr. Hi"
    name "k11"
  ]
  node
  [
    id 12
    club "Mr. Hi"
    name "k12"
  ]
  node
  [
    id 13
    club "Mr. Hi"
    name "k13"
  ]
  node
  [
    id 14
    club "Officer"
    name "k14"
  ]
  node
  [
    id 15
    club "Officer"
    name "k15"
  ]
  node
  [
    id 16
    club "Mr. Hi"
    name "k16"
  ]
  node
  [
    id 17
    club "Mr. Hi"
    name "k17"
  ]
  node
  [
    id 18
    club "Officer"
    name "k18"
  ]
  node
  [
    id 19
    club "Mr. Hi"
    name "k19"
  ]
  node
  [
    id 20
    club "Officer"
    name "k20"
  ]
  node
  [
    id 21
    club "Mr. Hi"
    name "k21"
  ]
  node
  [
    id 22
    club "Officer"
    name "k22"
  ]
  node
  [
    id 23
    club "Officer"
    name "k23"
  ]
  node
  [
    id 24
    club "Officer"
    name "k24"
  ]
  node
  [
    id 25
    club "Officer"
    name "k25"
  ]
  node
  [
    id 26
    club "Officer"
    name "k26"
  ]
  node
  [
    id 27
    club "Officer"
    name "k27"
  ]
  node
  [
    id 28
    club "Officer"
    name "k28"
  ]
  node
  [
    id 29
    club "Officer"
    name "k29"
  ]
  node
  [
    id 30
    club "Officer"
    name "k30"
  ]
  node
  [
    id 31
    club "Officer"
    name "k31"
  ]
  node
  [
    id 32
    club "Officer"
    name "k32"
  ]
  node
  [
    id 33
    club "Officer"
    name "k33"
  ]
  edge
  [
    source 1
    target 0
    weight 4
  ]
  edge
  [
    source 2
    target 0
    weight 5
  ]
  edge
  [
    source 3
    target 0
    weight 3
  ]
  edge
  [
    source 4
    target 0
    weight 3
  ]
  edge
  [
    source 5
    target 0
    weight 3
  ]
  edge
  [
    source 6
    target 0
    weight 3
  ]
  edge
  [
    source 7
    target 0
    weight 2
  ]
  edge
  [
    source 8
    target 0
    weight 2
  ]
  edge
  [
    source 10
    target 0
    weight 2
  ]
  edge
  [
    source 11
    target 0
    weight 3
  ]
  edge
  [
    source 12
    target 0
    weight 1
  ]
  edge
  [
    source 13
    target 0
    weight 3
  ]
  edge
  [
    source 17
    target 0
    weight 2
  ]
  edge
  [
    source 19
    target 0
    weight 2
  ]
  edge
  [
    source 21
    target 0
    weight 2
  ]
  edge
  [
    source 31
    target 0
    weight 2
  ]
  edge
  [
    source 2
    target 1
    weight 6
  ]
  edge
  [
    source 3
    target 1
    weight 3
  ]
  edge
  [
    source 7
    target 1
    weight 4
  ]
  edge
  [
    source 13
    target 1
    weight 5
  ]
  edge
  [
    source 17
    target 1
    weight 1
  ]
  edge
  [
    source 19
    target 1
    weight 2
  ]
  edge
  [
    source 21
    target 1
    weight 2
  ]
  edge
  [
    source 30
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
    source 7
    target 2
    weight 4
  ]
  edge
  [
    source 8
    target 2
    weight 5
  ]
  edge
  [
    source 9
    target 2
    weight 1
  ]
  edge
  [
    source 13
    target 2
    weight 3
  ]
  edge
  [
    source 27
    target 2
    weight 2
  ]
  edge
  [
    source 28
    target 2
    weight 2
  ]
  edge
  [
    source 32
    target 2
    weight 2
  ]
  edge
  [
    source 7
    target 3
    weight 3
  ]
  edge
  [
    source 12
    target 3
    weight 3
  ]
  edge
  [
    source 13
    target 3
    weight 3
  ]
  edge
  [
    source 6
    target 4
    weight 2
  ]
  edge
  [
    source 10
    target 4
    weight 3
  ]
  edge
  [
    source 6
    target 5
    weight 5
  ]
  edge
  [
    source 10
    target 5
    weight 3
  ]
  edge
  [
    source 16
    target 5
    weight 3
  ]
  edge
  [
    source 16
    target 6
    weight 3
  ]
  edge
  [
    source 30
    target 8
    weight 3
  ]
  edge
  [
    source 32
    target 8
    weight 3
  ]
  edge
  [
    source 33
    target 8
    weight 4
  ]
  edge
  [
    source 33
    target 9
    weight 2
  ]
  edge
  [
    source 33
    target 13
    weight 3
  ]
  edge
  [
    source 32
    target 14
    weight 3
  ]
  edge
  [
    source 33
    target 14
    weight 2
  ]
  edge
  [
    source 32
    target 15
    weight 3
  ]
  edge
  [
    source 33
    target 15
    weight 4
  ]
  edge
  [
    source 32
    target 18
    weight 1
  ]
  edge
  [
    source 33
    target 18
    weight 2
  ]
  edge
  [
    source 33
    target 19
    weight 1
  ]
  edge
  [
    source 32
    target 20
    weight 3
  ]
  edge
  [
    source 33
    target 20
    weight 1
  ]
  edge
  [
    source 32
    target 22
    weight 2
  ]
  edge
  [
    source 33
    target 22
    weight 3
  ]
  edge
  [
    source 25
    target 23
    weight 5
  ]
  edge
  [
    source 27
    target 23
    weight 4
  ]
  edge
  [
    source 29
    target 23
    weight 3
  ]
  edge
  [
    source 32
    target 23
    weight 5
  ]
  edge
  [
    source 33
    target 23
    weight 4
  ]
  edge
  [
    source 25
    target 24
    weight 2
  ]
  edge
  [
    source 27
    target 24
    weight 3
  ]
  edge
  [
    source 31
    target 24
    weight 2
  ]
  edge
  [
    source 31
    target 25
    weight 7
  ]
  edge
  [
    source 29
    target 26
    weight 4
  ]
  edge
  [
    source 33
    target 26
    weight 2
  ]
  edge
  [
    source 33
    target 27
    weight 4
  ]
  edge
  [
    source 31
    target 28
    weight 2
  ]
  edge
  [
    source 33
    target 28
    weight 2
  ]
  edge
  [
    source 32
    target 29
    weight 4
  ]
  edge
  [
    source 33
    target 29
    weight 2
  ]
  edge
  [
    source 32
    target 30
    weight 3
  ]
  edge
  [
    source 33
    target 30
    weight 3
  ]
  edge
  [
    source 32
    target 31
    weight 4
  ]
  edge
  [
    source 33
    target 31
    weight 4
  ]
  edge
  [
    source 33
    target 32
    weight 5
  ]
]
