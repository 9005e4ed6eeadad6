graph [
  node [
    id 0
    label "H&#224; N&#7897;i"
    note "&#252;n&#239;c&#246;d&#233; <tag>"
  ]
  node [
    id 1
    label "Z&#252;rich"
    note "&#252;n&#239;c&#246;d&#233; <tag>"
  ]
  node [
    id 2
    label "&#26481;&#20140;"
    note "&#252;n&#239;c&#246;d&#233; <tag>"
  ]
  node [
    id 3
    label "&#332;saka &#34;north&#34; &#38; co"
    note "&#252;n&#239;c&#246;d&#233; <tag>"
  ]
  node [
    id 4
    label "&#917;&#955;&#955;&#940;&#948;&#945;"
    note "&#252;n&#239;c&#246;d&#233; <tag>"
  ]
  edge [
    source 0
    target 1
    weight 1.0
  ]
  edge [
    source 1
    target 2
    weight 2.0
  ]
  edge [
    source 2
    target 3
    weight 3.0
  ]
  edge [
    source 3
    target 4
    weight 4.0
  ]
]
